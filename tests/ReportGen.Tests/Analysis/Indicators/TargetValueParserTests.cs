using System.Globalization;
using ReportGen.Analysis.Indicators;
using ReportGen.Parsing;

namespace ReportGen.Tests.Analysis.Indicators;

public class TargetValueParserTests
{
    private static decimal? ParsedDecimal(string? s) => s is null ? null : decimal.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>The patterns spell the unit names out (so they compile ahead of time); they must be the table's.</summary>
    [Fact]
    public void The_patterns_know_every_unit_of_the_table_longest_first()
    {
        var fromTable = string.Join("|", Units.NamesLongestFirst.Select(System.Text.RegularExpressions.Regex.Escape));

        Assert.Equal(TargetValueParser.UnitAlternation, fromTable);
    }

    /// <summary>Every quantitative example of docs/domain.md §4 and every 指标值 of the Shifeng and Liwan 2023 forms, plus the forms around them.</summary>
    [Theory]
    // docs/domain.md §4
    [InlineData("≥3000篇", TargetKind.AtLeast, "3000", "篇", "篇")]
    [InlineData("≦12人", TargetKind.AtMost, "12", "人", "人")]
    [InlineData("≤326.42万元", TargetKind.AtMost, "326.42", "万元", "元")]
    [InlineData("100%", TargetKind.Equal, "100", "%", "%")]
    [InlineData("90%", TargetKind.Equal, "90", "%", "%")]
    [InlineData("2家", TargetKind.Equal, "2", "家", "家")]
    [InlineData("五大行动", TargetKind.Equal, "5", "项", "项")]
    [InlineData("不少于4场", TargetKind.AtLeast, "4", "场", "场")]
    [InlineData("不少于2个", TargetKind.AtLeast, "2", "个", "个")]
    [InlineData("1支", TargetKind.Equal, "1", "支", "支")]
    [InlineData("达90%", TargetKind.AtLeast, "90", "%", "%")]
    [InlineData("年增加5%", TargetKind.Growth, "5", "%", "%")]
    [InlineData("≥10%", TargetKind.AtLeast, "10", "%", "%")]
    [InlineData("1308场", TargetKind.Equal, "1308", "场", "场")]
    // the Shifeng 2023 forms (附表1 and the three 附表3)
    [InlineData("≤30万元", TargetKind.AtMost, "30", "万元", "元")]
    [InlineData("≤50万元", TargetKind.AtMost, "50", "万元", "元")]
    [InlineData("≤15万元", TargetKind.AtMost, "15", "万元", "元")]
    // the Liwan 2023 form (荔湾)
    [InlineData("不少于50篇", TargetKind.AtLeast, "50", "篇", "篇")]
    [InlineData("不少于200篇", TargetKind.AtLeast, "200", "篇", "篇")]
    [InlineData("不少于200期", TargetKind.AtLeast, "200", "期", "期")]
    [InlineData("不少于5人", TargetKind.AtLeast, "5", "人", "人")]
    [InlineData("不少于10场", TargetKind.AtLeast, "10", "场", "场")]
    [InlineData("不少于50组次", TargetKind.AtLeast, "50", "组次", "组")]
    [InlineData("不少于3次", TargetKind.AtLeast, "3", "次", "次")]
    [InlineData("95%", TargetKind.Equal, "95", "%", "%")]
    // operators in every spelling
    [InlineData(">=3000篇", TargetKind.AtLeast, "3000", "篇", "篇")]
    [InlineData("≧3000篇", TargetKind.AtLeast, "3000", "篇", "篇")]
    [InlineData("＞＝3000篇", TargetKind.AtLeast, "3000", "篇", "篇")]
    [InlineData("不低于95%", TargetKind.AtLeast, "95", "%", "%")]
    [InlineData("至少3场", TargetKind.AtLeast, "3", "场", "场")]
    [InlineData("达到100%", TargetKind.AtLeast, "100", "%", "%")]
    [InlineData("95%以上", TargetKind.AtLeast, "95", "%", "%")]
    [InlineData("<=30万元", TargetKind.AtMost, "30", "万元", "元")]
    [InlineData("不超过30万元", TargetKind.AtMost, "30", "万元", "元")]
    [InlineData("不高于5%", TargetKind.AtMost, "5", "%", "%")]
    [InlineData("不大于2次", TargetKind.AtMost, "2", "次", "次")]
    [InlineData("30万元以内", TargetKind.AtMost, "30", "万元", "元")]
    [InlineData("3次以下", TargetKind.AtMost, "3", "次", "次")]
    [InlineData("控制在30万元以内", TargetKind.AtMost, "30", "万元", "元")]
    [InlineData("控制在30万元", TargetKind.AtMost, "30", "万元", "元")]
    [InlineData("=0起", TargetKind.Equal, "0", "起", "起")]
    // numerals and units
    [InlineData("十二人", TargetKind.Equal, "12", "人", "人")]
    [InlineData("两家", TargetKind.Equal, "2", "家", "家")]
    [InlineData("一百零五场次", TargetKind.Equal, "105", "场次", "场")]
    [InlineData("３０００篇", TargetKind.Equal, "3000", "篇", "篇")]
    [InlineData("２８，０３６，２０２．００元", TargetKind.Equal, "28036202.00", "元", "元")]
    [InlineData("28,036,202.00元", TargetKind.Equal, "28036202.00", "元", "元")]
    [InlineData("2886篇次", TargetKind.Equal, "2886", "篇次", "篇")]
    [InlineData("17万人次", TargetKind.Equal, "170000", "人次", "人")]
    [InlineData("百分之九十", TargetKind.Equal, "90", "%", "%")]
    [InlineData("30天", TargetKind.Equal, "30", "天", "天")]
    [InlineData("3个月", TargetKind.Equal, "3", "个月", "月")]
    [InlineData("12", TargetKind.Equal, "12", null, null)]
    public void Reads_quantities(string text, TargetKind kind, string number, string? unit, string? family)
    {
        var v = TargetValueParser.Parse(text);
        Assert.Equal(kind, v.Kind);
        Assert.Equal(ParsedDecimal(number), v.Number);
        Assert.Equal(unit, v.Unit);
        Assert.Equal(family, v.UnitFamily);
        Assert.Null(v.Problem);
        Assert.Equal(text, v.Original);
        Assert.False(v.Approximate);
    }

