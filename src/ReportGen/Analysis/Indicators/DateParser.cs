using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportGen.Analysis.Indicators;

/// <summary>
/// Deadlines ("2023年12月31日前", "2023.12.31前", "11月前", "年底前", "每月10日前按时发放") and plain dates as actuals
/// are written ("2023年12月20日完成"). Words around the date are allowed; another number is not.
/// </summary>
internal static partial class DateParser
{
    public static ParsedValue? TryParse(string original, string s)
    {
        var monthly = Monthly().Match(s);
        if (monthly.Success)
        {
            var day = Int(monthly.Groups["d"]);
            return Checked(original, s, monthly, TargetKind.Deadline, new DateSpec(null, null, day, Monthly: true),
                "每月按时完成，需按完成情况评判");
        }

        foreach (var regex in new[] { ChineseDeadline(), DottedDeadline() })
        {
            var m = regex.Match(s);
            if (m.Success)
            {
                return Checked(original, s, m, TargetKind.Deadline, Spec(m), null);
            }
        }

        var yearEnd = YearEnd().Match(s);
        if (yearEnd.Success)
        {
            return Checked(original, s, yearEnd, TargetKind.Deadline, new DateSpec(null, 12, 31), "“年底前”按12月31日计");
        }

        foreach (var regex in new[] { ChineseDate(), DottedDate() })
        {
            var m = regex.Match(s);
            if (m.Success)
            {
                return Checked(original, s, m, TargetKind.Date, Spec(m), null);
            }
        }

        return null;
    }

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

    /// <summary>A date match counts only if the rest of the text has no digit and the date exists.</summary>
    private static ParsedValue Checked(string original, string s, Match m, TargetKind kind, DateSpec spec, string? note)
    {
        var rest = s.Remove(m.Index, m.Length);
        if (rest.Any(char.IsAsciiDigit))
        {
            return new ParsedValue(original, TargetKind.Unknown) { Problem = "日期之外还有其他数值，无法确定比较对象" };
        }

        // Year 0000 is no year: DateTime.DaysInMonth would throw on it.
        var valid = (spec.Year is null or >= 1) && (spec.Month is null or (>= 1 and <= 12))
            && (spec.Day is null or (>= 1 and <= 31))
            && (spec.Year is not { } y || spec.Month is not { } mo || spec.Day is not { } d || d <= DateTime.DaysInMonth(y, mo));
        return valid
            ? new ParsedValue(original, kind) { Date = spec, Note = note }
            : new ParsedValue(original, TargetKind.Unknown) { Problem = $"日期“{m.Value}”不存在" };
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
}
