using ReportGen.Analysis;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// Turns a <see cref="DepartmentAnalysis"/> into the object templates see. No figure is computed here but the sums of the lines by 资金来源. Every text
/// that comes from the workbook passes through <see cref="ReportMarkup.Literal"/> (as <c>L</c>), so that what the
/// user typed stays text in the report whatever markup it resembles.
/// </summary>
internal sealed class TemplateModelBuilder
{
    /// <summary>The clerk's texts of the model being built (<see cref="ClerkAt(ClerkTexts, string?, SourceLocation, string, string?, int)"/>).</summary>
    private readonly ClerkTexts _texts = new();

    private TemplateModelBuilder()
    {
    }

    public static TemplateModel Build(DepartmentAnalysis analysis) => new TemplateModelBuilder().Model(analysis);

    /// <summary>
    /// A text of the clerk's workbook, registered in <paramref name="texts"/> as the text of <paramref name="cell"/> so
    /// that the report shows it as a field titled <paramref name="title"/> (<see cref="ClerkTexts"/>).
    /// </summary>
    /// <param name="title">The workbook's name for the item (the column or 基本信息 item the cell is under).</param>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    internal static string? ClerkAt(ClerkTexts texts, string? text, SourceLocation cell, string title, string? whole = null, int part = 0) =>
        texts.Add(text, title, cell.ToString(), whole, part);

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private string? ClerkAt(string? text, SourceLocation cell, string title, string? whole = null, int part = 0) =>
        ClerkAt(_texts, text, cell, title, whole, part);

    private TemplateModel Model(DepartmentAnalysis analysis)
    {
        var workbook = analysis.Workbook;
        var info = workbook.Department;
        var figures = analysis.Figures;
        var lines = figures.Lines.Select((line, index) => BuildLine(analysis, line, index)).ToList();
        var projectLines = lines.Where(l => l.IsProject).Select((l, i) => l with { Number = i + 1 }).ToList();
        var indicators = IndicatorViews.ForDepartment(analysis, _texts);
        return new TemplateModel
        {
            Department = BuildDepartment(info, ConsistencyValidator.FactCell(workbook, "主要职责"), ConsistencyValidator.FactCell(workbook, "年度总体目标")),
            Texts = _texts,
            Year = info.Year,
            Totals = figures.Department,
            Basic = figures.Basic,
            Projects = figures.Projects,
            ProjectCount = figures.ProjectCount,
            Lines = lines,
            ProjectLines = projectLines,
            BasicLines = lines.Where(l => !l.IsProject).ToList(),
            KeyTasks = workbook.KeyTasks
                .Select((t, i) => new TaskView(i + 1, Literal(t.Item), Literal(t.Owner), Literal(t.Goal), ClerkAt(Literal(t.Outcome), t.Location, "完成情况")) { OutcomeCell = t.Location.ToString() })
                .ToList(),
            KeyTasksCell = WorkbookSchema.TasksSheet,
            OtherFunds = info.Amount("其他资金来源")?.Value,
            Problems = ClerkAt(Literal(info.Fact("存在问题")), ConsistencyValidator.FactCell(workbook, "存在问题"), "存在问题"),
            Measures = ClerkAt(Literal(info.Fact("改进措施")), ConsistencyValidator.FactCell(workbook, "改进措施"), "改进措施"),
            OtherNotes = ClerkAt(Literal(info.Fact("其他说明")), ConsistencyValidator.FactCell(workbook, "其他说明"), "其他说明"),
            ProblemsCell = FactCell(workbook, "存在问题"),
            MeasuresCell = FactCell(workbook, "改进措施"),
            OtherNotesCell = FactCell(workbook, "其他说明"),
            Indicators = indicators,

            // After the lines and indicators: a fact's cause is one of their 偏差原因, titled as they are.
            Shortfalls = ShortfallFinder.Find(analysis).Select(Shortfall).ToList(),
            // The comparison table needs actual figures; a plan alone is a missing input (RG135), shown as one placeholder.
            SpendingProgress = analysis.SpendingProgress
                .Where(p => p.Checkpoints.Any(c => c.Spent is not null))
                .Select(p => new ProgressView(Literal(p.Line.Name), p.Checkpoints))
                .ToList(),
            SpendingProgressCell = analysis.SpendingProgress.Count > 0 && analysis.SpendingProgress.All(p => p.Checkpoints.All(c => c.Spent is null))
                ? new SourceLocation(workbook.Path, WorkbookSchema.QuarterlySheet).ToString()
                : null,
            Funds = BuildFunds(figures, lines, projectLines),
            Findings = analysis.Findings
                .Select(f => new FindingView(f.Code, f.Severity, Literal(f.Location.ToString()), Literal(f.Message)))
                .ToList(),
        };
    }

    /// <summary>A section 四 fact with its names as literal text and its figures as the report's views.</summary>
    private ShortfallView Shortfall(Shortfall shortfall) => new(shortfall.Kind, Literal(shortfall.Name), Cause(Literal(shortfall.Cause), shortfall.CauseCell.ToString()), shortfall.CauseCell.ToString())
    {
        Amounts = shortfall.Amounts,
        Behind = shortfall.Behind,
        Indicator = shortfall.Indicator is { } i ? IndicatorViews.View(i, _texts) : null,
        Scope = Literal(shortfall.Scope),
        DepartmentScope = shortfall.DepartmentScope,
    };

    /// <summary>A fact's cause is the text of a 偏差原因 the lines or indicators registered already: it is titled as they are.</summary>
    private string? Cause(string? text, string cell) =>
        _texts.TitleOf(cell) is { } title ? _texts.Add(text, title, cell) : text;

