using ReportGen.Model;
using Checkpoint = ReportGen.Model.WorkbookSchema.Checkpoints;
using Line = ReportGen.Model.WorkbookSchema.Lines;

namespace ReportGen.Analysis;

/// <summary>One checkpoint of a line: the planned cumulative share, the cumulative spending and its share.</summary>
public sealed record CheckpointProgress(string Label, decimal? Planned, decimal? Spent, decimal? Share)
{
    /// <summary>Spending ran behind the plan at this checkpoint.</summary>
    public bool Behind => Planned is { } planned && Share is { } share && share < planned;
}

/// <summary>A budget line's spending over the year against its 资金支出计划.</summary>
public sealed record SpendingProgress(LineFigures Line, IReadOnlyList<CheckpointProgress> Checkpoints)
{
    public IEnumerable<CheckpointProgress> BehindCheckpoints => Checkpoints.Where(c => c.Behind);
}

/// <summary>
/// Compares 分季度支出 (cumulative spending at 3月底 / 6月底 / 10月底 / 12月底) with 支出计划 (docs/import.md):
/// share = cumulative ÷ 全年预算数. Findings: RG131 the 12月底 figure differs from 实际支出数, RG132 behind plan
/// without a 偏差原因, RG133 cumulative figures that go down, RG134 a name that matches no budget line.
/// </summary>
internal static class SpendingProgressCalculator
{
    public static (IReadOnlyList<SpendingProgress> Progress, IReadOnlyList<Finding> Findings) Calculate(
        ExecutionWorkbook workbook, BudgetFigures figures)
    {
        var findings = new List<Finding>();
        if (workbook.SpendingPlan.Count == 0 && workbook.QuarterlySpending.Count == 0)
        {
            return ([], findings);
        }

        var matcher = new ProjectNameMatcher(workbook.Lines);
        var plans = Match(workbook.SpendingPlan, matcher, findings, WorkbookSchema.PlanSheet);
        var spent = Match(workbook.QuarterlySpending, matcher, findings, WorkbookSchema.QuarterlySheet);
        var progress = new List<SpendingProgress>();
        foreach (var line in figures.Lines.Where(l => plans.ContainsKey(l.Line) || spent.ContainsKey(l.Line)))
        {
            var plan = plans.GetValueOrDefault(line.Line);
            var actual = spent.GetValueOrDefault(line.Line);
            var checkpoints = SpendingCheckpoints.Checkpoints.Select((label, i) =>
            {
                var amount = actual?.Values[i];
                return new CheckpointProgress(label, plan?.Values[i], amount, amount is { } a ? Money.Rate(a, line.Amounts.Final) : null);
            }).ToList();
            progress.Add(new SpendingProgress(line, checkpoints));
            if (actual is not null)
            {
                Check(line, actual, checkpoints, findings);
            }
        }

        if (workbook.QuarterlySpending.Count == 0 && progress.Count > 0)
        {
            findings.Add(new Finding(FindingCodes.NoQuarterlySpending, Severity.Warning,
                new SourceLocation(workbook.Path, WorkbookSchema.QuarterlySheet),
                $"{WorkbookSchema.PlanSheet}列出了 {progress.Count} 个项目的资金支出计划，但{WorkbookSchema.QuarterlySheet}表没有填写截至各时点的累计实际支出，报告无法对比资金支出进度。"
                + $"请在“{WorkbookSchema.QuarterlySheet}”工作表按{Checkpoint.Name.Name}填写 {string.Join("、", SpendingCheckpoints.Checkpoints)}的累计支出（{Checkpoint.December.Name}应等于{Line.Actual.Name}）。"));
        }

        return (progress, findings);
    }

    private static Dictionary<BudgetLine, SpendingCheckpoints> Match(
        IReadOnlyList<SpendingCheckpoints> rows, ProjectNameMatcher matcher, List<Finding> findings, string sheet)
    {
        var matched = new Dictionary<BudgetLine, SpendingCheckpoints>();
        foreach (var row in rows)
        {
            var match = matcher.Match(row.Name);
            if (match.Line is { } line)
            {
                matched.TryAdd(line, row);
                continue;
            }

            var hint = match.Suggestion is { } s ? $"最接近的是“{s}”，如为同一项目请统一名称或在{WorkbookSchema.LinesSheet}表“{Line.Alias.Name}”列填写。" : "";
            findings.Add(new Finding(FindingCodes.ProgressNameUnmatched, Severity.Warning, row.Location,
                $"{sheet}中的“{row.Name}”在{WorkbookSchema.LinesSheet}表中找不到，未参与进度对比。{hint}"));
        }

        return matched;
    }

    private static void Check(LineFigures line, SpendingCheckpoints actual, List<CheckpointProgress> checkpoints, List<Finding> findings)
    {
        var yearEnd = actual.Values[^1];
        if (yearEnd is { } end && Math.Abs(end - line.Amounts.Actual) > ConsistencyValidator.RoundingTolerancePerPart)
        {
            findings.Add(new Finding(FindingCodes.YearEndDiffers, Severity.Error, actual.Location,
                $"{WorkbookSchema.QuarterlySheet}中“{line.Name}”{Checkpoint.December.Name}累计 {Money.Format(end)} 万元，与{WorkbookSchema.LinesSheet}表的{Line.Actual.Name} {Money.Format(line.Amounts.Actual)} 万元不符。"));
        }

        for (var i = 1; i < actual.Values.Count; i++)
        {
            if (actual.Values[i] is { } later && actual.Values[i - 1] is { } earlier && later < earlier)
            {
                findings.Add(new Finding(FindingCodes.CumulativeDecreases, Severity.Warning, actual.Location,
                    $"{WorkbookSchema.QuarterlySheet}中“{line.Name}”{SpendingCheckpoints.Checkpoints[i]}累计 {Money.Format(later)} 万元小于{SpendingCheckpoints.Checkpoints[i - 1]}的 {Money.Format(earlier)} 万元；各时点应填截至该时点的累计支出。"));
            }
        }

        if (line.Line.DeviationNote is null && checkpoints.Where(c => c.Behind).ToList() is { Count: > 0 } behind)
        {
            var detail = string.Join("，", behind.Select(c => $"{c.Label}{Money.FormatPercent(c.Share)}（计划{Money.FormatPercent(c.Planned)}）"));
            findings.Add(new Finding(FindingCodes.BehindPlan, Severity.Warning, line.Line.CellOf(Line.Cause),
                $"“{line.Name}”支出进度落后于计划：{detail}；请在“{Line.Cause.Name}”列说明。"));
        }
    }
}
