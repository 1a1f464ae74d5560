using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ReportGen.Output;

/// <summary>
/// A sheet to write: a name and rows of cells (string, decimal, int, double, <see cref="XlsxCell"/> or null), and
/// optionally how it is dressed (widths, frozen header, formats, drop-down lists).
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows, bool BoldFirstRow = true, XlsxLayout? Layout = null);

/// <summary>The cell formats a written workbook offers; the numbers are the cellXfs indexes of the styles part.</summary>
public enum XlsxStyle
{
    Plain = 0,

    /// <summary>The header row: bold on grey.</summary>
    Header = 1,

    /// <summary>Two decimals ("0.00").</summary>
    Amount = 2,

    /// <summary>For the clerk to fill: light yellow.</summary>
    ToFill = 3,
    ToFillAmount = 4,

    /// <summary>Filled by <c>reportgen import</c> from the forms (or by hand): light blue.</summary>
    FromForms = 5,
    FromFormsAmount = 6,

    /// <summary>Wrapped text, top-aligned (the 填写说明 sheet).</summary>
    Wrap = 7,

    /// <summary>Bold, no fill (a title).</summary>
    Title = 8,
}

/// <summary>A value with its own format, overriding its column's.</summary>
public sealed record XlsxCell(object? Value, XlsxStyle Style);

/// <summary>
/// A column of a dressed sheet: its width in characters, the format of its cells below the header, and a drop-down
/// list: a closed set of values, or a range of another sheet (<see cref="ListRange"/>, e.g. the projects' names).
/// </summary>
public sealed record XlsxColumn(double Width, XlsxStyle Style = XlsxStyle.Plain, IReadOnlyList<string>? Choices = null)
{
    public string? ListRange { get; init; }

    /// <summary>A hint shown when the cell is selected.</summary>
    public string? Prompt { get; init; }
}

/// <summary>
/// How a sheet is dressed: column widths and formats, the header rows frozen, an auto filter over the table, and
/// columns whose numbers below <see cref="XlsxHighlight.Below"/> are highlighted (weak execution rates).
/// </summary>
public sealed record XlsxLayout(IReadOnlyList<XlsxColumn> Columns, int FrozenRows = 1, bool AutoFilter = false)
{
    public IReadOnlyList<XlsxHighlight> Highlights { get; init; } = [];

    /// <summary>The rows a drop-down list and a column format reach below the header.</summary>
    public int InputRows { get; init; } = 1000;
}

/// <summary>Numbers in a 1-based column below a threshold get the highlight format.</summary>
public sealed record XlsxHighlight(int Column, decimal Below);

