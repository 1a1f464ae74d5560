using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportGen.Rendering;

/// <summary>
/// The one numbering hierarchy of a report (GB/T 9704 practice, docs/outlines.md "Numbering"): level 1 "一、",
/// 2 "（一）", 3 "1.", 4 "（1）"; deeper lists "①". A list the clerk typed or the import brought comes with its own
/// numbers ("（一）…（二）…" duties, "1、…" problems); <see cref="Relevel"/> gives it the numbers of the level it sits
/// at, one below the heading it falls under, keeping the nesting it had. The template helper <c>relevel</c>
/// (templates/README.md) calls it.
/// </summary>
internal static partial class ListLevels
{
    /// <summary>The deepest level with a number of its own; deeper items take "①".</summary>
    public const int MaxLevel = 4;

    /// <summary>A number's style, in the order of the hierarchy (a text's "一、" sits above its "（一）", and so on).</summary>
    private enum Style
    {
        ChineseComma,
        ChineseParen,
        Arabic,
        ArabicParen,
        Circled,
    }

    /// <summary>GB/T 9704 ordinals: level 1 "一、", 2 "（一）", 3 "1.", 4 "（1）", 5 and deeper "①" (up to ⑳, then "（21）").</summary>
    public static string Ordinal(int number, int level) => level switch
    {
        1 => TemplateHelpers.ChineseNumber(number) + "、",
        2 => $"（{TemplateHelpers.ChineseNumber(number)}）",
        3 => string.Create(CultureInfo.InvariantCulture, $"{number}."),
        4 => string.Create(CultureInfo.InvariantCulture, $"（{number}）"),
        _ => number is >= 1 and <= 20 ? ((char)('①' + number - 1)).ToString() : string.Create(CultureInfo.InvariantCulture, $"（{number}）"),
    };

    /// <summary>
    /// The lines of <paramref name="items"/> (each item may hold several lines) with every leading number replaced by
    /// the number of <paramref name="level"/>, deeper styles one level further down each; lines without a number stay
    /// as they are. Numbers are counted again from 1 under each item of the level above, so a list that skipped or
    /// repeated a number reads in order.
    /// </summary>
    /// <param name="mark">
    /// Given an item and its lines as renumbered, the text to write: the renderer marks the clerk's text as the field it
    /// was (docs/report-fields.md). Null writes the lines as they are.
    /// </param>
    /// <returns>The lines joined with '\n'; "" for no items.</returns>
    public static string Relevel(IEnumerable<string?> items, int level, Func<string, string, string>? mark = null)
    {
        var sourced = items.Where(item => item is not null)
            .SelectMany(item => item!.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
                .Select(line => (Item: item, Line: line.Trim())))
            .Where(pair => pair.Line.Length > 0)
            .ToList();
        var lines = sourced.Select(pair => pair.Line).ToList();
        var parsed = lines.Select(Parse).ToList();
        var depths = parsed.Where(p => p.Style is not null).Select(p => p.Style!.Value).Distinct().Order().ToList();
        var counters = new int[depths.Count];
        var output = new StringBuilder();
        var group = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (group.Length > 0)
            {
                group.Append('\n');
            }

            var (style, rest) = parsed[i];
            string line;
            if (style is null)
            {
                line = lines[i];
            }
            else
            {
                var depth = depths.IndexOf(style.Value);
                counters[depth]++;
                Array.Clear(counters, depth + 1, counters.Length - depth - 1);
                line = Ordinal(counters[depth], level + depth) + rest;
            }

            // The lines of one item go out together, so that an item marked as a field stays one field.
            group.Append(line);
            if (i + 1 == lines.Count || !ReferenceEquals(sourced[i + 1].Item, sourced[i].Item))
            {
                output.Append(output.Length > 0 ? "\n" : "").Append(mark is null ? group.ToString() : mark(sourced[i].Item, group.ToString()));
                group.Clear();
            }
        }

        return output.ToString();
    }

    /// <summary>The style of a line's leading number and the text after it; no style when the line has none.</summary>
    private static (Style? Style, string Text) Parse(string line)
    {
        var match = LeadingNumber().Match(line);
        if (!match.Success)
        {
            return (null, line);
        }

        Style style = match.Groups["cc"].Success ? Style.ChineseComma
            : match.Groups["cp"].Success ? Style.ChineseParen
            : match.Groups["a"].Success ? Style.Arabic
            : match.Groups["ap"].Success ? Style.ArabicParen
            : Style.Circled;
        var rest = line[match.Length..].TrimStart();
        return rest.Length == 0 ? (null, line) : (style, rest);
    }

    /// <summary>
    /// A number at the start of a line: 一、 一. | （一） (一) | 1. 1、 1． 1） 1) (not "1.5万元", "12.31前") | （1） (1) | ①–⑳.
    /// </summary>
    [GeneratedRegex(@"^(?:(?<cc>[一二三四五六七八九十]{1,3}[、.．](?!\d))|(?<cp>[（(][一二三四五六七八九十]{1,3}[）)])|(?<ap>[（(]\d{1,3}[）)])|(?<a>\d{1,3}(?:[、．]|\.(?!\d)|[）)]))|(?<c>[①-⑳]))\s*")]
    private static partial Regex LeadingNumber();
}
