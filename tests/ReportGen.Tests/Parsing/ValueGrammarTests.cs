using System.Globalization;
using ReportGen.Analysis.Indicators;
using ReportGen.Input;
using ReportGen.Parsing;

namespace ReportGen.Tests.Parsing;

/// <summary>
/// The forms each value grammar accepts, pinned in one table per kind of value (docs/architecture.md, "One reader per
/// value"): percentages, dates and counts as the indicator judge reads them inside a 指标值 or 实际完成值, shares as the
/// workbook reader and the import read a 支出计划 cell, Chinese numerals, the number of an amount cell and the 年度.
/// Written down from the grammars as they stood before they were moved into one place, so that the move is shown to
/// keep every reading; a row that changed since says why.
/// </summary>
public sealed class ValueGrammarTests
{
    /// <summary>Kind | number | unit | family | factor | date | monthly | approximate | noun | written | note | problem.</summary>
    private static string Describe(ParsedValue v) => string.Join("|",
        v.Kind, v.Number?.ToString(CultureInfo.InvariantCulture), v.Unit, v.UnitFamily, v.UnitFactor.ToString(CultureInfo.InvariantCulture),
        v.Date, v.Date?.Monthly, v.Approximate, v.Noun, v.Written, v.Note, v.Problem);

    [Theory]
    [InlineData("95%", "Equal|95|%|%|1|||False||95%||")]
    [InlineData("95％", "Equal|95|%|%|1|||False||95%||")]
    [InlineData("９５％", "Equal|95|%|%|1|||False||95%||")]
    [InlineData("95 %", "Equal|95|%|%|1|||False||95%||")]
    [InlineData("95.5%", "Equal|95.5|%|%|1|||False||95.5%||")]
    [InlineData("百分之九十五", "Equal|95|%|%|1|||False||95%||")]
    [InlineData("百分之95", "Equal|95|%|%|1|||False||95%||")]
    [InlineData("百分之九十点五", "Equal|90|%|%|1|||False||90%|从文字中取数：90%|")]
    [InlineData("百分之一百", "Equal|100|%|%|1|||False||100%||")]
    [InlineData("≥95%", "AtLeast|95|%|%|1|||False||95%||")]
    [InlineData("＞＝95%", "AtLeast|95|%|%|1|||False||95%||")]
    [InlineData("95%以上", "AtLeast|95|%|%|1|||False||95%||")]
    [InlineData("不低于95%", "AtLeast|95|%|%|1|||False||95%||")]
    [InlineData("≤5%", "AtMost|5|%|%|1|||False||5%||")]
    [InlineData("0.95", "Equal|0.95|||1|||False||0.95||")]
    [InlineData("九成五", "Qualitative||||1|||False||||")]
    [InlineData("95‰", "Equal|95|‰|%|0.1|||False||95‰||")]
    [InlineData("5个百分点", "Equal|5|个百分点|%|1|||False||5个百分点||")]
    [InlineData("1,000%", "Equal|1000|%|%|1|||False||1000%||")]
    [InlineData("-1%", "Equal|-1|%|%|1|||False||-1%||")]
    [InlineData("负5%", "Equal|-5|%|%|1|||False||-5%||")]
    [InlineData("约95%", "Equal|95|%|%|1|||True||95%||")]
    [InlineData("95%左右", "Equal|95|%|%|1|||True||95%||")]
    [InlineData("达到百分之九十", "AtLeast|90|%|%|1|||False||90%||")]
    // Changed: a month of a year without a day was two numbers (含多个数值（2023年、12月）); it is a date.
    [InlineData("2023年12月", "Date||||1|2023年12月|False|False||||")]
    [InlineData("2023年11月份完成", "Date||||1|2023年11月|False|False||||")]
    [InlineData("2023年3月至6月", "Unknown||||1|||False||||日期之外还有其他数值，无法确定比较对象")]
    [InlineData("12月", "Equal|12|月|月|1|||False||12月||")]
    [InlineData("2023年12月31日", "Date||||1|2023年12月31日|False|False||||")]
    [InlineData("2023-12-31", "Date||||1|2023年12月31日|False|False||||")]
    [InlineData("2023/12/31", "Date||||1|2023年12月31日|False|False||||")]
    [InlineData("2023.12.31", "Date||||1|2023年12月31日|False|False||||")]
    [InlineData("2023-12", "Unknown||||1|||False||||含多个数值（2023、12），无法确定与哪一个比较")]
    [InlineData("2023年", "Equal|2023|年|年|1|||False||2023年||")]
    [InlineData("12月底", "Date||||1|12月31日|False|False||||")]
    [InlineData("12月末", "Date||||1|12月31日|False|False||||")]
    [InlineData("2月底", "Date||||1|2月29日|False|False||||")]
    [InlineData("2023年2月底", "Date||||1|2023年2月28日|False|False||||")]
    [InlineData("2024年2月底前", "Deadline||||1|2024年2月29日|False|False||||")]
    [InlineData("2023年12月底前", "Deadline||||1|2023年12月31日|False|False||||")]
    [InlineData("2023年2月29日", "Unknown||||1|||False||||日期“2023年2月29日”不存在")]
    [InlineData("2023年13月", "Unknown||||1|||False||||日期“2023年13月”不存在")]
    [InlineData("2023年12月32日", "Unknown||||1|||False||||日期“2023年12月32日”不存在")]
    [InlineData("年底前", "Deadline||||1|12月31日|False|False|||“年底前”按12月31日计|")]
    [InlineData("年末前", "Deadline||||1|12月31日|False|False|||“年底前”按12月31日计|")]
    [InlineData("年内", "Deadline||||1|12月31日|False|False|||“年底前”按12月31日计|")]
    [InlineData("年底", "Deadline||||1|12月31日|False|False|||“年底前”按12月31日计|")]
    [InlineData("每月10日前", "Deadline||||1|每月10日|True|False|||每月按时完成，需按完成情况评判|")]
    [InlineData("每月10号前发放", "Deadline||||1|每月10日|True|False|||每月按时完成，需按完成情况评判|")]
    [InlineData("2023年12月31日前完成", "Deadline||||1|2023年12月31日|False|False||||")]
    [InlineData("2023年12月31日前完成3项", "Unknown||||1|||False||||日期之外还有其他数值，无法确定比较对象")]
    [InlineData("0000年1月1日", "Unknown||||1|||False||||日期“0000年1月1日”不存在")]
    [InlineData("2023年12月31号", "Date||||1|2023年12月31日|False|False||||")]
    [InlineData("12月31日以前", "Deadline||||1|12月31日|False|False||||")]
    [InlineData("2023-12-31前", "Deadline||||1|2023年12月31日|False|False||||")]
    [InlineData("2023.12前", "Deadline||||1|2023年12月|False|False||||")]
    [InlineData("2023年12月20日完成", "Date||||1|2023年12月20日|False|False||||")]
    [InlineData("10月25日完成", "Date||||1|10月25日|False|False||||")]
    [InlineData("11月前", "Deadline||||1|11月|False|False||||")]
    [InlineData("3000篇", "Equal|3000|篇|篇|1|||False||3000篇||")]
    [InlineData("３０００篇", "Equal|3000|篇|篇|1|||False||3000篇||")]
    [InlineData("3,000篇", "Equal|3000|篇|篇|1|||False||3000篇||")]
    [InlineData("30,00篇", "Unknown||||1|||False||||千位分隔符位置不对（“30,00”，应从个位起每三位一个，如 1,234,567），无法确定数值")]
    [InlineData("30 00篇", "Unknown||||1|||False||||数字中间有空格（“0 0”），无法确定数值")]
    [InlineData("1,2345.6元", "Unknown||||1|||False||||千位分隔符位置不对（“1,2345.6”，应从个位起每三位一个，如 1,234,567），无法确定数值")]
    [InlineData("12,34,567元", "Unknown||||1|||False||||千位分隔符位置不对（“12,34,567”，应从个位起每三位一个，如 1,234,567），无法确定数值")]
    [InlineData("一百零五场次", "Equal|105|场次|场|1|||False||一百零五场次||")]
    [InlineData("两家", "Equal|2|家|家|1|||False||两家||")]
    [InlineData("五大行动", "Equal|5|项|项|1|||False|行动||“五大行动”按5项计|")]
    [InlineData("不少于三大行动", "AtLeast|3|项|项|1|||False|行动||“不少于三大行动”按3项计|")]
    [InlineData("十二", "Equal|12|||1|||False||十二||")]
    [InlineData("十二人", "Equal|12|人|人|1|||False||十二人||")]
    [InlineData("5万人次", "Equal|50000|人次|人|1|||False||5万人次||")]
    [InlineData("1.5亿元", "Equal|1.5|亿元|元|10000|||False||1.5亿元||")]
    [InlineData("二十万元", "Equal|200000|元|元|0.0001|||False||二十万元||")]
    [InlineData("三千人", "Equal|3000|人|人|1|||False||三千人||")]
    [InlineData("约50人", "Equal|50|人|人|1|||True||50人||")]
    [InlineData("4900余场", "Equal|4900|场|场|1|||True||4900场||")]
    [InlineData("12345678901234567890123", "Unknown||||1|||False||||数值位数过多（23位），无法识别")]
    [InlineData("-5", "Equal|-5|||1|||False||-5||")]
    [InlineData("−5", "Equal|-5|||1|||False||-5||")]
    [InlineData("负5场", "Equal|-5|场|场|1|||False||-5场||")]
    [InlineData("12", "Equal|12|||1|||False||12||")]
    [InlineData("0", "Equal|0|||1|||False||0||")]
    [InlineData("0.5", "Equal|0.5|||1|||False||0.5||")]
    [InlineData("1e3", "Unknown||||1|||False||||含多个数值（1、3），无法确定与哪一个比较")]
    [InlineData("完成了126场次活动", "Equal|126|场次|场|1|||False||126场次|从文字中取数：126场次|")]
    [InlineData("完成五大行动", "Equal|5|项|项|1|||False|||从文字中取数：“五大…”按5项计|")]
    [InlineData("计划120场实际126场", "Unknown||||1|||False||||含多个数值（120场、126场），无法确定与哪一个比较")]
    [InlineData("万", "Qualitative||||1|||False||||")]
    [InlineData("亿亿亿亿亿亿亿亿", "Qualitative||||1|||False||||")]
    // Changed: 二〇二三年 was read as 3年 (see the numerals below); a year in Chinese digits is words.
    [InlineData("二〇二三年", "Qualitative||||1|||False||||")]
    [InlineData("一亿二千万元", "Equal|120000000|元|元|0.0001|||False||一亿二千万元||")]
    [InlineData("95分", "Equal|95|分|分|1|||False||95分|从文字中取数：95分|")]
    [InlineData("", "Unknown||||1|||False||||未填写")]
    public void The_judge_reads_percentages_dates_and_counts_as_pinned(string text, string expected) =>
        Assert.Equal(expected, Describe(TargetValueParser.Parse(text)));

