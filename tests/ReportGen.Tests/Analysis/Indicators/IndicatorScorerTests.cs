using ReportGen.Analysis.Indicators;
using ReportGen.Model;
using static ReportGen.Tests.Analysis.Indicators.Rows;

namespace ReportGen.Tests.Analysis.Indicators;

public class IndicatorScorerTests
{
    private static readonly ScopeFacts Facts = ScopeFacts.From(100m, 100m);

    private static ScopeScore Score(params IndicatorRow[] rows) => IndicatorScorer.Score("测试", rows, Facts);

    private static IndicatorResult One(IndicatorRow row, ScopeFacts? facts = null) =>
        IndicatorScorer.Score("测试", [row], facts ?? Facts).Results[0];

    private static IEnumerable<string> Codes(ScopeScore s) => s.Findings.Select(f => f.Code);

    // ---- 预算执行率 (docs/domain.md §5: min(rate, 1) × 10) ----

    [Theory]
    [InlineData(1.2, 10)]
    [InlineData(1.0, 10)]
    [InlineData(0.9, 9)]
    [InlineData(0.86204, 8.62)] // 37.24 / 43.2 = 86.2%: 8.62 points, not the 9 a real table published
    [InlineData(0.0, 0)]
    public void Execution_rate_score_is_min_rate_1_times_10(double rate, double expected) =>
        Assert.Equal((decimal)expected, IndicatorScorer.ExecutionRateScore((decimal)rate));

    [Fact]
    public void Execution_rate_score_without_a_budget_is_zero_with_a_finding()
    {
        var s = IndicatorScorer.Score("测试", [OutputRow("数量", "1个", "1个")], ScopeFacts.From(5m, 0m));
        Assert.Equal(0m, s.ExecutionRate);
        Assert.Contains(FindingCodes.NoExecutionRate, Codes(s));
    }

    // ---- weights ----

    [Fact]
    public void Groups_weigh_50_30_10_and_split_evenly_into_cents_that_add_up()
    {
        var s = Score(
            OutputRow("a", "1个", "1个"), OutputRow("b", "1个", "1个"), OutputRow("c", "1个", "1个"),
            OutcomeRow("d", "不断提高", status: "达成"),
            SatisfactionRow("e", "90%", "95%"));
        Assert.Equal([16.67m, 16.67m, 16.66m, 30m, 10m], s.Results.Select(r => r.Weight));
        Assert.Equal(50m, s.Output);
        Assert.Equal(30m, s.Outcome);
        Assert.Equal(10m, s.Satisfaction);
        Assert.Equal(100m, s.Total);
        Assert.Equal("优", s.Grade);
    }

    [Fact]
    public void Without_satisfaction_its_10_goes_to_output_and_outcome_50_to_30()
    {
        // 50 + 10 × 50/80 = 56.25; 30 + 10 × 30/80 = 33.75.
        var s = Score(OutputRow("a", "1个", "1个"), OutcomeRow("b", "不断提高", status: "达成"));
        Assert.Equal([56.25m, 33.75m], s.Results.Select(r => r.Weight));
        Assert.Equal(100m, s.Total);
    }

    [Fact]
    public void Workbook_weights_win_and_rows_without_one_share_the_rest()
    {
        var s = Score(
            OutputRow("a", "1个", "1个", weight: 20m), OutputRow("b", "1个", "1个"), OutputRow("c", "1个", "1个"),
            OutcomeRow("d", "不断提高", status: "达成", weight: 30m),
            SatisfactionRow("e", "90%", "95%", weight: 10m));
        Assert.Equal([20m, 15m, 15m, 30m, 10m], s.Results.Select(r => r.Weight));
        Assert.DoesNotContain(FindingCodes.WeightTotal, Codes(s));
    }