    [Theory]
    [InlineData("4900余场", "4900", "场")]
    [InlineData("3000余条", "3000", "条")]
    [InlineData("4万余册", "40000", "册")]
    [InlineData("5.7万余名", "57000", "名")]
    [InlineData("110余场", "110", "场")]
    [InlineData("约50人", "50", "人")]
    [InlineData("3000篇左右", "3000", "篇")]
    [InlineData("20多场", "20", "场")]
    public void Reads_approximate_values(string text, string number, string unit)
    {
        var v = TargetValueParser.Parse(text);
        Assert.Equal(TargetKind.Equal, v.Kind);
        Assert.Equal(ParsedDecimal(number), v.Number);
        Assert.Equal(unit, v.Unit);
        Assert.True(v.Approximate);
    }

    [Fact]
    public void Five_great_actions_is_five_items_with_a_note()
    {
        var v = TargetValueParser.Parse("五大行动");
        Assert.Equal(5m, v.Number);
        Assert.Equal("“五大行动”按5项计", v.Note);
    }

    [Fact]
    public void A_sentence_with_one_number_is_read_as_that_number_with_a_note()
    {
        var v = TargetValueParser.Parse("各级主流媒体报道石峰区2886篇次");
        Assert.Equal(TargetKind.Equal, v.Kind);
        Assert.Equal(2886m, v.Number);
        Assert.Equal("篇", v.UnitFamily);
        Assert.Contains("从文字中取数", v.Note, StringComparison.Ordinal);

        // The published Shifeng 2023 self-evaluation report's actual for 实施全域行动.
        var actions = TargetValueParser.Parse("开展市容市貌、空中缆线等五大专项整治");
        Assert.Equal(5m, actions.Number);
        Assert.Equal("项", actions.Unit);
    }

    [Theory]
    [InlineData("2023年12月31日前", 2023, 12, 31)]
    [InlineData("2023.12.31前", 2023, 12, 31)]
    [InlineData("2023-12-31前", 2023, 12, 31)]
    [InlineData("2023年12月31日之前完成", 2023, 12, 31)]
    [InlineData("11月前", null, 11, null)]
    [InlineData("6月底前", null, 6, 30)]
    [InlineData("年底前", null, 12, 31)]
    public void Reads_deadlines(string text, int? year, int month, int? day)
    {
        var v = TargetValueParser.Parse(text);
        Assert.Equal(TargetKind.Deadline, v.Kind);
        Assert.Equal(new DateSpec(year, month, day), v.Date);
        Assert.Null(v.Number);
    }