    /// <summary>
    /// The cell's raw value, when it is not the text: a double, "date" (a date cell), "decimal:20", "int:20", or a
    /// string; null when the text alone is read.
    /// </summary>
    [Theory]
    [InlineData("20%", null, "0.2")]
    [InlineData("20", null, "0.2")]
    [InlineData("0.2", null, "0.2")]
    [InlineData("２０％", null, "0.2")]
    [InlineData("20 %", null, "0.2")]
    [InlineData("1,000%", null, "10")]
    [InlineData("1,00%", null, null)]
    // Changed: a share read through the amount grammar took 万 / 元 as money units, so "20元" was 0.2%;
    // a share with a money unit is no share (RG109 names the cell).
    [InlineData("20万", null, null)]
    [InlineData("20元", null, null)]
    [InlineData("2E1", null, "0.2")]
    // Changed: the judge reads 百分之九十 as 90%; the share reader now reads the words by the same rule.
    [InlineData("百分之二十", null, "0.2")]
    [InlineData("-5%", null, null)]
    [InlineData("", null, null)]
    [InlineData("abc", null, null)]
    [InlineData("20%%", null, null)]
    [InlineData("%", null, null)]
    [InlineData("0.2", 0.2, "0.2")]
    [InlineData("20%", 0.2, "0.2")]
    [InlineData("20", 20.0, "0.2")]
    [InlineData("abc", 20.0, "0.2")]
    [InlineData("x", "date", null)]
    [InlineData("NaN", double.NaN, null)]
    [InlineData("1E+300", 1e300, null)]
    [InlineData("0.2", "0.2", "0.2")]
    [InlineData("20", "decimal:20", "0.2")]
    [InlineData("20", "int:20", "0.2")]
    [InlineData("1", 1.0, "1")]
    [InlineData("1.5", 1.5, "0.015")]
    [InlineData("12月底", null, null)]
    public void A_share_reads_as_pinned(string shown, object? value, string? expected)
    {
        var raw = value switch
        {
            "date" => new DateTime(2023, 1, 1),
            string s when s.StartsWith("decimal:", StringComparison.Ordinal) => decimal.Parse(s[8..], CultureInfo.InvariantCulture),
            string s when s.StartsWith("int:", StringComparison.Ordinal) => int.Parse(s[4..], CultureInfo.InvariantCulture),
            _ => value,
        };
        Assert.Equal(expected, PercentParser.Parse(shown, raw)?.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("五", "5")]
    [InlineData("十二", "12")]
    [InlineData("两", "2")]
    [InlineData("一百零五", "105")]
    [InlineData("三千", "3000")]
    [InlineData("五万", "50000")]
    // Changed: 万 multiplied the 亿 before it too (1000020000000), and 五万亿 was no numeral.
    [InlineData("一亿二千万", "120000000")]
    [InlineData("三亿五千万", "350000000")]
    [InlineData("五万亿", "5000000000000")]
    [InlineData("一万零五", "10005")]
    [InlineData("十万", "100000")]
    [InlineData("万", null)]
    [InlineData("零", "0")]
    [InlineData("〇", "0")]
    [InlineData("二十万", "200000")]
    [InlineData("一千零一", "1001")]
    [InlineData("十", "10")]
    [InlineData("百", "100")]
    [InlineData("两百", "200")]
    [InlineData("亿亿亿亿亿亿亿亿", null)]
    // Changed: digits in a row kept the last one (五五 = 5, 二〇二三 = 3).
    [InlineData("五五", null)]
    [InlineData("二〇二三", null)]
    [InlineData("x", null)]
    public void A_chinese_numeral_reads_as_pinned(string text, string? expected) =>
        Assert.Equal(expected, ChineseNumeral.Parse(text)?.ToString(CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("3,857.00", "3857.00", "")]
    [InlineData("3 857", null, "“3 857”的数字中间有空格，无法确定是哪个数。请去掉空格，填写阿拉伯数字（如 3857 或 3,857.00）")]
    [InlineData("1,2345", null, "“1,2345”的千位分隔符位置不对（应从个位起每三位一个，如 1,234,567.89），无法确定金额")]
    [InlineData("２８，０３６．００", "28036.00", "")]
    [InlineData("-5", "-5", "")]
    [InlineData("1E3", "1000", "")]
    [InlineData("30万元", "30", "")]
    [InlineData("30万", "30", "")]
    [InlineData("30元", "0.003", "")]
    [InlineData("—", null, "")]
    [InlineData("-", null, "")]
    [InlineData("/", null, "")]
    [InlineData("abc", null, "“abc”不是金额，请填写阿拉伯数字（如 30 或 30.00）")]
    [InlineData("1,234,567.89", "1234567.89", "")]
    [InlineData("+5", "5", "")]
    [InlineData("5.", "5", "")]
    public void The_number_of_an_amount_cell_reads_as_pinned(string text, string? expected, string problem)
    {
        var result = AmountParser.Parse(text, defaultUnitIsYuan: false);
        Assert.Equal(expected, result.Value?.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(problem, result.Problem ?? "");
    }

    [Theory]
    [InlineData("2023", 2023)]
    [InlineData("2023年度", 2023)]
    [InlineData("２０２３", 2023)]
    [InlineData("20235", null)]
    [InlineData("2023.5", null)]
    [InlineData("1899", null)]
    [InlineData("2100", null)]
    [InlineData("2023-2024", 2023)]
    [InlineData("二〇二三", null)]
    [InlineData("", null)]
    public void A_year_reads_as_pinned(string text, int? expected) =>
        Assert.Equal(expected, DateParser.Year(text));
}
