using ReportGen.Analysis;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// The facts behind section 四 when the user wrote no 存在问题: execution rates below
/// <see cref="VarianceCalculator.LowRateThreshold"/> (the one shortfall rule of the whole tool, docs/workbook.md),
/// overspending, spending behind plan, unmet indicators. Each states figures only; the cause is the user's 偏差原因
/// or a visible placeholder naming the cell to write it in. Projects are named as in 预算执行.
/// </summary>
public static class GapFinder
{
    public static IReadOnlyList<GapView> Find(DepartmentAnalysis analysis)
    {
        var gaps = new List<GapView>();
        var total = analysis.Figures.Department;
        if (total.ExecutionRate is < VarianceCalculator.LowRateThreshold)
        {
            gaps.Add(new GapView(
                $"部门预算执行率为{Money.FormatPercent(total.ExecutionRate)}，低于90%，全年结余结转{Money.Format(total.CarryOver)}万元。",
                null, "部门整体执行率偏低的原因", ConsistencyValidator.FactCell(analysis.Workbook, "存在问题").ToString()));
        }

        foreach (var line in analysis.Figures.Lines)
        {
            var a = line.Amounts;
            if (line.Overspent)
            {
                gaps.Add(new GapView(
                    $"“{line.Name}”实际支出{Money.Format(a.Actual)}万元，超出全年预算{Money.Format(a.Actual - a.Final)}万元。",
                    line.Line.DeviationNote, $"“{line.Name}”超支的原因", line.Line.CellOf("偏差原因").ToString()));
            }
            else if (line.LowRate)
            {
                gaps.Add(new GapView(
                    $"“{line.Name}”全年预算{Money.Format(a.Final)}万元，实际支出{Money.Format(a.Actual)}万元，执行率{Money.FormatPercent(a.ExecutionRate)}，结余结转{Money.Format(a.CarryOver)}万元。",
                    line.Line.DeviationNote, $"“{line.Name}”执行率偏低的原因", line.Line.CellOf("偏差原因").ToString()));
            }
        }

        foreach (var progress in analysis.SpendingProgress.Where(p => p.BehindCheckpoints.Any()))
        {
            var behind = string.Join("，", progress.BehindCheckpoints.Select(c =>
                $"截至{c.Label}累计支出进度{Money.FormatPercent(c.Share)}，计划{Money.FormatPercent(c.Planned)}"));
            gaps.Add(new GapView($"“{progress.Line.Name}”支出进度落后于计划：{behind}。", progress.Line.Line.DeviationNote,
                $"“{progress.Line.Name}”支出进度落后的原因", progress.Line.Line.CellOf("偏差原因").ToString()));
        }

        foreach (var (scope, item) in IndicatorViews.AllUnmet(analysis))
        {
            // 预算资金使用率 restates the execution rate: a shortfall is listed above by the one rule (below 90%), not
            // again for every rate short of a 100% target.
            if (item.IsExecutionRate)
            {
                continue;
            }

            var who = scope == IndicatorRow.DepartmentScope ? "部门整体" : $"“{scope}”";
            gaps.Add(new GapView(
                $"{who}绩效指标“{item.Level3}”年度指标值{item.Target}，实际完成{item.Actual}，{item.Status}。",
                item.Deviation, $"指标“{item.Level3}”未达成的原因", item.DeviationCell));
        }

        return gaps;
    }
}
