using ReportGen.Analysis.Indicators;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>Judged indicators of one scope as templates and tables see them; the workbook's text as literal text (<see cref="ReportMarkup.Literal"/>).</summary>
public static class IndicatorViews
{
    public static IndicatorSetView ForDepartment(DepartmentAnalysis analysis) => From(analysis.DepartmentScore);

    public static IndicatorSetView ForLine(DepartmentAnalysis analysis, BudgetLine line) => From(analysis.ProjectScores.GetValueOrDefault(line));

    public static IndicatorSetView From(ScopeScore? score) => new()
    {
        Items = score?.Results.Select(View).ToList() ?? [],
        Score = score is null ? null : new ScoreView(score.ExecutionRate, score.Output, score.Outcome, score.Satisfaction, score.Total, score.Grade),
    };

    public static IndicatorView View(IndicatorResult result) => new()
    {
        Level1 = ReportMarkup.Literal(result.Row.Level1),
        Level2 = ReportMarkup.Literal(result.Row.Level2),
        Level3 = ReportMarkup.Literal(result.Row.Level3),
        Target = ReportMarkup.Literal(result.Row.Target),
        Actual = result.ActualText.Length > 0 ? ReportMarkup.Literal(result.ActualText) : null,
        Kind = result.KindName,
        Status = result.StatusName,
        Reason = result.Reason.Length > 0 ? ReportMarkup.Literal(result.Reason) : null,
        Weight = result.Weight,
        Score = result.Score,
        Deviation = ReportMarkup.Literal(result.Row.DeviationNote),
        IsExecutionRate = IndicatorScorer.IsExecutionRateIndicator(result.Row),
    };

    /// <summary>Every 未达成 / 部分达成 indicator with the scope it belongs to and that scope's own rate, department first.</summary>
    public static IEnumerable<(string Scope, decimal? Rate, IndicatorView Item)> AllUnmet(DepartmentAnalysis analysis)
    {
        var scopes = new[] { (Score: analysis.DepartmentScore, Rate: analysis.Figures.Department.ExecutionRate) }
            .Concat(analysis.Figures.ProjectLines.Select(l => (Score: analysis.ProjectScores.GetValueOrDefault(l.Line), Rate: l.Amounts.ExecutionRate)))
            .Where(s => s.Score is not null);
        return scopes.SelectMany(s => From(s.Score).UnmetItems.Select(item => (s.Score!.Scope, s.Rate, item)));
    }
}
