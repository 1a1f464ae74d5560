using ReportGen.Model;

namespace ReportGen.Analysis.Indicators;

/// <summary>
/// Scores one scope (部门整体 or a project) by 财预〔2020〕10号 as docs/domain.md §5 states it: 预算执行率 10 points,
/// 产出 / 效益 / 满意度 from the indicators, total and grade. Every part is rounded to two decimals (四舍五入) before
/// it is added, so the total is the sum of the parts as displayed.
/// </summary>
internal static class IndicatorScorer
{
    public const decimal ExecutionRateWeight = 10m;

    /// <summary>
    /// Judges and scores <paramref name="rows"/> (the 绩效指标 rows of one scope) against <paramref name="facts"/>;
    /// the findings of judging and of <see cref="IndicatorValidator"/> come with the score.
    /// </summary>
    public static ScopeScore Score(string scopeName, IReadOnlyList<IndicatorRow> rows, ScopeFacts facts)
    {
        var findings = new List<Finding>();
        var groups = rows.Select(GroupOf).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            if (groups[i] == IndicatorGroup.Unknown)
            {
                findings.Add(new Finding(FindingCodes.UnknownGroup, Severity.Error, rows[i].CellOf(WorkbookSchema.Indicators.Level1),
                    $"{scopeName}·{rows[i].Level3}：一级指标“{rows[i].Level1}”、二级指标“{rows[i].Level2}”不属于产出、效益或满意度，未计分"));
            }
        }

        var weights = WeightAllocator.Allocate(scopeName, rows, groups, findings);
        var judge = new IndicatorJudge(scopeName, facts, findings);
        var results = rows.Select((row, i) => judge.Judge(row, groups[i], weights[i])).ToList();
        findings.AddRange(IndicatorValidator.Validate(scopeName, results));

        if (facts.ExecutionRate is null)
        {
            findings.Add(new Finding(FindingCodes.NoExecutionRate, Severity.Warning, SourceLocation.None,
                $"{scopeName}：全年预算数为0，无法计算预算执行率，该项按0分计"));
        }

        decimal Sum(IndicatorGroup g) => results.Where(r => r.Group == g).Sum(r => r.Score);
        return new ScopeScore(
            scopeName,
            ExecutionRateScore(facts.ExecutionRate),
            Sum(IndicatorGroup.Output),
            Sum(IndicatorGroup.Outcome),
            Sum(IndicatorGroup.Satisfaction),
            results,
            findings);
    }

    /// <summary>预算执行率得分 = min(rate, 1) × 10, two decimals; 0 without a rate.</summary>
    public static decimal ExecutionRateScore(decimal? rate) =>
        rate is { } r ? Money.Round2(Math.Clamp(r, 0m, 1m) * ExecutionRateWeight) : 0m;

    /// <summary>
    /// The group of a row: 一级 产出 / 效益 / 满意度. A 二级 naming 满意度 counts as 满意度 even under 一级 效益, as the
    /// Hunan 附表1 (the Shifeng 2023 forms) and Guangdong (the Liwan 2023 form) nest it, because 10号文 makes it a 一级 of its own.
    /// Without a usable 一级, the 二级 decides (数量/质量/时效/成本 → 产出; 经济/社会/生态/可持续 → 效益).
    /// </summary>
    public static IndicatorGroup GroupOf(IndicatorRow row)
    {
        var l1 = TextNormalizer.Key(row.Level1);
        var l2 = TextNormalizer.Key(row.Level2);
        if (l1.Contains("满意度", StringComparison.Ordinal) || l2.Contains("满意度", StringComparison.Ordinal))
        {
            return IndicatorGroup.Satisfaction;
        }

        if (l1.Contains("产出", StringComparison.Ordinal))
        {
            return IndicatorGroup.Output;
        }

        if (l1.Contains("效益", StringComparison.Ordinal))
        {
            return IndicatorGroup.Outcome;
        }

        if (new[] { "数量", "质量", "时效", "成本" }.Any(w => l2.Contains(w, StringComparison.Ordinal)))
        {
            return IndicatorGroup.Output;
        }

        return new[] { "经济", "社会", "生态", "环境", "可持续" }.Any(w => l2.Contains(w, StringComparison.Ordinal))
            ? IndicatorGroup.Outcome
            : IndicatorGroup.Unknown;
    }

    /// <summary>二级 成本指标 (or, without a 二级, a 三级 naming 成本): a bare number is a ceiling.</summary>
    public static bool IsCost(IndicatorRow row)
    {
        var l2 = TextNormalizer.Key(row.Level2);
        return l2.Contains("成本", StringComparison.Ordinal)
            || (l2.Length == 0 && TextNormalizer.Key(row.Level3).Contains("成本", StringComparison.Ordinal));
    }

    /// <summary>预算资金使用率 / 预算执行率: the actual is the computed execution rate (docs/domain.md §4).</summary>
    public static bool IsExecutionRateIndicator(IndicatorRow row)
    {
        var l3 = TextNormalizer.Key(row.Level3);
        return l3.Contains("预算资金使用率", StringComparison.Ordinal) || l3.Contains("预算执行率", StringComparison.Ordinal);
    }
}
