using System.Text;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Input;

public sealed class WorkbookLoaderTests
{
    [Fact]
    public void A_csv_folder_gives_one_sheet_per_file_named_after_it()
    {
        var data = WorkbookLoader.Load(Repo.SampleCsvFolder);
        Assert.Equal(["基本信息", "绩效指标", "重点工作", "项目目标", "预算执行"], data.Sheets.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal("项目名称", data.Find("预算执行")!.Text(1, 1)); // the BOM is not part of the first header
    }

    [Fact]
    public void A_multi_line_quoted_csv_cell_stays_one_cell()
    {
        var duties = WorkbookLoader.Load(Repo.SampleCsvFolder).Find("基本信息")!;
        var row = Enumerable.Range(1, duties.Rows.Count).Single(r => duties.Text(r, 1) == "主要职责");
        Assert.Equal(3, duties.Text(row, 2).Split('\n').Length);
    }

    [Fact]
    public void A_gbk_csv_is_read()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.File("gbk"));
        File.WriteAllText(temp.File("gbk/预算执行.csv"), "项目名称,支出类别\n文明经费,项目支出\n", Encoding.GetEncoding("GB18030"));
        var sheet = WorkbookLoader.Load(temp.File("gbk")).Sheets.Single();
        Assert.Equal("文明经费", sheet.Text(2, 1));
    }

    [Fact]
    public void An_xlsx_keeps_sheet_order_and_cell_types()
    {
        using var temp = new TempDir();
        var path = WorkbookBuilder.Create().Project("p", 30m, 8.72m, 38.57m).WriteXlsx(temp.File("t.xlsx"));
        var data = WorkbookLoader.Load(path);
        Assert.Equal(["基本信息", "预算执行"], data.Sheets.Select(s => s.Name));
        Assert.Equal(38.72d, data.Find("预算执行")!.Value(2, 6));
        Assert.False(data.Sheets[0].Hidden);
    }

    [Fact]
    public void A_missing_file_is_an_input_error_naming_it()
    {
        var ex = Assert.Throws<InputException>(() => WorkbookLoader.Load("/nowhere/不存在.xlsx"));
        Assert.Contains("找不到文件“/nowhere/不存在.xlsx”", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_file_renamed_xlsx_is_an_input_error()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("假的.xlsx"), "这不是一个工作簿\n项目名称,支出类别\n");
        var ex = Assert.Throws<InputException>(() => WorkbookLoader.Load(temp.File("假的.xlsx")));
        Assert.Contains("“假的.xlsx”不是可读取的 Excel 工作簿", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_is_an_input_error()
    {
        using var temp = new TempDir();
        var ex = Assert.Throws<InputException>(() => WorkbookLoader.Load(temp.Path));
        Assert.Contains("没有 .csv 文件", ex.Message, StringComparison.Ordinal);
    }
}
