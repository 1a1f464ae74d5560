using System.Text.RegularExpressions;
using ReportGen.Input;
using ReportGen.Model;

namespace ReportGen.Analysis;

public enum MatchKind
{
    /// <summary>Written identically.</summary>
    Exact,

    /// <summary>Equal after folding full/half width, spaces and a leading year ("2023年").</summary>
    Normalized,

    /// <summary>Through the 别名 column of 预算执行.</summary>
    Alias,
}

/// <summary>A name used by the targets (项目目标, 绩效指标) and the budget line it refers to, if any.</summary>
public sealed record NameMatch(string TargetName, BudgetLine? Line, MatchKind? Kind, string? Suggestion)
{
    /// <summary>The budget line offered as <see cref="Suggestion"/>, for a message naming its 别名 cell.</summary>
    public BudgetLine? SuggestedLine { get; init; }

    public bool IsMatched => Line is not null;
}

/// <summary>
/// Matches the project names of the targets to the budget lines (domain.md §3): exactly, then after normalising,
/// then by the line's 别名. It never guesses: an unmatched name gets the closest line as a suggestion only.
/// </summary>
public sealed partial class ProjectNameMatcher(IReadOnlyList<BudgetLine> lines)
{
    public NameMatch Match(string targetName)
    {
        if (lines.FirstOrDefault(line => line.Name == targetName) is { } exact)
        {
            return new NameMatch(targetName, exact, MatchKind.Exact, null);
        }

        var key = Normalize(targetName);
        if (lines.FirstOrDefault(line => Normalize(line.Name) == key) is { } normalized)
        {
            return new NameMatch(targetName, normalized, MatchKind.Normalized, null);
        }

        if (lines.FirstOrDefault(line => line.Alias is { } alias && Normalize(alias) == key) is { } aliased)
        {
            return new NameMatch(targetName, aliased, MatchKind.Alias, null);
        }

        var best = lines
            .Select(line => (Line: line, Score: Similarity(key, Normalize(line.Name))))
            .Where(candidate => candidate.Score >= 0.5)
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Line.Name, StringComparer.Ordinal)
            .Select(candidate => candidate.Line)
            .FirstOrDefault();
        return new NameMatch(targetName, null, null, best?.Name) { SuggestedLine = best };
    }

    /// <summary>Comparison key: width and spaces folded, a leading "2023年" / "2023年度" removed.</summary>
    public static string Normalize(string name) => LeadingYear().Replace(TextNormalizer.Key(name), "");

    /// <summary>Longest common subsequence over the longer length: "文明经费" vs "文明建设经费" = 4/6.</summary>
    internal static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var ca in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = ca == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }

    [GeneratedRegex(@"^(19|20)\d{2}年度?")]
    private static partial Regex LeadingYear();
}
