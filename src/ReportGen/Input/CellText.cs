using System.Globalization;
using ReportGen.Model;
using ReportGen.Parsing;

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
        DateTime dt => DateParser.Text(dt),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => TextNormalizer.Clean(value.ToString()),
    };

    /// <summary>A number cell as text: exact decimal digits, or "1E+300" past decimal's range (never throws).</summary>
    public static string Number(double value) =>
        NumberParser.TryDecimal(value, out var number) ? number.ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}
