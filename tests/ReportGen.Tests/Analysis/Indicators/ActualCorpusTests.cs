using FsCheck;
using FsCheck.Fluent;
using ReportGen.Analysis.Indicators;
using ReportGen.Model;
using static ReportGen.Tests.Analysis.Indicators.Rows;

namespace ReportGen.Tests.Analysis.Indicators;

/// <summary>
/// How 实际完成值 are read (docs/domain.md, "Reading the actual value"): phrasings as published self-evaluation
/// forms and reports write them (the Shifeng 2023 forms and report, the Liwan 2023 form, the Chengde 2024 targets, and
/// the wording county reports use for results: dates, counts, percentages, money, qualitative words, negations,
/// bounds, changes, plans, parentheses, full-width digits, Chinese numerals), each with the verdict a careful
/// reviewer gives. "无法判断" means the tool does not judge the text and asks (a finding at the row); "错误" means a
/// finding that stops generate.
/// </summary>
public sealed class ActualCorpusTests
{
    private const string Count = "≥120场";
    private const string Rate = "≥95%";
    private const string Full = "100%";
    private const string Cost = "≤30万元";
    private const string Due = "2024年11月30日前";
    private const string Growth = "年增加5%";
    private const string Satisfied = "≥90%";
    private const string Articles = "≥3000篇";
    private const string Four = "不少于4场";
    private const string Zero = "0起";

