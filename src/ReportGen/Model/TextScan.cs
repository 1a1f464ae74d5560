using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReportGen.Model;

/// <summary>
/// Vectorised checks for the characters XML 1.0 cannot carry, run on every text of every report written. Neither
/// <c>IndexOfAnyInRange</c> (it allocated 96 bytes a call on .NET 10) nor a <c>SearchValues</c> over these sets (not
/// vectorised for CJK text) is cheap enough there (docs/performance.md).
/// </summary>
internal static class TextScan
{
    /// <summary>Whether <paramref name="text"/> holds a surrogate (U+D800–U+DFFF), U+FFFE or U+FFFF.</summary>
    public static bool HasSurrogateOrNonCharacter(ReadOnlySpan<char> text) => Has(text, controls: false);

    /// <summary>Whether <paramref name="text"/> holds a control character (below U+0020), a surrogate, U+FFFE or U+FFFF.</summary>
    public static bool HasControlSurrogateOrNonCharacter(ReadOnlySpan<char> text) => Has(text, controls: true);

    /// <summary>
    /// <paramref name="text"/> as XML 1.0 carries it: as <c>PartXml</c> writes element text and a reader reads it
    /// back. Control characters other than tab and line feed, unpaired surrogates, U+FFFE and U+FFFF are left out;
    /// a CR, or CR LF, is a line feed. Used where a text written into a part is compared with the text it came from
    /// (the workbook's name in a report's stamp, docs/report-fields.md).
    /// </summary>
    public static string Carried(string text)
    {
        if (!HasControlSurrogateOrNonCharacter(text))
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (c == '\r')
            {
                kept.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\t' or '\n' || (c >= ' ' && !char.IsSurrogate(c) && c < '\uFFFE'))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static bool Has(ReadOnlySpan<char> text, bool controls)
    {
        var units = MemoryMarshal.Cast<char, ushort>(text);
        var i = 0;
        if (Vector128.IsHardwareAccelerated && units.Length >= Vector128<ushort>.Count)
        {
            var surrogate = Vector128.Create((ushort)0xD800);
            var surrogates = Vector128.Create((ushort)0x800);
            var nonCharacter = Vector128.Create((ushort)0xFFFE);
            var control = Vector128.Create(controls ? (ushort)0x20 : (ushort)0);
            ref var start = ref MemoryMarshal.GetReference(units);
            for (; i <= units.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                var v = Vector128.LoadUnsafe(ref start, (nuint)i);
                var hit = Vector128.LessThan(v - surrogate, surrogates) | Vector128.GreaterThanOrEqual(v, nonCharacter)
                          | Vector128.LessThan(v, control);
                if (hit != Vector128<ushort>.Zero)
                {
                    return true;
                }
            }
        }

        for (; i < units.Length; i++)
        {
            var c = units[i];
            if ((ushort)(c - 0xD800) < 0x800 || c >= 0xFFFE || (controls && c < 0x20))
            {
                return true;
            }
        }

        return false;
    }
}
