using ReportGen.Analysis.Indicators;
using ReportGen.Model;

namespace ReportGen.Analysis;

/// <summary>One department's workbook, its figures and every finding, ready for previews and the report.</summary>
public sealed record DepartmentAnalysis(
    ExecutionWorkbook Workbook,
    BudgetFigures Figures,
    IReadOnlyDictionary<string, NameMatch> Matches,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>The department's indicator scores (附表1), or null when the workbook has no 部门整体 indicators.</summary>
    public ScopeScore? DepartmentScore { get; init; }

    /// <summary>Each project's indicator scores (附表3), keyed by its budget line; projects without targets are absent.</summary>
    public IReadOnlyDictionary<BudgetLine, ScopeScore> ProjectScores { get; init; } = new Dictionary<BudgetLine, ScopeScore>();

    /// <summary>Spending by checkpoint against the 资金支出计划, for lines that have either; empty without those sheets.</summary>
    public IReadOnlyList<SpendingProgress> SpendingProgress { get; init; } = [];

    public bool HasErrors => Findings.HasErrors();

    /// <summary>The budget line a target-side name (项目目标, 绩效指标 归属) refers to, if matched.</summary>
    public BudgetLine? LineFor(string targetName) => Matches.GetValueOrDefault(targetName)?.Line;
}