    [Fact]
    public void Workbook_weights_that_do_not_add_up_are_findings()
    {
        var s = Score(
            OutputRow("a", "1个", "1个", weight: 40m),
            OutcomeRow("d", "不断提高", status: "达成", weight: 30m),
            SatisfactionRow("e", "90%", "95%", weight: 10m));
        Assert.Equal(40m, s.Results[0].Weight);
        Assert.Contains(s.Findings, f => f.Code == FindingCodes.GroupWeight && f.Severity == Severity.Warning);
        Assert.Contains(s.Findings, f => f.Code == FindingCodes.WeightTotal && f.Severity == Severity.Error && f.Message.Contains("90", StringComparison.Ordinal));
        Assert.Equal(90m, s.Total);
    }

    [Fact]
    public void Given_weights_that_use_up_a_group_leave_zero_for_the_rest_with_an_error()
    {
        var s = Score(OutputRow("a", "1个", "1个", weight: 60m), OutputRow("b", "1个", "1个"), OutcomeRow("d", "不断提高", status: "达成"));
        Assert.Equal(0m, s.Results[1].Weight);
        Assert.Contains(FindingCodes.WeightTotal, Codes(s));
    }

    [Fact]
    public void A_row_of_no_known_group_is_not_scored()
    {
        var s = Score(Row("其他", "其他", "x", "1个", "1个"), OutputRow("a", "1个", "1个"));
        Assert.Equal(IndicatorGroup.Unknown, s.Results[0].Group);
        Assert.Equal(0m, s.Results[0].Score);
        Assert.Contains(FindingCodes.UnknownGroup, Codes(s));
    }

    [Fact]
    public void A_satisfaction_sub_group_under_outcome_counts_as_satisfaction()
    {
        // The published Shifeng 2023 附表1 nests 社会公众及服务对象满意度指标 under 效益指标.
        var row = Row("效益指标", "社会公众及服务对象满意度指标", "社会公众对宣传工作的认可度和满意度", "90%");
        Assert.Equal(IndicatorGroup.Satisfaction, IndicatorScorer.GroupOf(row));
        Assert.Equal(IndicatorGroup.Output, IndicatorScorer.GroupOf(Row("-", "数量", "x", "1")));
    }

    // ---- at least ----

    [Theory]
    [InlineData("≥3000篇", "3000篇", 10, "达成")]        // exactly at target
    [InlineData("≥3000篇", "3500篇次", 10, "达成")]
    [InlineData("≥3000篇", "2886篇次", 9.62, "部分达成")] // 10 × 2886 / 3000 = 9.62
    [InlineData("≥3000篇", "1800篇", 6, "部分达成")]      // share 0.6 exactly
    [InlineData("≥3000篇", "1799篇", 6, "未达成")]        // 10 × 0.59966… = 5.9966… → 6.00, status from the share
    [InlineData("≥3000篇", "0篇", 0, "未达成")]
    [InlineData("不少于4场", "3", 7.5, "部分达成")]        // a bare actual is read in the target's unit
    [InlineData("2家", "1家", 5, "未达成")]              // bare number: at least for counts
    [InlineData("100%", "81.68%", 8.17, "部分达成")]
    [InlineData("年增加5%", "增长4%", 8, "部分达成")]
    [InlineData("≥0个", "0个", 10, "达成")]
    public void At_least(string target, string actual, double score, string status)
    {
        var r = One(OutputRow("x", target, actual, weight: 10m, note: "说明"));
        Assert.Equal((decimal)score, r.Score);
        Assert.Equal(status, r.StatusName);
    }

    [Fact]
    public void At_least_reason_says_why_points_were_lost()
    {
        var r = One(OutputRow("全年宣传报道", "≥3000篇", "2886篇次", weight: 10m));
        Assert.Equal(IndicatorKind.AtLeast, r.Kind);
        // The clerk's own unit (篇次), not the target's.
        Assert.Equal("实际2886篇次未达到指标值3000篇，得分=分值×2886/3000", r.Reason);
    }

