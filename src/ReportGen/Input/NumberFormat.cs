using System.Globalization;
using System.Text;
using ReportGen.Parsing;

namespace ReportGen.Input;

/// <summary>
/// What a cell's number format does to the number it shows (docs/workbook.md, "Number formats"): a percent
/// format multiplies by 100 (0.96 with <c>0%</c> shows 96%), trailing commas divide by 1,000 each
/// (<c>#,##0.00,,"万"</c>), a literal decimal point moves the point (<c>0!.0000"万"</c> shows 123456 as 12.3456万),
/// and quoted text adds words ("万元", "篇"). Only formats that change what the user reads are kept by the loader;
/// <c>General</c>, <c>0.00</c>, <c>#,##0</c> and currency signs change nothing and are dropped.
/// </summary>
internal sealed record NumberFormat(string Code, bool Percent, int Shift, int Scale, string Words)
{
    /// <summary>True when the shown number is not the stored one times 100 at most: a moved point or a scale.</summary>
    public bool ChangesMagnitude => Shift > 0 || Scale > 0;

    /// <summary>
    /// A format of several sections (<c>0.00;[Red]-0.00</c>, <c>[&lt;10000]0.00;0!.0000"万"</c>): each section with its
    /// condition and meaning (null where the section shows the number as it is). Empty for a one-section format.
    /// </summary>
    public IReadOnlyList<(string? Condition, NumberFormat? Format)> Sections { get; init; } = [];

    /// <summary>The format of the section that shows <paramref name="value"/>, as Excel chooses it; null when that section shows the number as it is.</summary>
    public NumberFormat? For(double value)
    {
        if (Sections.Count == 0)
        {
            return this;
        }

        if (Sections.Any(section => section.Condition is not null))
        {
            for (var i = 0; i < Sections.Count; i++)
            {
                if (Sections[i].Condition is not { } condition || Holds(condition, value))
                {
                    return Sections[i].Format;
                }
            }

            return Sections[^1].Format;
        }

        // Without conditions: positive; negative; zero (two sections: zero and positive share the first).
        return Sections.Count switch
        {
            2 => value < 0 ? Sections[1].Format : Sections[0].Format,
            _ => value > 0 ? Sections[0].Format : value < 0 ? Sections[1].Format : Sections[2].Format,
        };
    }

    private static bool Holds(string condition, double value)
    {
        var op = condition.TakeWhile(ch => ch is '<' or '>' or '=').Count();
        if (!double.TryParse(condition[op..], NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
        {
            return false;
        }

        return condition[..op] switch
        {
            "<" => value < bound,
            "<=" => value <= bound,
            ">" => value > bound,
            ">=" => value >= bound,
            "=" => value == bound,
            "<>" => value != bound,
            _ => false,
        };
    }

    /// <summary>
    /// The format's meaning, or null when it shows the stored number as it is (nothing to keep). A format of
    /// several sections is kept when any section changes what is shown; <see cref="For"/> picks the section.
    /// </summary>
    public static NumberFormat? Of(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 255 || code is "General" or "@")
        {
            return null;
        }

        var sections = Split(code);
        if (sections.Count <= 1)
        {
            return OfSection(code, code);
        }

        // The text section (the fourth) applies to text, never to a number.
        var parsed = sections.Take(3).Select(section => (Condition: Condition(section), Format: OfSection(code, section))).ToList();
        if (parsed.All(section => section.Format is null))
        {
            return null;
        }

        var first = parsed[0].Format ?? new NumberFormat(code, false, 0, 0, "");
        return first with { Sections = parsed };
    }

    /// <summary>The sections of a format code, split at the semicolons outside quotes, brackets and escapes.</summary>
    private static List<string> Split(string code)
    {
        var sections = new List<string>();
        var start = 0;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    var end = code.IndexOf('"', i + 1);
                    i = end < 0 ? code.Length : end;
                    break;
                case '[':
                    var close = code.IndexOf(']', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '\\' or '!' or '_' or '*':
                    i++;
                    break;
                case ';':
                    sections.Add(code[start..i]);
                    start = i + 1;
                    break;
            }
        }

        sections.Add(code[Math.Min(start, code.Length)..]);
        return sections;
    }

    /// <summary>A section's condition ("&lt;10000" of <c>[&lt;10000]0.00</c>), or null.</summary>
    private static string? Condition(string section)
    {
        var match = System.Text.RegularExpressions.Regex.Match(section, @"\[(<=|>=|<>|<|>|=)\s*(-?[0-9]+(?:\.[0-9]+)?)\]");
        return match.Success ? match.Groups[1].Value + match.Groups[2].Value : null;
    }

    private static NumberFormat? OfSection(string code, string section)
    {
        // Chinese Excel and WPS call General "G/通用格式"; it shows digits like one placeholder.
        var body = section.Replace("G/通用格式", "#", StringComparison.Ordinal).Replace("General", "#", StringComparison.OrdinalIgnoreCase);

        bool percent = false, point = false, literalPoint = false;
        int shift = 0, pendingCommas = 0, placeholders = 0;
        var words = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            var ch = body[i];
            switch (ch)
            {
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
        if (!NumberParser.TryDecimal(value, out var number))
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
