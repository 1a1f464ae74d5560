using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Tests.TestSupport;

/// <summary>Placeholder fields for documents built in code: rendering records them, a test marks them itself.</summary>
internal static partial class PlaceholderSpans
{
    /// <summary>Each 【…】 of <paramref name="text"/> as an empty field (a placeholder without a cell).</summary>
    public static IReadOnlyList<FieldSpan> Of(string text) =>
        [.. Bracketed().Matches(text).Select(m => new FieldSpan(m.Index, m.Length, m.Value, null, Empty: true))];

    public static Paragraph Paragraph(string text, ParagraphKind kind = ParagraphKind.Body) => new(text, kind) { Fields = Of(text) };

    [GeneratedRegex("【[^【】]*】")]
    private static partial Regex Bracketed();
}
