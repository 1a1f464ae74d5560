using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Model;

namespace ReportGen.Rendering;

// What a report template sees (templates/README.md documents every member; keep the two in step).
// Templates see it as script objects built by ScriptModelBuilder, members in camelCase ({{ department.name }}).
// Amounts are the analysis's own (Analysis.Amounts), unrounded decimals in 万元: templates format them with {{ wan x }} and {{ pct rate }}.
// Values with a fixed set of meanings are enums here; ScriptModelBuilder gives templates their words (用语.txt) and a
// stable code to branch on, so no code and no template compares words.

/// <summary>The root object of a report template.</summary>
public sealed record TemplateModel
{
    public required DepartmentView Department { get; init; }
    public required int Year { get; init; }
    public required Amounts Totals { get; init; }
    public required Amounts Basic { get; init; }
    public required Amounts Projects { get; init; }
    public required int ProjectCount { get; init; }
    public required IReadOnlyList<LineView> Lines { get; init; }
    public required IReadOnlyList<LineView> ProjectLines { get; init; }
    public required IReadOnlyList<LineView> BasicLines { get; init; }
    public required IReadOnlyList<TaskView> KeyTasks { get; init; }

    /// <summary>其他资金来源 stated in 基本信息, outside every sum (the published Shifeng report's 6.54万元); null when not given.</summary>
    public decimal? OtherFunds { get; init; }

    /// <summary>The user's own texts for sections 四 and 五; null when not written.</summary>
    public string? Problems { get; init; }
    public string? Measures { get; init; }
    public string? OtherNotes { get; init; }

    /// <summary>The cells to fill when the texts above are missing (基本信息!B27), for {{placeholder "…" problemsCell}}.</summary>
    public string ProblemsCell { get; init; } = "";
    public string MeasuresCell { get; init; } = "";
    public string OtherNotesCell { get; init; } = "";

    /// <summary>Where 重点工作 are written (the sheet), for a placeholder when there are none.</summary>
    public string KeyTasksCell { get; init; } = "";

    /// <summary>Facts drawn from the variances for section 四 when the user wrote no 存在问题 (never invented causes); partials/存在问题.sbn words them.</summary>
    public required IReadOnlyList<ShortfallView> Shortfalls { get; init; }

    /// <summary>Department-level indicators with their judgments and the department's scores.</summary>
    public required IndicatorSetView Indicators { get; init; }

    public required IReadOnlyList<FindingView> Findings { get; init; }

    /// <summary>Spending by checkpoint against the 资金支出计划; empty when the workbook has neither sheet.</summary>
    public IReadOnlyList<ProgressView> SpendingProgress { get; init; } = [];

    /// <summary>The texts above that come from a cell of the clerk's workbook, shown in the report as fields (docs/report-fields.md).</summary>
    public ClerkTexts Texts { get; init; } = new();

    /// <summary>The sheet to fill (分季度支出) when a 资金支出计划 has no actual figures to compare with; else null.</summary>
    public string? SpendingProgressCell { get; init; }

    /// <summary>Spending by 资金来源, for outlines with a chapter per fund (湖南: 一般公共预算、政府性基金…).</summary>
    public FundsView Funds { get; init; } = FundsView.None;

    /// <summary>The thresholds the lines and the department were judged by (执行率低于90%, 结余结转达20%).</summary>
    public ThresholdsView Thresholds { get; init; } = ThresholdsView.Analysis;
}

/// <summary>
/// Spending by 资金来源. <see cref="Complete"/>: every line states its source, so a fund without lines truly had no
/// spending; otherwise the split is unknown and a template asks for it. A fund is null when no line is paid from it.
/// </summary>
public sealed record FundsView(bool Complete, FundView? General, FundView? Government, FundView? Other)
{
    public static FundsView None { get; } = new(false, null, null, null);
}

/// <summary>The lines of one 资金来源: all, 基本支出, 项目支出 amounts, the number of projects and the lines themselves.</summary>
public sealed record FundView(FundingSource Source, Amounts Amounts, Amounts Basic, Amounts Projects, int ProjectCount)
{
    /// <summary>The fund's lines in the order of <see cref="TemplateModel.Lines"/>, so that a template numbers them with <c>for.index</c>.</summary>
    public IReadOnlyList<LineView> Lines { get; init; } = [];

    public IReadOnlyList<LineView> BasicLines { get; init; } = [];

    /// <summary>The fund's projects as <see cref="TemplateModel.ProjectLines"/> lists them.</summary>
    public IReadOnlyList<LineView> ProjectLines { get; init; } = [];
}

/// <summary>
/// The thresholds the analysis judges by, as percentages (90 for 90%), so that a sentence saying "低于90%" says what the
/// tool checked: <see cref="LowRate"/> an execution rate below it is low, <see cref="LargeCarryOver"/> a carry-over of
/// at least this share of the final budget is large (docs/workbook.md).
/// </summary>
public sealed record ThresholdsView(decimal LowRate, decimal LargeCarryOver)
{
    public static ThresholdsView Analysis { get; } = new(
        Percent(VarianceCalculator.LowRateThreshold), Percent(VarianceCalculator.LargeCarryOverShare));

