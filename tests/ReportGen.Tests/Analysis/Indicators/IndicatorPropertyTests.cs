using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using ReportGen.Analysis.Indicators;
using ReportGen.Model;

namespace ReportGen.Tests.Analysis.Indicators;

/// <summary>
/// FsCheck properties of scoring: a score stays within [0, weight], group scores and the total are the sums of their
/// displayed parts, even weights fill the 90 indicator points exactly. A fixed replay value keeps runs reproducible.
/// </summary>
public class IndicatorPropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(20230101UL, 1013904223UL);

    private static string Invariant(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private static readonly Gen<decimal> Amount = Gen.Choose(0, 500_000).Select(i => i / 100m);

    private static readonly Gen<string> Target =
        from n in Amount
        from form in Gen.Elements("≥{0}篇", "≤{0}万元", "{0}%", "{0}家", "不少于{0}场", "{0}", "0起", "年增加{0}%", "不断提高",
            "在职2人，退休13人", "2023年12月31日前", "11月前", "五大行动", "指标2")
        select string.Format(CultureInfo.InvariantCulture, form, Invariant(n));

    private static readonly Gen<string?> Actual =
        from n in Amount
        from form in Gen.Elements("{0}篇次", "{0}万元", "{0}元", "{0}%", "{0}", "{0}家", "{0}起", "增长{0}%", "已完成", "2023年12月20日", "",
            "4900余场")
        select form.Length == 0 ? null : string.Format(CultureInfo.InvariantCulture, form, Invariant(n));

    private static readonly Gen<IndicatorRow> Row =
        from level in Gen.Elements(("产出指标", "数量指标"), ("产出指标", "成本指标"), ("产出指标", "质量指标"), ("效益指标", "社会效益指标"),
            ("满意度指标", "服务对象满意度指标"), ("效益指标", "社会公众及服务对象满意度指标"))
        from name in Gen.Elements("全年宣传报道", "预算资金使用率", "不超过预算", "满意度", "社会效益")
        from target in Target
        from actual in Actual
        from status in Gen.Elements<string?>(null, "达成", "部分达成", "未达成", "基本达成")
        from score in Gen.OneOf(Gen.Constant<decimal?>(null), Gen.Choose(-100, 3000).Select(i => (decimal?)(i / 100m)))
        from weight in Gen.OneOf(Gen.Constant<decimal?>(null), Gen.Choose(-100, 6000).Select(i => (decimal?)(i / 100m)))
        select Rows.Row(level.Item1, level.Item2, name, target, actual, weight, status, score);

    private static readonly Gen<(IndicatorRow[] Rows, ScopeFacts Facts)> Scope =
        from rows in Row.ArrayOf()
        from spent in Amount
        from budget in Amount
        select (rows, ScopeFacts.From(spent, budget));

    private static readonly Gen<(IndicatorRow[] Rows, ScopeFacts Facts)> ScopeWithoutWeights =
        Scope.Select(s => (s.Rows.Select(r => r with { Weight = null }).ToArray(), s.Facts));

    [Fact]
    public void A_score_never_exceeds_its_weight_nor_falls_below_zero() =>
        Check.One(Quick, Prop.ForAll(Scope.ToArbitrary(), s =>
            IndicatorScorer.Score("测试", s.Rows, s.Facts).Results.All(r => r.Score >= 0m && r.Score <= r.Weight && r.Weight >= 0m)));

    [Fact]
    public void Totals_are_the_sums_of_their_displayed_parts() =>
        Check.One(Quick, Prop.ForAll(Scope.ToArbitrary(), s =>
        {
            var score = IndicatorScorer.Score("测试", s.Rows, s.Facts);
            decimal Sum(IndicatorGroup g) => score.Results.Where(r => r.Group == g).Sum(r => r.Score);
            return score.Output == Sum(IndicatorGroup.Output)
                && score.Outcome == Sum(IndicatorGroup.Outcome)
                && score.Satisfaction == Sum(IndicatorGroup.Satisfaction)
                && score.Total == score.ExecutionRate + score.Output + score.Outcome + score.Satisfaction
                && score.Results.All(r => r.Score == Money.Round2(r.Score))
                && Money.Round2(score.ExecutionRate) == score.ExecutionRate
                && score.ExecutionRate is >= 0m and <= 10m;
        }));

    [Fact]
    public void Even_weights_fill_the_90_indicator_points_and_the_total_stays_within_100() =>
        Check.One(Quick, Prop.ForAll(ScopeWithoutWeights.ToArbitrary(), s =>
        {
            var score = IndicatorScorer.Score("测试", s.Rows, s.Facts);
            var scored = score.Results.Where(r => r.Group != IndicatorGroup.Unknown).ToList();
            var weights = scored.Sum(r => r.Weight);
            return (scored.Count == 0 ? weights == 0m : weights == 90m)
                && score.Total <= 100m
                && score.Results.All(r => r.Weight == Money.Round2(r.Weight));
        }));

    [Fact]
    public void The_parser_never_throws_and_keeps_the_original_text()
    {
        var text = Gen.Elements("≥", "≤", "不少于", "以上", "以内", "约", "余", "1", "2", "0", ".", ",", "，", "万", "元", "万元", "%", "篇", "篇次",
                "五", "十", "两", "大", "行动", "年", "月", "日", "前", "每月", "增加", "2023", "12", "31", "…", "（", "）", "字以内", " ", "　", "３")
            .ArrayOf()
            .Select(parts => string.Concat(parts));
        Check.One(Quick, Prop.ForAll(text.ToArbitrary(), s =>
        {
            var v = TargetValueParser.Parse(s);
            var understood = v.Kind != TargetKind.Unknown || (v.Problem is not null && v.Number is null);
            return v.Original == s && understood;
        }));
    }
}
