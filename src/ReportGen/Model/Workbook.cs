namespace ReportGen.Model;

public enum ExpenseCategory
{
    Basic,
    Project,
}

public enum LineSource
{
    /// <summary>年初预算: the line was in the start-of-year budget.</summary>
    Initial,

    /// <summary>年中追加: added during the year, initial budget 0.</summary>
    MidYear,
}

public enum FundingSource
{
    General,
    GovernmentFund,
    Other,
}

/// <summary>Sheet 基本信息: department facts and the user's narrative texts, amounts already in 万元.</summary>
public sealed record DepartmentInfo
{
    public required string Name { get; init; }
    public required int Year { get; init; }

    /// <summary>The unit the workbook was written in ("万元" or "元"); figures in the model are always 万元.</summary>
    public string SourceUnit { get; init; } = "万元";

    /// <summary>Every 项目 | 内容 pair as written, keyed by the canonical item name (主要职责, 编制数 …).</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>();

    /// <summary>Where each item's 内容 cell is, for findings about it.</summary>
    public IReadOnlyDictionary<string, SourceLocation> FactRows { get; init; } = new Dictionary<string, SourceLocation>();

    public string? Fact(string key) => Facts.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The item's text when it is filled in, or null.</summary>
    public string? Fact(InfoItem item) => Fact(item.Name);

    /// <summary>
    /// The amount items (<see cref="WorkbookSchema.Items.Amounts"/>) that are filled in, parsed once when the
    /// workbook is read, keyed by the canonical item name; an item left blank is absent.
    /// </summary>
    public IReadOnlyDictionary<string, InfoAmount> Amounts { get; init; } = new Dictionary<string, InfoAmount>();

    /// <summary>The parsed amount of a filled-in amount item, or null when it is blank or not an amount item.</summary>
    public InfoAmount? Amount(string key) => Amounts.GetValueOrDefault(key);

    /// <summary>The parsed amount of a filled-in amount item, or null when it is blank.</summary>
    public InfoAmount? Amount(InfoItem item) => Amounts.GetValueOrDefault(item.Name);
}

/// <summary>
/// A 基本信息 amount as read: its value in 万元 (null when the text cannot be read as money), why it cannot be read
/// (a phrase that follows the item's name in a finding), and its 内容 cell.
/// </summary>
public sealed record InfoAmount(decimal? Value, string? Problem, SourceLocation Cell);

/// <summary>One row of sheet 预算执行. Amounts in 万元, unrounded. Optional columns that were blank are null.</summary>
public sealed record BudgetLine
{
    public required string Name { get; init; }
    public required ExpenseCategory Category { get; init; }
    public required LineSource Source { get; init; }
    public required decimal InitialBudget { get; init; }

    /// <summary>调整数 as written; null when the column is absent or blank (then derived from 全年预算数, or 0).</summary>
    public decimal? AdjustmentGiven { get; init; }

    /// <summary>全年预算数 as written, or null.</summary>
    public decimal? FinalBudgetGiven { get; init; }

    public required decimal Actual { get; init; }

    /// <summary>The 实际支出数 cell was empty (Actual is then 0, which the report must not state: RG123).</summary>
    public bool ActualBlank { get; init; }

    /// <summary>结余结转数 as written, or null.</summary>
    public decimal? CarryOverGiven { get; init; }

    public FundingSource? Funding { get; init; }
    public string? Purpose { get; init; }

    /// <summary>别名: the name the target forms use for this line (附表3 "文明建设经费" for 预算执行 "文明经费").</summary>
    public string? Alias { get; init; }

    public string? DeviationNote { get; init; }

    /// <summary>The row in the workbook, for findings; Column is unset.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Column index (1-based) of each known field in its sheet, so a finding can point at a cell.</summary>
    public IReadOnlyDictionary<string, int> Columns { get; init; } = new Dictionary<string, int>();

    public SourceLocation CellOf(string field) =>
        Columns.TryGetValue(field, out var column) ? Location with { Column = column } : Location;

    /// <summary>The row's cell in a column of its sheet (<see cref="WorkbookSchema"/>), or the row when it has none.</summary>
    public SourceLocation CellOf(ColumnSpec column) => CellOf(column.Name);

    public decimal Adjustment => AdjustmentGiven ?? (FinalBudgetGiven is { } final ? final - InitialBudget : 0m);
    public decimal FinalBudget => FinalBudgetGiven ?? InitialBudget + Adjustment;
    public decimal CarryOver => FinalBudget - Actual;
}

/// <summary>One row of sheet 绩效指标, as written. Judging and scoring live in Analysis/Indicators.</summary>
public sealed record IndicatorRow
{
    /// <summary>归属: "部门整体" or a project's name (as the targets or the execution sheet spell it).</summary>
    public required string Scope { get; init; }
    public required string Level1 { get; init; }
    public required string Level2 { get; init; }
    public required string Level3 { get; init; }
    public required string Target { get; init; }
    public string? Actual { get; init; }
    public decimal? Weight { get; init; }

