using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using ReportGen.Analysis;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>A cell written as raw SpreadsheetML: a type attribute, a style and the inner XML (f, v, is).</summary>
public sealed record RawCell(string? Type, string InnerXml, int Style = 0)
{
    /// <summary>A custom number format code (<c>0%</c>, <c>0!.0000"万"</c>) given to the cell through its own style.</summary>
    public string? Format { get; init; }

    /// <summary>A number shown through a number format, as Excel stores 96% (0.96 with <c>0%</c>).</summary>
    public static RawCell Formatted(double value, string format) =>
        new(null, $"<v>{value.ToString("R", CultureInfo.InvariantCulture)}</v>") { Format = format };

    /// <summary>A formula whose cached result is an error value, as Excel saves <c>=1/0</c>.</summary>
    public static RawCell FormulaError(string formula, string error) =>
        new("e", $"<f>{SecurityElement.Escape(formula)}</f><v>{SecurityElement.Escape(error)}</v>");

    /// <summary>A formula with no cached value: what openpyxl (and other libraries that do not calculate) write.</summary>
    public static RawCell FormulaWithoutValue(string formula) => new(null, $"<f>{SecurityElement.Escape(formula)}</f>");

    /// <summary>A number formatted as a date (numFmtId 14), the way Excel stores a typed date.</summary>
    public static RawCell Date(DateTime date) =>
        new(null, $"<v>{(date - new DateTime(1899, 12, 30)).TotalDays.ToString(CultureInfo.InvariantCulture)}</v>", Style: 1);

    /// <summary>A percent typed in Excel: the fraction with the built-in format 0% (numFmtId 9) or 0.00% (numFmtId 10).</summary>
    public static RawCell Percent(double fraction, bool twoDecimals = false) =>
        new(null, $"<v>{fraction.ToString("R", CultureInfo.InvariantCulture)}</v>", Style: twoDecimals ? 3 : 2);

    /// <summary>A number written with its exact text in &lt;v&gt; (scientific notation, "-0").</summary>
    public static RawCell Number(string text) => new(null, $"<v>{text}</v>");
}

/// <summary>
/// Writes small .xlsx packages part by part, so tests control what the Open XML SDK would tidy away: error
/// cells, formulas without cached values, hidden rows and sheets, merged ranges, dates in amount columns.
/// Strings go inline; numbers as numbers; a <see cref="RawCell"/> as written.
/// </summary>
public sealed class RawXlsx
{
    private readonly List<Sheet> _sheets = [];

    public sealed class Sheet(string name)
    {
        public string Name { get; } = name;
        public bool Hidden { get; set; }
        public List<(object?[] Cells, bool Hidden)> Rows { get; } = [];
        public List<string> Merges { get; } = [];

        public Sheet Row(params object?[] cells)
        {
            Rows.Add((cells, false));
            return this;
        }

        public Sheet HiddenRow(params object?[] cells)
        {
            Rows.Add((cells, true));
            return this;
        }

        public Sheet Merge(string range)
        {
            Merges.Add(range);
            return this;
        }
    }

    public Sheet AddSheet(string name, bool hidden = false)
    {
        var sheet = new Sheet(name) { Hidden = hidden };
        _sheets.Add(sheet);
        return sheet;
    }

    /// <summary>
    /// Analyses the standard workbook written into <paramref name="folder"/>: row 2 of 预算执行 is 基本支出 20 万元, then
    /// the rows <paramref name="lines"/> adds; <paramref name="more"/> may add sheets or styles.
    /// </summary>
    public static DepartmentAnalysis AnalyzeStandard(TempDir folder, Action<Sheet> lines, Action<RawXlsx>? more = null)
    {
        var book = Standard(out var sheet);
        sheet.Row("基本支出", "基本支出", null, 20, 0, 20, 20, 0);
        lines(sheet);
        more?.Invoke(book);
        return GenerateJob.Analyze(book.Write(folder.File("工作簿.xlsx")));
    }

    /// <summary>The standard two sheets: a valid 基本信息 and 预算执行 with the WorkbookBuilder header.</summary>
    public static RawXlsx Standard(out Sheet lines)
    {
        var book = new RawXlsx();
        book.AddSheet("基本信息").Row("项目", "内容").Row("部门名称", "测试部门").Row("年度", "2023").Row("金额单位", "万元");
        lines = book.AddSheet("预算执行").Row(TestSupport.WorkbookBuilder.LineHeader.Cast<object?>().ToArray());
        return book;
    }

