using System.Globalization;
using ReportGen.Parsing;

namespace ReportGen.Analysis.Indicators;

/// <summary>What a 指标值 or 实际完成值 text says, as far as <see cref="TargetValueParser"/> understood it.</summary>
public enum TargetKind
{
    /// <summary>≥, 不少于, 达到, …以上.</summary>
    AtLeast,

    /// <summary>≤, 不超过, 控制在…以内.</summary>
    AtMost,

    /// <summary>A bare number or "=": at least for counts and rates, at most for cost (docs/domain.md §4).</summary>
    Equal,

    /// <summary>"2023年12月31日前", "11月前", "每月10日前".</summary>
    Deadline,

    /// <summary>"年增加5%": a rate of change, compared with an actual rate of change.</summary>
    Growth,

    /// <summary>A plain date without 前, as an actual is written: "2023年12月20日".</summary>
    Date,

    /// <summary>Words without a number ("不断提高", "无直接经济效益"): judged by the user.</summary>
    Qualitative,

    /// <summary>Could not be understood; <see cref="ParsedValue.Problem"/> says why.</summary>
    Unknown,
}

/// <summary>
/// The parsed form of a 指标值 / 实际完成值 cell. <see cref="Original"/> is the text as written; nothing is guessed:
/// what could not be understood is said in <see cref="Problem"/> (Chinese, for the user).
/// </summary>
public sealed record ParsedValue(string Original, TargetKind Kind)
{
    public decimal? Number { get; init; }

    /// <summary>Normalised unit ("篇次", "万元", "%"), or null when none was written.</summary>
    public string? Unit { get; init; }

    /// <summary>Units of one family compare: 篇 and 篇次 are "篇"; 元 and 万元 are "元" (converted by <see cref="UnitFactor"/>).</summary>
    public string? UnitFamily { get; init; }

    /// <summary>How many base units one <see cref="Unit"/> is (万元 base: 元 = 0.0001, 万元 = 1); 1 for other units.</summary>
    public decimal UnitFactor { get; init; } = 1m;

    /// <summary>What a named count counts: "行动" in "五大行动"; null for other values.</summary>
    public string? Noun { get; init; }

    /// <summary>"4900余场", "约50人", "3000篇左右": still comparable, noted in the reason.</summary>
    public bool Approximate { get; init; }

    /// <summary>The date of a <see cref="TargetKind.Deadline"/> or <see cref="TargetKind.Date"/>.</summary>
    public DateSpec? Date { get; init; }

    /// <summary>How the text was read, when that is not obvious ("“五大行动”按5项计").</summary>
    public string? Note { get; init; }

    /// <summary>What could not be understood, in Chinese; null when the text was understood.</summary>
    public string? Problem { get; init; }

    /// <summary>
    /// The number with its unit as the clerk wrote it, without operators ("68.36万元", "65.26万", "一百二十场"): what
    /// explanations quote, so that they never state a unit nobody wrote. Null when nothing numeric was read.
    /// </summary>
    public string? Written { get; init; }

    public bool IsNumeric => Number is not null;

    /// <summary>Written with 万 or 亿 and no unit ("28.5万"): the number is multiplied out.</summary>
    private bool WrittenInWan => Unit is null && Written is { } w && (w.EndsWith('万') || w.EndsWith('亿'));

    /// <summary>The number in its family's base unit (万元 for money, 天 for days, the unit itself otherwise).</summary>
    public decimal? BaseNumber => Number * UnitFactor;

    /// <summary>The number with its unit as the user reads it: "≥3000篇" → "3000篇".</summary>
    public string Display => Number is { } n ? n.ToString("0.####", CultureInfo.InvariantCulture) + Unit : Original;

    /// <summary>
    /// True when this value and <paramref name="other"/> can be compared: both numeric, and either one has no unit
    /// (read in the other's) or both units are of one family.
    /// </summary>
    /// <remarks>
    /// Units compare by the rule of docs/workbook.md ("When units compare"): a word that is not a unit of
    /// <see cref="Units"/> ("95分") is its own family; two named counts compare only with the same noun
    /// ("五大行动" never with "五大专项整治"), a named count with a plain count of 项.
    /// </remarks>
    public bool ComparesWith(ParsedValue other) =>
        IsNumeric && other.IsNumeric && (UnitFamily is null || other.UnitFamily is null || UnitFamily == other.UnitFamily)
        && (string.IsNullOrEmpty(Noun) || string.IsNullOrEmpty(other.Noun) || Noun == other.Noun);

    /// <summary>This number expressed in <paramref name="reference"/>'s unit (2886篇次 in 篇, 4580400元 in 万元); null if they do not compare.</summary>
    public decimal? InUnitOf(ParsedValue reference)
    {
        if (!ComparesWith(reference) || Number is not { } n)
        {
            return null;
        }

        // "28.5万" beside 万元: a 万 with no unit is money in 元 when the other side is money ("65.26万" = 652600 元).
        if (UnitFamily is null && reference.UnitFamily == "元" && WrittenInWan)
        {
            return n * 0.0001m / reference.UnitFactor;
        }

        if (reference.UnitFamily is null && UnitFamily == "元" && reference.WrittenInWan)
        {
            return n * UnitFactor / 0.0001m;
        }

        if (UnitFamily is null || reference.UnitFamily is null)
        {
            return n;
        }

        return n * UnitFactor / reference.UnitFactor;
    }
}
