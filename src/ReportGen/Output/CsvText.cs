using System.Text.RegularExpressions;

namespace ReportGen.Output;

/// <summary>
/// One field of the CSV files we write (批量汇总.csv, 批量问题清单.csv, <c>preview --format csv</c>). A text that a
/// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return: a department named
/// <c>=HYPERLINK(…)</c>) gets a leading apostrophe, as the OWASP advice on CSV injection says; a real number such
/// as -12.50 or -3.5% is left as it is, so that it stays a number.
/// </summary>
internal static partial class CsvText
{
    public static string Field(string value)
    {
        var safe = Neutralise(value);
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !Number().IsMatch(value) ? "'" + value : value;

    [GeneratedRegex(@"^[+-]?[0-9][0-9,]*(\.[0-9]+)?%?$")]
    private static partial Regex Number();
}
