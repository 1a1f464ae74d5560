using System.Text.RegularExpressions;
using ReportGen.Model;
using ReportGen.Parsing;

namespace ReportGen.Analysis.Indicators;

/// <summary>
/// Reads a 指标值 or 实际完成值 cell (docs/domain.md §4): operators in symbols and words, Arabic and Chinese numerals,
/// units, approximate values, deadlines, growth rates and qualitative wording. It keeps the original text and, when
/// it cannot tell what the text means, says so in <see cref="ParsedValue.Problem"/> rather than guessing.
/// The grammar is listed in README.md next to this file. The numbers, percentages and dates in it are read by the
/// grammar every reader shares (<see cref="NumberParser"/>, <see cref="PercentParser"/>, <see cref="DateParser"/>);
/// what is added here are the comparators, the units and the words around a value.
/// </summary>
internal static partial class TargetValueParser
{
    private const string AtLeastWords = ">=|≥|≧|不少于|不低于|不小于|至少|达到|达|大于|高于|超过|>";
    private const string AtMostWords = "<=|≤|≦|不超过|不高于|不大于|不多于|控制在|小于|低于|少于|<";
    private const string EqualWords = "=|等于";
    private const string PostWords = "及以上|以上|及以下|以下|以内|之内";
    private const string ChineseDigits = $"[{ChineseNumeral.Characters}]+";

    /// <summary>
    /// <see cref="Units"/>' names, longest first (篇次 before 篇, 万元 before 元), written out so that the patterns
    /// are constants the regex source generator compiles ahead of time: built at run time they were parsed at
    /// every start and interpreted at every match. A test holds this to <see cref="Units.NamesLongestFirst"/>.
    /// </summary>
    internal const string UnitAlternation =
        "个百分点|平方米|万元|亿元|千元|篇次|场次|人次|组次|课时|小时|个月|公里|千米|元|%|‰|篇|场|人|名|位|组|家|个|支|次|条|期|册|本"
        + "|项|件|份|户|所|处|座|轮|批|部|套|台|张|幅|块|类|起|天|日|周|月|年|㎡|米";

    private const string QuantityPattern =
        $"^(?<pre>{AtLeastWords}|{AtMostWords}|{EqualWords})?(?<about>约|大约|近|接近)?(?<sign>[-−]|负)?" +
        $"(?<num>\\d+(?:\\.\\d+)?|{ChineseDigits})(?<mult>(?:万|亿)(?!元))?(?<more>余|多|来)?" +
        $"(?<unit>{UnitAlternation})?(?<around>左右|上下|余|多)?(?<post>{PostWords})?$";

    // "五大行动": N + 大 + a noun names N items (docs/domain.md §4: 五大行动 = 5).
    private const string NamedCountPattern =
        $"^(?<pre>{AtLeastWords}|{AtMostWords})?(?<num>\\d+|[一二两三四五六七八九十]+)大(?<noun>\\p{{IsCJKUnifiedIdeographs}}{{1,10}})$";

    private const string GrowthPattern =
        $"^(?:年度|年均|每年|年|同比|较上年|比上年|环比)?(?<dir>增加|增长|提高|提升|上升|减少|下降|降低)了?" +
        $"(?<pre>{AtLeastWords})?(?<num>\\d+(?:\\.\\d+)?)(?<unit>%|个百分点)(?<post>及以上|以上)?$";

    private const string TokenPattern =
        $"(?<pre>{AtLeastWords}|{AtMostWords})?(?<about>约|大约|近)?(?:(?<![0-9A-Za-z])(?<sign>[-−]))?(?<num>\\d+(?:\\.\\d+)?)(?<mult>(?:万|亿)(?!元))?" +
        $"(?<more>余|多)?(?<unit>{UnitAlternation})?(?<around>左右|余|多)?(?<post>{PostWords})?";

