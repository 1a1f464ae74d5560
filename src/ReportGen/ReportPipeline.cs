using ReportGen.Analysis;
using ReportGen.Input;
using ReportGen.Model;

namespace ReportGen;

/// <summary>One department's workbook, its figures and every finding, ready for previews and the report.</summary>
public sealed record DepartmentAnalysis(
    ExecutionWorkbook Workbook,
    BudgetFigures Figures,
    IReadOnlyDictionary<string, NameMatch> Matches,
    IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>The budget line a target-side name (项目目标, 绩效指标 归属) refers to, if matched.</summary>
    public BudgetLine? LineFor(string targetName) => Matches.GetValueOrDefault(targetName)?.Line;
}

/// <summary>
/// The orchestrator: read the workbook, match names, compute, check. Each stage is its own class; this one only
/// calls them in order (style.md, after ReportGenerator).
/// </summary>
public static class ReportPipeline
{
    public static DepartmentAnalysis Analyze(string workbookPath) => Analyze(ExecutionWorkbookReader.Read(workbookPath));

    public static DepartmentAnalysis Analyze(ExecutionWorkbook workbook)
    {
        var projectLines = workbook.Lines.Where(l => l.Category == ExpenseCategory.Project).ToList();
        var matcher = new ProjectNameMatcher(projectLines);
        var targetNames = workbook.ProjectTargets.Select(t => t.Name)
            .Concat(workbook.Indicators.Where(i => !i.IsDepartment).Select(i => i.Scope))
            .Distinct()
            .ToList();
        var matches = targetNames.ToDictionary(name => name, matcher.Match);
        var lineTargetNames = new Dictionary<BudgetLine, string>();
        foreach (var match in matches.Values.Where(m => m.Line is not null))
        {
            lineTargetNames.TryAdd(match.Line!, match.TargetName);
        }

        var figures = VarianceCalculator.Calculate(workbook.Lines, lineTargetNames);
        var findings = workbook.ReadFindings
            .Concat(ConsistencyValidator.Validate(workbook, figures, matcher))
            .OrderByDescending(f => f.Severity)
            .ToList();
        return new DepartmentAnalysis(workbook, figures, matches, findings);
    }
}