    /// <summary>(指标值, 实际完成值, verdict).</summary>
    public static readonly TheoryData<string, string, string> Corpus = new()
    {
        // Counts against ≥120场.
        { Count, "126场", "达成" },
        { Count, "120场", "达成" },
        { Count, "一百二十六场", "达成" },
        { Count, "１２６场", "达成" },
        { Count, "126场次", "达成" },
        { Count, "完成126场", "达成" },
        { Count, "全年共举办126场", "达成" },
        { Count, "累计开展文化惠民演出126场", "达成" },
        { Count, "110场", "部分达成" },
        { Count, "60场", "未达成" },
        { Count, "不足120场", "未达成" },
        { Count, "不到120场", "未达成" },
        { Count, "未达120场", "未达成" },
        { Count, "未完成120场", "未达成" },
        { Count, "近120场", "未达成" },
        { Count, "接近120场", "未达成" },
        { Count, "120场以上", "达成" },
        { Count, "超过120场", "达成" },
        { Count, "不少于120场", "达成" },
        { Count, "130余场", "达成" },
        { Count, "约126场", "达成" },
        { Count, "较上年增加6场", "无法判断" },
        { Count, "比上年增加6场", "无法判断" },
        { Count, "同比增长5%", "无法判断" },
        { Count, "预计126场", "无法判断" },
        { Count, "正在开展，已完成100场", "无法判断" },
        { Count, "计划120场，实际126场", "达成" },
        { Count, "计划120场，实际完成110场", "部分达成" },
        { Count, "年初计划120场，实际完成126场", "达成" },
        { Count, "126场（其中6场未完成）", "无法判断" },
        { Count, "126场（含线上36场）", "达成" },
        { Count, "基本完成", "无法判断" },
        { Count, "全部完成", "无法判断" },
        { Count, "尚未完成", "无法判断" },
        { Count, "暂无", "无法判断" },
        { Count, "未开展", "无法判断" },
        { Count, "100场以下", "未达成" },
        { Count, "120场以下", "无法判断" },
        { Count, "低于120场", "未达成" },
        { Count, "少于100场", "未达成" },
        { Count, "126", "达成" },
        { Count, "在职2人，退休13人", "无法判断" },
        { Count, "已完成", "无法判断" },
        { Count, "部分完成", "无法判断" },
        { Count, "大部分完成", "无法判断" },
        { Count, "126场，较上年增加6场", "无法判断" },
        { Count, "延期举办100场", "无法判断" },
        { Count, "待验收", "无法判断" },

        // Percentages against ≥95%.
        { Rate, "96%", "达成" },
        { Rate, "95%", "达成" },
        { Rate, "95.0%", "达成" },
        { Rate, "９６％", "达成" },
        { Rate, "百分之九十六", "达成" },
        { Rate, "94%", "部分达成" },
        { Rate, "未达95%", "未达成" },
        { Rate, "未达到95%", "未达成" },
        { Rate, "95%以下", "无法判断" },
        { Rate, "90%以下", "未达成" },
        { Rate, "低于95%", "未达成" },
        { Rate, "不足95%", "未达成" },
        { Rate, "近95%", "未达成" },
        { Rate, "达到96%", "达成" },
        { Rate, "达96%", "达成" },
        { Rate, "96%以上", "达成" },
        { Rate, "不低于95%", "达成" },
        { Rate, "90%以上", "无法判断" },
        { Rate, "预计达到96%", "无法判断" },
        { Rate, "较上年提高2个百分点", "无法判断" },
        { Rate, "提高到96%", "达成" },
        { Rate, "基本达到95%", "无法判断" },
        { Rate, "合格率96%", "达成" },
        { Rate, "验收合格率达100%", "达成" },
        { Rate, "0.96", "错误" },
        { Satisfied, "0.936", "错误" },
        { Full, "1", "错误" },
        { Rate, "96%（部分项目尚未验收）", "无法判断" },
        { Rate, "96%（抽检）", "达成" },
        { Rate, "约96%", "达成" },
        { Rate, "无法统计", "无法判断" },
        { Rate, "暂无数据", "无法判断" },
        { Rate, "尚在统计中", "无法判断" },
        { Rate, "待统计", "无法判断" },
        { Rate, "未全部达标", "无法判断" },

        // 100% targets (完成率).
        { Full, "100%", "达成" },
        { Full, "98%", "部分达成" },
        { Full, "未全部完成", "无法判断" },
        { Full, "100%完成", "达成" },
        { Full, "全部完成", "无法判断" },
        { Full, "按计划完成100%", "达成" },
        { Full, "完成年度计划的100%", "达成" },
        { Full, "95%（2个项目待验收）", "无法判断" },

        // Money against a 成本指标 ceiling of 30万元.
        { Cost, "28.5万元", "达成" },
        { Cost, "30万元", "达成" },
        { Cost, "285000元", "达成" },
        { Cost, "285,000.00元", "达成" },
        { Cost, "28.5", "达成" },
        { Cost, "28.5万", "达成" },
        { Cost, "32万元", "部分达成" },
        { Cost, "65万元", "未达成" },
        { Cost, "超支1.2万元", "未达成" },
        { Cost, "超出预算1.2万元", "未达成" },
        { Cost, "未超过30万元", "无法判断" },
        { Cost, "未超支", "无法判断" },
        { Cost, "控制在30万元以内", "达成" },
        { Cost, "不超过30万元", "达成" },
        { Cost, "28.5万元（含结转资金2万元）", "达成" },
        { Cost, "预计支出28万元", "无法判断" },
        { Cost, "计划30万元，实际支出28.5万元", "达成" },
        { Cost, "低于30万元", "达成" },
        { Cost, "超过30万元", "未达成" },
        { Cost, "二十八万元", "达成" },

        // Deadlines against 2024年11月30日前.
        { Due, "2024年11月20日", "达成" },
        { Due, "2024年11月30日", "达成" },
        { Due, "2024年12月5日", "未达成" },
        { Due, "2024年11月20日完成", "达成" },
        { Due, "2024.11.20", "达成" },
        { Due, "2024-11-20", "达成" },
        { Due, "11月20日完成", "达成" },
        { Due, "2024年11月30日前未全部完工", "未达成" },
        { Due, "2024年11月30日前完成", "达成" },
        { Due, "延期至2025年3月", "未达成" },
        { Due, "推迟到12月完成", "未达成" },
        { Due, "尚未完工", "未达成" },
        { Due, "预计2024年12月完成", "无法判断" },
        { Due, "正在施工", "无法判断" },
        { Due, "按时完成", "无法判断" },
        { Due, "未按时完成", "未达成" },
        { Due, "2024年12月31日前完成", "无法判断" },
        { Due, "滞后一个月", "未达成" },
        { Due, "于2024年10月底完成", "达成" },
        { Due, "２０２４年１１月２０日", "达成" },
        { Due, "2024年11月20日完成主体工程（附属工程待验收）", "无法判断" },

        // Growth targets (年增加5%).
        { Growth, "增长6%", "达成" },
        { Growth, "较上年增长6%", "达成" },
        { Growth, "同比增长4%", "部分达成" },
        { Growth, "增长1%", "未达成" },
        { Growth, "下降2%", "未达成" },
        { Growth, "预计增长6%", "无法判断" },

        // Satisfaction against ≥90%.
        { Satisfied, "95%", "达成" },
        { Satisfied, "满意度95%", "达成" },
        { Satisfied, "群众满意度达95%", "达成" },
        { Satisfied, "0.95", "错误" },
        { Satisfied, "95分", "无法判断" },
        { Satisfied, "问卷调查满意度95%以上", "达成" },
        { Satisfied, "满意度不低于90%", "达成" },
        { Satisfied, "满意度未达90%", "未达成" },
        { Satisfied, "较上年提高3个百分点", "无法判断" },
        { Satisfied, "满意", "无法判断" },
        { Satisfied, "待调查", "无法判断" },
        { Satisfied, "尚未开展满意度调查", "无法判断" },
        { Satisfied, "非常满意", "无法判断" },
        { Satisfied, "九成以上", "无法判断" },
        { Satisfied, "95%（抽样调查）", "达成" },

        // The Shifeng 2023 篇 count (≥3000篇).
        { Articles, "2886篇次", "部分达成" },
        { Articles, "3120篇", "达成" },
        { Articles, "各级主流媒体报道2886篇次", "部分达成" },
        { Articles, "近3000篇", "未达成" },
        { Articles, "3000余篇", "达成" },
        { Articles, "约3000篇", "达成" },
        { Articles, "三千篇", "达成" },
        { Articles, "3,120篇", "达成" },
        { Articles, "未统计", "无法判断" },
        { Articles, "全年发稿3120篇（其中转载1200篇）", "达成" },

        // The Liwan 2023 不少于N场.
        { Four, "4场", "达成" },
        { Four, "四场", "达成" },
        { Four, "3场", "部分达成" },
        { Four, "1场", "未达成" },
        { Four, "0场", "未达成" },
        { Four, "未举办", "无法判断" },
        { Four, "无", "无法判断" },

        // A target of 0 (安全事故).
        { Zero, "0起", "达成" },
        { Zero, "0", "达成" },
        { Zero, "1起", "未达成" },
        { Zero, "未发生", "无法判断" },
        { Zero, "零起", "达成" },
    };

