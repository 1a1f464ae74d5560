using ReportGen.Model;

namespace ReportGen.Analysis.Indicators;

/// <summary>
/// The explanations domain.md §3 asks of the money side of a scope: an execution rate below 90% and any mid-year
/// adjustment need a 偏差原因 (issue 4, "Findings"). Indicator explanations are in <see cref="IndicatorValidator"/>.
/// </summary>
public static class DeviationNoteCheck
{
    /// <summary>Below this execution rate a 偏差原因 is required.</summary>
    public const decimal LowRate = 0.9m;

    public static IReadOnlyList<Finding> Validate(IEnumerable<BudgetLine> lines)
    {
        var findings = new List<Finding>();
        foreach (var line in lines.Where(l => string.IsNullOrWhiteSpace(l.DeviationNote)))
        {
            var where = line.CellOf("偏差原因");
            if (Money.Rate(line.Actual, line.FinalBudget) is { } rate && rate < LowRate)
            {
                findings.Add(new Finding(IndicatorCodes.LowRateWithoutNote, Severity.Warning, where,
                    $"{line.Name}：预算执行率{Money.FormatPercent(rate)}，低于90%，未填写偏差原因"));
            }

            if (line.Adjustment != 0m)
            {
                var what = line.Source == LineSource.MidYear ? "年中追加" : line.Adjustment > 0 ? "年中调增" : "年中调减";
                findings.Add(new Finding(IndicatorCodes.AdjustmentWithoutNote, Severity.Warning, where,
                    $"{line.Name}：{what}{Money.Format(Math.Abs(line.Adjustment))}万元，未填写偏差原因"));
            }
        }

        return findings;
    }

    /// <summary>The department as a whole: rate below 90% without an explanation (the note is the user's 偏差原因 text, if any).</summary>
    public static IReadOnlyList<Finding> ValidateScope(string scope, ScopeFacts facts, string? deviationNote, SourceLocation location)
    {
        if (!string.IsNullOrWhiteSpace(deviationNote) || facts.ExecutionRate is not { } rate || rate >= LowRate)
        {
            return [];
        }

        return [new Finding(IndicatorCodes.LowRateWithoutNote, Severity.Warning, location,
            $"{scope}：预算执行率{Money.FormatPercent(rate)}，低于90%，未填写偏差原因")];
    }
}
