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

    [Fact]
    public void The_same_sheets_give_the_same_bytes()
    {
        Assert.Equal(Bytes(), Bytes());
    }
}
