using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli;

/// <summary>
/// Bad input through the whole CLI: the exit code, a Chinese message that names the file, sheet, row or
/// column, and never a stack trace.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Xlsx(WorkbookBuilder book, string name = "石峰.xlsx") => book.WriteXlsx(_temp.File(name));

    private static WorkbookBuilder Valid() => WorkbookBuilder.Create().Basic("基本支出", 20m, 0m, 20m).Project("文明经费", 50m, 0m, 50m);

    private static CliResult Fails(int exitCode, params string[] args)
    {
        var result = CliHarness.Run(args);
        Assert.Equal(exitCode, result.ExitCode);
        result.AssertNoStackTrace();
        return result;
    }

    [Theory]
    [InlineData("check")]
    [InlineData("preview")]
    public void Missing_file_exits_2_naming_it(string command)
    {
        var path = _temp.File("不存在.xlsx");
        var result = Fails(2, command, path);
        Assert.Contains($"错误：找不到文件“{path}”", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("preview")]
    public void Text_file_renamed_xlsx_exits_2(string command)
    {
        File.WriteAllText(_temp.File("报表.xlsx"), "项目名称,支出类别,年初预算数\n文明经费,项目支出,50\n");
        var result = Fails(2, command, _temp.File("报表.xlsx"));
        Assert.Contains("“报表.xlsx”不是可读取的 Excel 工作簿", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_sheet_exits_2_naming_file_and_sheet()
    {
        var result = Fails(2, "check", Xlsx(Valid().Without("预算执行")));
        Assert.Contains("石峰.xlsx 中没有工作表“预算执行”", result.Error, StringComparison.Ordinal);
        Assert.Contains("现有工作表：基本信息", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_column_exits_2_naming_sheet_column_and_header_row()
    {
        var book = WorkbookBuilder.Create().Sheet("预算执行",
            ["项目名称", "支出类别", "年初预算数", "调整数", "全年预算数"], ["文明经费", "项目支出", 50, 72.51, 122.51]);
        var result = Fails(2, "check", Xlsx(book));
        Assert.Contains("石峰.xlsx 的工作表“预算执行”缺少必填列：实际支出数", result.Error, StringComparison.Ordinal);
        Assert.Contains("第 1 行像是表头", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_in_an_amount_exits_1_with_RG110_at_its_cell()
    {
        var book = WorkbookBuilder.Create().Basic("基本支出", 20m, 0m, 20m).Line("文明经费", "项目支出", "三十万", null, null, 20m);
        var result = Fails(1, "check", Xlsx(book));
        var line = Assert.Single(result.Output.Split('\n'), l => l.Contains("RG110", StringComparison.Ordinal));
        Assert.StartsWith("[错误] RG110 预算执行!D3", line, StringComparison.Ordinal);
        Assert.Contains("“三十万”不是金额", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_amount_exits_1_with_RG111_at_its_cell()
    {
        var book = WorkbookBuilder.Create().Basic("基本支出", 20m, 0m, 20m).Line("文明经费", "项目支出", 50m, null, null, -3m);
        var result = Fails(1, "check", Xlsx(book));
        Assert.Contains("[错误] RG111 预算执行!G3", result.Output, StringComparison.Ordinal);
        Assert.Contains("实际支出数为负数（-3.00 万元）", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicated_project_exits_1_with_RG116()
    {
        var result = Fails(1, "check", Xlsx(Valid().Project("文明经费", 10m, 0m, 10m)));
        Assert.Contains("[错误] RG116 预算执行!A4", result.Output, StringComparison.Ordinal);
        Assert.Contains("“文明经费”重复出现（与 预算执行!3 同名）", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("preview")]
    public void Unknown_unit_exits_2_naming_the_cell(string command)
    {
        var result = Fails(2, command, Xlsx(Valid().Info("金额单位", "千元")));
        Assert.Contains("石峰.xlsx 的工作表“基本信息”中的金额单位“千元”无法识别（基本信息!B4）", result.Error, StringComparison.Ordinal);
        Assert.Contains("只能是“万元”或“元”", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_department_name_exits_2()
    {
        var result = Fails(2, "check", Xlsx(Valid().Info("部门名称", null)));
        Assert.Contains("石峰.xlsx 的工作表“基本信息”没有填写“部门名称”", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_department_name_exits_2()
    {
        var result = Fails(2, "check", Xlsx(Valid().Info("部门名称", " ")));
        Assert.Contains("没有填写“部门名称”", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_year_exits_2()
    {
        var result = Fails(2, "check", Xlsx(Valid().Info("年度", null)));
        Assert.Contains("石峰.xlsx 的工作表“基本信息”没有填写“年度”", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20245")]
    [InlineData("2024.5")]
    [InlineData("12024")]
    public void A_year_that_is_not_a_year_exits_2_naming_the_cell(string year)
    {
        var result = Fails(2, "check", Xlsx(Valid().Info("年度", year)));
        Assert.Contains($"年度“{year}”无法识别（基本信息!B3）", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_year_exits_2_naming_the_cell()
    {
        var result = Fails(2, "check", Xlsx(Valid().Info("年度", "二〇二三")));
        Assert.Contains("年度“二〇二三”无法识别（基本信息!B3）", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_folder_with_a_bad_sheet_name_exits_2()
    {
        var folder = Valid().Without("预算执行").WriteCsvFolder(_temp.File("石峰"));
        var result = Fails(2, "check", folder);
        Assert.Contains("没有工作表“预算执行”", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_path_that_is_a_folder_exits_2_without_a_stack_trace()
    {
        Directory.CreateDirectory(_temp.File("out"));
        var result = Fails(2, "preview", Xlsx(Valid()), "--format", "csv", "-o", _temp.File("out"));
        Assert.StartsWith("错误：", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_adds_the_technical_detail()
    {
        File.WriteAllText(_temp.File("报表.xlsx"), "not a workbook");
        var result = CliHarness.Run("check", _temp.File("报表.xlsx"), "--verbose");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Exception", result.Error, StringComparison.Ordinal);
    }
}