    [Fact]
    public void An_approximate_actual_is_compared_and_said_so()
    {
        // the published Shifeng 2023 report: 文明实践活动 4900余场 against the 60 场 planned in the Shifeng 附表3's 测算.
        var r = One(OutputRow("文明实践活动", "60场", "4900余场", weight: 10m, note: "说明"));
        Assert.Equal((IndicatorStatus.Met, 10m), (r.Status, r.Score));
        Assert.Equal("含约数，按所写数值比较", r.Reason);
    }

    // ---- at most (cost) ----

    [Theory]
    [InlineData("≤30万元", "30万元", 10, "达成")]       // exactly at target
    [InlineData("≤30万元", "20万元", 10, "达成")]
    [InlineData("≤30万元", "45万元", 5, "未达成")]      // 10 × (1 − 15/30)
    [InlineData("≤30万元", "36万元", 8, "部分达成")]    // 10 × (1 − 6/30)
    [InlineData("≤30万元", "59.99万元", 0, "未达成")]   // 10 × (1 − 29.99/30) = 0.0033 → 0.00
    [InlineData("≤30万元", "60万元", 0, "未达成")]      // 2 × target
    [InlineData("≤30万元", "90万元", 0, "未达成")]
    [InlineData("≤30万元", "300000元", 10, "达成")]     // 元 converts to 万元
    [InlineData("≤30万元", "330000元", 9, "部分达成")]
    [InlineData("≦12人", "13人", 9.17, "部分达成")]     // 10 × (1 − 1/12) = 9.1666…
    [InlineData("≤0次", "1次", 0, "未达成")]
    public void At_most(string target, string actual, double score, string status)
    {
        var r = One(OutputRow("x", target, actual, weight: 10m, level2: "成本指标", note: "说明"));
        Assert.Equal(IndicatorKind.AtMost, r.Kind);
        Assert.Equal((decimal)score, r.Score);
        Assert.Equal(status, r.StatusName);
    }

    [Fact]
    public void A_bare_number_under_cost_is_a_ceiling()
    {
        var r = One(OutputRow("不超过预算", "30万元", "36万元", weight: 10m, level2: "成本指标"));
        Assert.Equal(IndicatorKind.AtMost, r.Kind);
        Assert.Equal(8m, r.Score);
    }

    [Fact]
    public void A_cost_row_without_actual_is_not_judged_and_the_spending_is_only_suggested()
    {
        var facts = ScopeFacts.From(38.57m, 38.72m) with { ActualSource = "预算执行!G3" };
        var s = IndicatorScorer.Score("测试", [OutputRow("不超过预算", "≤30万元", null, weight: 10m, level2: "成本指标")], facts);
        var r = s.Results[0];
        Assert.Equal("", r.ActualText);
        Assert.Equal((IndicatorStatus.Undetermined, 0m, "实际完成值"), (r.Status, r.Score, r.MissingField));
        var finding = Assert.Single(s.Findings, f => f.Code == FindingCodes.MissingActual);
        Assert.Contains("可按全年执行数填写“38.57万元”（预算执行!G3）", finding.Message, StringComparison.Ordinal);

        // Written by the user, it is judged: 10 × (1 − 8.57/30) = 10 × 0.71433… = 7.1433… → 7.14.
        Assert.Equal(7.14m, One(OutputRow("不超过预算", "≤30万元", "38.57万元", weight: 10m, level2: "成本指标"), facts).Score);
    }

