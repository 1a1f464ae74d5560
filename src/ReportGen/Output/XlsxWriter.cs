using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ReportGen.Output;

/// <summary>A sheet to write: a name and rows of cells (string, decimal, int, double or null).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows, bool BoldFirstRow = true);

/// <summary>
/// Writes plain workbooks (ClosedXML cannot be restored here): text through the shared string table, numbers as
/// numbers, a bold header row. Used for the batch summary, the import's target workbook and test fixtures. The
/// package is written straight to a zip with <see cref="PartXml"/>, as <see cref="DocxWriter"/> writes reports.
/// Before (issue 6, docs/performance.md) it went through the SDK's System.IO.Packaging with every text inline: a
/// batch summary (48,000 finding rows for 1,000 departments, 36 MB of sheet XML) took 0.5 s at the end of a batch.
/// </summary>
public static class XlsxWriter
{
    private const string Namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sheets);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        PackageZip.Part(zip, "[Content_Types].xml", output => output.Write(ContentTypes(sheets.Count)));
        PackageZip.Part(zip, "_rels/.rels", output => output.Write(Text(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + Relationship("officeDocument", "/xl/workbook.xml", "rId1") + "</Relationships>")));
        PackageZip.Part(zip, "xl/_rels/workbook.xml.rels", output => output.Write(WorkbookRelationships(sheets.Count)));
        PackageZip.Part(zip, "xl/workbook.xml", output => WriteWorkbook(output, sheets));
        PackageZip.Part(zip, "xl/styles.xml", output => output.Write(Styles));
        var strings = new SharedStrings();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];

            // Fastest (zlib level 1): a batch summary's finding sheet is written at the end of the batch.
            PackageZip.Part(zip, $"xl/worksheets/sheet{i + 1}.xml", output => WriteSheet(output, sheet, strings), CompressionLevel.Fastest);
        }

        PackageZip.Part(zip, "xl/sharedStrings.xml", strings.Write, CompressionLevel.Fastest);
    }

    public static void Write(string path, IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        Write(stream, sheets);
    }

    private static byte[] Text(string xml) => Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + xml);

    private static string Relationship(string type, string target, string id) =>
        $"<Relationship Type=\"{RelationshipType}{type}\" Target=\"{target}\" Id=\"{id}\" />";

    private static byte[] ContentTypes(int sheetCount)
    {
        var xml = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        xml.Append("<Default Extension=\"xml\" ContentType=\"application/xml\" />");
        xml.Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" />");
        xml.Append($"<Override PartName=\"/xl/workbook.xml\" ContentType=\"{ContentType}sheet.main+xml\" />");
        xml.Append($"<Override PartName=\"/xl/styles.xml\" ContentType=\"{ContentType}styles+xml\" />");
        xml.Append($"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{ContentType}sharedStrings+xml\" />");
        for (var i = 1; i <= sheetCount; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"{ContentType}worksheet+xml\" />");
        }

        return Text(xml.Append("</Types>").ToString());
    }

    /// <summary>rId1 is the styles; sheet N is rId(N+1); the shared strings come last.</summary>
    private static byte[] WorkbookRelationships(int sheetCount)
    {
        var xml = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        xml.Append(Relationship("styles", "/xl/styles.xml", "rId1"));
        for (var i = 1; i <= sheetCount; i++)
        {
            xml.Append(Relationship("worksheet", $"/xl/worksheets/sheet{i}.xml", $"rId{i + 1}"));
        }

        xml.Append(Relationship("sharedStrings", "/xl/sharedStrings.xml", $"rId{sheetCount + 2}"));

        return Text(xml.Append("</Relationships>").ToString());
    }

    private static void WriteWorkbook(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        using var xml = new PartXml(output, prefix: string.Empty);
        xml.Root("workbook", Namespace);
        xml.Attribute("xmlns:r", PartXml.RelationshipsNamespace);
        xml.Start("sheets");
        for (var i = 0; i < sheets.Count; i++)
        {
            xml.Start("sheet");
            xml.Attribute("name", sheets[i].Name);
            xml.Attribute("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            xml.Attribute("r:id", $"rId{i + 2}");
            xml.End();
        }

        xml.End();
        xml.End();
    }

    /// <summary>
    /// Style 0 plain, style 1 bold (the header row), over the one "Normal" cell style Excel itself writes (without
    /// it, readers such as openpyxl warn that the workbook has no default style).
    /// </summary>
    private static readonly byte[] Styles = Text(
        $"<styleSheet xmlns=\"{Namespace}\">"
        + "<fonts count=\"2\"><font /><font><b /></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\" /></fill><fill><patternFill patternType=\"gray125\" /></fill></fills>"
        + "<borders count=\"1\"><border /></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" /></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" />"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" /></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\" /></cellStyles>"
        + "</styleSheet>");

    private static void WriteSheet(Stream output, XlsxSheet sheet, SharedStrings strings)
    {
        using var xml = new PartXml(output, prefix: string.Empty);
        xml.Root("worksheet", Namespace);
        xml.Start("sheetData");
        var rowIndex = 1;
        foreach (var cells in sheet.Rows)
        {
            var row = rowIndex.ToString(CultureInfo.InvariantCulture);
            xml.Start("row");
            xml.Attribute("r", row);
            var columnIndex = 1;
            foreach (var value in cells)
            {
                WriteCell(xml, value, row, columnIndex, sheet.BoldFirstRow && rowIndex == 1, strings);
                columnIndex++;
            }

            xml.End();
            rowIndex++;
        }

        xml.End();
        xml.End();
    }

    /// <summary>
    /// A cell: numbers as numbers, anything else as its text in the shared string table; null is no cell. Style 0
    /// (plain) is the default and is not written.
    /// </summary>
    private static void WriteCell(PartXml xml, object? value, string row, int column, bool bold, SharedStrings strings)
    {
        if (value is null)
        {
            return;
        }

        var number = value is decimal or int or long or double or float;
        xml.Start("c");
        xml.Attribute("r", Model.SourceLocation.ColumnLetters(column) + row);
        if (bold)
        {
            xml.Attribute("s", "1");
        }

        xml.Attribute("t", number ? "n" : "s");
        xml.Start("v");
        xml.Text(number
            ? Convert.ToString(value, CultureInfo.InvariantCulture)!
            : strings.Index(value as string ?? value.ToString() ?? string.Empty).ToString(CultureInfo.InvariantCulture));
        xml.End();
        xml.End();
    }

    /// <summary>xl/sharedStrings.xml: each distinct text once, cells refer to it by its index.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly List<string> texts = [];
        private int references;

        public int Index(string text)
        {
            references++;
            if (!indexes.TryGetValue(text, out var index))
            {
                index = texts.Count;
                indexes[text] = index;
                texts.Add(text);
            }

            return index;
        }

        public void Write(Stream output)
        {
            using var xml = new PartXml(output, prefix: string.Empty);
            xml.Root("sst", Namespace);
            xml.Attribute("count", references.ToString(CultureInfo.InvariantCulture));
            xml.Attribute("uniqueCount", texts.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var text in texts)
            {
                xml.Start("si");
                xml.Start("t");
                xml.Attribute("xml:space", "preserve");
                xml.Text(text);
                xml.End();
                xml.End();
            }

            xml.End();
        }
    }
}
