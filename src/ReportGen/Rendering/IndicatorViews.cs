using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// Judged indicators of one scope as templates and tables see them; the workbook's text as literal text
/// (<see cref="ReportMarkup.Literal"/>), each 偏差原因 registered in the model's <see cref="ClerkTexts"/>.
/// </summary>
public static class IndicatorViews
{
    public static IndicatorSetView ForDepartment(DepartmentAnalysis analysis, ClerkTexts texts) => From(analysis.DepartmentScore, texts);

    public static IndicatorSetView ForLine(DepartmentAnalysis analysis, BudgetLine line, ClerkTexts texts) => From(analysis.ProjectScores.GetValueOrDefault(line), texts);

    public static IndicatorSetView From(ScopeScore? score, ClerkTexts texts) => new()
    {
        Items = score?.Results.Select(result => View(result, texts)).ToList() ?? [],
        Score = score is null ? null : new ScoreView(score.ExecutionRate, score.Output, score.Outcome, score.Satisfaction, score.Total, score.GradeLevel)
        {
            Undetermined = score.Undetermined,
            Ceiling = score.Ceiling,
            GradeDecided = score.GradeDecided,
        },
    };

    public static IndicatorView View(IndicatorResult result, ClerkTexts texts) => new()
    {
        Level1 = ReportMarkup.Literal(result.Row.Level1),
        Level2 = ReportMarkup.Literal(result.Row.Level2),
        Level3 = ReportMarkup.Literal(result.Row.Level3),
        Target = ReportMarkup.Literal(result.Row.Target),
        Actual = Actual(result, texts),
        Kind = result.Kind,
        Status = result.Status,
        Reason = result.Reason.Length > 0 ? ReportMarkup.Literal(result.Reason) : null,
        Weight = result.Weight,
        Score = result.Score,
        Deviation = TemplateModelBuilder.ClerkAt(texts, ReportMarkup.Literal(result.Row.DeviationNote), result.Row.CellOf("偏差原因"), "偏差原因"),
        IsExecutionRate = IndicatorScorer.IsExecutionRateIndicator(result.Row),
        StandardReached = result.StandardReached,
        MissingField = result.Status == IndicatorStatus.Undetermined ? result.MissingField : null,
        MissingCell = result.MissingField is { } field ? result.Row.CellOf(field).ToString() : "",
        NeedsCause = string.IsNullOrWhiteSpace(result.Row.DeviationNote)
            && (result.Status is IndicatorStatus.NotMet or IndicatorStatus.PartlyMet || IndicatorValidator.IsFarAbove(result) || result.BudgetAdjustment is not null),
        BudgetAdjustment = result.BudgetAdjustment,
        DeviationCell = result.Row.CellOf("偏差原因").ToString(),
    };

    /// <summary>
    /// The actual as shown: the clerk's 实际完成值 is a field of its cell (docs/report-fields.md); an actual the tool
    /// computed (an execution-rate indicator's rate) is not the clerk's text and stays plain.
    /// </summary>
    private static string? Actual(IndicatorResult result, ClerkTexts texts)
    {
        if (result.ActualText.Length == 0)
        {
            return null;
        }

        var text = ReportMarkup.Literal(result.ActualText);
        return string.Equals(result.ActualText, result.Row.Actual, StringComparison.Ordinal)
            ? TemplateModelBuilder.ClerkAt(texts, text, result.Row.CellOf("实际完成值"), "实际完成值")
            : text;
    }
}
