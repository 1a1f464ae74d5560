using ReportGen.Model;

namespace ReportGen.Input;

/// <summary>
/// Reads a share as clerks write it in a 资金支出计划 (docs/import.md): "20%", 20 or 0.2, full-width or not. A number
/// with a % sign, or above 1 without one, is a percentage; a number not above 1 without a sign is already a ratio.
/// The workbook reader (支出计划) and the import (the forms' 资金支出计划) both read shares by this one parser.
/// </summary>
internal static class PercentParser
{
    /// <param name="shown">The text as the cell shows it ("20%" for 0.2 formatted as a percentage).</param>
    /// <param name="value">The raw value, read when the text has no % sign (a number cell, or the text itself).</param>
    /// <returns>The share as a ratio (0.2 for 20%), or null when the cell holds no non-negative number.</returns>
    public static decimal? Parse(string shown, object? value = null)
    {
        var text = TextNormalizer.Key(shown);
        var hasSign = text.EndsWith('%');
        var number = AmountParser.Parse(hasSign ? text[..^1] : value ?? text, defaultUnitIsYuan: false).Value;
        if (number is not { } n || n < 0)
        {
            return null;
        }

        return hasSign || n > 1 ? n / 100 : n;
    }
}