    [GeneratedRegex(QuantityPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    [GeneratedRegex(NamedCountPattern, RegexOptions.CultureInvariant)]
    private static partial Regex NamedCount();

    [GeneratedRegex(GrowthPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Growth();

    [GeneratedRegex(TokenPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex("(?<num>[一二两三四五六七八九十]+)大", RegexOptions.CultureInvariant)]
    private static partial Regex NamedCountToken();

    /// <summary>Parses one cell. Never throws; an empty or unreadable text gives <see cref="TargetKind.Unknown"/>.</summary>
    public static ParsedValue Parse(string? text)
    {
        var original = text ?? "";
        var s = Normalize(original);
        if (s.Length == 0 || s is "无" or "/" or "-" or "—" or "——" or "－" or "\\")
        {
            return new ParsedValue(original, TargetKind.Unknown) { Problem = "未填写" };
        }

        if (FormPrompt.IsLeftover(s))
        {
            return new ParsedValue(original, TargetKind.Unknown) { Problem = $"“{original.Trim()}”是模板提示文字，未填写实际内容" };
        }

        if (NumberProblem(original) is { } problem)
        {
            return new ParsedValue(original, TargetKind.Unknown) { Problem = problem };
        }

        var value = TryDate(original, s)
            ?? TryGrowth(original, s)
            ?? TryQuantity(original, s)
            ?? TryNamedCount(original, s)
            ?? FromFreeText(original, s);
        return value.Number is { } n && Math.Abs(n) > MaxNumber
            ? new ParsedValue(original, TargetKind.Unknown) { Problem = $"数值过大（超过{MaxNumber:0.#E+0}），无法识别" }
            : value;
    }

    /// <summary>
    /// Beyond this no indicator is meant; below it, unit conversions (亿元 in 元) stay inside decimal's range, so that
    /// a cell of 29 digits is a finding, never an OverflowException.
    /// </summary>
    private const decimal MaxNumber = 1e18m;

    /// <summary>
    /// Digits the way nobody writes one number (docs/workbook.md, "Numbers in text"): a space between digits ("38 57"),
    /// commas not in groups of three ("38,57", "1,2345.6", "12,34,567"), or more digits than any figure has.
    /// </summary>
    private static string? NumberProblem(string original)
    {
        var text = TextNormalizer.FoldWidth(original);
        if (NumberParser.SplitBySpace(text) is { Success: true } split)
        {
            return $"数字中间有空格（“{split.Value}”），无法确定数值";
        }

        foreach (Match grouped in NumberParser.GroupedRuns(text))
        {
            if (!NumberParser.IsWellGrouped(grouped.Value))
            {
                return $"千位分隔符位置不对（“{grouped.Value}”，应从个位起每三位一个，如 1,234,567），无法确定数值";
            }
        }

        return LongDigits().Match(text) is { Success: true } run ? $"数值位数过多（{run.Length}位），无法识别" : null;
    }

    /// <summary>Full-width to half-width, spaces removed, thousands separators dropped, 百分之九十 → 90%.</summary>
    internal static string Normalize(string text)
    {
        var s = TextNormalizer.FoldWidth(text);
        s = WhiteSpace().Replace(s, "");
        return PercentParser.SpellOut(NumberParser.Ungroup(s));
    }

    /// <summary>A deadline or a date (<see cref="DateParser"/>), when it is the only number of the text and exists.</summary>
    private static ParsedValue? TryDate(string original, string s) => DateParser.Find(s) switch
    {
        null => null,
        { OtherNumber: true } => new ParsedValue(original, TargetKind.Unknown) { Problem = "日期之外还有其他数值，无法确定比较对象" },
        { Exists: false } found => new ParsedValue(original, TargetKind.Unknown) { Problem = $"日期“{found.Written}”不存在" },
        var found => new ParsedValue(original, found.Form == DateForm.Date ? TargetKind.Date : TargetKind.Deadline)
        {
            Date = found.Spec,
            Note = found.Form switch
            {
                DateForm.Monthly => "每月按时完成，需按完成情况评判",
                DateForm.YearEnd => "“年底前”按12月31日计",
                _ => null,
            },
        },
    };

    private static ParsedValue? TryGrowth(string original, string s)
    {
        var m = Growth().Match(s);
        if (!m.Success)
        {
            return null;
        }

        if (NumberParser.Parse(m.Groups["num"].Value) is not { } number)
        {
            return null;
        }

        var down = m.Groups["dir"].Value is "减少" or "下降" or "降低";
        return WithUnit(new ParsedValue(original, TargetKind.Growth)
        {
            Number = down ? -number : number,
            Written = m.Groups["num"].Value + m.Groups["unit"].Value,
            Note = down ? $"下降{m.Groups["num"].Value}{m.Groups["unit"].Value}" : $"增长{m.Groups["num"].Value}{m.Groups["unit"].Value}",
        }, m.Groups["unit"].Value);
    }

    private static ParsedValue? TryQuantity(string original, string s)
    {
        var m = Quantity().Match(s);
        if (!m.Success || ReadNumber(m) is not { } number)
        {
            return null;
        }

        var (kind, problem) = KindOf(m.Groups["pre"].Value, m.Groups["post"].Value);
        return WithUnit(new ParsedValue(original, kind)
        {
            Number = number,
            Written = WrittenOf(m, m.Groups["unit"].Value),
            Approximate = m.Groups["about"].Success || m.Groups["more"].Success || m.Groups["around"].Success,
            Problem = problem,
        }, m.Groups["unit"].Value);
    }

    private static ParsedValue? TryNamedCount(string original, string s)
    {
        var m = NamedCount().Match(s);
        if (!m.Success || ReadNumber(m) is not { } number)
        {
            return null;
        }

        var (kind, problem) = KindOf(m.Groups["pre"].Value, "");
        return WithUnit(new ParsedValue(original, kind)
        {
            Number = number,
            Note = $"“{s}”按{number}项计",
            Problem = problem,
            Noun = m.Groups["noun"].Value,
        }, "项");
    }

    /// <summary>
    /// Text that is not one of the forms above: a sentence with exactly one number is read as that number (with a
    /// note); several numbers are not guessed between; no number at all is qualitative.
    /// </summary>
    private static ParsedValue FromFreeText(string original, string s)
    {
        var tokens = Token().Matches(s).Where(t => t.Groups["num"].Success).ToList();
        var named = NamedCountToken().Matches(s).ToList();
        var count = tokens.Count + named.Count;
        if (count == 0)
        {
            return s.Any(char.IsAsciiDigit)
                ? new ParsedValue(original, TargetKind.Unknown) { Problem = "无法识别其中的数值写法" }
                : new ParsedValue(original, TargetKind.Qualitative);
        }

        if (count > 1)
        {
            var parts = string.Join("、", tokens.Select(t => t.Value).Concat(named.Select(n => n.Value + "…")));
            return new ParsedValue(original, TargetKind.Unknown)
            {
                Problem = $"含多个数值（{parts}），无法确定与哪一个比较",
            };
        }

        if (named.Count == 1)
        {
            var n = NumberParser.Numeral(named[0].Groups["num"].Value);
            return n is null
                ? new ParsedValue(original, TargetKind.Unknown) { Problem = "无法识别其中的数值写法" }
                : WithUnit(new ParsedValue(original, TargetKind.Equal) { Number = n, Note = $"从文字中取数：“{named[0].Value}…”按{n}项计" }, "项");
        }

        var t = tokens[0];
        var number = ReadNumber(t);
        if (number is null)
        {
            return new ParsedValue(original, TargetKind.Unknown) { Problem = "无法识别其中的数值写法" };
        }

        var (kind, problem) = KindOf(t.Groups["pre"].Value, t.Groups["post"].Value);
        var unit = t.Groups["unit"].Value;
        var end = t.Index + t.Length;
        if (unit.Length == 0 && !t.Groups["post"].Success && end < s.Length && IsWordAfterNumber(s[end]))
        {
            // "95分": a word right after the number is what it counts, though not a unit of the table; it
            // compares only with the same word (docs/workbook.md, "When units compare").
            unit = s[end].ToString();
        }

        return WithUnit(new ParsedValue(original, kind)
        {
            Number = number,
            Written = WrittenOf(t, unit),
            Approximate = t.Groups["about"].Success || t.Groups["more"].Success || t.Groups["around"].Success,
            Note = $"从文字中取数：{t.Value}{(unit == t.Groups["unit"].Value ? "" : unit)}",
            Problem = problem,
        }, unit);
    }

    /// <summary>The number as written, its 万 / 亿 and its unit: "68.36万元", "5.7万名", "一百二十场" (<see cref="ParsedValue.Written"/>).</summary>
    private static string WrittenOf(Match m, string unit) =>
        (m.Groups["sign"].Success ? "-" : "") + m.Groups["num"].Value + m.Groups["mult"].Value + (Units.Find(unit)?.Name ?? unit);

    private static decimal? ReadNumber(Match m)
    {
        var number = NumberParser.Numeral(m.Groups["num"].Value);
        if (number is not { } n || Math.Abs(n) > MaxNumber)
        {
            return number;
        }

        // A minus sign (or 负) keeps the sign of an actual: −1% against ≥5% earns nothing (docs/workbook.md).
        n = m.Groups["sign"].Success ? -n : n;
        return m.Groups["mult"].Value switch
        {
            "万" => n * 10_000m,
            "亿" => n * 100_000_000m,
            _ => n,
        };
    }

    private static (TargetKind Kind, string? Problem) KindOf(string pre, string post)
    {
        var before = OperatorKind(pre);
        var after = post switch
        {
            "以上" or "及以上" => TargetKind.AtLeast,
            "以下" or "及以下" or "以内" or "之内" => TargetKind.AtMost,
            _ => (TargetKind?)null,
        };
        if (before is { } b && after is { } a && a != b)
        {
            return (TargetKind.Unknown, $"前后比较方向矛盾（“{pre}”与“{post}”）");
        }

        return (before ?? after ?? TargetKind.Equal, null);
    }

    private static TargetKind? OperatorKind(string op)
    {
        if (op.Length == 0)
        {
            return null;
        }

        if (AtLeastWords.Split('|').Contains(op))
        {
            return TargetKind.AtLeast;
        }

        return AtMostWords.Split('|').Contains(op) ? TargetKind.AtMost : TargetKind.Equal;
    }

    private static ParsedValue WithUnit(ParsedValue value, string unit)
    {
        if (value.Problem is not null)
        {
            // Not understood: keep no half-read number that a caller might compare.
            return new ParsedValue(value.Original, TargetKind.Unknown) { Problem = value.Problem };
        }

        if (unit.Length == 0)
        {
            return value;
        }

        if (Units.Find(unit) is not { } info)
        {
            return value with { Unit = unit, UnitFamily = unit, UnitFactor = 1m };
        }

        return value with { Unit = info.Name, UnitFamily = info.Family, UnitFactor = info.Factor };
    }

    /// <summary>A Chinese character that names what a number counts, not a word that only follows it (以上, 左右).</summary>
    private static bool IsWordAfterNumber(char ch) =>
        ch is >= '\u4E00' and <= '\u9FFF' && "以及之左上下余多来约近前后内外的和与或、至到".IndexOf(ch, StringComparison.Ordinal) < 0;

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\d{20,}")]
    private static partial Regex LongDigits();
}
