using System.Globalization;
using System.Text;
using ReportGen.Model;

namespace ReportGen.Input;

/// <summary>
/// What a cell's number format does to the number it shows (docs/workbook.md, "Number formats"): a percent
/// format multiplies by 100 (0.96 with <c>0%</c> shows 96%), trailing commas divide by 1,000 each
/// (<c>#,##0.00,,"万"</c>), a literal decimal point moves the point (<c>0!.0000"万"</c> shows 123456 as 12.3456万),
/// and quoted text adds words ("万元", "篇"). Only formats that change what the user reads are kept by the loader;
/// <c>General</c>, <c>0.00</c>, <c>#,##0</c> and currency signs change nothing and are dropped.
/// </summary>
public sealed record NumberFormat(string Code, bool Percent, int Shift, int Scale, string Words)
{
    /// <summary>True when the shown number is not the stored one times 100 at most: a moved point or a scale.</summary>
    public bool ChangesMagnitude => Shift > 0 || Scale > 0;

    /// <summary>The format's meaning, or null when it shows the stored number as it is (nothing to keep).</summary>
    public static NumberFormat? Of(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 255 || code is "General" or "@")
        {
            return null;
        }

        // Chinese Excel and WPS call General "G/通用格式"; it shows digits like one placeholder.
        var body = code.Replace("G/通用格式", "#", StringComparison.Ordinal).Replace("General", "#", StringComparison.OrdinalIgnoreCase);

        bool percent = false, point = false, literalPoint = false;
        int shift = 0, pendingCommas = 0, placeholders = 0;
        var words = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            var ch = body[i];
            switch (ch)
            {
                case ';':
                    // Only the first section (positive numbers) is read; others repeat it for negatives and zero.
                    i = body.Length;
                    break;
                case '"':
                    var end = body.IndexOf('"', i + 1);
                    end = end < 0 ? body.Length : end;
                    words.Append(body, i + 1, end - i - 1);
                    i = end;
                    break;
                case '[':
                    // [Red], [$-804], [$¥-804], [>100]: colours, locales and conditions.
                    var close = body.IndexOf(']', i + 1);
                    i = close < 0 ? body.Length : close;
                    break;
                case '\\' or '!' when i + 1 < body.Length:
                    i++;
                    if (body[i] == '.' && !point)
                    {
                        literalPoint = true;
                    }
                    else
                    {
                        words.Append(body[i]);
                    }

                    break;
                case '_' or '*':
                    i++; // padding and fill characters take the next one
                    break;
                case '%':
                    percent = true;
                    break;
                case '0' or '#' or '?':
                    placeholders++;
                    pendingCommas = 0;
                    if (literalPoint && !point)
                    {
                        shift++;
                    }

                    break;
                case '.':
                    point = true;
                    break;
                case ',':
                    pendingCommas++;
                    break;
                case 'E' or 'e' when i + 1 < body.Length && body[i + 1] is '+' or '-':
                    i++;
                    break;
                case >= 'A' and <= 'Z' or >= 'a' and <= 'z':
                    break; // date and time codes (y, m, d, h, s) and "AM/PM": the reader gives those cells as dates
                default:
                    words.Append(ch);
                    break;
            }
        }

        var text = new string(words.ToString().Where(ch => !IsDecoration(ch)).ToArray());
        var scale = placeholders > 0 ? pendingCommas : 0;
        if (!percent && shift == 0 && scale == 0 && text.Length == 0)
        {
            return null;
        }

        return new NumberFormat(code, percent, shift, scale, text);
    }

    // Currency signs, signs, brackets and spaces do not change what the number means.
    private static bool IsDecoration(char ch) =>
        char.IsWhiteSpace(ch) || ch is '$' or '¥' or '￥' or '-' or '+' or '(' or ')' or '/' or ':' or '^' or '\'' or '{' or '}' or '<' or '>' or '=' or '~';

    /// <summary>The number as the cell shows it, before rounding to the format's decimals; null past decimal's range.</summary>
    public decimal? Shown(double value)
    {
        if (!CellText.TryDecimal(value, out var number))
        {
            return null;
        }

        try
        {
            if (Percent)
            {
                number *= 100m;
            }

            for (var i = 0; i < Shift; i++)
            {
                number /= 10m;
            }

            for (var i = 0; i < Scale; i++)
            {
                number /= 1000m;
            }

            return number;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The cell's text as the user reads it: 0.96 with <c>0%</c> → "96%", 3000 with <c>0"篇"</c> → "3000篇". The
    /// full stored precision is kept (0.9567 → "95.67%"), so that a figure is never rounded before it is compared.
    /// </summary>
    public string Display(double value) => Shown(value) is { } shown
        ? shown.ToString("0.############################", CultureInfo.InvariantCulture) + (Percent ? "%" : "") + Words
        : CellText.Number(value);
}