    [Fact]
    public void A_cost_target_at_the_start_of_year_amount_of_an_adjusted_budget_is_reported()
    {
        var facts = ScopeFacts.From(38.57m, 38.72m) with { InitialBudget = 30m };
        var s = IndicatorScorer.Score("测试", [OutputRow("不超过预算", "≤30万元", "38.57万元", weight: 10m, level2: "成本指标")], facts);
        Assert.Equal(new BudgetChange(30m, 38.72m), s.Results[0].BudgetAdjustment);
        var finding = Assert.Single(s.Findings, f => f.Code == FindingCodes.TargetBeforeAdjustment);
        Assert.Contains("指标值按年初预算30.00万元设定，全年预算已调整为38.72万元：", finding.Message, StringComparison.Ordinal);
        var unadjusted = IndicatorScorer.Score("测试", [OutputRow("不超过预算", "≤30万元", "28万元", weight: 10m, level2: "成本指标")], ScopeFacts.From(28m, 30m));
        Assert.DoesNotContain(unadjusted.Findings, f => f.Code == FindingCodes.TargetBeforeAdjustment);
    }

    // ---- equal with target 0 ----

    [Theory]
    [InlineData("0起", "0起", 10, "达成")]
    [InlineData("0起", "1起", 0, "未达成")]
    [InlineData("=0起", "0", 10, "达成")]
    public void Equal_with_target_zero(string target, string actual, double score, string status)
    {
        var r = One(OutcomeRow("安全事故", target, actual, weight: 10m, note: "说明"));
        Assert.Equal(IndicatorKind.Equal, r.Kind);
        Assert.Equal((decimal)score, r.Score);
        Assert.Equal(status, r.StatusName);
    }

    // ---- qualitative bands ----

    [Theory]
    [InlineData("达成", null, 10, null)]
    [InlineData("部分达成", null, 7, null)]
    [InlineData("未达成", null, 3, null)]
    [InlineData("达成", "10", 10, null)]
    [InlineData("达成", "8", 8, null)]              // band floor 80%
    [InlineData("达成", "7.99", 10, "RG303")]       // below its band: error, default share
    [InlineData("达成", "10.01", 10, "RG304")]      // above the weight
    [InlineData("部分达成", "6", 6, null)]          // band floor 60%
    [InlineData("部分达成", "7.99", 7.99, null)]
    [InlineData("部分达成", "8", 7, "RG303")]       // 80% belongs to 达成
    [InlineData("部分达成", "5.99", 7, "RG303")]
    [InlineData("未达成", "0", 0, null)]
    [InlineData("未达成", "5.99", 5.99, null)]
    [InlineData("未达成", "6", 3, "RG303")]
    [InlineData("未达成", "-1", 3, "RG304")]
    public void Qualitative_bands(string status, string? userScore, double score, string? code)
    {
        var s = Score(OutcomeRow("人民生活的幸福感", "不断提高", "明显提高", weight: 10m, status: status,
            score: userScore is { } u ? decimal.Parse(u, System.Globalization.CultureInfo.InvariantCulture) : null, note: "说明"));
        var r = s.Results[0];
        Assert.Equal(IndicatorKind.Qualitative, r.Kind);
        Assert.Equal(status, r.StatusName);
        Assert.Equal((decimal)score, r.Score);
        var bandCodes = Codes(s).Where(c => c is "RG303" or "RG304").ToList();
        Assert.Equal(code is null ? [] : [code], bandCodes);
    }

    [Fact]
    public void A_qualitative_row_without_user_status_cannot_be_judged()
    {
        var s = Score(OutcomeRow("人民生活的幸福感", "不断提高", "不断提高"));
        Assert.Equal(IndicatorStatus.Undetermined, s.Results[0].Status);
        Assert.Equal("无法判断", s.Results[0].StatusName);
        Assert.Equal(0m, s.Results[0].Score);
        Assert.Contains("无法判断", s.Results[0].Reason, StringComparison.Ordinal);
        Assert.Contains(FindingCodes.MissingUserStatus, Codes(s));
    }

    [Fact]
    public void An_unreadable_user_status_is_an_error()
    {
        var s = Score(OutcomeRow("x", "不断提高", status: "基本完成"));
        Assert.Contains(FindingCodes.BadUserStatus, Codes(s));
        Assert.Equal(IndicatorStatus.Undetermined, s.Results[0].Status);
    }

    // ---- what cannot be compared ----

