using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Analysis.Indicators;

/// <summary>
/// Prompts left over from the blank form (docs/domain.md §3 "Text leftovers"): "指标2", "目标内容1", "……",
/// "（100字以内）", "XXX".
/// </summary>
internal static partial class FormPrompt
{
    public static bool IsLeftover(string? text)
    {
        var s = TextNormalizer.FoldWidth(text).Replace(" ", "", StringComparison.Ordinal);
        return s.Length > 0 && Leftover().IsMatch(s);
    }

    [GeneratedRegex(@"^(?:(?:三级)?指标(?:值)?\d+|目标内容\d+|(?:年度)?目标\d+|内容\d+|[…\.。·]+|[Xx×＊*]+|.*\(\d+字以内\).*)$")]
    private static partial Regex Leftover();
}
