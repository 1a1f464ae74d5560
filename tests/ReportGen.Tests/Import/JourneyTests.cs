using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Import;

/// <summary>
/// The whole path a clerk walks, once per province the importer knows: <c>new</c> → <c>import</c> the forms → fill
/// the year-end columns (<see cref="Clerk.FillYearEnd"/>) → <c>check</c> without error → <c>generate</c>; the report's
/// figures and verdicts are then the ones the forms and the filled data give.
/// </summary>
public sealed class JourneyTests
{
    private sealed record Outcome(DepartmentAnalysis Analysis, string Report, CliResult Import, CliResult Check);

    private static Outcome Walk(FormFixture fixture, string[] forms, IReadOnlyDictionary<string, string> actuals,
        IReadOnlyDictionary<string, decimal>? budgets = null)
    {
        var workbook = fixture.PathOf("工作簿.xlsx");
        var created = CliHarness.Run("new", workbook);
        Assert.True(created.ExitCode == 0, created.Error);
        var import = CliHarness.Run(["import", .. forms, "--into", workbook]);
        import.AssertNoStackTrace();
        Assert.True(import.ExitCode is 0 or 1, import.Output + import.Error);

        Clerk.FillYearEnd(workbook, actuals, budgets);

        var check = CliHarness.Run("check", workbook);
        check.AssertNoStackTrace();
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        var analysis = GenerateJob.Analyze(workbook);
        Assert.DoesNotContain(analysis.Findings, finding => finding.Severity == Severity.Error);

        var report = fixture.PathOf("报告.docx");
        var generate = CliHarness.Run("generate", workbook, "-o", report);
        Assert.True(generate.ExitCode == 0, generate.Output + generate.Error);

        // To look at a journey's report as its reader would (docs/architecture.md): REPORTGEN_KEEP_JOURNEYS=<folder>.
        if (Environment.GetEnvironmentVariable("REPORTGEN_KEEP_JOURNEYS") is { Length: > 0 } keep)
        {
            File.Copy(report, Path.Combine(keep, analysis.Workbook.Department.Name + ".docx"), overwrite: true);
        }

        return new Outcome(analysis, DocxDump.Dump(report), import, check);
    }

    /// <summary>Every indicator of the scope met but <paramref name="partial"/>, which earns its weight × share.</summary>
    private static void AssertVerdicts(ScopeScore score, string partial, decimal share)
    {
        foreach (var result in score.Results)
        {
            if (result.Row.Level3 == partial)
            {
                Assert.Equal(IndicatorStatus.PartlyMet, result.Status);
                Assert.Equal(Money.Round2(result.Weight * share), result.Score);
            }
            else
            {
                Assert.True(result.Status == IndicatorStatus.Met, $"{result.Row.Level3}: {result.StatusName} {result.Reason}");
            }
        }

        Assert.Contains(score.Results, result => result.Row.Level3 == partial);
        Assert.Equal(10m, score.ExecutionRate);
    }

