using ReportGen.Analysis.Indicators;
using ReportGen.Cli;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli;

/// <summary>
/// The default sample (data/sample/示例县文化旅游局2024, a fictional department, complete): what a new user sees first is
/// a finished report without a placeholder, no error or warning, and a final score. The real Shifeng 2023 sample, which
/// shows the placeholders, is tested under its own name elsewhere.
/// </summary>
public sealed class DefaultSampleTests
{
    public static TheoryData<string> Inputs => [Repo.ExampleCsvFolder, Repo.ExampleXlsx];

    [Fact]
    public void Generate_without_a_workbook_uses_the_complete_example()
    {
        Assert.Equal(Path.GetFullPath(Repo.ExampleXlsx), Path.GetFullPath(Bundled.SampleWorkbook));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Check_finds_no_error_and_no_warning(string input)
    {
        var analysis = GenerateJob.Analyze(input);
        Assert.Empty(analysis.Findings
            .Where(f => f.Severity is Severity.Error or Severity.Warning)
            .Select(f => $"{f.Code} {f.Location} {f.Message}"));
        var check = CliHarness.Run("check", input);
        Assert.Equal(ExitCodes.Ok, check.ExitCode);
        Assert.Contains("未发现问题", check.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Finished whatever the rules for missing inputs become: every indicator states its actual and is judged, every indicator
    /// below its target and every line below 90% or adjusted during the year carries the department's own reason,
    /// and every project has its goal, its outcome and its scored indicators.
    /// </summary>
    [Fact]
    public void Every_actual_reason_goal_and_outcome_is_written()
    {
        var analysis = GenerateJob.Analyze(Repo.ExampleCsvFolder);
        var workbook = analysis.Workbook;
        var projects = workbook.Lines.Where(l => l.Category == ExpenseCategory.Project).ToList();
        Assert.InRange(projects.Count, 4, 6);
        Assert.Contains(projects, l => l.Source == LineSource.MidYear);
        Assert.Contains(projects, l => l.Adjustment < 0);
        Assert.Contains(projects, l => l.Actual < 0.9m * l.FinalBudget);
        Assert.Contains(workbook.Lines, l => l.Category == ExpenseCategory.Basic);

        foreach (var line in workbook.Lines.Where(l => l.Adjustment != 0 || l.Actual < 0.9m * l.FinalBudget))
        {
            Assert.False(string.IsNullOrWhiteSpace(line.DeviationNote), $"“{line.Name}”没有偏差原因");
        }

        Assert.All(workbook.Indicators, row => Assert.False(string.IsNullOrWhiteSpace(row.Actual), $"“{row.Scope}/{row.Level3}”没有实际完成值"));
        var scores = new[] { analysis.DepartmentScore! }.Concat(analysis.ProjectScores.Values).ToList();
        Assert.NotNull(analysis.DepartmentScore);
        Assert.Equal(projects.Count, analysis.ProjectScores.Count);
        foreach (var result in scores.SelectMany(s => s.Results))
        {
            Assert.NotEqual(IndicatorStatus.Undetermined, result.Status);
            if (result.Status != IndicatorStatus.Met)
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Row.DeviationNote), $"“{result.Row.Scope}/{result.Row.Level3}”未达成而没有偏差原因");
            }
        }

        Assert.Contains(scores.SelectMany(s => s.Results), r => r.Status != IndicatorStatus.Met);
        foreach (var project in projects)
        {
            var target = Assert.Single(workbook.ProjectTargets, t => analysis.LineFor(t.Name) == project);
            Assert.False(string.IsNullOrWhiteSpace(target.AnnualGoal), $"“{project.Name}”没有年度目标");
            Assert.False(string.IsNullOrWhiteSpace(target.Outcome), $"“{project.Name}”没有实际完成情况");
        }

        Assert.All(workbook.KeyTasks, task => Assert.False(string.IsNullOrWhiteSpace(task.Outcome), $"重点工作“{task.Item}”没有完成情况"));
        foreach (var fact in new[] { "部门简称", "主要职责", "编制数", "实有人数", "内设机构", "年度总体目标", "存在问题", "改进措施", "其他说明" })
        {
            Assert.False(workbook.Department.Fact(fact) is null, $"基本信息缺少“{fact}”");
        }
    }

    [Fact]
    public void Generate_without_a_workbook_writes_a_finished_report_and_prints_its_final_score()
    {
        using var temp = new TempDir();
        var path = temp.File("报告.docx");
        var result = CliHarness.Run("generate", "-o", path);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);

        var score = GenerateJob.Analyze(Repo.ExampleXlsx).DepartmentScore!;
        Assert.Contains($"部门整体绩效自评得分 {Money.Format(score.Total)} 分，等级“{score.Grade}”。", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("待填写", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("警告", result.Output, StringComparison.Ordinal);

        var text = DocxDump.Dump(path);
        Assert.Contains("示例县文化旅游局", text, StringComparison.Ordinal);
        Assert.DoesNotContain("待填写", text, StringComparison.Ordinal);
        Assert.DoesNotContain("未填写", text, StringComparison.Ordinal);
        Assert.DoesNotContain("无法判断", text, StringComparison.Ordinal);
        Assert.Contains($"自评得分{Money.Format(score.Total)}分，等级为“{score.Grade}”", text, StringComparison.Ordinal);
        Assert.Contains($"自评等级：{score.Grade}", text, StringComparison.Ordinal);
    }
}
