using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Analysis;

/// <summary>支出计划 against 分季度支出: shares, the behind-plan flag and its findings.</summary>
public sealed class SpendingProgressTests
{
    private static readonly object?[] Header = ["项目名称", "3月底", "6月底", "10月底", "12月底"];

    private static DepartmentAnalysis Analyze(object?[] plan, object?[] spent, string? note = null) =>
        GenerateJob.Analyze(WorkbookBuilder.Create()
            .Sheet("预算执行", WorkbookBuilder.LineHeader)
            .Project("乡村文化振兴专项资金", 100m, 20m, 118.2m, note: note)
            .Sheet("支出计划", Header, plan)
            .Sheet("分季度支出", Header, spent)
            .Read());

    [Fact]
    public void Shares_are_cumulative_spending_over_the_final_budget()
    {
        var analysis = Analyze(["乡村文化振兴专项资金", "20%", 50, 0.8, "100%"], ["乡村文化振兴专项资金", 18.5, 55, 90, 118.2]);
        var progress = Assert.Single(analysis.SpendingProgress);
        Assert.Equal([0.2m, 0.5m, 0.8m, 1m], progress.Checkpoints.Select(c => c.Planned));
        // 18.5 / 120 = 15.42% < 20%: behind; 55 / 120 = 45.83% < 50%: behind; 90 / 120 = 75% < 80%: behind; 118.2 / 120 = 98.5%.
        Assert.Equal(["15.42%", "45.83%", "75.00%", "98.50%"], progress.Checkpoints.Select(c => Money.FormatPercent(c.Share)));
        Assert.Equal(["3月底", "6月底", "10月底", "12月底"], progress.BehindCheckpoints.Select(c => c.Label));
        var finding = Assert.Single(analysis.Findings, f => f.Code == "RG132");
        Assert.Contains("6月底45.83%（计划50.00%）", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_plan_spending_and_a_given_reason_raise_no_warning()
    {
        var onPlan = Analyze(["乡村文化振兴专项资金", "10%", "40%", "70%", "90%"], ["乡村文化振兴专项资金", 18.5, 55, 90, 118.2]);
        Assert.DoesNotContain(onPlan.Findings, f => f.Code.StartsWith("RG13", StringComparison.Ordinal));
        var explained = Analyze(["乡村文化振兴专项资金", "20%", "50%", "80%", "100%"], ["乡村文化振兴专项资金", 18.5, 55, 90, 118.2], note: "项目招标延后");
        Assert.DoesNotContain(explained.Findings, f => f.Code == "RG132");
        Assert.True(explained.SpendingProgress[0].BehindCheckpoints.Any());
    }

    [Fact]
    public void Year_end_figure_must_equal_the_actual_spending()
    {
        var analysis = Analyze(["乡村文化振兴专项资金", "20%", "50%", "80%", "100%"], ["乡村文化振兴专项资金", 18.5, 55, 90, 110]);
        var finding = Assert.Single(analysis.Findings, f => f.Code == "RG131");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("分季度支出!2", finding.Location.ToString());
    }

    [Fact]
    public void Cumulative_figures_that_go_down_are_flagged()
    {
        var analysis = Analyze(["乡村文化振兴专项资金", "20%", "50%", "80%", "100%"], ["乡村文化振兴专项资金", 30, 25, 90, 118.2]);
        Assert.Contains(analysis.Findings, f => f.Code == "RG133" && f.Message.Contains("6月底累计 25.00 万元小于3月底的 30.00 万元", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_names_and_bad_percentages_are_findings()
    {
        var analysis = Analyze(["乡村振兴资金", "20%", "50%", "80%", "100%"], ["乡村文化振兴专项资金", 18.5, 55, 90, 118.2]);
        Assert.Contains(analysis.Findings, f => f.Code == "RG134" && f.Message.Contains("乡村振兴资金", StringComparison.Ordinal));
        var bad = Analyze(["乡村文化振兴专项资金", "二成", "50%", "80%", "100%"], ["乡村文化振兴专项资金", 18.5, 55, 90, 118.2]);
        Assert.Contains(bad.Findings, f => f.Code == "RG109" && f.Location.ToString() == "支出计划!B2");
    }

    /// <summary>
    /// A share is read by the one percentage grammar (Parsing/PercentParser): 百分之二十 as the judge reads it; a share
    /// with a money unit ("20万", once read as 20% through the amount grammar, "20元" as 0.2%) is no share.
    /// </summary>
    [Fact]
    public void A_share_in_words_reads_and_a_share_with_a_money_unit_is_a_finding()
    {
        var words = Analyze(["乡村文化振兴专项资金", "百分之二十", "50%", "80%", "100%"], ["乡村文化振兴专项资金", 18.5, 55, 90, 118.2]);
        Assert.Equal(0.2m, Assert.Single(words.SpendingProgress).Checkpoints[0].Planned);
        Assert.DoesNotContain(words.Findings, f => f.Code == "RG109");
        var money = Analyze(["乡村文化振兴专项资金", "20元", "50万", "80%", "100%"], ["乡村文化振兴专项资金", 18.5, 55, 90, 118.2]);
        Assert.Equal(["支出计划!B2", "支出计划!C2"], money.Findings.Where(f => f.Code == "RG109").Select(f => f.Location.ToString()));
    }

    [Fact]
    public void Without_the_sheets_there_is_no_progress()
    {
        var analysis = GenerateJob.Analyze(WorkbookBuilder.Create().Sheet("预算执行", WorkbookBuilder.LineHeader).Project("p", 1m, 0m, 1m).Read());
        Assert.Empty(analysis.SpendingProgress);
    }
}