    /// <summary>完成情况 as the user judged it: 达成 | 部分达成 | 未达成.</summary>
    public string? UserStatus { get; init; }

    public decimal? UserScore { get; init; }
    public string? DeviationNote { get; init; }

    /// <summary>
    /// 评价标准 as the Hebei department document states it ("优：100%；良：90%；中：80%；差：60%以下"): the indicator is
    /// then judged by the standard its actual reaches (docs/domain.md, "评价标准 (优/良/中/差) scoring").
    /// </summary>
    public string? Standard { get; init; }

    public required SourceLocation Location { get; init; }
    public IReadOnlyDictionary<string, int> Columns { get; init; } = new Dictionary<string, int>();

    public SourceLocation CellOf(string field) =>
        Columns.TryGetValue(field, out var column) ? Location with { Column = column } : Location;

    /// <summary>The row's cell in a column of its sheet (<see cref="WorkbookSchema"/>), or the row when it has none.</summary>
    public SourceLocation CellOf(ColumnSpec column) => CellOf(column.Name);

    public const string DepartmentScope = "部门整体";
    public bool IsDepartment => Scope == DepartmentScope;
}

/// <summary>Sheet 重点工作 (附表1 年度重点工作计划 with its year-end outcome).</summary>
public sealed record KeyTask(string Item, string? Owner, string? Goal, string? Outcome, SourceLocation Location);

/// <summary>Sheet 项目目标 (附表3 header and 区级专项资金绩效目标汇总表 rows).</summary>
public sealed record ProjectTarget
{
    public required string Name { get; init; }
    public string? Program { get; init; }
    public decimal? Amount { get; init; }
    public string? Period { get; init; }
    public string? PeriodGoal { get; init; }
    public string? AnnualGoal { get; init; }
    public string? Outcome { get; init; }

    /// <summary>实施单位 when the form named one (the report prints the department otherwise).</summary>
    public string? Implementer { get; init; }

    public required SourceLocation Location { get; init; }
    public IReadOnlyDictionary<string, int> Columns { get; init; } = new Dictionary<string, int>();

    public SourceLocation CellOf(string field) =>
        Columns.TryGetValue(field, out var column) ? Location with { Column = column } : Location;

    /// <summary>The row's cell in a column of its sheet (<see cref="WorkbookSchema"/>), or the row when it has none.</summary>
    public SourceLocation CellOf(ColumnSpec column) => CellOf(column.Name);
}

/// <summary>Everything read from one department's year-end workbook, amounts in 万元.</summary>
public sealed record ExecutionWorkbook
{
    public required string Path { get; init; }
    public required DepartmentInfo Department { get; init; }
    public required IReadOnlyList<BudgetLine> Lines { get; init; }
    /// <summary>合计 / 小计 rows found in 预算执行: not budget lines, but totals the user typed, checked against the sums.</summary>
    public IReadOnlyList<StatedTotal> StatedTotals { get; init; } = [];

    public IReadOnlyList<IndicatorRow> Indicators { get; init; } = [];
    public IReadOnlyList<KeyTask> KeyTasks { get; init; } = [];
    public IReadOnlyList<ProjectTarget> ProjectTargets { get; init; } = [];

    /// <summary>支出计划: cumulative share of the budget to be spent by each checkpoint (河北 资金支出计划).</summary>
    public IReadOnlyList<SpendingCheckpoints> SpendingPlan { get; init; } = [];

    /// <summary>分季度支出: cumulative actual spending (万元) at the same checkpoints.</summary>
    public IReadOnlyList<SpendingCheckpoints> QuarterlySpending { get; init; } = [];

    /// <summary>Problems found while reading that do not stop the reading (an unknown 来源 value, a blank row…).</summary>
    public IReadOnlyList<Finding> ReadFindings { get; init; } = [];
}

/// <summary>
/// A 合计 / 小计 row of 预算执行 as typed. <see cref="Category"/> is null for the department total.
/// Amounts the row leaves blank are null.
/// </summary>
public sealed record StatedTotal(
    string Label,
    ExpenseCategory? Category,
    IReadOnlyDictionary<string, decimal> Amounts,
    SourceLocation Location,
    IReadOnlyDictionary<string, int> Columns);

/// <summary>
/// One row of 支出计划 (ratios, 0.2 = 20%) or 分季度支出 (cumulative 万元) at the checkpoints of
/// <see cref="Checkpoints"/>; a blank cell is null.
/// </summary>
public sealed record SpendingCheckpoints(string Name, IReadOnlyList<decimal?> Values, SourceLocation Location)
{
    /// <summary>The checkpoints of the 资金支出计划 used by 河北 and many provinces (docs/import.md).</summary>
    public static readonly IReadOnlyList<string> Checkpoints = [.. WorkbookSchema.Checkpoints.Months.Select(month => month.Name)];
}
