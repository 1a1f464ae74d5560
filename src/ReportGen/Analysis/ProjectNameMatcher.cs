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
}

/// <summary>
/// Matches the project names of the targets to the budget lines (docs/domain.md §3): exactly, then after normalising,
/// then by the line's 别名. It never guesses: an unmatched name gets the closest line as a suggestion only.
/// </summary>
internal sealed partial class ProjectNameMatcher(IReadOnlyList<BudgetLine> lines)
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

    // Each line's bit masks for the suggestion, made on first need (only unmatched names are compared).
    private LcsPattern[]? _patterns;

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

        _patterns ??= _keys.Select(k => new LcsPattern(k.Key)).ToArray();
        var patterns = _patterns;
        var best = _keys
            .Select((k, index) => (k.Line, k.Key, Pattern: patterns[index]))
            .Where(k => CanReach(key.Length, k.Key.Length))
            .Select(k => (k.Line, Score: k.Pattern.Similarity(key)))
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
    internal static double Similarity(string a, string b) => new LcsPattern(b).Similarity(a);

    [GeneratedRegex(@"^(19|20)\d{2}年度?")]
    private static partial Regex LeadingYear();
}

/// <summary>
/// The longest common subsequence against one fixed name, bit-parallel (Hyyrö 2004: V' = (V + (V &amp; M)) | (V &amp; ~M)
/// over 64-bit words): 200-character names cost 4 words per character instead of 200 cells, so 2,000 long
/// look-alike names against 2,000 lines take seconds, not minutes (docs/performance.md).
/// </summary>
internal sealed class LcsPattern
{
    private readonly string _text;
    private readonly int _length;
    private readonly int _words;
    private readonly Dictionary<char, ulong[]> _masks = [];

    public LcsPattern(string name)
    {
        var text = name.Length > ProjectNameMatcher.MaxCompared ? name[..ProjectNameMatcher.MaxCompared] : name;
        _text = text;
        _length = text.Length;
        _words = Math.Max(1, (_length + 63) / 64);
        for (var i = 0; i < text.Length; i++)
        {
            if (!_masks.TryGetValue(text[i], out var mask))
            {
                _masks[text[i]] = mask = new ulong[_words];
            }

            mask[i / 64] |= 1UL << (i % 64);
        }
    }

    /// <summary>The length of the longest common subsequence of <paramref name="other"/> (first MaxCompared characters) and the pattern.</summary>
    public int Lcs(string other)
    {
        var count = Math.Min(other.Length, ProjectNameMatcher.MaxCompared);
        Span<ulong> v = _words <= 16 ? stackalloc ulong[_words] : new ulong[_words];
        v.Fill(ulong.MaxValue);
        for (var i = 0; i < count; i++)
        {
            if (!_masks.TryGetValue(other[i], out var mask))
            {
                continue;
            }

            ulong carry = 0;
            for (var w = 0; w < _words; w++)
            {
                var old = v[w];
                var u = old & mask[w];
                var sum = old + u;
                var carryOut = sum < old ? 1UL : 0UL;
                var total = sum + carry;
                carryOut |= total < sum ? 1UL : 0UL;
                carry = carryOut;
                v[w] = total | (old & ~mask[w]);
            }
        }

        var ones = 0;
        for (var w = 0; w < _words; w++)
        {
            var bits = Math.Min(64, _length - (w * 64));
            var valid = bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
            ones += System.Numerics.BitOperations.PopCount(v[w] & valid);
        }

        return _length - ones;
    }

    /// <summary>
    /// LCS over the longer of the two compared lengths; 0 when either is empty. A common beginning and ending
    /// belong to every longest common subsequence, so look-alike names (one long stem, a few characters apart)
    /// are compared on what differs only.
    /// </summary>
    public double Similarity(string other)
    {
        var count = Math.Min(other.Length, ProjectNameMatcher.MaxCompared);
        if (count == 0 || _length == 0)
        {
            return 0;
        }

        var a = other.AsSpan(0, count);
        var b = _text.AsSpan();
        var prefix = a.CommonPrefixLength(b);
        int lcs;
        if (prefix == 0 && a[^1] != b[^1])
        {
            lcs = Lcs(other);
        }
        else
        {
            a = a[prefix..];
            b = b[prefix..];
            var suffix = 0;
            while (suffix < a.Length && suffix < b.Length && a[^(suffix + 1)] == b[^(suffix + 1)])
            {
                suffix++;
            }

            var middleA = a[..^suffix];
            var middleB = b[..^suffix];
            lcs = middleA.Length * middleB.Length <= 4_096 ? prefix + suffix + Plain(middleA, middleB) : Lcs(other);
        }

        return (double)lcs / Math.Max(count, _length);
    }

    /// <summary>The plain dynamic programme, for the short differing middles of look-alike names.</summary>
    private static int Plain(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        Span<int> previous = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        previous.Clear();
        current.Clear();
        foreach (var ca in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = ca == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
