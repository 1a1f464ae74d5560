using ReportGen.Analysis;
using ReportGen.Model;

namespace ReportGen.Tests.Analysis;

public sealed class ProjectNameMatcherTests
{
    private static BudgetLine Line(string name, string? alias = null) => new()
    {
        Name = name,
        Alias = alias,
        Category = ExpenseCategory.Project,
        Source = LineSource.Initial,
        InitialBudget = 1m,
        Actual = 1m,
        Location = new SourceLocation("t.xlsx", "预算执行", 2),
    };

    private static readonly BudgetLine[] Shifeng =
    [
        Line("融媒体中心专项经费"), Line("文明经费"), Line("秋瑾故居修复提质工程经费"), Line("意识形态工作专项经费"),
        Line("2023年区直部门代理记账服务费"),
    ];

    [Fact]
    public void Exact_name_matches_exactly()
    {
        var match = new ProjectNameMatcher(Shifeng).Match("融媒体中心专项经费");
        Assert.Equal(MatchKind.Exact, match.Kind);
        Assert.Same(Shifeng[0], match.Line);
    }

    [Theory]
    [InlineData("2023年\u3000融媒体中心专项经费")]
    [InlineData("2023年度 融媒体中心专项经费")]
    [InlineData("融媒体中心 专项经费")]
    public void Width_spaces_and_a_leading_year_are_normalised(string targetName)
    {
        var match = new ProjectNameMatcher(Shifeng).Match(targetName);
        Assert.Equal(MatchKind.Normalized, match.Kind);
        Assert.Same(Shifeng[0], match.Line);
    }

    [Fact]
    public void A_leading_year_on_the_line_side_is_normalised_too()
    {
        var match = new ProjectNameMatcher(Shifeng).Match("区直部门代理记账服务费");
        Assert.Equal(MatchKind.Normalized, match.Kind);
        Assert.Same(Shifeng[4], match.Line);
    }

    [Fact]
    public void Alias_column_matches()
    {
        var line = Line("文明经费", alias: "文明建设经费");
        var match = new ProjectNameMatcher([Line("融媒体中心专项经费"), line]).Match("文明建设经费");
        Assert.Equal(MatchKind.Alias, match.Kind);
        Assert.Same(line, match.Line);
    }

    [Fact]
    public void Unmatched_name_gets_the_closest_line_as_a_suggestion_only()
    {
        var match = new ProjectNameMatcher(Shifeng).Match("文明建设经费");
        Assert.Null(match.Line);
        Assert.Null(match.Kind);
        Assert.Equal("文明经费", match.Suggestion);
    }

    [Fact]
    public void A_name_unlike_every_line_gets_no_suggestion()
    {
        var match = new ProjectNameMatcher(Shifeng).Match("乡村振兴补助");
        Assert.Null(match.Line);
        Assert.Null(match.Suggestion);
    }

    [Theory]
    [InlineData("文明经费", "文明建设经费", 4.0 / 6)]
    [InlineData("abc", "abc", 1.0)]
    [InlineData("", "abc", 0.0)]
    public void Similarity_is_the_longest_common_subsequence_over_the_longer_length(string a, string b, double expected)
    {
        Assert.Equal(expected, ProjectNameMatcher.Similarity(a, b), 6);
    }

    [Fact]
    public void Very_long_names_are_still_suggested_from_their_beginnings()
    {
        // 20,000 characters pasted into a name cell: the suggestion compares the first MaxCompared characters.
        var body = string.Concat(Enumerable.Repeat("宣传文化经费", 20_000 / 6));
        var lines = new[] { Line("甲" + body), Line("乙" + body + "尾") };

        var match = new ProjectNameMatcher(lines).Match("甲" + body + "（续）");

        Assert.Null(match.Line);
        Assert.Equal(lines[0].Name, match.Suggestion);
    }

    [Fact]
    public void Names_of_very_different_lengths_are_never_suggested()
    {
        var lines = new[] { Line("文明经费"), Line(new string('文', 5_000)) };

        Assert.Null(new ProjectNameMatcher(lines).Match(new string('文', 20_000)).Suggestion);
        Assert.Equal("文明经费", new ProjectNameMatcher(lines).Match("文明建设经费").Suggestion);
    }

    [Fact]
    public void Similarity_reads_only_the_first_characters_of_long_names()
    {
        var prefix = new string('甲', ProjectNameMatcher.MaxCompared);
        Assert.Equal(1.0, ProjectNameMatcher.Similarity(prefix + "乙乙乙", prefix + "丙"), 6);
    }

    [Fact]
    public void The_bit_parallel_similarity_equals_the_plain_dynamic_programme()
    {
        var random = new Random(20261207);
        const string alphabet = "文明建设经费宣传部融媒体中心专项";
        for (var i = 0; i < 2_000; i++)
        {
            string Name() => new([.. Enumerable.Range(0, random.Next(0, 260)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var (a, b) = (Name(), Name());
            var (ta, tb) = (a.Length > ProjectNameMatcher.MaxCompared ? a[..ProjectNameMatcher.MaxCompared] : a,
                b.Length > ProjectNameMatcher.MaxCompared ? b[..ProjectNameMatcher.MaxCompared] : b);
            var reference = LcsReference(ta, tb);
            Assert.Equal(reference, new LcsPattern(b).Lcs(a));
            var expected = ta.Length == 0 || tb.Length == 0 ? 0 : (double)reference / Math.Max(ta.Length, tb.Length);
            Assert.Equal(expected, new LcsPattern(b).Similarity(a), 9);

            // Look-alikes: a shared beginning and ending, as the prefix shortcut sees them.
            var stem = Name();
            var (la, lb) = (stem + a + stem, stem + b + stem);
            var (tla, tlb) = (la[..Math.Min(la.Length, ProjectNameMatcher.MaxCompared)], lb[..Math.Min(lb.Length, ProjectNameMatcher.MaxCompared)]);
            var alike = tla.Length == 0 || tlb.Length == 0 ? 0 : (double)LcsReference(tla, tlb) / Math.Max(tla.Length, tlb.Length);
            Assert.Equal(alike, new LcsPattern(lb).Similarity(la), 9);
        }
    }

    [Fact]
    public void Two_thousand_long_look_alike_names_against_two_thousand_lines_are_all_answered()
    {
        // The case that ran past 120 s: every owner unmatched, every line within reach of every owner.
        var stem = new string('宣', 150);
        var lines = Enumerable.Range(0, 2_000).Select(i => Line($"{stem}项目{i:D4}经费")).ToArray();
        var matcher = new ProjectNameMatcher(lines);

        var suggestions = Enumerable.Range(0, 2_000).Select(i => matcher.Match($"{stem}工程{i:D4}资金").Suggestion).ToList();

        Assert.All(suggestions, Assert.NotNull);
        Assert.Equal($"{stem}项目0007经费", suggestions[7]);
    }

    /// <summary>The plain dynamic programme: the reference the bit-parallel one (<see cref="ProjectNameMatcher"/>) is tested against.</summary>
    private static int LcsReference(string a, string b)
    {
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

        return previous[b.Length];
    }
}