    /// <summary>A share as a percentage without trailing zeros (0.9 → 90), as a template prints it.</summary>
    private static decimal Percent(decimal share) =>
        decimal.Parse((share * 100m).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A line's cumulative spending at 3月底 / 6月底 / 10月底 / 12月底 against its plan.</summary>
public sealed record ProgressView(string Name, IReadOnlyList<CheckpointProgress> Checkpoints)
{
    public bool Behind => Checkpoints.Any(c => c.Behind);
}

public sealed record DepartmentView
{
    public required string Name { get; init; }

    /// <summary>部门简称 when given, else the full name.</summary>
    public required string ShortName { get; init; }

    public required IReadOnlyList<string> Duties { get; init; }
    public string? UnitCount { get; init; }
    public string? Establishment { get; init; }
    public string? AdminEstablishment { get; init; }
    public string? InstitutionEstablishment { get; init; }
    public string? InstitutionBreakdown { get; init; }
    public string? Headcount { get; init; }
    public string? Employed { get; init; }
    public string? Retired { get; init; }
    public string? Offices { get; init; }
    public string? Subordinates { get; init; }
    public string? AnnualGoal { get; init; }

    /// <summary>Cells to fill when 主要职责 / 年度总体目标 are missing.</summary>
    public string DutiesCell { get; init; } = "";
    public string AnnualGoalCell { get; init; } = "";

    /// <summary>Every 基本信息 item as written, for {{fact "项目"}}.</summary>
    public required IReadOnlyDictionary<string, string> Facts { get; init; }

    /// <summary>The cell of every 基本信息 item present (基本信息!B12), for {{factCell "项目"}}.</summary>
    public IReadOnlyDictionary<string, string> FactCells { get; init; } = new Dictionary<string, string>();
}

public sealed record LineView
{
    public required int Number { get; init; }
    public required string Name { get; init; }

    /// <summary>The name the target forms use, when it differs (附表3 "文明建设经费"); the report itself always says <see cref="Name"/>.</summary>
    public string? TargetName { get; init; }

    public required ExpenseCategory Category { get; init; }
    public required LineSource Source { get; init; }

    /// <summary>调增 | 调减 | 年中追加 | 无调整.</summary>
    public required AdjustmentKind AdjustmentKind { get; init; }

    /// <summary>资金来源: 一般公共预算 | 政府性基金 | 其他资金; null when not stated.</summary>
    public FundingSource? Funding { get; init; }

    public bool IsProject => Category == ExpenseCategory.Project;
    public bool IsMidYear => AdjustmentKind == AdjustmentKind.MidYear;
    public bool IsIncrease => AdjustmentKind == AdjustmentKind.Increase;
    public bool IsDecrease => AdjustmentKind == AdjustmentKind.Decrease;
    public required Amounts Amounts { get; init; }
    public string? Purpose { get; init; }
    public string? Deviation { get; init; }
    public required bool LowRate { get; init; }
    public required bool Overspent { get; init; }
    public required bool LargeCarryOver { get; init; }
    public string? AnnualGoal { get; init; }
    public string? PeriodGoal { get; init; }
    public string? Outcome { get; init; }

    /// <summary>实施单位 when the 项目目标 row names one; the department implements it otherwise.</summary>
    public string? Implementer { get; init; }

    public required IndicatorSetView Indicators { get; init; }

    /// <summary>The line has targets (a 项目目标 row or indicators); without, its 年度目标 is not asked for.</summary>
    public bool HasTargets { get; init; }

    /// <summary>Cells to fill: 主要用途 and 偏差原因 in 预算执行, 年度目标 and 实际完成情况 in 项目目标.</summary>
    public string PurposeCell { get; init; } = "";
    public string DeviationCell { get; init; } = "";
    public string AnnualGoalCell { get; init; } = "";
    public string OutcomeCell { get; init; } = "";

    /// <summary>Spending fell behind the 资金支出计划 at some checkpoint (RG132).</summary>
    public bool BehindPlan { get; init; }

    /// <summary>Adjusted during the year (调增, 调减, 年中追加): the 偏差原因 should say why.</summary>
    public bool Adjusted => AdjustmentKind != AdjustmentKind.None;
}

public sealed record TaskView(int Number, string Item, string? Owner, string? Goal, string? Outcome)
{
    /// <summary>The 完成情况 cell of the task's row.</summary>
    public string OutcomeCell { get; init; } = "";
}

/// <summary>
/// A fact for section 四 (<see cref="ShortfallFinder"/>): its kind, the figures, the names as literal text, the user's cause
/// if any and the cell to write it in. <see cref="Amounts"/> for the money kinds, <see cref="Behind"/> for
/// <see cref="ShortfallKind.BehindPlan"/>, <see cref="Indicator"/> and <see cref="Scope"/> for <see cref="ShortfallKind.IndicatorUnmet"/>.
/// </summary>
public sealed record ShortfallView(ShortfallKind Kind, string? Name, string? Cause, string CauseCell)
{
    public Amounts? Amounts { get; init; }
    public IReadOnlyList<CheckpointProgress> Behind { get; init; } = [];
    public IndicatorView? Indicator { get; init; }
    public string? Scope { get; init; }
    public bool DepartmentScope { get; init; }
}

public sealed record FindingView(string Code, Severity Severity, string Location, string Message);

/// <summary>One scope's indicators (the department, or a project) with its scores.</summary>
public sealed record IndicatorSetView
{
    public required IReadOnlyList<IndicatorView> Items { get; init; }
    public int Count => Items.Count;
    public int Met => Items.Count(i => i.Status == IndicatorStatus.Met);
    public int PartlyMet => Items.Count(i => i.Status == IndicatorStatus.PartlyMet);
    public int Unmet => Items.Count(i => i.Status == IndicatorStatus.NotMet);
    public int Undetermined => Items.Count(i => i.Status == IndicatorStatus.Undetermined);
    public IReadOnlyList<IndicatorView> UnmetItems => Items.Where(i => i.Status is IndicatorStatus.NotMet or IndicatorStatus.PartlyMet).ToList();
    public IReadOnlyList<IndicatorView> UndeterminedItems => Items.Where(i => i.Status == IndicatorStatus.Undetermined).ToList();

    /// <summary>Scores; null when the scope has no indicators to score.</summary>
    public ScoreView? Score { get; init; }
}

public sealed record IndicatorView
{
    public required string Level1 { get; init; }
    public required string Level2 { get; init; }
    public required string Level3 { get; init; }
    public required string Target { get; init; }

    /// <summary>The actual as written, or as computed (预算资金使用率 takes the execution rate); null when missing.</summary>
    public string? Actual { get; init; }

    public required IndicatorKind Kind { get; init; }

    /// <summary>达成 | 部分达成 | 未达成 | 无法判断.</summary>
    public required IndicatorStatus Status { get; init; }

    public string? Reason { get; init; }
    public decimal? Weight { get; init; }
    public decimal? Score { get; init; }
    public string? Deviation { get; init; }

    /// <summary>The 评价标准 grade the actual reached (优 / 良 / 中 / 差), printed beside the actual in the 自评表.</summary>
    public string? StandardReached { get; init; }

    /// <summary>预算资金使用率 / 预算执行率: its actual is the computed execution rate.</summary>
    public bool IsExecutionRate { get; init; }

    /// <summary>For 无法判断: the column still to fill (实际完成值 or 完成情况) and its cell.</summary>
    public string? MissingField { get; init; }
    public string MissingCell { get; init; } = "";

    /// <summary>The 偏差原因 is needed (未达成, 部分达成, far above target, a target set before a budget adjustment) and not written.</summary>
    public bool NeedsCause { get; init; }

    /// <summary>A target set before the budget was adjusted: the 偏差原因 placeholder names that budget (用语.txt 提示.偏差原因.预算调整).</summary>
    public BudgetChange? BudgetAdjustment { get; init; }
    public string DeviationCell { get; init; } = "";

    /// <summary>What the 偏差原因 placeholder asks for, in <paramref name="words"/>.</summary>
    public string CausePrompt(Vocabulary words) => BudgetAdjustment is { } b
        ? words["提示.偏差原因.预算调整", ("年初预算", Money.Format(b.Initial)), ("全年预算", Money.Format(b.Final))]
        : words["提示.偏差原因"];
}

/// <summary>
/// Scores of one scope. <see cref="Provisional"/>: some indicators cannot be judged yet (<see cref="Undetermined"/>),
/// so the total and grade are 暂定 wherever they are shown.
/// </summary>
public sealed record ScoreView(decimal ExecutionRate, decimal Output, decimal Outcome, decimal Satisfaction, decimal Total, ScoreGrade Grade)
{
    public int Undetermined { get; init; }
    public bool Provisional => Undetermined > 0;

    /// <summary>The total with every undecided indicator at full weight; equal to <see cref="Total"/> when final.</summary>
    public decimal Ceiling { get; init; }

    /// <summary>The range Total–Ceiling lies in one grade band: the grade is known even while the score is provisional.</summary>
    public bool GradeDecided { get; init; } = true;

    /// <summary>"28.28", or while provisional the range "28.28至67.50（暂定）".</summary>
    public string TotalText(Vocabulary words) => words.Total(Money.Format(Total), Money.Format(Ceiling), Provisional);

    /// <summary>"差", or 待定 while the range spans two grade bands.</summary>
    public string GradeText(Vocabulary words) => GradeDecided ? words.Of(Grade) : words.PendingGrade;
}
