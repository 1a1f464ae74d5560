using System.Globalization;
using System.Text;

namespace ReportGen.Input;

/// <summary>
/// Text clean-up shared by every reader. <see cref="Clean"/> keeps the user's words (Chinese punctuation stays
/// full-width) but drops invisible characters (zero-width space, BOM, soft hyphen) and makes non-breaking and
/// ideographic spaces plain; <see cref="FoldWidth"/> and <see cref="Key"/> also fold full-width ASCII
/// (Ｅ → E, ３ → 3, （ → () for numbers, headers and names.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Trimmed text with invisible characters removed and odd spaces made plain; inner spaces kept.</summary>
    public static string Clean(string? text) => Normalize(text, foldWidth: false);

    /// <summary><see cref="Clean"/>, and full-width ASCII folded to half-width: for amounts, years and codes.</summary>
    public static string FoldWidth(string? text) => Normalize(text, foldWidth: true);

    private static string Normalize(string? text, bool foldWidth)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\r':
                    continue;
                case '\u00A0' or '\u3000' or '\u2002' or '\u2003' or '\u2009' or '\t':
                    builder.Append(' ');
                    break;
                case >= '\uFF01' and <= '\uFF5E' when foldWidth:
                    builder.Append((char)(ch - 0xFEE0));
                    break;
                default:
                    builder.Append(ch);
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>A comparison key: <see cref="FoldWidth"/>, then every whitespace removed and letters lower-cased.</summary>
    public static string Key(string? text)
    {
        var cleaned = FoldWidth(text);
        var builder = new StringBuilder(cleaned.Length);
        foreach (var ch in cleaned)
        {
            if (!char.IsWhiteSpace(ch))
            {
                // CJK (U+3000–U+9FFF) has no case: skipping the call for it avoids an ICU lookup per character,
                // 5% of a batch's time. Everything else is lowered as before.
                builder.Append(ch is >= '\u3000' and <= '\u9FFF' ? ch : char.ToLowerInvariant(ch));
            }
        }

        return builder.ToString();
    }
}

/// <summary>Turns a raw cell value into text the way a user sees it, for messages and text columns.</summary>
public static class CellText
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
