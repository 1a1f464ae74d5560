using ReportGen.Model;

namespace ReportGen.Analysis.Indicators;

/// <summary>
/// Text and explanation checks on judged indicators (docs/domain.md §3): form prompts left over, a 指标值 equal to its own
/// name, an unreadable 指标值, unmet or far-exceeded indicators without 偏差原因. <see cref="IndicatorScorer.Score"/>
/// already includes these findings; call this directly only for results judged elsewhere.
/// </summary>
internal static class IndicatorValidator
{
    /// <summary>Actual at or above this share of an at-least target needs a 偏差原因 (the target was set too low).</summary>
    public const decimal FarAboveShare = 1.3m;

    public static IReadOnlyList<Finding> Validate(string scope, IReadOnlyList<IndicatorResult> results)
    {
        var findings = new List<Finding>();
        foreach (var result in results)
        {
            var row = result.Row;
            var where = $"{scope}·{TextNormalizer.Clean(row.Level3)}：";
            CheckText(findings, row, where);
            if (result.Target.Kind == TargetKind.Unknown && !FormPrompt.IsLeftover(row.Target))
            {
                findings.Add(new Finding(FindingCodes.TargetNotUnderstood, Severity.Warning, row.CellOf(WorkbookSchema.Indicators.Target),
                    $"{where}指标值“{row.Target}”无法识别：{result.Target.Problem}"));
            }

            if (!string.IsNullOrWhiteSpace(row.DeviationNote))
            {
                continue;
            }

            if (result.Status is IndicatorStatus.NotMet or IndicatorStatus.PartlyMet)
            {
                findings.Add(new Finding(FindingCodes.UnmetWithoutNote, Severity.Warning, row.CellOf(WorkbookSchema.Indicators.Cause),
                    $"{where}{result.StatusName}（指标值{row.Target}，实际{result.ActualText}），未填写偏差原因"));
            }
            else if (IsFarAbove(result))
            {
                findings.Add(new Finding(FindingCodes.FarAboveTarget, Severity.Warning, row.CellOf(WorkbookSchema.Indicators.Cause),
                    $"{where}实际{result.ActualText}达到指标值{row.Target}的130%及以上，目标可能定得过低，未填写偏差原因"));
            }
        }

        return findings;
    }

    /// <summary>Actual ≥ 130% of a positive at-least / equal target.</summary>
    public static bool IsFarAbove(IndicatorResult result) =>
        result.Kind is IndicatorKind.AtLeast or IndicatorKind.Equal
        && result.Target.Number is > 0m and var t
        && result.Actual?.InUnitOf(result.Target) is { } a
        && a >= FarAboveShare * t;

    private static void CheckText(List<Finding> findings, IndicatorRow row, string where)
    {
        foreach (var (field, text) in new[] { (WorkbookSchema.Indicators.Level3, row.Level3), (WorkbookSchema.Indicators.Target, row.Target), (WorkbookSchema.Indicators.Actual, row.Actual) })
        {
            if (FormPrompt.IsLeftover(text))
            {
                findings.Add(new Finding(FindingCodes.IndicatorPromptLeft, Severity.Error, row.CellOf(field),
                    $"{where}{field}“{text}”是模板提示文字，请填写实际内容"));
            }
        }

        var name = TextNormalizer.Key(row.Level3);
        if (name.Length > 0 && name == TextNormalizer.Key(row.Target))
        {
            // The published Shifeng 2023 附表1: 三级 "无直接经济效益" with 指标值 "无直接经济效益" is a real, legitimate way of saying there
            // is no such benefit; it is still the copied-name pattern, so it is shown, but only as information.
            var legitimateNone = name.StartsWith('无');
            findings.Add(new Finding(FindingCodes.TargetIsName, legitimateNone ? Severity.Info : Severity.Warning, row.CellOf(WorkbookSchema.Indicators.Target),
                legitimateNone
                    ? $"{where}指标值与三级指标名称相同（“{row.Target}”），按定性指标由填报人判断完成情况"
                    : $"{where}指标值与三级指标名称相同（“{row.Target}”），可能是复制残留，请填写具体指标值"));
        }
    }
}
