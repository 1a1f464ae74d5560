using ReportGen.Analysis;
using ReportGen.Input;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>Turns a <see cref="DepartmentAnalysis"/> into the object templates see. No figure is computed here but sums of line amounts.</summary>
public static class TemplateModelBuilder
{
    public static TemplateModel Build(DepartmentAnalysis analysis)
    {
        var workbook = analysis.Workbook;
        var info = workbook.Department;
        var figures = analysis.Figures;
        var lines = figures.Lines.Select((line, index) => BuildLine(analysis, line, index)).ToList();
        var projectLines = lines.Where(l => l.Category == "项目支出").Select((l, i) => l with { Number = i + 1 }).ToList();
        return new TemplateModel
        {
            Department = BuildDepartment(info),
            Year = info.Year,
            Totals = View(figures.Department),
            Basic = View(figures.Basic),
            Projects = View(figures.Projects),
            ProjectCount = figures.ProjectCount,
            Lines = lines,
            ProjectLines = projectLines,
            BasicLines = lines.Where(l => l.Category == "基本支出").ToList(),
            KeyTasks = workbook.KeyTasks.Select((t, i) => new TaskView(i + 1, t.Item, t.Owner, t.Goal, t.Outcome)).ToList(),
            OtherFunds = info.Fact("其他资金来源") is { } other && AmountParser.Parse(other, info.SourceUnit == "元").Value is { } value ? value : null,
            Problems = info.Fact("存在问题"),
            Measures = info.Fact("改进措施"),
            OtherNotes = info.Fact("其他说明"),
            Gaps = GapFinder.Find(analysis),
            Indicators = IndicatorViews.ForDepartment(analysis),
            SpendingProgress = analysis.SpendingProgress
                .Select(p => new ProgressView(p.Line.Name, p.Checkpoints
                    .Select(c => new CheckpointView(c.Label, c.Planned, c.Spent, c.Share, c.Behind)).ToList()))
                .ToList(),
            Funds = BuildFunds(figures),
            Findings = analysis.Findings
                .Select(f => new FindingView(f.Code, Finding.SeverityName(f.Severity), f.Location.ToString(), f.Message))
                .ToList(),
        };
    }

    /// <summary>资金来源 as the report writes it.</summary>
    public static string? FundingName(FundingSource? source) => source switch
    {
        FundingSource.General => "一般公共预算",
        FundingSource.GovernmentFund => "政府性基金",
        FundingSource.Other => "其他资金",
        _ => null,
    };

    private static FundsView BuildFunds(BudgetFigures figures)
    {
        FundView? Fund(FundingSource source)
        {
            var lines = figures.FundedBy(source);
            return lines.Count == 0 ? null : new FundView(
                FundingName(source)!,
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

    public static AmountsView View(Amounts a) => new(a.Initial, a.Adjustment, a.Final, a.Actual, a.CarryOver, a.ExecutionRate);

    private static DepartmentView BuildDepartment(DepartmentInfo info) => new()
    {
        Name = info.Name,
        ShortName = info.Fact("部门简称") ?? info.Name,
        Duties = (info.Fact("主要职责") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        UnitCount = info.Fact("预算单位数"),
        Establishment = info.Fact("编制数"),
        AdminEstablishment = info.Fact("行政编制数"),
        InstitutionEstablishment = info.Fact("事业编制数"),
        InstitutionBreakdown = info.Fact("事业编制构成"),
        Headcount = info.Fact("实有人数"),
        Employed = info.Fact("在职人数"),
        Retired = info.Fact("退休人数"),
        Offices = info.Fact("内设机构"),
        Subordinates = info.Fact("下属单位"),
        AnnualGoal = info.Fact("年度总体目标"),
        Facts = info.Facts,
    };

    private static LineView BuildLine(DepartmentAnalysis analysis, LineFigures line, int index)
    {
        var target = line.TargetName is { } name
            ? analysis.Workbook.ProjectTargets.FirstOrDefault(t => t.Name == name)
            : analysis.Workbook.ProjectTargets.FirstOrDefault(t => analysis.LineFor(t.Name) == line.Line);
        return new LineView
        {
            Number = index + 1,
            Name = line.Name,
            TargetName = line.TargetName is { } t && t != line.Name ? t : null,
            Category = VariancePreviewRenderer.CategoryName(line.Line.Category),
            Source = VariancePreviewRenderer.SourceName(line.Line.Source),
            AdjustmentKind = VariancePreviewRenderer.AdjustmentName(line.Adjustment),
            Amounts = View(line.Amounts),
            Funding = FundingName(line.Line.Funding),
            Purpose = line.Line.Purpose,
            Deviation = line.Line.DeviationNote,
            LowRate = line.LowRate,
            Overspent = line.Overspent,
            LargeCarryOver = line.LargeCarryOver,
            AnnualGoal = target?.AnnualGoal,
            PeriodGoal = target?.PeriodGoal,
            Outcome = target?.Outcome,
            Indicators = IndicatorViews.ForLine(analysis, line.Line),
        };
    }
}
