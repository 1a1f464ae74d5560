using ReportGen.Model;

namespace ReportGen.Analysis;

/// <summary>How a line's budget moved during the year, in the report's words (docs/domain.md §6).</summary>
public enum AdjustmentKind
{
    None,

    /// <summary>调增: a start-of-year line raised.</summary>
    Increase,

    /// <summary>调减: a start-of-year line cut.</summary>
    Decrease,

    /// <summary>年中追加: a line added during the year (initial 0).</summary>
    MidYear,
}

/// <summary>Five money columns and the rate, unrounded, in 万元. Used per line, per category and in total.</summary>
public sealed record Amounts(decimal Initial, decimal Adjustment, decimal Final, decimal Actual, decimal CarryOver)
{
    public static Amounts Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Actual / Final; null when the final budget is 0.</summary>
    public decimal? ExecutionRate => Money.Rate(Actual, Final);

    public static Amounts operator +(Amounts a, Amounts b) => new(
        a.Initial + b.Initial, a.Adjustment + b.Adjustment, a.Final + b.Final, a.Actual + b.Actual, a.CarryOver + b.CarryOver);

    public static Amounts Sum(IEnumerable<Amounts> items) => items.Aggregate(Zero, (sum, item) => sum + item);
}

/// <summary>One budget line with its figures and, when matched, the name its targets use.</summary>
public sealed record LineFigures(BudgetLine Line, Amounts Amounts, AdjustmentKind Adjustment, string? TargetName)
{
    public string Name => Line.Name;
    public bool IsProject => Line.Category == ExpenseCategory.Project;

    /// <summary>Attention flags shown in the preview and the variance table.</summary>
    public bool LowRate => VarianceCalculator.IsLowRate(Amounts.ExecutionRate);
    public bool Overspent => VarianceCalculator.IsOverspent(Amounts);
    public bool LargeCarryOver => Amounts.Final > 0 && Amounts.CarryOver / Amounts.Final >= VarianceCalculator.LargeCarryOverShare;
}

/// <summary>The department's figures: every line, the 基本支出 and 项目支出 subtotals, the total.</summary>
public sealed record BudgetFigures(
    IReadOnlyList<LineFigures> Lines,
    Amounts Basic,
    Amounts Projects,
    Amounts Department)
{
    public IEnumerable<LineFigures> ProjectLines => Lines.Where(line => line.IsProject);
    public IEnumerable<LineFigures> BasicLines => Lines.Where(line => !line.IsProject);
    public int ProjectCount => Lines.Count(line => line.IsProject);

    /// <summary>The lines paid from one 资金来源 (预算执行's column; null: not stated).</summary>
    public IReadOnlyList<LineFigures> FundedBy(FundingSource? source) => Lines.Where(line => line.Line.Funding == source).ToList();
}
