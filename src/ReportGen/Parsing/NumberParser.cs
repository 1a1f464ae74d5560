using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportGen.Parsing;

/// <summary>
/// One number as clerks write it (docs/workbook.md, "Numbers in text"): Arabic digits with a sign, a decimal point or
/// an exponent, thousands grouped by commas from the units up (1,234,567.89), or a Chinese numeral (一百零五). Digits
/// split by a space ("38 57") or commas out of place ("38,57") are no number: which one was meant cannot be known.
/// The workbook reader's amounts (<c>Input/AmountParser</c>) and shares (<see cref="PercentParser"/>) and the
/// indicator judge's values (<c>Analysis/Indicators/TargetValueParser</c>) all read a number by these rules; each
/// words its own message, since an amount cell and a sentence are told apart differently.
/// </summary>
internal static partial class NumberParser
{
    /// <summary>
    /// A number written in digits, after full-width folding and without spaces: "3857", "-5", "1E3", "1,234.5";
    /// null when it is not one, or when its commas are out of place.
    /// </summary>
    public static decimal? Parse(string digits)
    {
        if (digits.Contains(',', StringComparison.Ordinal))
        {
            if (!IsWellGrouped(digits))
            {
                return null;
            }

            digits = Ungroup(digits);
        }

        return decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    /// <summary>A count or quantity as written: Arabic digits (<see cref="Parse"/>) or a Chinese numeral (<see cref="ChineseNumeral"/>).</summary>
    public static decimal? Numeral(string text) =>
        text.Length == 0 ? null : char.IsAsciiDigit(text[0]) ? Parse(text) : ChineseNumeral.Parse(text);

    /// <summary>Thousands grouping as Excel writes it: 1,234 and 1,234,567.89 (full-width commas folded before).</summary>
    public static bool IsWellGrouped(string digits) => WellGrouped().IsMatch(digits);

    /// <summary>The first place where digits are split by white space ("38 57"), or an unsuccessful match.</summary>
    public static Match SplitBySpace(string text) => DigitsSplitBySpace().Match(text);

    /// <summary>Every run of digits with commas in a text ("1,2345.6", "28,036,202.00"), to check each for its grouping.</summary>
    public static MatchCollection GroupedRuns(string text) => DigitsWithCommas().Matches(text);

    /// <summary>The text without the commas that group thousands (a comma before exactly three digits): "1,234万元" → "1234万元".</summary>
    public static string Ungroup(string text) => ThousandsSeparator().Replace(text, "");

    /// <summary>
    /// A double cell as decimal, false for NaN, infinities and magnitudes past decimal's ±7.9E28 (a cell holding
    /// 1E+300 made the cast throw OverflowException before this check).
    /// </summary>
    public static bool TryDecimal(double value, out decimal number)
    {
        if (double.IsFinite(value) && Math.Abs(value) < 7.9e28)
        {
            number = (decimal)value;
            return true;
        }

        number = 0;
        return false;
    }

    [GeneratedRegex(@"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WellGrouped();

    [GeneratedRegex(@"\d\s+\d", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsSplitBySpace();

    [GeneratedRegex(@"\d+(?:,\d+)+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsWithCommas();

    [GeneratedRegex(@"(?<=\d),(?=\d{3}(?!\d))", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsSeparator();
}