    [Fact]
    public void Units_that_do_not_compare_cannot_be_judged_unless_the_user_did()
    {
        var s = Score(OutputRow("x", "≥3000篇", "95%", weight: 10m));
        Assert.Equal(IndicatorStatus.Undetermined, s.Results[0].Status);
        Assert.Contains("单位不一致", s.Results[0].Reason, StringComparison.Ordinal);
        Assert.Contains(FindingCodes.UnitMismatch, Codes(s));

        var judged = One(OutputRow("x", "≥3000篇", "95%", weight: 10m, status: "部分达成"));
        Assert.Equal(7m, judged.Score);
    }

    [Fact]
    public void A_missing_actual_is_a_finding_and_cannot_be_judged()
    {
        var s = Score(OutputRow("新增规上住宿业企业", "2家"));
        Assert.Equal(IndicatorStatus.Undetermined, s.Results[0].Status);
        Assert.Equal(0m, s.Results[0].Score);
        Assert.Contains("未填写实际完成值", s.Results[0].Reason, StringComparison.Ordinal);
        Assert.Contains(FindingCodes.MissingActual, Codes(s));
        Assert.DoesNotContain(FindingCodes.MissingUserStatus, Codes(s)); // one finding for one cause
    }

    [Fact]
    public void A_quantitative_target_with_an_actual_in_words_is_a_finding()
    {
        var s = Score(OutputRow("新增规上住宿业企业", "2家", "已完成"));
        Assert.Equal(IndicatorStatus.Undetermined, s.Results[0].Status);
        Assert.Contains(FindingCodes.ActualInWords, Codes(s));
    }

    [Fact]
    public void A_compound_target_is_judged_only_by_the_user()
    {
        var s = Score(OutputRow("人员", "在职2人，退休13人", "在职2人，退休13人", weight: 10m, status: "达成"));
        Assert.Equal(IndicatorKind.Unknown, s.Results[0].Kind);
        Assert.Equal(10m, s.Results[0].Score);
        Assert.Contains(FindingCodes.TargetNotUnderstood, Codes(s));
    }

    // ---- deadlines ----

    [Theory]
    [InlineData("2023年12月31日前", "2023年12月20日", null, "达成", 10)]
    [InlineData("2023年12月31日前", "2023年12月31日", null, "达成", 10)]
    [InlineData("2023.12.31前", "2024年1月5日", null, "未达成", 3)]
    [InlineData("11月前", "10月25日完成", null, "达成", 10)]
    [InlineData("11月前", "11月15日", null, "无法判断", 0)]       // does "11月前" include November? not guessed
    [InlineData("11月前", "11月15日", "达成", "达成", 10)]
    [InlineData("每月10日前按时发放", "按时发放", "达成", "达成", 10)]
    [InlineData("每月10日前按时发放", "按时发放", null, "无法判断", 0)]
    // A month of a year is a date (it was read as two numbers and never compared).
    [InlineData("2023年12月31日前", "2023年11月完成", null, "达成", 10)]
    [InlineData("2023年12月31日前", "2024年1月", null, "未达成", 3)]
    [InlineData("2023年12月31日前", "2023年12月", null, "无法判断", 0)]   // which day of December: not guessed
    [InlineData("2023年12月", "2023年12月20日", null, "无法判断", 0)]
    [InlineData("2023年12月", "2023年11月30日", null, "达成", 10)]
    public void Deadlines(string target, string actual, string? userStatus, string status, double score)
    {
        var r = One(OutputRow("工作及时完成", target, actual, weight: 10m, level2: "时效指标", status: userStatus, note: "说明"));
        Assert.Equal(IndicatorKind.Deadline, r.Kind);
        Assert.Equal(status, r.StatusName);
        Assert.Equal((decimal)score, r.Score);
    }

    // ---- execution-rate indicators, user scores, explanations ----

