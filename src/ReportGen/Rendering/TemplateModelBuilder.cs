using ReportGen.Analysis;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// Turns a <see cref="DepartmentAnalysis"/> into the object templates see. No figure is computed here but the sums of the lines by 资金来源. Every text
/// that comes from the workbook passes through <see cref="ReportMarkup.Literal"/> (as <c>L</c>), so that what the
/// user typed stays text in the report whatever markup it resembles.
/// </summary>
public static class TemplateModelBuilder
{
    public static TemplateModel Build(DepartmentAnalysis analysis)
    {
        var workbook = analysis.Workbook;
        var info = workbook.Department;
        var figures = analysis.Figures;
        var lines = figures.Lines.Select((line, index) => BuildLine(analysis, line, index)).ToList();
        var projectLines = lines.Where(l => l.IsProject).Select((l, i) => l with { Number = i + 1 }).ToList();
        return new TemplateModel
        {
            Department = BuildDepartment(info) with
            {
                DutiesCell = FactCell(workbook, "主要职责"),
                AnnualGoalCell = FactCell(workbook, "年度总体目标"),
            },
            Year = info.Year,
            Totals = View(figures.Department),
            Basic = View(figures.Basic),
            Projects = View(figures.Projects),
            ProjectCount = figures.ProjectCount,
            Lines = lines,
            ProjectLines = projectLines,
            BasicLines = lines.Where(l => !l.IsProject).ToList(),
            KeyTasks = workbook.KeyTasks
                .Select((t, i) => new TaskView(i + 1, L(t.Item), L(t.Owner), L(t.Goal), L(t.Outcome)) { OutcomeCell = t.Location.ToString() })
                .ToList(),
            KeyTasksCell = WorkbookSchema.TasksSheet,
            OtherFunds = info.Amount("其他资金来源")?.Value,
            Problems = L(info.Fact("存在问题")),
            Measures = L(info.Fact("改进措施")),
            OtherNotes = L(info.Fact("其他说明")),
            ProblemsCell = FactCell(workbook, "存在问题"),
            MeasuresCell = FactCell(workbook, "改进措施"),
            OtherNotesCell = FactCell(workbook, "其他说明"),
            Gaps = GapFinder.Find(analysis).Select(Gap).ToList(),
            Indicators = IndicatorViews.ForDepartment(analysis),
            // The comparison table needs actual figures; a plan alone is a gap (RG135), shown as one placeholder.
            SpendingProgress = analysis.SpendingProgress
                .Where(p => p.Checkpoints.Any(c => c.Spent is not null))
                .Select(p => new ProgressView(L(p.Line.Name), p.Checkpoints
                    .Select(Checkpoint).ToList()))
                .ToList(),
            SpendingProgressCell = analysis.SpendingProgress.Count > 0 && analysis.SpendingProgress.All(p => p.Checkpoints.All(c => c.Spent is null))
                ? new SourceLocation(workbook.Path, WorkbookSchema.QuarterlySheet).ToString()
                : null,
            Funds = BuildFunds(figures),
            Findings = analysis.Findings
                .Select(f => new FindingView(f.Code, f.Severity, L(f.Location.ToString()), L(f.Message)))
                .ToList(),
        };
    }

    private static CheckpointView Checkpoint(CheckpointProgress c) => new(c.Label, c.Planned, c.Spent, c.Share, c.Behind);

    /// <summary>A section 四 fact with its names as literal text and its figures as the report's views.</summary>
    private static GapView Gap(Gap gap) => new(gap.Kind, L(gap.Name), L(gap.Cause), gap.CauseCell.ToString())
    {
        Amounts = gap.Amounts is { } a ? View(a) : null,
        Behind = gap.Behind.Select(Checkpoint).ToList(),
        Indicator = gap.Indicator is { } i ? IndicatorViews.View(i) : null,
        Scope = L(gap.Scope),
        DepartmentScope = gap.DepartmentScope,
    };

