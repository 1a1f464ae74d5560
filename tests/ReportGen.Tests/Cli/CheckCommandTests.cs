using System.Text.Json;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli;

public sealed class CheckCommandTests
{
    [Fact]
    public void The_sample_checks_clean_of_errors_and_lists_the_three_low_rate_projects()
    {
        var result = CliHarness.Run("check", Repo.SampleCsvFolder);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var low = result.Output.Split('\n').Where(l => l.Contains("RG121", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, low.Count);
        Assert.Contains(low, l => l.Contains("预算执行!L4", StringComparison.Ordinal) && l.Contains("“文明经费”预算执行率 67.33%", StringComparison.Ordinal));
        Assert.Contains(low, l => l.Contains("预算执行!L5", StringComparison.Ordinal) && l.Contains("“秋瑾故居修复提质工程经费”预算执行率 86.54%", StringComparison.Ordinal));
        Assert.Contains(low, l => l.Contains("预算执行!L6", StringComparison.Ordinal) && l.Contains("“意识形态工作专项经费”预算执行率 56.23%", StringComparison.Ordinal));
        Assert.All(low, l => Assert.StartsWith("[警告]", l, StringComparison.Ordinal));
        Assert.Contains("共 0 个错误", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("RG170", result.Output, StringComparison.Ordinal); // 文明建设经费 is matched by the 别名 column
        Assert.DoesNotContain("RG181", result.Output, StringComparison.Ordinal); // 意识形态's use is its own, not project 1's
    }

    [Fact]
    public void The_sample_as_xlsx_and_xls_checks_the_same()
    {
        static string Findings(string path) => string.Join("\n", CliHarness.Run("check", path).Output.Split('\n').Skip(1));
        var csv = Findings(Repo.SampleCsvFolder);
        Assert.Equal(csv, Findings(Repo.SampleXlsx));
        Assert.Equal(csv, Findings(Repo.SampleXls));
    }

    [Fact]
    public void Json_counts_findings_by_severity()
    {
        var result = CliHarness.Run("check", Repo.SampleCsvFolder, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(0, json.GetProperty("errors").GetInt32());
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(json.GetProperty("warnings").GetInt32(), findings.Count(f => f.GetProperty("severity").GetString() == "warning"));
        Assert.Equal(3, findings.Count(f => f.GetProperty("code").GetString() == "RG121"));
        Assert.Equal(2023, json.GetProperty("year").GetInt32());
    }

    [Fact]
    public void A_clean_workbook_says_so()
    {
        using var temp = new TempDir();
        // Clean includes a 部门整体 indicator: without one the department's score cannot be computed (RG321).
        var path = WorkbookBuilder.Create().WithTexts().Project("p", 10m, 0m, 10m, purpose: "用于p。")
            .Indicator("部门整体", "产出指标", "数量指标", "宣传报道", "≥10篇", "11篇").WriteXlsx(temp.File("干净.xlsx"));
        var result = CliHarness.Run("check", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("未发现问题。", result.Output, StringComparison.Ordinal);

        var without = WorkbookBuilder.Create().WithTexts().Project("p", 10m, 0m, 10m, purpose: "用于p。").WriteXlsx(temp.File("无指标.xlsx"));
        Assert.Contains("[警告] RG321 绩效指标", CliHarness.Run("check", without).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overspend_without_reason_exits_1()
    {
        using var temp = new TempDir();
        var path = WorkbookBuilder.Create().Project("p", 10m, 0m, 12m).WriteXlsx(temp.File("超支.xlsx"));
        var result = CliHarness.Run("check", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[错误] RG120 预算执行!G2", result.Output, StringComparison.Ordinal);
        Assert.Contains("请先修正错误", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_a_template_lists_what_only_that_outline_asks_for_and_generate_points_to_it()
    {
        var plain = CliHarness.Run("check", Repo.SampleCsvFolder);
        var hunan = CliHarness.Run("check", Repo.SampleCsvFolder, "-t", "hunan");
        Assert.Equal(0, hunan.ExitCode);
        Assert.DoesNotContain("RG200", plain.Output, StringComparison.Ordinal);
        var line = Assert.Single(hunan.Output.Split('\n'), l => l.Contains("RG200", StringComparison.Ordinal));
        Assert.Contains("基本信息", line, StringComparison.Ordinal);
        Assert.Contains("报告模板“hunan”要求填写", line, StringComparison.Ordinal);
        Assert.Contains("58 个警告", hunan.Output, StringComparison.Ordinal);
        Assert.Contains("57 个警告", plain.Output, StringComparison.Ordinal);

        var unknown = CliHarness.Run("check", Repo.SampleCsvFolder, "-t", "没有这个模板");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("没有这个模板", unknown.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", unknown.Error, StringComparison.Ordinal);

        using var temp = new TempDir();
        var generate = CliHarness.Run("generate", Repo.SampleCsvFolder, "-t", "hunan", "-o", temp.File("湖南.docx"));
        Assert.Equal(0, generate.ExitCode);
        Assert.Contains("检查发现 58 个警告；运行 reportgen check -t hunan 查看", generate.Output, StringComparison.Ordinal);
    }
}