    public byte[] ToBytes()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", ContentTypes());
            Entry(zip, "_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry(zip, "xl/workbook.xml", Workbook());
            Entry(zip, "xl/_rels/workbook.xml.rels", WorkbookRels());
            var formats = _sheets.SelectMany(sheet => sheet.Rows).SelectMany(row => row.Cells).OfType<RawCell>()
                .Select(cell => cell.Format).OfType<string>().Distinct().ToList();
            Entry(zip, "xl/styles.xml", Styles(formats));
            for (var i = 0; i < _sheets.Count; i++)
            {
                Entry(zip, $"xl/worksheets/sheet{i + 1}.xml", SheetXml(_sheets[i], formats));
            }
        }

        return memory.ToArray();
    }

    public string Write(string path)
    {
        File.WriteAllBytes(path, ToBytes());
        return path;
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private string ContentTypes()
    {
        var text = new StringBuilder(
            """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var i = 1; i <= _sheets.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        return text.Append("</Types>").ToString();
    }

    private string Workbook()
    {
        var text = new StringBuilder(
            """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (var i = 0; i < _sheets.Count; i++)
        {
            var state = _sheets[i].Hidden ? " state=\"hidden\"" : "";
            text.Append(CultureInfo.InvariantCulture, $"""<sheet name="{SecurityElement.Escape(_sheets[i].Name)}" sheetId="{i + 1}"{state} r:id="rId{i + 1}"/>""");
        }

        return text.Append("</sheets></workbook>").ToString();
    }

    private string WorkbookRels()
    {
        var text = new StringBuilder(
            """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= _sheets.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }

        text.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{_sheets.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        return text.Append("</Relationships>").ToString();
    }

    // Style 0 is plain, 1 a date (numFmtId 14), 2 and 3 Excel's built-in 0% and 0.00% (ids 9 and 10, what Excel writes
    // for a typed 96%), 4 + i the i-th custom format (ids from 164, as Excel numbers them).
    private static string Styles(List<string> formats)
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
        if (formats.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<numFmts count=\"{formats.Count}\">");
            for (var i = 0; i < formats.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"<numFmt numFmtId=\"{164 + i}\" formatCode=\"{SecurityElement.Escape(formats[i])}\"/>");
            }

            text.Append("</numFmts>");
        }

        text.Append(CultureInfo.InvariantCulture, $"""<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="{4 + formats.Count}"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/>""");
        for (var i = 0; i < formats.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<xf numFmtId=\"{164 + i}\" applyNumberFormat=\"1\"/>");
        }

        return text.Append("</cellXfs></styleSheet>").ToString();
    }

    private static string SheetXml(Sheet sheet, List<string> formats)
    {
        var text = new StringBuilder(
            """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var (cells, hidden) = sheet.Rows[r];
            text.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\"{(hidden ? " hidden=\"1\"" : "")}>");
            for (var c = 0; c < cells.Length; c++)
            {
                var reference = ReportGen.Model.SourceLocation.ColumnLetters(c + 1) + (r + 1);
                text.Append(cells[c] switch
                {
                    null => "",
                    string s => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></is></c>",
                    RawCell raw => $"<c r=\"{reference}\"{(raw.Type is null ? "" : $" t=\"{raw.Type}\"")}{StyleOf(raw, formats)}>{raw.InnerXml}</c>",
                    IFormattable number => $"<c r=\"{reference}\"><v>{number.ToString(null, CultureInfo.InvariantCulture)}</v></c>",
                    var other => throw new ArgumentException($"unsupported cell {other}"),
                });
            }

            text.Append("</row>");
        }

        text.Append("</sheetData>");
        if (sheet.Merges.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<mergeCells count=\"{sheet.Merges.Count}\">");
            foreach (var merge in sheet.Merges)
            {
                text.Append(CultureInfo.InvariantCulture, $"<mergeCell ref=\"{merge}\"/>");
            }

            text.Append("</mergeCells>");
        }

        return text.Append("</worksheet>").ToString();
    }

    private static string StyleOf(RawCell cell, List<string> formats)
    {
        var style = cell.Format is { } format ? 4 + formats.IndexOf(format) : cell.Style;
        return style == 0 ? "" : $" s=\"{style}\"";
    }
}
