using System.Globalization;
using ReportGen.Model;

namespace ReportGen.Input;

/// <summary>Turns a raw cell value into text the way a user sees it, for messages and text columns.</summary>
internal static class CellText
{
    public static string Of(object? value) => value switch
    {
        null => "",
        string s => TextNormalizer.Clean(s),
        double d => Number(d),
        FormulaProblem => "", // never "#REF!" in a report: the reader reports the cell (RG118 / RG110)
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => TextNormalizer.Clean(value.ToString()),
    };

    /// <summary>A number cell as text: exact decimal digits, or "1E+300" past decimal's range (never throws).</summary>
    public static string Number(double value) =>
        TryDecimal(value, out var number) ? number.ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// A double as decimal, false for NaN, infinities and magnitudes past decimal's ±7.9E28 (a cell holding 1E+300
    /// made the cast throw OverflowException, exit 3, before this check).
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
}
