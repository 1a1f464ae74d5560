using ReportGen.Analysis.Indicators;
using ReportGen.Model;
using static ReportGen.Tests.Analysis.Indicators.Rows;

namespace ReportGen.Tests.Analysis.Indicators;

/// <summary>
/// The Shifeng 2023 case (the sample under data/sample/): the start-of-year targets against the published report's
/// year-end figures.
/// Every expected number is computed by hand in the comments; no 分值 are given, so weights are split evenly.
/// </summary>
public class ShifengCaseTests
{
    /// <summary>附表1 of the Shifeng 2023 forms, with the actuals the published report states (the others left empty, as the sample may).</summary>
    private static readonly IndicatorRow[] Department =
    [
        Row("产出指标", "数量指标", "实施全域行动", "五大行动", "开展市容市貌、空中缆线等五大专项整治"),
        Row("产出指标", "数量指标", "新增规上文体娱服务业企业", "2家"),
        Row("产出指标", "数量指标", "新增规上住宿业企业", "2家"),
        Row("产出指标", "质量指标", "预算资金使用率", "100%"),
        Row("产出指标", "时效指标", "工作及时完成率", "100%"),
        Row("产出指标", "成本指标", "不超过预算", "≤326.42万元"),
        Row("效益指标", "经济效益指标", "无直接经济效益", "无直接经济效益"),
        Row("效益指标", "社会效益指标", "人民生活的幸福感、获得感", "不断提高"),
        Row("效益指标", "生态效益指标", "生活环境", "不断优化"),
        Row("效益指标", "可持续影响指标", "文化事业和文化产业", "持续发展"),
        Row("效益指标", "社会公众及服务对象满意度指标", "社会公众对宣传工作的认可度和满意度", "90%"),
    ];

    // 预算收入 560.75, 支出 458.04 (the published Shifeng 2023 report).
    private static readonly ScopeFacts DepartmentFacts = ScopeFacts.From(458.04m, 560.75m);

    [Fact]
    public void Department_execution_rate_scores_8_17()
    {
        // 458.04 / 560.75 = 0.816834…; min(0.816834…, 1) × 10 = 8.16834… → 8.17.
        var score = IndicatorScorer.Score(IndicatorRow.DepartmentScope, Department, DepartmentFacts);
        Assert.Equal(8.17m, score.ExecutionRate);
    }

    [Fact]
    public void Department_indicators_are_scored_by_the_formulas()
    {
        var score = IndicatorScorer.Score(IndicatorRow.DepartmentScope, Department, DepartmentFacts);
        var r = score.Results;

        // 产出 50 over 6 rows = 8.333…: cents by largest remainder → 8.34, 8.34, 8.33, 8.33, 8.33, 8.33.
        Assert.Equal([8.34m, 8.34m, 8.33m, 8.33m, 8.33m, 8.33m], r.Take(6).Select(x => x.Weight));

        // 实施全域行动: "五大行动" = 5 项 against "…五大专项整治" = 5 项 → met, full 8.34.
        Assert.Equal(IndicatorStatus.Met, r[0].Status);
        Assert.Equal(8.34m, r[0].Score);

        // 新增规上企业: no actual in the published report → 无法判断, 0, and a missing-actual finding each.
        Assert.All(r.Skip(1).Take(2), x => Assert.Equal(IndicatorStatus.Undetermined, x.Status));
        // 2 企业 rows, 工作及时完成率, 不超过预算 and 满意度 90% have no actual.
        Assert.Equal(5, score.Findings.Count(f => f.Code == FindingCodes.MissingActual));

        // 预算资金使用率 100% against the computed rate 81.68%:
        // 8.33 × 0.816834… = 6.80423… → 6.80.
        Assert.Equal("81.68%", r[3].ActualText);
        Assert.Equal(6.80m, r[3].Score);
        Assert.Equal(IndicatorStatus.PartlyMet, r[3].Status);
        Assert.StartsWith("实际完成值取计算的预算执行率81.68%（458.04/560.75）", r[3].Reason, StringComparison.Ordinal);

        // 不超过预算 ≤326.42万元 with no actual written: not judged, and the spending is only offered by check as the
        // value to write in its cell, never used as if the user had written it.
        Assert.Equal(IndicatorKind.AtMost, r[5].Kind);
        Assert.Equal((IndicatorStatus.Undetermined, "", 0m, "实际完成值"), (r[5].Status, r[5].ActualText, r[5].Score, r[5].MissingField));
        Assert.Contains(score.Findings, f => f.Code == FindingCodes.MissingActual && f.Message.Contains("可按全年执行数填写“458.04万元”", StringComparison.Ordinal));

        // 效益 30 over 4 qualitative rows (7.50 each), none judged by the user → 0 each.
        Assert.All(r.Skip(6).Take(4), x => Assert.Equal((7.50m, IndicatorStatus.Undetermined), (x.Weight, x.Status)));

        // 满意度 nested under 效益 in this form still counts as 满意度: weight 10, no actual → 0.
        Assert.Equal((IndicatorGroup.Satisfaction, 10m), (r[10].Group, r[10].Weight));

        // 产出 = 8.34 + 6.80 = 15.14; 效益 0; 满意度 0; total = 8.17 + 15.14 = 23.31, and provisional: 9 of the
        // 11 indicators cannot be judged yet, so the score lies between 23.31 and 23.31 + their weights, a range over
        // every grade band: the grade is 待定, never 差 (docs/domain.md, "Provisional scores as a range").
        Assert.Equal(15.14m, score.Output);
        Assert.Equal(0m, score.Outcome);
        Assert.Equal(0m, score.Satisfaction);
        Assert.Equal(23.31m, score.Total);
        Assert.Equal(96.64m, score.Ceiling);
        Assert.False(score.GradeDecided);
        Assert.Equal("待定", score.Grade);
        Assert.Equal(9, score.Undetermined);
        Assert.True(score.Provisional);

        // 无直接经济效益 = its own name: reported, but only as information.
        Assert.Contains(score.Findings, f => f.Code == FindingCodes.TargetIsName && f.Severity == Severity.Info);
    }

