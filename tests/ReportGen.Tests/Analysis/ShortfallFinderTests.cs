using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Analysis;

/// <summary>
/// The facts of section 四 as data (ShortfallFinder): each shortfall's kind, figures, names, the user's cause and the cell for it,
/// in the report's order; RG191 (ProblemsCheck) rests on the same shortfalls.
/// </summary>
public sealed class ShortfallFinderTests
{
    private static DepartmentAnalysis Case(string name) => GenerateJob.Analyze(Path.Combine(Repo.ReportCases, name, "input"));

    [Fact]
    public void The_shifeng_shortfalls_are_the_department_rate_the_low_lines_and_the_unmet_indicators_in_order()
    {
        var analysis = GenerateJob.Analyze(Repo.SampleCsvFolder);
        var shortfalls = ShortfallFinder.Find(analysis);

        Assert.Equal(
            [ShortfallKind.DepartmentLowRate, ShortfallKind.LowRate, ShortfallKind.LowRate, ShortfallKind.LowRate, ShortfallKind.IndicatorUnmet],
            shortfalls.Select(g => g.Kind));

        var department = shortfalls[0];
        Assert.Null(department.Name);
        Assert.Null(department.Cause);
        Assert.Equal(analysis.Figures.Department, department.Amounts);
        Assert.Equal("基本信息!B24", department.CauseCell.ToString());

        var low = analysis.Figures.Lines.Where(l => l.LowRate && !l.Overspent).ToList();
        Assert.Equal(low.Select(l => l.Name), shortfalls.Where(g => g.Kind == ShortfallKind.LowRate).Select(g => g.Name));
        Assert.All(shortfalls.Where(g => g.Kind == ShortfallKind.LowRate).Zip(low), pair =>
        {
            Assert.Equal(pair.Second.Amounts, pair.First.Amounts);
            Assert.Equal(pair.Second.Line.CellOf("偏差原因"), pair.First.CauseCell);
        });

        // 预算资金使用率 restates the execution rate and is not listed again; the one unmet indicator left is a project's.
        var unmet = shortfalls[^1];
        Assert.Equal("全年宣传报道", unmet.Name);
        Assert.Equal("融媒体中心专项经费", unmet.Scope);
        Assert.False(unmet.DepartmentScope);
        Assert.Equal(IndicatorStatus.PartlyMet, unmet.Indicator!.Status);
        Assert.Equal(unmet.Indicator.Row.CellOf("偏差原因"), unmet.CauseCell);
    }

    [Fact]
    public void An_overspend_carries_its_figures_and_the_users_cause()
    {
        var shortfall = Assert.Single(ShortfallFinder.Find(Case("overspend")));
        Assert.Equal(ShortfallKind.Overspent, shortfall.Kind);
        Assert.Equal("防汛抢险经费", shortfall.Name);
        Assert.Equal((26.5m, 20m), (shortfall.Amounts!.Actual, shortfall.Amounts.Final));
        Assert.Equal("7月特大暴雨应急抢险，经县政府批准先行垫支", shortfall.Cause);
    }

    [Fact]
    public void Spending_behind_plan_carries_only_the_checkpoints_behind()
    {
        var analysis = Case("progress");
        var behind = ShortfallFinder.Find(analysis).Where(g => g.Kind == ShortfallKind.BehindPlan).ToList();
        Assert.Equal(["乡村文化振兴专项资金", "非遗保护经费"], behind.Select(g => g.Name));
        Assert.All(behind, g => Assert.NotEmpty(g.Behind));
        Assert.All(behind.SelectMany(g => g.Behind), c => Assert.True(c.Share < c.Planned));
    }

    [Fact]
    public void Problems_left_blank_with_the_department_rate_low_is_RG191_at_the_problems_cell()
    {
        var analysis = GenerateJob.Analyze(Repo.SampleCsvFolder);
        var finding = Assert.Single(analysis.Findings, f => f.Code == FindingCodes.ProblemsMissing);
        Assert.Equal(ShortfallFinder.Find(analysis)[0].CauseCell, finding.Location);
        Assert.Equal(finding, ProblemsCheck.Find(analysis));
    }
}
