using ReportGen.Batch;
using ReportGen.Model;
using ReportGen.Tests.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli;

/// <summary>What <c>generate</c> refuses and what it says when it writes a report whose scores are provisional.</summary>
public sealed class GenerateTruthTests
{
    [Fact]
    public void A_target_project_without_a_budget_line_refuses_to_generate_and_says_what_to_write_where()
    {
        using var dir = new TempDir();
        var workbook = ReportTruthTests.SampleCopy(dir, ("预算执行", "意识形态工作专项经费,项目支出", "意识形态专项经费,项目支出"));
        var output = dir.File("报告.docx");
        var result = CliHarness.Run("generate", workbook, "-o", output);
        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(output));
        result.AssertNoStackTrace();
        Assert.Contains("RG170 项目目标!A4", result.Error, StringComparison.Ordinal);
        Assert.Contains("“意识形态工作专项经费”在预算执行表中找不到", result.Error, StringComparison.Ordinal);
        Assert.Contains("最接近的是预算执行表中的“意识形态专项经费”（预算执行!A6）", result.Error, StringComparison.Ordinal);
        Assert.Contains("请在预算执行!K6（别名列）填写“意识形态工作专项经费”", result.Error, StringComparison.Ordinal);

        // Doing what the message says makes the report whole again.
        ReportTruthTests.EditLines(workbook, "预算执行", line => line.StartsWith("意识形态专项经费,", StringComparison.Ordinal)
            ? line.Replace("专项行动,,", "专项行动,意识形态工作专项经费,", StringComparison.Ordinal) : line);
        var fixedRun = CliHarness.Run("generate", workbook, "-o", output);
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void A_budget_line_with_a_blank_actual_refuses_with_its_cell()
    {
        using var dir = new TempDir();
        var workbook = ReportTruthTests.SampleCopy(dir, ("预算执行", "122.51,82.48,40.03", "122.51,,"));
        var output = dir.File("报告.docx");
        var result = CliHarness.Run("generate", workbook, "-o", output);
        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(output));
        Assert.Contains("RG123 预算执行!G4", result.Error, StringComparison.Ordinal);
        Assert.Contains("实际支出数未填写", result.Error, StringComparison.Ordinal);

        // A line without budget may leave it blank.
        var none = WorkbookBuilder.Create().Line("空项目", "项目支出", 0m, 0m, 0m, null).Analyze();
        Assert.DoesNotContain(none.Findings, f => f.Code == "RG123");
    }

    [Theory]
    [InlineData("报告.doc", "另存为所需格式")]
    [InlineData("报告.txt", "--text")]
    [InlineData("报告", "以 .docx 结尾")]
    public void An_output_other_than_docx_is_refused_with_how_to_get_that_format(string name, string hint)
    {
        using var dir = new TempDir();
        var output = dir.File(name);
        var result = CliHarness.Run("generate", "-o", output);
        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(dir.Path));
        Assert.Contains("不是 .docx", result.Error, StringComparison.Ordinal);
        Assert.Contains(hint, result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void The_closing_summary_says_how_many_indicators_leave_the_score_provisional()
    {
        using var dir = new TempDir();
        var result = CliHarness.Run("generate", Repo.SampleXlsx, "-o", dir.File("报告.docx"));
        Assert.Equal(0, result.ExitCode);
        var analysis = GenerateJob.Analyze(Repo.SampleCsvFolder);
        var undetermined = analysis.DepartmentScore!.Undetermined + analysis.ProjectScores.Values.Sum(s => s.Undetermined);
        Assert.True(undetermined > 0);
        Assert.Contains($"  {undetermined} 个指标无法判断（缺少实际完成值或完成情况），得分为暂定。", result.Output, StringComparison.Ordinal);

        // The department's score as a range, the grade pending: never one figure and a grade the data do not fix.
        var score = analysis.DepartmentScore;
        Assert.Contains($"  部门整体绩效自评已评定指标得分 {Money.Format(score.Total)} 分；补齐其 {score.Undetermined} 个指标后，"
            + $"得分在 {Money.Format(score.Total)} 至 {Money.Format(score.Ceiling)} 分之间，等级待定。", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("“差”", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_shows_what_the_first_command_and_the_real_case_print()
    {
        using var dir = new TempDir();
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        foreach (var (args, lines) in new[] { (Array.Empty<string>(), 2), ([Repo.SampleXlsx], 4) })
        {
            var result = CliHarness.Run(["generate", .. args, "-o", dir.File("报告.docx")]);
            var printed = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            Assert.Equal(lines, printed.Count);
            Assert.All(printed, line => Assert.Contains(line, readme, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Preview_marks_provisional_scores()
    {
        var result = CliHarness.Run("preview", Repo.SampleCsvFolder);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("（暂定）", result.Output, StringComparison.Ordinal);
        var json = CliHarness.Run("preview", Repo.SampleCsvFolder, "--format", "json");
        Assert.Contains("\"provisional\": true", json.Output, StringComparison.Ordinal);

        // Every preview format that shows a score marks it; the finished example has none to mark.
        using var dir = new TempDir();
        foreach (var format in new[] { "md", "csv", "html" })
        {
            var provisional = dir.File("暂定." + format);
            Assert.Equal(0, CliHarness.Run("preview", Repo.SampleCsvFolder, "--format", format, "-o", provisional).ExitCode);
            Assert.Contains("14.97至96.64（暂定）", File.ReadAllText(provisional), StringComparison.Ordinal);
            Assert.Contains("待定", File.ReadAllText(provisional), StringComparison.Ordinal);
            var final = dir.File("最终." + format);
            Assert.Equal(0, CliHarness.Run("preview", Repo.ExampleCsvFolder, "--format", format, "-o", final).ExitCode);
            Assert.DoesNotContain("（暂定）", File.ReadAllText(final), StringComparison.Ordinal);
            Assert.Contains("97.82", File.ReadAllText(final), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_batch_summary_has_a_score_state_column_and_ranks_provisional_scores_apart()
    {
        DepartmentSummary Row(string name, decimal score, bool provisional) => new()
        {
            Workbook = name + ".xlsx", Status = BatchStatus.Rendered, Department = name, Score = score, Grade = provisional ? "待定" : "良",
            Provisional = provisional, ScoreCeiling = provisional ? score + 50m : score, ExecutionRate = 0.9m,
        };

        var summary = new BatchSummary([Row("甲", 30m, true), Row("乙", 85m, false), Row("丙", 20m, true), Row("丁", 70m, false)], TimeSpan.Zero);
        Assert.Equal(["丁", "乙", "丙", "甲"], summary.Ranked().Select(d => d.Department));
        var column = Array.IndexOf(SummaryWriter.Headers, "得分状态");
        Assert.True(column > 0);
        var rows = SummaryWriter.Rows(summary, "/tmp");
        // A provisional score states the range it may still reach (docs/domain.md, "Provisional scores as a range").
        Assert.Equal(["最终", "最终", "暂定，补齐后在20.00至70.00分之间", "暂定，补齐后在30.00至80.00分之间"], rows.Select(r => (string?)r[column]));
    }
}