    [Fact]
    public void Hunan_forms_of_Shifeng_make_a_checked_report_with_their_figures_and_verdicts()
    {
        using var fixture = new FormFixture();

        var outcome = Walk(fixture, [fixture.ShifengDocx()], new Dictionary<string, string> { ["工作及时完成率"] = "95%" });

        var figures = outcome.Analysis.Figures;
        Assert.Equal(231.42m, figures.Basic.Initial);
        Assert.Equal(95m, figures.Projects.Initial);
        Assert.Equal(326.42m, figures.Department.Actual);
        AssertVerdicts(outcome.Analysis.DepartmentScore!, "工作及时完成率", 0.95m);
        Assert.Contains(PublishedForms.Department, outcome.Report, StringComparison.Ordinal);
        Assert.Contains("326.42", outcome.Report, StringComparison.Ordinal);
        Assert.Contains("指标“工作及时完成率”年度指标值100%，实际完成95%，部分达成", outcome.Report, StringComparison.Ordinal);
        Assert.Contains($"自评得分{Money.Format(outcome.Analysis.DepartmentScore!.Total)}分", outcome.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Guangdong_department_form_makes_a_checked_report_with_its_figures_and_verdicts()
    {
        using var fixture = new FormFixture();

        var outcome = Walk(fixture, [fixture.LiwanDocx()], new Dictionary<string, string> { ["舆情日报数量"] = "180期" },
            new Dictionary<string, decimal> { ["基本支出"] = 2803.62m });

        Assert.Equal(2803.62m, outcome.Analysis.Figures.Department.Actual);
        AssertVerdicts(outcome.Analysis.DepartmentScore!, "舆情日报数量", 0.9m);
        Assert.Contains("2803.62", outcome.Report, StringComparison.Ordinal);
        Assert.Contains("指标“舆情日报数量”年度指标值不少于200期，实际完成180期，部分达成", outcome.Report, StringComparison.Ordinal);
    }

    /// <summary>A Hebei project form whose unit line carries the amount statement, as the budget system prints it.</summary>
    private static string CaofeidianProject(FormFixture fixture)
    {
        var rows = PublishedForms.Hebei().Rows.Select(row => row.ToArray()).ToList();
        rows.RemoveAt(2); // the unit line is a paragraph above the table
        rows[3][1] = "";  // no 主管部门: the department is the unit's
        rows[9][1] = "年度绩效目标：1.全年组织送戏下乡演出60场以上，扶持农村业余文艺队伍20支，丰富农村群众文化生活。";
        rows[15][5] = "≦1.5万元";
        var path = fixture.PathOf("曹妃甸项目.docx");
        DocxFormBuilder.Write(path, ["211001中共曹妃甸区委宣传部本级        单位：万元", new FormGrid(rows)]);
        return path;
    }

    [Fact]
    public void Hebei_project_forms_make_a_checked_report_that_says_the_department_score_cannot_be_computed()
    {
        using var fixture = new FormFixture();

        var outcome = Walk(fixture, [CaofeidianProject(fixture)], new Dictionary<string, string> { ["送戏下乡演出场次"] = "54场" },
            new Dictionary<string, decimal> { ["基本支出"] = 312.6m });

        Assert.Contains("部门：中共曹妃甸区委宣传部", outcome.Import.Output, StringComparison.Ordinal);
        Assert.Equal("中共曹妃甸区委宣传部", outcome.Analysis.Workbook.Department.Name);
        var line = outcome.Analysis.Figures.ProjectLines.Single();
        Assert.Equal(("乡村文化振兴专项资金", 120m, 120m), (line.Name, line.Amounts.Initial, line.Amounts.Actual));
        Assert.Null(line.Line.Funding); // 财政资金 100 + 其他资金 20: one column cannot hold both, left blank and said
        AssertVerdicts(outcome.Analysis.ProjectScores[line.Line], "送戏下乡演出场次", 0.9m);

        // No 部门整体 indicator: a finding at 绩效指标 and words in the report, not 总分 100 / 得分 —.
        Assert.Contains("RG321", outcome.Check.Output, StringComparison.Ordinal);
        Assert.Null(outcome.Analysis.DepartmentScore);
        Assert.Contains("未设定绩效指标，自评得分无法计算", outcome.Report, StringComparison.Ordinal);

        // 实施单位 from the form; the goal without its label and list number; the plan without actuals is a missing input.
        Assert.Contains("平山县文化馆", outcome.Report, StringComparison.Ordinal);
        Assert.Contains("全年组织送戏下乡演出60场以上", outcome.Report, StringComparison.Ordinal);
        Assert.DoesNotContain("年度绩效目标：1.", outcome.Report, StringComparison.Ordinal);
        Assert.Contains("RG135", outcome.Check.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("资金支出进度对比表", outcome.Report, StringComparison.Ordinal);
        Assert.Contains("截至各时点的累计实际支出", outcome.Report, StringComparison.Ordinal);
        Assert.Contains("指标“送戏下乡演出场次”年度指标值≥60场，实际完成54场，部分达成", outcome.Report, StringComparison.Ordinal);
    }

    /// <summary>The Hebei project form of the Chengde department, beside its 部门整体绩效目标 document.</summary>
    private static string ChengdeProject(FormFixture fixture)
    {
        var rows = PublishedForms.Hebei().Rows.Select(row => row.ToArray()).ToList();
        rows[2][0] = "填报单位：（盖章）" + HebeiDepartmentDocument.Department;
        rows[4][1] = HebeiDepartmentDocument.Department;
        var path = fixture.PathOf("承德项目.xlsx");
        XlsxFormBuilder.Write(path, [("项目绩效目标表", [new FormGrid(rows)])]);
        return path;
    }

    [Fact]
    public void A_Hebei_department_document_is_scored_by_the_standard_each_actual_reaches()
    {
        using var fixture = new FormFixture();
        var document = fixture.PathOf("承德部门整体绩效目标.docx");
        DocxFormBuilder.Write(document, HebeiDepartmentDocument.Blocks);

        var outcome = Walk(fixture, [document, ChengdeProject(fixture)], new Dictionary<string, string>
        {
            ["综合业务管理工作完成率"] = "90%", ["送戏下乡演出场次"] = "54场",
        }, new Dictionary<string, decimal> { ["基本支出"] = 205.3m });

        Assert.Equal(HebeiDepartmentDocument.Department, outcome.Analysis.Workbook.Department.Name);
        var department = outcome.Analysis.DepartmentScore!;
        Assert.Equal(HebeiDepartmentDocument.Indicators.Length, department.Results.Count);
        var good = department.Results.Single(result => result.Row.Level3 == "综合业务管理工作完成率");
        Assert.Equal(("良", IndicatorStatus.PartlyMet, Money.Round2(good.Weight * 0.9m)), (good.StandardReached, good.Status, good.Score));
        Assert.All(department.Results.Where(result => result != good), result => Assert.Equal("优", result.StandardReached));
        Assert.Equal(Money.Round2(100m - good.Weight + good.Score), department.Total);
        Assert.Contains("90%（良）", outcome.Report, StringComparison.Ordinal);
        Assert.Contains("100%（优）", outcome.Report, StringComparison.Ordinal);
        Assert.Contains("贯彻落实上级有关宣传工作的各项政策", outcome.Report, StringComparison.Ordinal);
        Assert.DoesNotContain("RG321", outcome.Check.Output, StringComparison.Ordinal);
        AssertVerdicts(outcome.Analysis.ProjectScores.Values.Single(), "送戏下乡演出场次", 0.9m);
    }
}
