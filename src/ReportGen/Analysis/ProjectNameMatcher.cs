using System.Text.RegularExpressions;
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
/// Matches the project names of the targets to the budget lines (docs/domain.md §3): exactly, then after normalising,
/// then by the line's 别名. It never guesses: an unmatched name gets the closest line as a suggestion only.
/// </summary>
public sealed partial class ProjectNameMatcher(IReadOnlyList<BudgetLine> lines)
{
    /// <summary>
    /// The characters of each name a suggestion compares: the similarity costs length × length, and two pasted
    /// 20,000-character names took 18.8 s (docs/performance.md). Project names are far shorter; past this a
    /// suggestion rests on the names' beginnings.
    /// </summary>
    internal const int MaxCompared = 200;

    private const double SuggestionThreshold = 0.5;

    // Each line's keys once, not once per target name.
    private readonly (BudgetLine Line, string Key, string? AliasKey)[] _keys =
        lines.Select(line => (line, Normalize(line.Name), line.Alias is { } alias ? Normalize(alias) : null)).ToArray();

    // Each name is matched once: the checks ask again for every target and indicator scope.
    private readonly Dictionary<string, NameMatch> _matched = new(StringComparer.Ordinal);

    public NameMatch Match(string targetName)
    {
        if (!_matched.TryGetValue(targetName, out var match))
        {
            match = Find(targetName);
            _matched[targetName] = match;
        }

        return match;
    }

    private NameMatch Find(string targetName)
    {
        if (lines.FirstOrDefault(line => line.Name == targetName) is { } exact)
        {
            return new NameMatch(targetName, exact, MatchKind.Exact, null);
        }

        var key = Normalize(targetName);
        if (_keys.FirstOrDefault(k => k.Key == key).Line is { } normalized)
        {
            return new NameMatch(targetName, normalized, MatchKind.Normalized, null);
        }

        if (_keys.FirstOrDefault(k => k.AliasKey == key).Line is { } aliased)
        {
            return new NameMatch(targetName, aliased, MatchKind.Alias, null);
        }

        var best = _keys
            .Where(k => CanReach(key.Length, k.Key.Length))
            .Select(k => (k.Line, Score: Similarity(key, k.Key)))
            .Where(candidate => candidate.Score >= SuggestionThreshold)
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Line.Name, StringComparer.Ordinal)
            .Select(candidate => candidate.Line)
            .FirstOrDefault();
        return new NameMatch(targetName, null, null, best?.Name) { SuggestedLine = best };
    }

    /// <summary>The similarity is at most shorter / longer: names whose lengths differ more cannot be suggested.</summary>
    private static bool CanReach(int a, int b) => a > 0 && b > 0 && Math.Min(a, b) >= SuggestionThreshold * Math.Max(a, b);

    /// <summary>Comparison key: width and spaces folded, a leading "2023年" / "2023年度" removed.</summary>
    public static string Normalize(string name) => LeadingYear().Replace(TextNormalizer.Key(name), "");

    /// <summary>
    /// Longest common subsequence over the longer length: "文明经费" vs "文明建设经费" = 4/6. Only the first
    /// <see cref="MaxCompared"/> characters of each name are compared.
    /// </summary>
    internal static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        a = a.Length > MaxCompared ? a[..MaxCompared] : a;
        b = b.Length > MaxCompared ? b[..MaxCompared] : b;

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
