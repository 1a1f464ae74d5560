using System.Globalization;
using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Parsing;

/// <summary>
/// A date written in a target or an actual. Year and day may be missing ("11月前"); <see cref="Monthly"/> marks
/// a recurring deadline ("每月10日前").
/// </summary>
public sealed record DateSpec(int? Year, int? Month, int? Day, bool Monthly = false)
{
    /// <summary>The full date when year, month and day are all known.</summary>
    public DateOnly? Date => Year is { } y && Month is { } m && Day is { } d ? new DateOnly(y, m, d) : null;

    public override string ToString() => Monthly
        ? $"每月{Day}日"
        : $"{(Year is { } y ? $"{y}年" : "")}{(Month is { } m ? $"{m}月" : "")}{(Day is { } d ? $"{d}日" : "")}";
}

/// <summary>How a date was written: a deadline (…前, 每月…前, 年底前) or a plain date (2023年12月20日).</summary>
internal enum DateForm
{
    /// <summary>"2023年12月31日前", "2023.12.31前", "11月前", "6月底前".</summary>
    Deadline,

    /// <summary>"每月10日前": a recurring deadline, judged by the user.</summary>
    Monthly,

    /// <summary>"年底前", "年内": 12月31日 of the year.</summary>
    YearEnd,

    /// <summary>"2023年12月20日", "2023-12-31", "10月25日", "12月底", "2023年12月": a plain date, as actuals and date cells are written.</summary>
    Date,
}

/// <summary>
/// A date found in a text: its form, what it says, the words that wrote it (<see cref="Written"/>), whether the
/// text holds another number besides (<see cref="OtherNumber"/>) and whether such a date exists (2023年2月29日 does not).
/// </summary>
internal sealed record DateFound(DateForm Form, DateSpec Spec, string Written, bool OtherNumber, bool Exists);

/// <summary>
/// Dates as clerks write them (docs/domain.md §4): deadlines ("2023年12月31日前", "2023.12.31前", "11月前", "年底前",
/// "每月10日前按时发放"), plain dates ("2023年12月20日完成", "2023-12-31", "12月底") and the 年度 of a workbook or form
/// ("2023", "2023年度"). A date cell is written as text in the one form read back here (<see cref="Text"/>). The
/// workbook reader and the import read the 年度 by <see cref="Year"/>, the indicator judge a 指标值 or 实际完成值 by
/// <see cref="Find"/>.
/// </summary>
internal static partial class DateParser
{
    /// <summary>
    /// The date in <paramref name="text"/> (full-width folded, without spaces), words around it allowed; null when
    /// it holds none.
    /// </summary>
    public static DateFound? Find(string text)
    {
        var monthly = Monthly().Match(text);
        if (monthly.Success)
        {
            return Found(text, monthly, DateForm.Monthly, new DateSpec(null, null, Int(monthly.Groups["d"]), Monthly: true));
        }

        foreach (var regex in new[] { ChineseDeadline(), DottedDeadline() })
        {
            var m = regex.Match(text);
            if (m.Success)
            {
                return Found(text, m, DateForm.Deadline, Spec(m));
            }
        }

        var yearEnd = YearEnd().Match(text);
        if (yearEnd.Success)
        {
            return Found(text, yearEnd, DateForm.YearEnd, new DateSpec(null, 12, 31));
        }

        foreach (var regex in new[] { ChineseDate(), DottedDate(), YearAndMonth() })
        {
            var m = regex.Match(text);
            if (m.Success)
            {
                return Found(text, m, DateForm.Date, Spec(m));
            }
        }

        return null;
    }

    /// <summary>
    /// The 年度 of a 基本信息 content or a form's title: a four-digit year standing alone ("2023", "2023年度"), or null.
    /// </summary>
    public static int? Year(string? text) =>
        YearPattern().Match(TextNormalizer.FoldWidth(text)) is { Success: true } match ? int.Parse(match.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>A date cell as text: 2023-12-31, a form <see cref="Find"/> reads back.</summary>
    public static string Text(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateSpec Spec(Match m)
    {
        int? year = m.Groups["y"].Success ? Int(m.Groups["y"]) : null;
        var month = Int(m.Groups["m"]);
        int? day = m.Groups["d"].Success ? Int(m.Groups["d"]) : null;
        if (m.Groups["end"].Success && day is null && month is >= 1 and <= 12 && year is null or >= 1)
        {
            // 月底 / 月末: the last day; without a year February is read generously (29).
            day = DateTime.DaysInMonth(year ?? 2000, month);
        }

        return new DateSpec(year, month, day);
    }

    /// <summary>A date counts only if the rest of the text has no digit and the date exists.</summary>
    private static DateFound Found(string text, Match m, DateForm form, DateSpec spec)
    {
        var otherNumber = text.Remove(m.Index, m.Length).Any(char.IsAsciiDigit);

        // Year 0000 is no year: DateTime.DaysInMonth would throw on it.
        var exists = (spec.Year is null or >= 1) && (spec.Month is null or (>= 1 and <= 12))
            && (spec.Day is null or (>= 1 and <= 31))
            && (spec.Year is not { } y || spec.Month is not { } mo || spec.Day is not { } d || d <= DateTime.DaysInMonth(y, mo));
        return new DateFound(form, spec, m.Value, otherNumber, exists);
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"每月(?<d>\d{1,2})[日号](?:之|以)?前")]
    private static partial Regex Monthly();

    [GeneratedRegex(@"(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?:(?<d>\d{1,2})[日号]|(?<end>底|末))?(?:之|以)?前")]
    private static partial Regex ChineseDeadline();

    [GeneratedRegex(@"(?<y>\d{4})[.\-/](?<m>\d{1,2})(?:[.\-/](?<d>\d{1,2}))?(?:之|以)?前")]
    private static partial Regex DottedDeadline();

    [GeneratedRegex("年底前|年末前|年底|年内")]
    private static partial Regex YearEnd();

    [GeneratedRegex(@"(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?:(?<d>\d{1,2})[日号]|(?<end>底|末))")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?<y>\d{4})[.\-/](?<m>\d{1,2})[.\-/](?<d>\d{1,2})")]
    private static partial Regex DottedDate();

    /// <summary>"2023年12月完成", "2023年12月份": a month of a year, without a day (a month alone, "12月", is a quantity).</summary>
    [GeneratedRegex(@"(?<y>\d{4})年(?<m>\d{1,2})月份?")]
    private static partial Regex YearAndMonth();

    /// <summary>A four-digit year standing alone: 20245 and 2024.5 are not 2024 (docs/workbook.md, 年度).</summary>
    [GeneratedRegex(@"(?<![0-9.])(19|20)[0-9]{2}(?![0-9]|\.[0-9])")]
    private static partial Regex YearPattern();
}
