using System.Globalization;
using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Parsing;

/// <summary>
/// Percentages. A share as clerks write it in a 资金支出计划 (docs/import.md): "20%", 20 or 0.2, full-width or not,
/// "百分之二十". A number with a % sign, or above 1 without one, is a percentage; a number not above 1 without a sign
/// is already a ratio. The workbook reader (支出计划) and the import (the forms' 资金支出计划) read shares by
/// <see cref="Parse"/>; the indicator judge reads a percentage inside a 指标值 ("≥95%", "百分之九十以上") as a number
/// (<see cref="NumberParser"/>) with the unit % after <see cref="SpellOut"/> has written the words as a sign.
/// </summary>
internal static partial class PercentParser
{
    /// <summary>Past this no share is meant (10^12, as for an amount in 万元); a larger number is a finding, not a share.</summary>
    private const decimal MaxNumber = 1_000_000_000_000m;

    /// <param name="shown">The text as the cell shows it ("20%" for 0.2 formatted as a percentage).</param>
    /// <param name="value">The raw value, read when the text has no % sign (a number cell, or the text itself).</param>
    /// <returns>The share as a ratio (0.2 for 20%), or null when the cell holds no non-negative number.</returns>
    public static decimal? Parse(string shown, object? value = null)
    {
        // Width folded, inner spaces kept: digits split by a space are no number (Number), as in an amount cell.
        var text = SpellOut(TextNormalizer.FoldWidth(shown).Trim());
        var hasSign = text.EndsWith('%');
        var number = hasSign ? Number(text[..^1]) : value switch
        {
            null => Number(text),
            double d => NumberParser.TryDecimal(d, out var m) ? m : null,
            decimal m => m,
            int i => i,
            long l => l,
            string s => Number(TextNormalizer.FoldWidth(s)),
            _ => null, // a date, a formula's error or TRUE / FALSE holds no share
        };
        if (number is not { } n || n < 0 || n > MaxNumber)
        {
            return null;
        }

        return n == 0 ? 0m : hasSign || !IsRatio(n) ? n / 100 : n;
    }

    /// <summary>
    /// Whether a number written without a % sign is already a ratio (0.95 is 95%) rather than a percentage (95):
    /// it is not above 1. A share is read by this; the judge offers 95% for a bare 0.95 against a percentage target
    /// by it too (RG331), without converting.
    /// </summary>
    public static bool IsRatio(decimal number) => number <= 1;

    /// <summary>A percentage written in words as one with a sign: 百分之九十 → 90%, 百分之95 → 95%.</summary>
    public static string SpellOut(string text) => !text.Contains("百分之", StringComparison.Ordinal) ? text : PercentWords().Replace(text, m =>
    {
        var digits = m.Groups[1].Value;
        var value = char.IsAsciiDigit(digits[0]) ? digits : ChineseNumeral.Parse(digits)?.ToString(CultureInfo.InvariantCulture);
        return value is null ? m.Value : value + "%";
    });

    /// <summary>The number of a share: nothing written ("", "-", "—", "/") is none; digits split by a space are none.</summary>
    private static decimal? Number(string text) =>
        text.Length == 0 || text is "-" or "—" or "－" or "/" || NumberParser.SplitBySpace(text).Success
            ? null
            : NumberParser.Parse(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));

    [GeneratedRegex("百分之([零〇一二两三四五六七八九十百]+|\\d+(?:\\.\\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex PercentWords();
}
