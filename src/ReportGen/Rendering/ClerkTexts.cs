using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>A text of the clerk's workbook as a field of the report: what it is, its cell, the cell's text's fingerprint, its part.</summary>
/// <param name="Part">0 for a text shown whole; 1, 2… for the lines of a text the model splits (主要职责, one duty a line).</param>
public sealed record ClerkText(string Title, string Cell, string Given, int Part);

/// <summary>
/// The texts of a <see cref="TemplateModel"/> that come from a cell of the clerk's workbook (主要职责, 存在问题,
/// 改进措施, 偏差原因, 完成情况…), known by the string itself: the model's views hold plain strings, so templates test,
/// join and compare them as before, and the renderer marks each one it writes as a field of the report
/// (<see cref="ReportMarkup.Field"/>) with its cell and title (docs/report-fields.md). A string is registered for one
/// cell only: the same text from two cells (two rows reading 无) is two strings.
/// </summary>
public sealed class ClerkTexts
{
    private readonly Dictionary<string, ClerkText> _texts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

    /// <summary>
    /// The lengths of the registered texts, as bits: every value a template writes is looked up, most are figures
    /// no text is as short as, and a bit test is cheaper than a dictionary's (docs/performance.md).
    /// </summary>
    private readonly ulong[] _lengths = new ulong[64];

    /// <summary>
    /// Registers <paramref name="text"/> (already literal, <see cref="ReportMarkup.Literal"/>) as the text of
    /// <paramref name="cell"/>; returns the string to put in the model (a copy when this very string already stands
    /// for another cell). <paramref name="whole"/> is the cell's whole text when <paramref name="text"/> is one line of it.
    /// </summary>
    public string? Add(string? text, string title, string cell, string? whole = null, int part = 0)
    {
        if (string.IsNullOrWhiteSpace(text) || !cell.Contains('!', StringComparison.Ordinal))
        {
            return text;
        }

        var field = new ClerkText(title, cell, Fingerprint.Of(whole ?? text), part);
        if (_texts.TryGetValue(text, out var existing) && existing != field)
        {
            text = new string(text.AsSpan());
        }

        _texts[text] = field;
        _titles.TryAdd(cell, title);
        _lengths[(text.Length >> 6) & 63] |= 1UL << (text.Length & 63);
        return text;
    }

    public bool TryGet(string text, out ClerkText field)
    {
        if ((_lengths[(text.Length >> 6) & 63] & (1UL << (text.Length & 63))) == 0)
        {
            field = null!;
            return false;
        }

        return _texts.TryGetValue(text, out field!);
    }

    /// <summary>The title of the texts registered for <paramref name="cell"/>, if any.</summary>
    public string? TitleOf(string cell) => _titles.GetValueOrDefault(cell);

    public int Count => _texts.Count;
}