    [Fact]
    public void Reads_a_monthly_deadline()
    {
        var v = TargetValueParser.Parse("每月10日前按时发放");
        Assert.Equal(TargetKind.Deadline, v.Kind);
        Assert.Equal(new DateSpec(null, null, 10, Monthly: true), v.Date);
        Assert.Null(v.Problem);
    }

    [Theory]
    [InlineData("2023年12月20日", 2023, 12, 20)]
    [InlineData("2023.11.5完成", 2023, 11, 5)]
    [InlineData("10月25日完成", null, 10, 25)]
    public void Reads_dates_as_actuals_write_them(string text, int? year, int month, int day)
    {
        var v = TargetValueParser.Parse(text);
        Assert.Equal(TargetKind.Date, v.Kind);
        Assert.Equal(new DateSpec(year, month, day), v.Date);
        Assert.NotNull(v.Date!.Month);
    }

    [Fact]
    public void A_date_that_does_not_exist_is_a_problem()
    {
        var v = TargetValueParser.Parse("2023年2月30日前");
        Assert.Equal(TargetKind.Unknown, v.Kind);
        Assert.Contains("不存在", v.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("年增加5%", "5")]
    [InlineData("同比增长10%", "10")]
    [InlineData("较上年提高2个百分点", "2")]
    [InlineData("下降5%", "-5")]
    public void Reads_growth(string text, string number)
    {
        var v = TargetValueParser.Parse(text);
        Assert.Equal(TargetKind.Growth, v.Kind);
        Assert.Equal(ParsedDecimal(number), v.Number);
        Assert.Equal("%", v.UnitFamily);
    }

    [Theory]
    [InlineData("不断提高")]
    [InlineData("显著提升")]
    [InlineData("深入人心")]
    [InlineData("持续发展")]
    [InlineData("不断优化")]
    [InlineData("无直接经济效益")]
    [InlineData("按规定缴纳发放")]
    [InlineData("按时完成")]
    public void Reads_qualitative_wording(string text)
    {
        var v = TargetValueParser.Parse(text);
        Assert.Equal(TargetKind.Qualitative, v.Kind);
        Assert.Null(v.Number);
        Assert.Null(v.Problem);
    }

    [Theory]
    [InlineData("在职2人，退休13人", "含多个数值")]
    [InlineData("在职2人,退休13人", "含多个数值")]
    [InlineData("不少于5人以下", "矛盾")]
    [InlineData("指标2", "模板提示")]
    [InlineData("目标内容1", "模板提示")]
    [InlineData("……", "模板提示")]
    [InlineData("（100字以内）", "模板提示")]
    [InlineData("", "未填写")]
    [InlineData("/", "未填写")]
    [InlineData("2023年12月31日前完成3场", "其他数值")]
    public void Says_what_it_could_not_understand(string text, string problem)
    {
        var v = TargetValueParser.Parse(text);
        Assert.Equal(TargetKind.Unknown, v.Kind);
        Assert.Null(v.Number);
        Assert.Contains(problem, v.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_of_one_family_compare_and_money_converts()
    {
        var target = TargetValueParser.Parse("≥3000篇");
        var actual = TargetValueParser.Parse("2886篇次");
        Assert.True(actual.ComparesWith(target));
        Assert.Equal(2886m, actual.InUnitOf(target));

        var budget = TargetValueParser.Parse("≤326.42万元");
        var spent = TargetValueParser.Parse("4,580,400元");
        Assert.Equal(458.04m, spent.InUnitOf(budget));
        Assert.Equal(3_264_200m, budget.InUnitOf(spent));
        Assert.Equal(458.04m, spent.BaseNumber);

        var rate = TargetValueParser.Parse("90%");
        Assert.False(rate.ComparesWith(target));
        Assert.Null(rate.InUnitOf(target));

        var bare = TargetValueParser.Parse("2900");
        Assert.Equal(2900m, bare.InUnitOf(target));
    }
}