    [Fact]
    public void An_execution_rate_indicator_written_differently_is_a_finding()
    {
        var s = IndicatorScorer.Score("测试", [OutputRow("预算执行率", "100%", "100%", weight: 10m, level2: "质量指标")], ScopeFacts.From(90m, 100m));
        Assert.Equal("90.00%", s.Results[0].ActualText);
        Assert.Equal(9m, s.Results[0].Score);
        Assert.Contains(FindingCodes.ExecutionRateDiffers, Codes(s));
    }

    [Fact]
    public void A_user_score_that_differs_from_the_formula_is_noted()
    {
        // 37.24 / 43.2 = 86.2%: 10 × 0.862 = 8.62, a real table published 9.
        var s = Score(OutputRow("x", "43.2万人次", "37.24万人次", weight: 10m, score: 9m, note: "说明"));
        Assert.Equal(8.62m, s.Results[0].Score);
        Assert.Contains(s.Findings, f => f.Code == FindingCodes.ScoreDiffers && f.Message.Contains("8.62", StringComparison.Ordinal));
    }

    [Fact]
    public void Unmet_without_deviation_note_is_a_finding_and_with_one_it_is_not()
    {
        Assert.Contains(FindingCodes.UnmetWithoutNote, Codes(Score(OutputRow("x", "≥3000篇", "2886篇次"))));
        Assert.DoesNotContain(FindingCodes.UnmetWithoutNote, Codes(Score(OutputRow("x", "≥3000篇", "2886篇次", note: "统计口径调整"))));
    }

    [Theory]
    [InlineData("60场", "4900余场", true)] // the published Shifeng 2023 report: 文明实践活动 4900余场 against 60 planned
    [InlineData("100场", "130场", true)]   // exactly 130%
    [InlineData("100场", "129场", false)]
    public void Actual_at_130_percent_of_target_needs_a_note(string target, string actual, bool flagged)
    {
        var codes = Codes(Score(OutputRow("文明实践活动", target, actual)));
        Assert.Equal(flagged, codes.Contains(FindingCodes.FarAboveTarget));
    }

    [Fact]
    public void Form_prompt_leftovers_and_copied_names_are_findings()
    {
        var s = Score(
            OutputRow("指标2", "……", "（100字以内）"),
            OutcomeRow("无直接经济效益", "无直接经济效益", status: "达成"),
            OutcomeRow("社会效益", "社会效益", status: "达成"));
        Assert.Equal(3, s.Findings.Count(f => f.Code == FindingCodes.IndicatorPromptLeft));
        Assert.Contains(s.Findings, f => f.Code == FindingCodes.TargetIsName && f.Severity == Severity.Info && f.Message.Contains("无直接经济效益", StringComparison.Ordinal));
        Assert.Contains(s.Findings, f => f.Code == FindingCodes.TargetIsName && f.Severity == Severity.Warning && f.Message.Contains("社会效益", StringComparison.Ordinal));
        Assert.DoesNotContain(FindingCodes.TargetNotUnderstood, Codes(s));
    }

    [Fact]
    public void Findings_point_at_the_cell()
    {
        var s = Score(OutputRow("新增规上住宿业企业", "2家"));
        var missing = s.Findings.Single(f => f.Code == FindingCodes.MissingActual);
        Assert.Equal(6, missing.Location.Column);
        Assert.Equal("绩效指标", missing.Location.Sheet);
        Assert.StartsWith("测试·新增规上住宿业企业：", missing.Message, StringComparison.Ordinal);
    }

    // ---- grades ----

    [Theory]
    [InlineData(100, "优")]
    [InlineData(90, "优")]
    [InlineData(89.99, "良")]
    [InlineData(80, "良")]
    [InlineData(79.99, "中")]
    [InlineData(60, "中")]
    [InlineData(59.99, "差")]
    [InlineData(0, "差")]
    public void Grades(double total, string grade) => Assert.Equal(grade, Vocabulary.Bundled.Of(ScopeScore.GradeOf((decimal)total)));
}
