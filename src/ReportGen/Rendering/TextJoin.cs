using System.Text;

namespace ReportGen.Rendering;

/// <summary>
/// Joins the user's texts into the template's sentences without doubling words or punctuation (docs/workbook.md,
/// "Texts"): a field may start with the words the template writes just before it ("主要用于…" after 主要用于) and
/// may end with 。；， where the template writes its own. The template renderer writes every value between
/// <see cref="FieldStart"/> and <see cref="FieldEnd"/>; <see cref="Clean"/> applies both rules at each field's
/// edges and removes the marks, so no literal text of the template and no text inside a field is touched.
/// </summary>
internal static class TextJoin
{
    public const char FieldStart = '\uE000';
    public const char FieldEnd = '\uE001';

    /// <summary>Punctuation that closes a clause; a field's own closing one gives way to the template's.</summary>
    private const string Closing = "。；，、;,.";

    private static readonly char[] ClosingChars = Closing.ToCharArray();

    /// <summary>The longest lead the template writes before a field that is looked for at the field's start.</summary>
    private const int MaxLead = 16;

    /// <summary>Texts joined by <paramref name="separator"/>, each without a closing punctuation of its own.</summary>
    public static string Join(string separator, IEnumerable<string> items) =>
        string.Join(separator, items.Select(TrimClosing).Where(item => item.Length > 0));

    /// <summary>The text without trailing 。；，、 (and their half-width forms) or spaces.</summary>
    public static string TrimClosing(string text) => text.TrimEnd().TrimEnd(ClosingChars).TrimEnd();

    /// <summary>Applies the join rules at every marked field and removes the marks.</summary>
    public static string Clean(string rendered)
    {
        if (rendered.IndexOf(FieldStart, StringComparison.Ordinal) < 0)
        {
            return rendered;
        }

        var output = new StringBuilder(rendered.Length);
        var i = 0;
        while (i < rendered.Length)
        {
            var start = rendered.IndexOf(FieldStart, i);
            if (start < 0)
            {
                output.Append(rendered, i, rendered.Length - i);
                break;
            }

            output.Append(rendered, i, start - i);
            var end = FindEnd(rendered, start + 1);

            // Spans, not substrings: every value of every report passes here (docs/performance.md).
            var field = rendered.AsSpan(start + 1, end - (start + 1));
            if (field.IndexOfAny(FieldStart, FieldEnd) >= 0)
            {
                field = Strip(field.ToString());
            }

            // A text of the clerk's workbook comes marked as a field of the report (ReportMarkup.Field): the rules
            // apply to its text, inside the marks, which stay around it.
            var (header, close) = ClerkField(field);
            var text = field[header..(field.Length - close)];
            text = text[DropLead(output, text)..];
            var next = end + 1 < rendered.Length ? rendered[end + 1] : '\n';
            if (Closing.Contains(next, StringComparison.Ordinal) || next == '】')
            {
                text = text.TrimEnd(Closing.AsSpan());
            }

            output.Append(field[..header]);
            output.Append(text);
            output.Append(field[(field.Length - close)..]);
            i = Math.Min(end + 1, rendered.Length);
        }

        return output.ToString();
    }

    /// <summary>
    /// The length of a filled field's marks before and after its text, when <paramref name="field"/> is one
    /// (<see cref="ReportMarkup.Field"/> of a text the clerk wrote); (0, 0) otherwise. A placeholder's prompt is left as it is.
    /// </summary>
    private static (int Header, int Close) ClerkField(ReadOnlySpan<char> field)
    {
        if (field.Length < 3 || field[0] != ReportMarkup.FieldOpen || field[1] != '1' || field[^1] != ReportMarkup.FieldClose)
        {
            return (0, 0);
        }

        var text = field.IndexOf(ReportMarkup.FieldText);
        return text < 0 ? (0, 0) : (text + 1, 1);
    }

    /// <summary>The matching end mark (fields nest when a helper's result holds another field).</summary>
    private static int FindEnd(string text, int from)
    {
        var depth = 1;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == FieldStart)
            {
                depth++;
            }
            else if (text[i] == FieldEnd && --depth == 0)
            {
                return i;
            }
        }

        return text.Length;
    }

    private static string Strip(string text) => text.Replace(FieldStart.ToString(), "", StringComparison.Ordinal)
        .Replace(FieldEnd.ToString(), "", StringComparison.Ordinal);

    /// <summary>
    /// Removes from the field's start the longest run of two or more characters that the template wrote just before
    /// it on the same line ("主要用于" + "主要用于宣传" → "宣传"; "主要用于" + "用于宣传" → "宣传").
    /// </summary>
    /// <returns>How many characters to drop from the field's start.</returns>
    private static int DropLead(StringBuilder before, ReadOnlySpan<char> field)
    {
        var lineStart = before.Length;
        while (lineStart > 0 && before[lineStart - 1] != '\n' && before.Length - lineStart < MaxLead)
        {
            lineStart--;
        }

        Span<char> tail = stackalloc char[MaxLead];
        var tailLength = before.Length - lineStart;
        before.CopyTo(lineStart, tail, tailLength);
        for (var length = tailLength; length >= 2; length--)
        {
            var lead = tail.Slice(tailLength - length, length);
            if (field.StartsWith(lead, StringComparison.Ordinal) && !HasDigit(lead))
            {
                return length;
            }
        }

        return 0;
    }

    private static bool HasDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
