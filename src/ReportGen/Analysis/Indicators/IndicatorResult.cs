using ReportGen.Model;

namespace ReportGen.Analysis.Indicators;

/// <summary>The 一级指标 group an indicator scores in (财预〔2020〕10号: 产出 50, 效益 30, 满意度 10).</summary>
public enum IndicatorGroup
{
    Output,
    Outcome,
    Satisfaction,

    /// <summary>一级 and 二级 name no known group; the row is not scored.</summary>
    Unknown,
}

/// <summary>The comparison applied to an indicator.</summary>
public enum IndicatorKind
{
    AtLeast,
    AtMost,

    /// <summary>A bare number: target 0 → must stay 0; target &gt; 0 → scored as at-least (docs/domain.md §5).</summary>
    Equal,

    /// <summary>A date target; scored on the qualitative bands, the date deciding the status when the user gave none.</summary>
    Deadline,
    Qualitative,

    /// <summary>The target could not be read; scored only if the user judged it.</summary>
    Unknown,
}

public enum IndicatorStatus
{
    Met,
    PartlyMet,
    NotMet,
    Undetermined,
}

/// <summary>自评等级 by total (docs/domain.md §5): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差.</summary>
public enum ScoreGrade
{
    Excellent,
    Good,
    Fair,
    Poor,
}

/// <summary>The bundled words of the indicator enums (<see cref="Vocabulary"/>), for check messages and previews.</summary>
internal static class IndicatorNames
{
    public static string Of(IndicatorStatus status) => Vocabulary.Bundled.Of(status);

    public static string Of(IndicatorKind kind) => Vocabulary.Bundled.Of(kind);

    public static string Of(IndicatorGroup group) => Vocabulary.Bundled.Of(group);

    /// <summary>达成 / 部分达成 / 未达成 (also 已达成) → status; anything else null.</summary>
    public static IndicatorStatus? ParseStatus(string? text) => TextNormalizer.Key(text) switch
    {
        "达成" or "已达成" => IndicatorStatus.Met,
        "部分达成" => IndicatorStatus.PartlyMet,
        "未达成" => IndicatorStatus.NotMet,
        _ => null,
    };
}

/// <summary>
/// One judged indicator. <see cref="Actual"/> is the value compared (for 预算资金使用率 the computed execution rate,
/// otherwise what the user wrote), null when there is none: the tool never fills in an actual of its own. <see cref="Reason"/> says in Chinese why
/// points were lost or why it cannot be judged; empty for a full score without remarks.
/// </summary>
public sealed record IndicatorResult(
    IndicatorRow Row,
    IndicatorGroup Group,
    IndicatorKind Kind,
    ParsedValue Target,
    ParsedValue? Actual,
    IndicatorStatus Status,
    string Reason,
    decimal Weight,
    decimal Score)
{
    public string StatusName => IndicatorNames.Of(Status);
    public string KindName => IndicatorNames.Of(Kind);

    /// <summary>The actual as shown in tables: the text compared, or empty.</summary>
    public string ActualText => Actual?.Original ?? "";

    /// <summary>For an undetermined row, the column the user still has to fill: 实际完成值 or 完成情况.</summary>
    public string? MissingField { get; init; }

    /// <summary>The 评价标准 grade (优 / 良 / 中 / 差) the actual reached, when the indicator has such a scale.</summary>
    public string? StandardReached { get; init; }

    /// <summary>A cost target set at the start-of-year amount of an adjusted budget: that budget, before and after.</summary>
    public BudgetChange? BudgetAdjustment { get; init; }
}

/// <summary>A budget adjusted during the year: 年初预算数 and 全年预算数 (万元, unrounded).</summary>
public sealed record BudgetChange(decimal Initial, decimal Final);

/// <summary>
/// Year-end money facts of one scope (部门整体 or a project), amounts in 万元: the computed execution rate
/// (Actual / FinalBudget, null without a budget), the spending and the final budget.
/// </summary>
internal sealed record ScopeFacts(decimal? ExecutionRate, decimal Actual, decimal FinalBudget)
{
    /// <summary>年初预算数; equal to the final budget unless given (no adjustment known).</summary>
    public decimal InitialBudget { get; init; } = FinalBudget;

    /// <summary>Where the spending is in the workbook, for a suggestion naming the cell (预算执行!G3).</summary>
    public string ActualSource { get; init; } = "预算执行表实际支出数";

    public static ScopeFacts From(decimal actual, decimal finalBudget) => new(Money.Rate(actual, finalBudget), actual, finalBudget);

    public static ScopeFacts From(Amounts amounts, string actualSource) =>
        new(Money.Rate(amounts.Actual, amounts.Final), amounts.Actual, amounts.Final) { InitialBudget = amounts.Initial, ActualSource = actualSource };
}

/// <summary>
/// The scores of one scope (docs/domain.md §5): 预算执行率 (of 10), 产出, 效益, 满意度; <see cref="Total"/> is exactly
/// their sum, every part already rounded to two decimals.
/// </summary>
public sealed record ScopeScore(
    string Scope,
    decimal ExecutionRate,
    decimal Output,
    decimal Outcome,
    decimal Satisfaction,
    IReadOnlyList<IndicatorResult> Results,
    IReadOnlyList<Finding> Findings)
{
    public decimal Total => ExecutionRate + Output + Outcome + Satisfaction;

    /// <summary>Indicators that cannot be judged yet (no 实际完成值 or 完成情况): while any remain, the score is 暂定.</summary>
    public int Undetermined => Results.Count(r => r.Status == IndicatorStatus.Undetermined);

    public bool Provisional => Undetermined > 0;

    /// <summary>
    /// The highest total the data could still give: every undecided indicator at its full weight. <see cref="Total"/>
    /// (each at 0) and this bound the provisional score (docs/domain.md, "Provisional scores as a range").
    /// </summary>
    public decimal Ceiling => Total + Results.Where(r => r.Status == IndicatorStatus.Undetermined).Sum(r => r.Weight - r.Score);

    /// <summary>The grade is known: the range from <see cref="Total"/> to <see cref="Ceiling"/> lies in one band.</summary>
    public bool GradeDecided => GradeOf(Total) == GradeOf(Ceiling);

    /// <summary>优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差, of <see cref="Total"/>; meaningful only when <see cref="GradeDecided"/>.</summary>
    public ScoreGrade GradeLevel => GradeOf(Total);

    /// <summary>The grade in the bundled words (优 / 良 / 中 / 差), or 待定 while the range spans two bands.</summary>
    public string Grade => GradeDecided ? Vocabulary.Bundled.Of(GradeLevel) : Vocabulary.Bundled.PendingGrade;

    public static ScoreGrade GradeOf(decimal total) => total switch
    {
        >= 90m => ScoreGrade.Excellent,
        >= 80m => ScoreGrade.Good,
        >= 60m => ScoreGrade.Fair,
        _ => ScoreGrade.Poor,
    };
}
