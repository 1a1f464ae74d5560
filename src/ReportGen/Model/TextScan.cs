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
