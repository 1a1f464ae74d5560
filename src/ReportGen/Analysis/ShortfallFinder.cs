using ReportGen.Analysis.Indicators;
using ReportGen.Model;

namespace ReportGen.Analysis;

/// <summary>What a fact for section 四 is about; templates/partials/存在问题.sbn words each kind.</summary>
public enum ShortfallKind
{
    /// <summary>部门整体 execution rate below <see cref="VarianceCalculator.LowRateThreshold"/>: its cause belongs in 存在问题.</summary>
    DepartmentLowRate,

    /// <summary>A line spent more than its 全年预算数.</summary>
    Overspent,

    /// <summary>A line's execution rate below the threshold (and not overspent).</summary>
    LowRate,

    /// <summary>A line's cumulative spending behind its 资金支出计划 at one or more checkpoints.</summary>
    BehindPlan,

    /// <summary>An indicator 未达成 or 部分达成 (预算资金使用率 excepted: the execution rate speaks for it).</summary>
    IndicatorUnmet,
}

/// <summary>
/// One fact for section 四: its kind, the figures it rests on, the names, the user's cause (偏差原因, or 存在问题
/// for the department) when written, and the cell where the cause belongs. <see cref="Name"/> is the line's name in
/// 预算执行 (null for the department); <see cref="Amounts"/> the line's or the department's money; <see cref="Behind"/>
/// the checkpoints behind plan; <see cref="Indicator"/> the unmet indicator and <see cref="Scope"/> its scope
/// (<see cref="IndicatorRow.DepartmentScope"/> or the line's name).
/// </summary>
internal sealed record Shortfall(ShortfallKind Kind, string? Name, string? Cause, SourceLocation CauseCell)
{
    public Amounts? Amounts { get; init; }
    public IReadOnlyList<CheckpointProgress> Behind { get; init; } = [];
    public IndicatorResult? Indicator { get; init; }
    public string? Scope { get; init; }

    /// <summary>The indicator belongs to 部门整体 rather than a project.</summary>
    public bool DepartmentScope => Scope == IndicatorRow.DepartmentScope;
}

/// <summary>
/// The facts behind section 四 when the user wrote no 存在问题: execution rates below
/// <see cref="VarianceCalculator.LowRateThreshold"/> (the one shortfall rule of the whole tool, docs/workbook.md),
/// overspending, spending behind plan, unmet indicators. Each carries figures only; the cause is the user's 偏差原因
/// or, in the report, a visible placeholder naming the cell to write it in. Projects are named as in 预算执行.
/// The sentences are worded by the template (templates/partials/存在问题.sbn), never here.
/// </summary>
internal static class ShortfallFinder
{
    public static IReadOnlyList<Shortfall> Find(DepartmentAnalysis analysis)
    {
        var shortfalls = new List<Shortfall>();
        var total = analysis.Figures.Department;
        if (VarianceCalculator.IsLowRate(total.ExecutionRate))
        {
            shortfalls.Add(new Shortfall(ShortfallKind.DepartmentLowRate, null, null, ConsistencyValidator.FactCell(analysis.Workbook, ProblemsCheck.Fact))
            {
                Amounts = total,
            });
        }

        foreach (var line in analysis.Figures.Lines)
        {
            if (line.Overspent || line.LowRate)
            {
                shortfalls.Add(new Shortfall(line.Overspent ? ShortfallKind.Overspent : ShortfallKind.LowRate, line.Name, line.Line.DeviationNote, CauseCell(line))
                {
                    Amounts = line.Amounts,
                });
            }
        }

        foreach (var progress in analysis.SpendingProgress.Where(p => p.BehindCheckpoints.Any()))
        {
            shortfalls.Add(new Shortfall(ShortfallKind.BehindPlan, progress.Line.Name, progress.Line.Line.DeviationNote, CauseCell(progress.Line))
            {
                Amounts = progress.Line.Amounts,
                Behind = progress.BehindCheckpoints.ToList(),
            });
        }

        // Department first, then each project in budget-line order (the name the report uses, never the alias).
        var scopes = new[] { (Name: IndicatorRow.DepartmentScope, Score: analysis.DepartmentScore) }
            .Concat(analysis.Figures.ProjectLines.Select(l => (Name: l.Name, Score: analysis.ProjectScores.GetValueOrDefault(l.Line))));
        foreach (var (scope, score) in scopes)
        {
            // 预算资金使用率 restates the execution rate: a shortfall is listed above by the one rule (below 90%), not
            // again for every rate short of a 100% target.
            foreach (var result in (score?.Results ?? []).Where(r => r.Status is IndicatorStatus.NotMet or IndicatorStatus.PartlyMet
                         && !IndicatorScorer.IsExecutionRateIndicator(r.Row)))
            {
                shortfalls.Add(new Shortfall(ShortfallKind.IndicatorUnmet, result.Row.Level3, result.Row.DeviationNote, result.Row.CellOf(WorkbookSchema.Indicators.Cause))
                {
                    Indicator = result,
                    Scope = scope,
                });
            }
        }

        return shortfalls;
    }

    private static SourceLocation CauseCell(LineFigures line) => line.Line.CellOf(WorkbookSchema.Lines.Cause);
}