    private static FundsView BuildFunds(BudgetFigures figures)
    {
        FundView? Fund(FundingSource source)
        {
            var lines = figures.FundedBy(source);
            return lines.Count == 0 ? null : new FundView(
                source,
                View(Amounts.Sum(lines.Select(l => l.Amounts))),
                View(Amounts.Sum(lines.Where(l => !l.IsProject).Select(l => l.Amounts))),
                View(Amounts.Sum(lines.Where(l => l.IsProject).Select(l => l.Amounts))),
                lines.Count(l => l.IsProject));
        }

        return new FundsView(
            figures.Lines.Count > 0 && figures.FundedBy(null).Count == 0,
            Fund(FundingSource.General),
            Fund(FundingSource.GovernmentFund),
            Fund(FundingSource.Other));
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? L(string? text) => ReportMarkup.Literal(text);

    private static string FactCell(ExecutionWorkbook workbook, string key) => ConsistencyValidator.FactCell(workbook, key).ToString();

    public static AmountsView View(Amounts a) => new(a.Initial, a.Adjustment, a.Final, a.Actual, a.CarryOver, a.ExecutionRate);

    private static DepartmentView BuildDepartment(DepartmentInfo info) => new()
    {
        Name = L(info.Name),
        ShortName = L(info.Fact("部门简称") ?? info.Name),
        Duties = (info.Fact("主要职责") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(duty => L(duty)).ToList(),
        UnitCount = L(info.Fact("预算单位数")),
        Establishment = L(info.Fact("编制数")),
        AdminEstablishment = L(info.Fact("行政编制数")),
        InstitutionEstablishment = L(info.Fact("事业编制数")),
        InstitutionBreakdown = L(info.Fact("事业编制构成")),
        Headcount = L(info.Fact("实有人数")),
        Employed = L(info.Fact("在职人数")),
        Retired = L(info.Fact("退休人数")),
        Offices = L(info.Fact("内设机构")),
        Subordinates = L(info.Fact("下属单位")),
        AnnualGoal = L(info.Fact("年度总体目标")),
        Facts = info.Facts.ToDictionary(fact => fact.Key, fact => L(fact.Value)),
        FactCells = info.FactRows.ToDictionary(row => row.Key, row => row.Value.ToString()),
    };

    private static LineView BuildLine(DepartmentAnalysis analysis, LineFigures line, int index)
    {
        // The same rule as the checks (RG196, RG197): the 项目目标 row matched to this line, if any.
        var target = analysis.Workbook.ProjectTargets.FirstOrDefault(t => analysis.LineFor(t.Name) == line.Line);
        var hasIndicators = analysis.ProjectScores.ContainsKey(line.Line);
        var targetSheet = WorkbookSchema.TargetsSheet;
        return new LineView
        {
            Number = index + 1,
            Name = L(line.Name),
            TargetName = line.TargetName is { } t && t != line.Name ? L(t) : null,
            Category = line.Line.Category,
            Source = line.Line.Source,
            AdjustmentKind = line.Adjustment,
            Amounts = View(line.Amounts),
            Funding = line.Line.Funding,
            Purpose = L(line.Line.Purpose),
            Deviation = L(line.Line.DeviationNote),
            LowRate = line.LowRate,
            Overspent = line.Overspent,
            LargeCarryOver = line.LargeCarryOver,
            AnnualGoal = L(target?.AnnualGoal),
            PeriodGoal = L(target?.PeriodGoal),
            Outcome = L(target?.Outcome),
            Implementer = L(target?.Implementer),
            Indicators = IndicatorViews.ForLine(analysis, line.Line),
            HasTargets = target is not null || hasIndicators,
            BehindPlan = analysis.SpendingProgress.Any(p => p.Line.Line == line.Line && p.BehindCheckpoints.Any()),
            PurposeCell = line.Line.CellOf("主要用途").ToString(),
            DeviationCell = line.Line.CellOf("偏差原因").ToString(),
            AnnualGoalCell = target?.CellOf("年度目标").ToString() ?? targetSheet,
            OutcomeCell = target?.CellOf("实际完成情况").ToString() ?? targetSheet,
        };
    }
}
