using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Analysis.Indicators;

/// <summary>The standard an actual reached on a 评价标准 scale, and the words that say so.</summary>
internal sealed record StandardReached(string Grade, string Reason);

/// <summary>
/// A 评价标准 scale as Hebei department documents state it: "优：100%；良：90%；中：80%；差：60%以下". An indicator
/// with one keeps the 优 standard as its 指标值 and is scored by the ordinary rule against it (actual ÷ 优 standard,
/// capped at the weight); the standard its actual reaches is named beside it (docs/domain.md, "评价标准 (优/良/中/差)
/// scoring"). Higher is better when the 优 standard is the largest number, lower is better when it is the smallest.
/// </summary>
internal sealed partial class StandardScale
{
    /// <summary>The grades in order.</summary>
    public static readonly IReadOnlyList<string> Grades = ["优", "良", "中", "差"];

    private StandardScale(IReadOnlyList<(string Grade, ParsedValue Value)> levels, bool higherIsBetter)
    {
        Levels = levels;
        HigherIsBetter = higherIsBetter;
    }

    /// <summary>The standards as stated, in grade order; 差 may be absent or have no number of its own.</summary>
    public IReadOnlyList<(string Grade, ParsedValue Value)> Levels { get; }

    public bool HigherIsBetter { get; }

    /// <summary>
    /// The scale in a 评价标准 text, or null when it is not one: a 优 standard and at least one of 良 / 中, each a number
    /// in units that compare with the 优 standard's.
    /// </summary>
    public static StandardScale? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var levels = new List<(string Grade, ParsedValue Value)>();
        foreach (Match match in Part().Matches(TextNormalizer.FoldWidth(text)))
        {
            var grade = match.Groups[1].Value;
            if (levels.All(level => level.Grade != grade))
            {
                levels.Add((grade, TargetValueParser.Parse(match.Groups[2].Value.Trim())));
            }
        }

        var best = levels.FirstOrDefault(level => level.Grade == "优").Value;
        var middle = levels.Where(level => level.Grade is "良" or "中").ToList();
        if (best?.Number is not { } top || middle.Count == 0 || middle.Any(level => level.Value.InUnitOf(best) is null))
        {
            return null;
        }

        var ordered = Grades.Select(g => levels.FirstOrDefault(level => level.Grade == g)).Where(level => level.Value is not null).ToList();
        return new StandardScale(ordered, top >= middle[0].Value.InUnitOf(best)!.Value);
    }

    /// <summary>The standard the actual reaches: the best of 优 / 良 / 中 it meets, else 差. Null when it does not compare.</summary>
    public StandardReached? Reach(ParsedValue actual)
    {
        var best = Levels[0].Value;
        if (actual.InUnitOf(best) is not { } value)
        {
            return null;
        }

        foreach (var (grade, standard) in Levels.Where(level => level.Grade != "差"))
        {
            var threshold = standard.InUnitOf(best)!.Value;
            if (HigherIsBetter ? value >= threshold : value <= threshold)
            {
                return new StandardReached(grade, $"达到评价标准“{grade}”（{standard.Original}）");
            }
        }

        var lowest = Levels.Last(level => level.Grade != "差");
        return new StandardReached("差", $"未达到评价标准“{lowest.Grade}”（{lowest.Value.Original}），为“差”");
    }

    /// <summary>"优：100%", "良:90%", "差 60%以下", separated by ；, ;, ，, line breaks or spaces.</summary>
    [GeneratedRegex(@"([优良中差])\s*[:：]?\s*([^；;，,\n优良中差]+)")]
    private static partial Regex Part();
}
