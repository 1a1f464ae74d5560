using ReportGen.Model;

namespace ReportGen.Analysis;

/// <summary>
/// Computes each line's final budget, carry-over, rate and adjustment kind, and the 基本 / 项目 / department sums
/// (docs/domain.md §3). Everything stays unrounded; only display rounds.
/// </summary>
internal static class VarianceCalculator
{
    /// <summary>Below 90% a line needs a 偏差原因 (docs/domain.md §3).</summary>
    public const decimal LowRateThreshold = 0.9m;

    /// <summary>A carry-over of a fifth or more of the final budget is marked for attention in previews.</summary>
    public const decimal LargeCarryOverShare = 0.2m;

    /// <summary>
    /// Below 90% as the report prints the rate (two decimals, 四舍五入): 89.996% prints 90.00% and is not low, so
    /// no sentence reads "90.00%，低于90%" (docs/domain.md §3).
    /// </summary>
    public static bool IsLowRate(decimal? rate) => rate is { } r && Money.Round2(r * 100m) < LowRateThreshold * 100m;

    /// <summary>Actual above final as the report prints both (万元, two decimals): an overspend of 0.004 is none.</summary>
    public static bool IsOverspent(Amounts amounts) => Money.Round2(amounts.Actual) > Money.Round2(amounts.Final);

    /// <summary>The overspend as the printed figures give it: printed actual − printed final, or 0.</summary>
    public static decimal Overspend(decimal actual, decimal final) =>
        Money.Round2(actual) > Money.Round2(final) ? Money.Round2(actual) - Money.Round2(final) : 0m;

    public static BudgetFigures Calculate(IReadOnlyList<BudgetLine> lines, IReadOnlyDictionary<BudgetLine, string>? targetNames = null)
    {
        var figures = lines.Select(line => new LineFigures(
            line,
            new Amounts(line.InitialBudget, line.Adjustment, line.FinalBudget, line.Actual, line.CarryOver),
            KindOf(line),
            targetNames?.GetValueOrDefault(line))).ToList();
        var basic = Amounts.Sum(figures.Where(f => !f.IsProject).Select(f => f.Amounts));
        var projects = Amounts.Sum(figures.Where(f => f.IsProject).Select(f => f.Amounts));
        return new BudgetFigures(figures, basic, projects, basic + projects);
    }

    public static AdjustmentKind KindOf(BudgetLine line)
    {
        if (line.Source == LineSource.MidYear || (line.InitialBudget == 0 && line.Adjustment > 0))
        {
            return AdjustmentKind.MidYear;
        }

        return line.Adjustment switch
        {
            > 0 => AdjustmentKind.Increase,
            < 0 => AdjustmentKind.Decrease,
            _ => AdjustmentKind.None,
        };
    }
}