    [Fact]
    public void Media_centre_project_reports_against_3000_articles()
    {
        const string scope = "融媒体中心专项经费";
        IndicatorRow[] rows =
        [
            Row("产出指标", "数量指标", "全年宣传报道", "≥3000篇", "2886篇次", scope: scope),
            Row("产出指标", "质量指标", "预算资金使用率", "100%", scope: scope),
            Row("产出指标", "时效指标", "工作及时完成率", "100%", scope: scope),
            Row("产出指标", "成本指标", "不超过预算", "≤30万元", scope: scope),
            Row("效益指标", "经济效益指标", "无直接经济效益", "无直接经济效益", scope: scope),
            Row("效益指标", "社会效益指标", "人民生活的幸福感、责任感、获得感", "不断提高", scope: scope),
            Row("效益指标", "可持续影响  指标", "生活环境氛围", "不断优化", scope: scope),
            Row("效益指标", "社会公众及服务对象满意度指标", "全民素质", "不断提高", scope: scope),
        ];

        // 全年预算 38.72 (30 + 8.72), 实际 38.57 (the published Shifeng 2023 report).
        var score = IndicatorScorer.Score(scope, rows, ScopeFacts.From(38.57m, 38.72m));
        var r = score.Results;

        // 产出 50 over 4 rows = 12.50 each. 效益 30 over 3 = 10.00 each; 满意度 10.
        Assert.Equal([12.5m, 12.5m, 12.5m, 12.5m, 10m, 10m, 10m, 10m], r.Select(x => x.Weight));

        // ≥3000篇 against 2886篇次 (篇次 is of the 篇 family): 12.5 × 2886 / 3000 = 12.025 → 12.03 (away from zero).
        Assert.Equal(12.03m, r[0].Score);
        Assert.Equal(IndicatorStatus.PartlyMet, r[0].Status);

        // 预算资金使用率: 38.57 / 38.72 = 0.996126…; 12.5 × 0.996126… = 12.45157… → 12.45.
        Assert.Equal(12.45m, r[1].Score);

        // ≤30万元 without an actual: not judged (0 until the user writes it).
        Assert.Equal((IndicatorStatus.Undetermined, 0m), (r[3].Status, r[3].Score));

        // 产出 = 12.03 + 12.45 + 0 + 0 = 24.48; 执行率 min(0.996126…, 1) × 10 = 9.96126… → 9.96; total 34.44.
        Assert.Equal(24.48m, score.Output);
        Assert.Equal(9.96m, score.ExecutionRate);
        Assert.Equal(34.44m, score.Total);
        Assert.Equal(99.44m, score.Ceiling);
        Assert.Equal("待定", score.Grade);

        // 2886 of 3000 is unmet and has no 偏差原因.
        Assert.Contains(score.Findings, f => f.Code == FindingCodes.UnmetWithoutNote && f.Message.StartsWith("融媒体中心专项经费·全年宣传报道", StringComparison.Ordinal));
    }

    [Fact]
    public void The_three_formulas_of_the_issue_with_weight_10()
    {
        // Same figures with a round weight, to read the formulas directly.
        var facts = ScopeFacts.From(458.04m, 560.75m);
        var rows = new[]
        {
            Row("产出指标", "成本指标", "不超过预算", "≤326.42万元", "458.04万元", weight: 10m),
            Row("产出指标", "数量指标", "全年宣传报道", "≥3000篇", "2886篇次", weight: 10m),
            Row("产出指标", "质量指标", "预算资金使用率", "100%", weight: 10m),
        };
        var r = IndicatorScorer.Score("石峰区委宣传部", rows, facts).Results;

        // 10 × (1 − (458.04 − 326.42) / 326.42) = 10 × 0.596777… = 5.96777… → 5.97
        Assert.Equal(5.97m, r[0].Score);
        // 10 × 2886 / 3000 = 9.62
        Assert.Equal(9.62m, r[1].Score);
        // 10 × 458.04 / 560.75 = 10 × 0.816834… = 8.16834… → 8.17
        Assert.Equal(8.17m, r[2].Score);
    }
}
