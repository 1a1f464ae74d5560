using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ReportGen.Input;
using ReportGen.Output;
using ReportGen.Tests.TestSupport;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportGen.Tests.Output;

/// <summary>The workbook writer (batch summary, import target, fixtures): a valid package that reads back as written.</summary>
public class XlsxWriterTests
{
    private static readonly IReadOnlyList<XlsxSheet> Sheets =
    [
        new("汇总 & <排名>", [
            ["部门", "预算数（万元）", "执行率", "说明"],
            ["石峰区委宣传部", 560.75m, 0.8168m, "“重点”项目 <专项> & 其他"],
            ["某县统计局", 150, 0.984, null],
            ["含换行\n与\t制表", -0.5, 3L, "  前后空格  "],
        ]),
        new("问题清单", [["代码", "信息"], ["RG180", "超出预算 10%"]], BoldFirstRow: false),
        new("空表", []),
    ];

    private static byte[] Bytes()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, Sheets);
        return stream.ToArray();
    }

    [Fact]
    public void The_package_passes_the_Open_XML_validator_and_names_its_sheets_in_order()
    {
        using var stream = new MemoryStream(Bytes());
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document)
            .Select(error => $"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}").ToList();
        Assert.Empty(errors);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<S.Sheet>().Select(s => s.Name?.Value).ToList();
        Assert.Equal(["汇总 & <排名>", "问题清单", "空表"], names);
    }

    [Fact]
    public void Cells_read_back_as_written_numbers_as_numbers_text_as_text()
    {
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "汇总.xlsx");
        File.WriteAllBytes(path, Bytes());

        var workbook = WorkbookLoader.Load(path);

        var summary = workbook.Sheets[0];
        Assert.Equal("汇总 & <排名>", summary.Name);
        Assert.Equal("预算数（万元）", summary.Value(1, 2));
        Assert.Equal(560.75d, summary.Value(2, 2));
        Assert.Equal(0.8168d, summary.Value(2, 3));
        Assert.Equal("“重点”项目 <专项> & 其他", summary.Value(2, 4));
        Assert.Equal(150d, summary.Value(3, 2));
        Assert.Null(summary.Value(3, 4));
        Assert.Equal("含换行\n与\t制表", summary.Value(4, 1));
        Assert.Equal(-0.5d, summary.Value(4, 2));
        Assert.Equal("  前后空格  ", summary.Value(4, 4));
        Assert.Equal("RG180", workbook.Sheets[1].Value(2, 1));
        Assert.Empty(workbook.Sheets[2].Rows);
    }

    [Fact]
    public void Only_the_first_row_is_bold_and_only_where_asked()
    {
        using var stream = new MemoryStream(Bytes());
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var parts = document.WorkbookPart!;
        var sheets = parts.Workbook.Sheets!.Elements<S.Sheet>()
            .Select(sheet => ((WorksheetPart)parts.GetPartById(sheet.Id!)).Worksheet).ToList();
        var boldFormat = parts.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<S.CellFormat>().ElementAt(1);

        Assert.Equal(1u, boldFormat.FontId!.Value);
        Assert.NotNull(parts.WorkbookStylesPart.Stylesheet.Fonts!.Elements<S.Font>().ElementAt(1).Bold);
        var styles = sheets[0].Descendants<S.Row>().Select(row => row.Elements<S.Cell>().Select(c => c.StyleIndex?.Value ?? 0u).Distinct().Single()).ToList();
        Assert.Equal([1u, 0u, 0u, 0u], styles);
        Assert.All(sheets[1].Descendants<S.Cell>(), cell => Assert.Equal(0u, cell.StyleIndex?.Value ?? 0u));
    }

    [Fact]
    public void A_text_used_many_times_is_stored_once()
    {
        using var stream = new MemoryStream(Bytes());
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var table = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable;

        var texts = table.Elements<S.SharedStringItem>().Select(item => item.InnerText).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.Contains("“重点”项目 <专项> & 其他", texts);
        Assert.Equal(texts.Count, (int)table.UniqueCount!.Value);
    }

    /// <summary>
    /// A dressed sheet (views, widths, formats, filter, highlight, drop-down lists), whose XML is written by hand:
    /// valid, and read back by the SDK as written, markup characters in prompts, lists and texts included.
    /// </summary>
    [Fact]
    public void A_dressed_sheet_is_valid_and_reads_back_its_layout()
    {
        var layout = new XlsxLayout(
            [
                new XlsxColumn(12.3456, Choices: ["甲", "乙&丙", "<丁>"]) { Prompt = "请选择 \"类别\" & <说明>" },
                new XlsxColumn(13, XlsxStyle.Amount),
                new XlsxColumn(20) { ListRange = "'项目 表'!$A$2:$A$9" },
            ],
            FrozenRows: 2,
            AutoFilter: true)
        { Highlights = [new XlsxHighlight(2, 90m)], InputRows = 10 };
        IReadOnlyList<IReadOnlyList<object?>> rows =
        [
            ["类别", "金额", "归属"],
            ["说明", null, new XlsxCell(null, XlsxStyle.ToFill)],
            ["乙&丙", 89.5m, "a\u0001b 😀"],
        ];
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [new XlsxSheet("表", rows, Layout: layout)]);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document));
        var parts = document.WorkbookPart!;
        var sheet = parts.WorksheetParts.Single().Worksheet;
        var pane = sheet.Descendants<S.Pane>().Single();
        Assert.Equal((2d, "A3"), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value!));
        Assert.Equal([12.35d, 13d, 20d], sheet.Descendants<S.Column>().Select(c => c.Width!.Value));
        Assert.Equal((uint)XlsxStyle.Amount, sheet.Descendants<S.Column>().ElementAt(1).Style!.Value);
        Assert.Equal("A1:C3", sheet.GetFirstChild<S.AutoFilter>()!.Reference!.Value);
        Assert.Equal("AND(ISNUMBER(B3),B3<90)", sheet.Descendants<S.Formula>().Single().Text);
        Assert.Equal("B3:B12", sheet.Descendants<S.ConditionalFormatting>().Single().SequenceOfReferences!.InnerText);
        var lists = sheet.Descendants<S.DataValidation>().ToList();
        Assert.Equal(["\"甲,乙&丙,<丁>\"", "'项目 表'!$A$2:$A$9"], lists.Select(v => v.Formula1!.Text));
        Assert.Equal("请选择 \"类别\" & <说明>", lists[0].Prompt!.Value);
        Assert.Equal([true, false], lists.Select(v => v.ShowErrorMessage!.Value));
        Assert.Equal(["A3:A12", "C3:C12"], lists.Select(v => v.SequenceOfReferences!.InnerText));

        // A blank cell is written only with a format (in a frozen row, its own, not its column's); a control
        // character, which XML cannot carry, is left out of the text.
        var cells = sheet.Descendants<S.Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.False(cells.ContainsKey("B2"));
        Assert.Equal((uint)XlsxStyle.ToFill, cells["C2"].StyleIndex!.Value);
        Assert.Equal("89.5", cells["B3"].CellValue!.Text);
        var texts = parts.SharedStringTablePart!.SharedStringTable.Elements<S.SharedStringItem>().Select(i => i.InnerText).ToList();
        Assert.Equal("ab 😀", texts[int.Parse(cells["C3"].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public void The_same_sheets_give_the_same_bytes()
    {
        Assert.Equal(Bytes(), Bytes());
    }
}
