using ReportGen.Analysis.Indicators;
using ReportGen.Model;
using static ReportGen.Tests.Analysis.Indicators.Rows;

namespace ReportGen.Tests.Analysis.Indicators;

/// <summary>Indicators with a 评价标准 scale (优/良/中/差) are scored by the standard the actual reaches (docs/domain.md).</summary>
public class StandardScaleTests
{
    private const string Hebei = "优：100%；良：90%；中：80%；差：60%以下";

    [Theory]
    [InlineData("100%", "优", 1.0)]
    [InlineData("100.0%", "优", 1.0)]
    [InlineData("95%", "良", 0.8)]
    [InlineData("90%", "良", 0.8)]
    [InlineData("85%", "中", 0.6)]
    [InlineData("80%", "中", 0.6)]
    [InlineData("79.9%", "差", 0.0)]
    [InlineData("50%", "差", 0.0)]
    public void A_completion_rate_reaches_the_best_standard_it_meets(string actual, string grade, double share)
    {
        var reached = StandardScale.Parse(Hebei)!.Reach(TargetValueParser.Parse(actual))!;

        Assert.Equal((grade, (decimal)share), (reached.Grade, reached.Share));
    }

    [Fact]
    public void Lower_is_better_when_the_best_standard_is_the_smallest()
    {
        var scale = StandardScale.Parse("优：≤5天\n良：≤7天\n中：≤10天\n差：10天以上")!;

        Assert.False(scale.HigherIsBetter);
        Assert.Equal(["优", "良", "中", "差"], new[] { "5天", "6天", "10天", "12天" }.Select(a => scale.Reach(TargetValueParser.Parse(a))!.Grade));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("计划标准")]
    [InlineData("优：按时完成；良：基本完成")]
    [InlineData("优：100%")]
    [InlineData("优：100%；良：9篇")]
    public void Text_that_is_not_a_comparable_scale_is_not_one(string? text) => Assert.Null(StandardScale.Parse(text));

    [Fact]
    public void An_actual_in_other_units_reaches_no_standard() =>
        Assert.Null(StandardScale.Parse(Hebei)!.Reach(TargetValueParser.Parse("12篇")));

    [Fact]
    public void The_scorer_gives_the_share_of_the_standard_reached_and_names_it()
    {
        var rows = new[]
        {
            OutputRow("综合业务管理工作完成率", "100%", "100%") with { Standard = Hebei },
            OutputRow("综合文书工作完成率", "100%", "92%") with { Standard = Hebei },
            OutputRow("督考、保障工作完成率", "100%", "70%") with { Standard = Hebei },
            OutputRow("资金支出及时率", "100%", "92%"),
        };

        var results = IndicatorScorer.Score("测试", rows, ScopeFacts.From(100m, 100m)).Results;

        Assert.Equal(["优", "良", "差", null], results.Select(r => r.StandardReached));
        Assert.Equal([IndicatorStatus.Met, IndicatorStatus.PartlyMet, IndicatorStatus.NotMet, IndicatorStatus.PartlyMet], results.Select(r => r.Status));
        Assert.Equal(results[0].Weight, results[0].Score);
        Assert.Equal(Money.Round2(results[1].Weight * 0.8m), results[1].Score);
        Assert.Equal(0m, results[2].Score);
        Assert.Equal(Money.Round2(results[3].Weight * 0.92m), results[3].Score); // without a scale: actual ÷ target
        Assert.Contains("达到评价标准“良”", results[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_actual_the_scale_decides_nothing()
    {
        var result = IndicatorScorer.Score("测试", [OutputRow("传媒管理", "100%") with { Standard = Hebei }], ScopeFacts.From(100m, 100m)).Results[0];

        Assert.Equal((IndicatorStatus.Undetermined, (string?)null), (result.Status, result.StandardReached));
    }
}