/// <summary>
/// Writes new workbooks: text through the shared string table, numbers as numbers, a bold header row. Used for the batch summary, the import's target workbook and test fixtures. The
/// package is written straight to a zip with <see cref="PartXml"/>, as <see cref="DocxWriter"/> writes reports.
/// Before (docs/performance.md) it went through the SDK's System.IO.Packaging with every text inline: a
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

        // Excel keeps an auto filter's range as a hidden defined name beside the sheet's own element.
        var filtered = sheets.Select((sheet, index) => (sheet, index)).Where(pair => pair.sheet.Layout?.AutoFilter == true && pair.sheet.Rows.Count > 0).ToList();
        if (filtered.Count > 0)
        {
            xml.Start("definedNames");
            foreach (var (sheet, index) in filtered)
            {
                xml.Start("definedName");
                xml.Attribute("name", "_xlnm._FilterDatabase");
                xml.Attribute("localSheetId", index.ToString(CultureInfo.InvariantCulture));
                xml.Attribute("hidden", "1");
                xml.Text($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(FilterRange(sheet))}");
                xml.End();
            }

            xml.End();
        }

        xml.End();
    }

    /// <summary>
    /// The cell formats of <see cref="XlsxStyle"/>, in that order, over the one "Normal" cell style Excel itself
    /// writes (without it, readers such as openpyxl warn that the workbook has no default style); one differential
    /// format (red on pink) for highlights.
    /// </summary>
    private static readonly byte[] Styles = Text(
        $"<styleSheet xmlns=\"{Namespace}\">"
        + "<fonts count=\"2\"><font /><font><b /></font></fonts>"
        + "<fills count=\"5\"><fill><patternFill patternType=\"none\" /></fill><fill><patternFill patternType=\"gray125\" /></fill>"
        + Fill("FFFFF2CC") + Fill("FFDDEBF7") + Fill("FFD9D9D9") + "</fills>"
        + "<borders count=\"1\"><border /></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" /></cellStyleXfs>"
        + "<cellXfs count=\"9\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" />"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"4\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" />"
        + "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" />"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFill=\"1\" />"
        + "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" />"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyFill=\"1\" />"
        + "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" />"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\" /></xf>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" /></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\" /></cellStyles>"
        + "<dxfs count=\"1\"><dxf><font><color rgb=\"FF9C0006\" /></font><fill><patternFill><bgColor rgb=\"FFFFC7CE\" /></patternFill></fill></dxf></dxfs>"
        + "</styleSheet>");

    private static string Fill(string argb) => $"<fill><patternFill patternType=\"solid\"><fgColor rgb=\"{argb}\" /><bgColor indexed=\"64\" /></patternFill></fill>";

    private static void WriteSheet(Stream output, XlsxSheet sheet, SharedStrings strings)
    {
        using var xml = new PartXml(output, prefix: string.Empty);
        xml.Root("worksheet", Namespace);
        var layout = sheet.Layout;
        if (layout is not null)
        {
            WriteView(xml, layout);
        }

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
                var header = sheet.BoldFirstRow && rowIndex == 1;
                var style = header ? XlsxStyle.Header
                    : rowIndex > (layout?.FrozenRows ?? 0) && layout is not null && columnIndex <= layout.Columns.Count
                        ? layout.Columns[columnIndex - 1].Style
                        : XlsxStyle.Plain;
                WriteCell(xml, value, row, columnIndex, style, strings);
                columnIndex++;
            }

            xml.End();
            rowIndex++;
        }

        xml.End();
        if (layout is not null)
        {
            WriteRules(xml, sheet, layout);
        }

        xml.End();
    }

    /// <summary>The frozen header rows, then each column's width and format (empty cells show the format too).</summary>
    private static void WriteView(PartXml xml, XlsxLayout layout)
    {
        xml.Start("sheetViews");
        xml.Start("sheetView");
        xml.Attribute("workbookViewId", "0");
        if (layout.FrozenRows > 0)
        {
            var top = "A" + (layout.FrozenRows + 1).ToString(CultureInfo.InvariantCulture);
            xml.Start("pane");
            xml.Attribute("ySplit", layout.FrozenRows.ToString(CultureInfo.InvariantCulture));
            xml.Attribute("topLeftCell", top);
            xml.Attribute("activePane", "bottomLeft");
            xml.Attribute("state", "frozen");
            xml.End();
            xml.Start("selection");
            xml.Attribute("pane", "bottomLeft");
            xml.Attribute("activeCell", top);
            xml.Attribute("sqref", top);
            xml.End();
        }

        xml.End();
        xml.End();
        if (layout.Columns.Count == 0)
        {
            return;
        }

        xml.Start("cols");
        for (var i = 0; i < layout.Columns.Count; i++)
        {
            var column = layout.Columns[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            xml.Start("col");
            xml.Attribute("min", number);
            xml.Attribute("max", number);
            xml.Attribute("width", column.Width.ToString("0.##", CultureInfo.InvariantCulture));
            if (column.Style != XlsxStyle.Plain)
            {
                xml.Attribute("style", ((int)column.Style).ToString(CultureInfo.InvariantCulture));
            }

            xml.Attribute("customWidth", "1");
            xml.End();
        }

        xml.End();
    }

    /// <summary>After the cells, in the order the schema wants: auto filter, highlights, drop-down lists.</summary>
    private static void WriteRules(PartXml xml, XlsxSheet sheet, XlsxLayout layout)
    {
        if (layout.AutoFilter && sheet.Rows.Count > 0)
        {
            xml.Start("autoFilter");
            xml.Attribute("ref", FilterRange(sheet));
            xml.End();
        }

        var first = layout.FrozenRows + 1;
        var last = Math.Max(sheet.Rows.Count, layout.FrozenRows + layout.InputRows);
        var priority = 1;
        foreach (var highlight in layout.Highlights)
        {
            var letters = Model.SourceLocation.ColumnLetters(highlight.Column);
            var top = letters + first.ToString(CultureInfo.InvariantCulture);
            xml.Start("conditionalFormatting");
            xml.Attribute("sqref", $"{top}:{letters}{last.ToString(CultureInfo.InvariantCulture)}");
            xml.Start("cfRule");
            xml.Attribute("type", "expression");
            xml.Attribute("dxfId", "0");
            xml.Attribute("priority", (priority++).ToString(CultureInfo.InvariantCulture));
            xml.Start("formula");

            // Blank cells are not weak: only numbers are compared.
            xml.Text($"AND(ISNUMBER({top}),{top}<{highlight.Below.ToString(CultureInfo.InvariantCulture)})");
            xml.End();
            xml.End();
            xml.End();
        }

        var lists = layout.Columns.Select((column, index) => (column, index))
            .Where(pair => pair.column.Choices is { Count: > 0 } || pair.column.ListRange is not null).ToList();
        if (lists.Count == 0)
        {
            return;
        }

        xml.Start("dataValidations");
        xml.Attribute("count", lists.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (column, index) in lists)
        {
            var letters = Model.SourceLocation.ColumnLetters(index + 1);
            xml.Start("dataValidation");
            xml.Attribute("type", "list");
            xml.Attribute("allowBlank", "1");
            xml.Attribute("showInputMessage", "1");

            // A list drawn from another sheet (归属 from the projects) also takes values outside it (部门整体).
            xml.Attribute("showErrorMessage", column.ListRange is null ? "1" : "0");
            if (column.Prompt is { } prompt)
            {
                xml.Attribute("prompt", prompt);
            }

            xml.Attribute("sqref", $"{letters}{first.ToString(CultureInfo.InvariantCulture)}:{letters}{last.ToString(CultureInfo.InvariantCulture)}");
            xml.Start("formula1");
            xml.Text(column.ListRange ?? "\"" + string.Join(",", column.Choices!) + "\"");
            xml.End();
            xml.End();
        }

        xml.End();
    }

    private static string FilterRange(XlsxSheet sheet)
    {
        var width = Math.Max(1, sheet.Rows.Max(row => row.Count));
        return $"A1:{Model.SourceLocation.ColumnLetters(width)}{sheet.Rows.Count.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Absolute(string range) => string.Join(":", range.Split(':').Select(cell =>
    {
        var digits = cell.IndexOfAny("0123456789".ToCharArray());
        return $"${cell[..digits]}${cell[digits..]}";
    }));

    /// <summary>
    /// A cell: numbers as numbers, anything else as its text in the shared string table; null is no cell. Style 0
    /// (plain) is the default and is not written.
    /// </summary>
    private static void WriteCell(PartXml xml, object? value, string row, int column, XlsxStyle style, SharedStrings strings)
    {
        if (value is XlsxCell cell)
        {
            (value, style) = (cell.Value, cell.Style);
        }

        if (value is null)
        {
            if (style != XlsxStyle.Plain)
            {
                // An empty cell with a format: the fill shows what to type where.
                xml.Start("c");
                xml.Attribute("r", Model.SourceLocation.ColumnLetters(column) + row);
                xml.Attribute("s", ((int)style).ToString(CultureInfo.InvariantCulture));
                xml.End();
            }

            return;
        }

        var number = value is decimal or int or long or double or float;
        xml.Start("c");
        xml.Attribute("r", Model.SourceLocation.ColumnLetters(column) + row);
        if (style != XlsxStyle.Plain)
        {
            xml.Attribute("s", ((int)style).ToString(CultureInfo.InvariantCulture));
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