    private static IndicatorRow RowFor(string target, string actual) => target switch
    {
        Cost => OutputRow("成本", target, actual, level2: "成本指标"),
        Due => OutputRow("完成时间", target, actual, level2: "时效指标"),
        Growth => OutcomeRow("增长", target, actual),
        Satisfied => SatisfactionRow("满意度", target, actual),
        _ => OutputRow("数量", target, actual),
    };

    private static (IndicatorResult Result, ScopeScore Score) Judge(string target, string actual)
    {
        var score = IndicatorScorer.Score("测试", [RowFor(target, actual)], ScopeFacts.From(100m, 100m));
        return (score.Results[0], score);
    }

    private static string Verdict(string target, string actual)
    {
        var (result, score) = Judge(target, actual);
        return score.Findings.Any(f => f.Severity == Severity.Error) ? "错误" : result.StatusName;
    }

    [Fact]
    public void The_corpus_holds_at_least_150_phrasings_each_once()
    {
        var rows = Corpus.Select(r => ((string)r[0], (string)r[1])).ToList();
        Assert.True(rows.Count >= 150, $"{rows.Count} phrasings");
        Assert.Equal(rows.Count, rows.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Each_phrasing_gets_the_verdict_its_words_give(string target, string actual, string verdict) =>
        Assert.Equal(verdict, Verdict(target, actual));

    [Theory]
    [MemberData(nameof(Corpus))]
    public void A_phrasing_left_undetermined_has_a_finding_at_its_row(string target, string actual, string verdict)
    {
        var (result, score) = Judge(target, actual);
        if (verdict == "无法判断")
        {
            Assert.Equal(IndicatorStatus.Undetermined, result.Status);
            Assert.Contains(score.Findings, f => f.Severity >= Severity.Warning && f.Location.Row == result.Row.Location.Row);
            Assert.Equal(0m, result.Score);
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void A_reason_states_no_actual_number_the_text_does_not_hold(string target, string actual, string verdict)
    {
        _ = verdict;
        var (result, _) = Judge(target, actual);
        var text = TargetValueParser.Normalize(actual);
        foreach (System.Text.RegularExpressions.Match stated in System.Text.RegularExpressions.Regex.Matches(result.Reason, @"实际(?<n>-?\d+(?:\.\d+)?)"))
        {
            Assert.Contains(stated.Groups["n"].Value, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_date_is_never_said_to_be_met_when_the_text_says_it_was_not_finished()
    {
        var (result, _) = Judge(Due, "2024年11月30日前未全部完工");
        Assert.Equal(IndicatorStatus.NotMet, result.Status);
        Assert.DoesNotContain("于2024年11月30日完成", result.Reason, StringComparison.Ordinal);
        Assert.Contains("未全部", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_corpus_phrasing_with_a_denying_word_is_judged_met()
    {
        foreach (var row in Corpus)
        {
            var (target, actual) = ((string)row[0], (string)row[1]);
            if (ActualReader.DenyingWords.Any(actual.Contains))
            {
                Assert.NotEqual("达成", Verdict(target, actual));
            }
        }
    }

    /// <summary>
    /// Any denying word, anywhere around any number, in any unit, against any target of the corpus: never 达成
    /// (FsCheck, fixed runs).
    /// </summary>
    [Fact]
    public void No_phrasing_containing_a_denying_word_is_ever_judged_met()
    {
        string[] targets = [Count, Rate, Full, Cost, Due, Growth, Satisfied, Articles, Four, Zero];
        string[] units = ["场", "%", "万元", "元", "篇", "篇次", "个", "", "起", "人次"];
        string[] fillers = ["", "完成", "全年", "实际", "已", "举办", "，", "共", "达到", "以上", "以内", "左右", "（含线上）", "较上年增加"];
        var gen =
            from target in Gen.Elements(targets)
            from deny in Gen.Elements(ActualReader.DenyingWords.ToArray())
            from number in Gen.Choose(0, 100_000)
            from unit in Gen.Elements(units)
            from before in Gen.Elements(fillers)
            from after in Gen.Elements(fillers)
            from place in Gen.Choose(0, 3)
            select (target, place switch
            {
                0 => $"{before}{deny}{number}{unit}{after}",
                1 => $"{before}{number}{unit}{deny}{after}",
                2 => $"{number}{unit}（{deny}{after}）",
                _ => $"{before}{deny}{after}",
            });
        Prop.ForAll(gen.ToArbitrary(), pair => Verdict(pair.target, pair.Item2) != "达成")
            .QuickCheckThrowOnFailure();
    }

    // ---- the rows of the table that showed the old number grab, in full ----

    [Fact]
    public void Each_old_misreading_gets_the_verdict_its_words_give_with_a_finding_where_undecided()
    {
        Assert.Equal("未达成", Verdict(Due, "2024年11月30日前未全部完工"));
        Assert.Equal("未达成", Verdict(Rate, "未达95%"));
        Assert.NotEqual("达成", Verdict(Rate, "95%以下"));
        Assert.Equal("未达成", Verdict(Count, "不足120场"));
        Assert.Equal("未达成", Verdict(Cost, "超支1.2万元"));

        var (change, score) = Judge(Count, "较上年增加6场");
        Assert.Equal(IndicatorStatus.Undetermined, change.Status);
        Assert.DoesNotContain("实际6场", change.Reason, StringComparison.Ordinal);
        var asked = Assert.Single(score.Findings, f => f.Code == FindingCodes.ActualNotMeasured);
        Assert.Equal(change.Row.CellOf("完成情况"), asked.Location);
        Assert.Contains("较上年", asked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_fraction_against_a_percentage_is_an_error_naming_both_readings()
    {
        var (result, score) = Judge(Satisfied, "0.936");
        var error = Assert.Single(score.Findings, f => f.Code == FindingCodes.BareFraction);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("0.936 是 93.6% 吗？请填写 93.6%", error.Message, StringComparison.Ordinal);
        Assert.Equal(result.Row.CellOf("实际完成值"), error.Location);
        Assert.Equal(IndicatorStatus.Undetermined, result.Status);
        Assert.DoesNotContain("0.94%", result.Reason, StringComparison.Ordinal);

        // A percent-formatted cell reads as it displays and scores as before.
        Assert.Equal("达成", Verdict(Satisfied, "93.6%"));
    }

    [Fact]
    public void Explanations_keep_the_clerks_units()
    {
        var (wan, _) = Judge(Cost, "32万元");
        Assert.Contains("实际32万元超过指标值30万元", wan.Reason, StringComparison.Ordinal);

        var row = OutputRow("成本", "≤65.26万", "68.36万", level2: "成本指标");
        var bare = IndicatorScorer.Score("测试", [row], ScopeFacts.From(100m, 100m)).Results[0];
        Assert.Contains("实际68.36万超过指标值65.26万", bare.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("683600", bare.Reason, StringComparison.Ordinal);

        var (yuan, _) = Judge(Cost, "320000元");
        Assert.Contains("实际320000元超过指标值30万元", yuan.Reason, StringComparison.Ordinal);

        var (count, _) = Judge(Articles, "2886篇次");
        Assert.Contains("实际2886篇次未达到指标值3000篇", count.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clerks_status_against_the_numbers_is_asked_never_overruled()
    {
        var score = IndicatorScorer.Score("测试", [OutputRow("数量", Count, "126场", status: "未达成")], ScopeFacts.From(100m, 100m));
        var result = score.Results[0];
        Assert.Equal(IndicatorStatus.Undetermined, result.Status);
        var finding = Assert.Single(score.Findings, f => f.Code == FindingCodes.StatusDiffers);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("填报完成情况为“未达成”", finding.Message, StringComparison.Ordinal);

        var words = IndicatorScorer.Score("测试", [OutputRow("数量", Rate, "未达95%", status: "达成")], ScopeFacts.From(100m, 100m));
        Assert.Equal(IndicatorStatus.Undetermined, words.Results[0].Status);

        var agreeing = IndicatorScorer.Score("测试", [OutputRow("数量", Rate, "未达95%", status: "未达成")], ScopeFacts.From(100m, 100m));
        Assert.Equal(IndicatorStatus.NotMet, agreeing.Results[0].Status);
    }
}
