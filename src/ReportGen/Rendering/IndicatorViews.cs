using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>Indicator rows of one scope as templates and tables see them.</summary>
public static class IndicatorViews
{
    public static IndicatorSetView For(DepartmentAnalysis analysis, string scope)
    {
        var rows = analysis.Workbook.Indicators.Where(r => r.Scope == scope).ToList();
        return new IndicatorSetView
        {
            Items = rows.Select(r => new IndicatorView
            {
                Level1 = r.Level1,
                Level2 = r.Level2,
                Level3 = r.Level3,
                Target = r.Target,
                Actual = r.Actual,
                Kind = "",
                Status = r.UserStatus ?? "无法判断",
                Weight = r.Weight,
                Score = r.UserScore,
                Deviation = r.DeviationNote,
            }).ToList(),
        };
    }

    public static IEnumerable<(string Scope, IndicatorView Item)> AllUnmet(DepartmentAnalysis analysis) =>
        analysis.Workbook.Indicators.Select(r => r.Scope).Distinct()
            .SelectMany(scope => For(analysis, scope).UnmetItems.Select(item => (scope, item)));
}
