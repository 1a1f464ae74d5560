using System.Globalization;
using System.Text;
using ReportGen.Analysis;

namespace ReportGen.Tests.TestSupport;

/// <summary>
/// Everything read and computed from one workbook as plain text, one fact per line, so that two readings (CSV,
/// .xlsx, .xls) can be compared by meaning: decimals by value (245.8 = 245.80), not by scale.
/// </summary>
public static class AnalysisDump
{
    public static string Of(DepartmentAnalysis analysis)
    {
        var w = analysis.Workbook;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"部门 {w.Department.Name} {w.Department.Year} {w.Department.SourceUnit}\n");
        foreach (var (key, value) in w.Department.Facts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"事实 {key} = {value} @ {w.Department.FactRows.GetValueOrDefault(key)}\n");
        }

        foreach (var f in analysis.Figures.Lines)
        {
            var l = f.Line;
            text.Append(CultureInfo.InvariantCulture, $"行 {l.Name} | {l.Category} | {l.Source} | {Number(l.InitialBudget)} | {Number(l.AdjustmentGiven)} | {Number(l.FinalBudgetGiven)} | "
                        + $"{Number(l.Actual)} | {Number(l.CarryOverGiven)} | {l.Funding} | {l.Purpose} | {l.Alias} | {l.DeviationNote} | {l.Location} | "
                        + $"{f.Adjustment} | {f.TargetName} | {AmountsText(f.Amounts)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"基本 {AmountsText(analysis.Figures.Basic)}\n项目 {AmountsText(analysis.Figures.Projects)}\n合计 {AmountsText(analysis.Figures.Department)}\n");
        text.Append(CultureInfo.InvariantCulture, $"项目数 {analysis.Figures.ProjectCount}\n");
        foreach (var t in w.StatedTotals)
        {
            text.Append(CultureInfo.InvariantCulture, $"合计行 {t.Label} {t.Category} {string.Join(",", t.Amounts.Select(p => p.Key + "=" + Number(p.Value)))} @ {t.Location}\n");
        }

        foreach (var i in w.Indicators)
        {
            text.Append(CultureInfo.InvariantCulture, $"指标 {i.Scope} | {i.Level1} | {i.Level2} | {i.Level3} | {i.Target} | {i.Actual} | {Number(i.Weight)} | {i.UserStatus} | {Number(i.UserScore)} | {i.DeviationNote} | {i.Location}\n");
        }

        foreach (var k in w.KeyTasks)
        {
            text.Append(CultureInfo.InvariantCulture, $"重点工作 {k.Item} | {k.Owner} | {k.Goal} | {k.Outcome} | {k.Location}\n");
        }

        foreach (var t in w.ProjectTargets)
        {
            text.Append(CultureInfo.InvariantCulture, $"项目目标 {t.Name} | {t.Program} | {Number(t.Amount)} | {t.Period} | {t.PeriodGoal} | {t.AnnualGoal} | {t.Outcome} | {t.Location}\n");
        }

        foreach (var f in analysis.Findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"发现 {f.Code} {f.Severity} {f.Location} {f.Message}\n");
        }

        return text.ToString();
    }

    private static string Number(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "∅";

    private static string AmountsText(ReportGen.Analysis.Amounts a) =>
        $"{Number(a.Initial)}/{Number(a.Adjustment)}/{Number(a.Final)}/{Number(a.Actual)}/{Number(a.CarryOver)}/{Number(a.ExecutionRate)}";
}