    private static FundsView BuildFunds(BudgetFigures figures, IReadOnlyList<LineView> lines, IReadOnlyList<LineView> projectLines)
    {
        FundView? Fund(FundingSource source)
        {
            var funded = figures.FundedBy(source);
            return funded.Count == 0 ? null : new FundView(
                source,
                Amounts.Sum(funded.Select(l => l.Amounts)),
                Amounts.Sum(funded.Where(l => !l.IsProject).Select(l => l.Amounts)),
                Amounts.Sum(funded.Where(l => l.IsProject).Select(l => l.Amounts)),
                funded.Count(l => l.IsProject))
            {
                Lines = lines.Where(l => l.Funding == source).ToList(),
                BasicLines = lines.Where(l => l.Funding == source && !l.IsProject).ToList(),
                ProjectLines = projectLines.Where(l => l.Funding == source).ToList(),
            };
        }

        return new FundsView(
            figures.Lines.Count > 0 && figures.FundedBy(null).Count == 0,
            Fund(FundingSource.General),
            Fund(FundingSource.GovernmentFund),
            Fund(FundingSource.Other));
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Literal(string? text) => ReportMarkup.Literal(text);

    private static string FactCell(ExecutionWorkbook workbook, string key) => ConsistencyValidator.FactCell(workbook, key).ToString();

    private DepartmentView BuildDepartment(DepartmentInfo info, SourceLocation dutiesCell, SourceLocation annualGoalCell) => new()
    {
        Name = Literal(info.Name),
        ShortName = Literal(info.Fact("部门简称") ?? info.Name),
        DutiesCell = dutiesCell.ToString(),
        AnnualGoalCell = annualGoalCell.ToString(),

        // One duty a line: each is a part of the cell's text (docs/report-fields.md), so that import joins them again.
        Duties = (info.Fact("主要职责") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((duty, i) => ClerkAt(Literal(duty), dutiesCell, "主要职责", info.Fact("主要职责"), i + 1)).ToList(),
        UnitCount = Literal(info.Fact("预算单位数")),
        Establishment = Literal(info.Fact("编制数")),
        AdminEstablishment = Literal(info.Fact("行政编制数")),
        InstitutionEstablishment = Literal(info.Fact("事业编制数")),
        InstitutionBreakdown = Literal(info.Fact("事业编制构成")),
        Headcount = Literal(info.Fact("实有人数")),
        Employed = Literal(info.Fact("在职人数")),
        Retired = Literal(info.Fact("退休人数")),
        Offices = Literal(info.Fact("内设机构")),
        Subordinates = Literal(info.Fact("下属单位")),
        AnnualGoal = ClerkAt(Literal(info.Fact("年度总体目标")), annualGoalCell, "年度总体目标"),
        Facts = info.Facts.ToDictionary(fact => fact.Key, fact => Fact(info, fact.Key, fact.Value)),
        FactCells = info.FactRows.ToDictionary(row => row.Key, row => row.Value.ToString()),
    };

    /// <summary>
    /// A 基本信息 item as the <c>fact</c> helper gives it to templates: the clerk's text, a field of its cell titled
    /// with the item's name (docs/report-fields.md). A copy, so that the department's own members read from the
    /// same item (its name, 预算单位数…) stay plain text where the template writes them.
    /// </summary>
    private string Fact(DepartmentInfo info, string key, string value)
    {
        var text = Literal(value);
        return info.FactRows.TryGetValue(key, out var cell) && !string.IsNullOrWhiteSpace(text)
            ? ClerkAt(new string(text.AsSpan()), cell, key)
            : text;
    }

    private LineView BuildLine(DepartmentAnalysis analysis, LineFigures line, int index)
    {
        // The same rule as the checks (RG196, RG197): the 项目目标 row matched to this line, if any.
        var target = analysis.Workbook.ProjectTargets.FirstOrDefault(t => analysis.LineFor(t.Name) == line.Line);
        var hasIndicators = analysis.ProjectScores.ContainsKey(line.Line);
        var targetSheet = WorkbookSchema.TargetsSheet;
        return new LineView
        {
            Number = index + 1,
            Name = Literal(line.Name),
            TargetName = line.TargetName is { } t && t != line.Name ? Literal(t) : null,
            Category = line.Line.Category,
            Source = line.Line.Source,
            AdjustmentKind = line.Adjustment,
            Amounts = line.Amounts,
            Funding = line.Line.Funding,
            Purpose = ClerkAt(Literal(line.Line.Purpose), line.Line.CellOf("主要用途"), "主要用途"),
            Deviation = ClerkAt(Literal(line.Line.DeviationNote), line.Line.CellOf("偏差原因"), "偏差原因"),
            LowRate = line.LowRate,
            Overspent = line.Overspent,
            LargeCarryOver = line.LargeCarryOver,
            AnnualGoal = Literal(target?.AnnualGoal),
            PeriodGoal = Literal(target?.PeriodGoal),
            Outcome = target is null ? null : ClerkAt(Literal(target.Outcome), target.CellOf("实际完成情况"), "实际完成情况"),
            Implementer = Literal(target?.Implementer),
            Indicators = IndicatorViews.ForLine(analysis, line.Line, _texts),
            HasTargets = target is not null || hasIndicators,
            BehindPlan = analysis.SpendingProgress.Any(p => p.Line.Line == line.Line && p.BehindCheckpoints.Any()),
            PurposeCell = line.Line.CellOf("主要用途").ToString(),
            DeviationCell = line.Line.CellOf("偏差原因").ToString(),
            AnnualGoalCell = target?.CellOf("年度目标").ToString() ?? targetSheet,
            OutcomeCell = target?.CellOf("实际完成情况").ToString() ?? targetSheet,
        };
    }
}
