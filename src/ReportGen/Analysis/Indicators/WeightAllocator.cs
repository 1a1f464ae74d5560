using ReportGen.Model;

namespace ReportGen.Analysis.Indicators;

/// <summary>
/// Gives every indicator its 分值 (docs/domain.md §5): 产出 50, 效益 30, 满意度 10; without a 满意度 group its 10 goes
/// to the groups present in proportion (产出 56.25, 效益 33.75). Within a group the workbook's 分值 wins; rows without
/// one share what is left evenly. Even shares are cut to cents by largest remainder so that they add up exactly
/// (50 / 3 → 16.67, 16.67, 16.66) and displayed scores add up to displayed totals.
/// </summary>
internal static class WeightAllocator
{
    private static readonly Dictionary<IndicatorGroup, decimal> Nominal = new()
    {
        [IndicatorGroup.Output] = 50m,
        [IndicatorGroup.Outcome] = 30m,
        [IndicatorGroup.Satisfaction] = 10m,
    };

    public const decimal IndicatorPoints = 90m;

    /// <summary>The weight of each group present (without 满意度: 56.25 / 33.75).</summary>
    public static Dictionary<IndicatorGroup, decimal> GroupTotals(IEnumerable<IndicatorGroup> present)
    {
        var groups = present.Where(g => g != IndicatorGroup.Unknown).Distinct().OrderBy(g => g).ToList();
        var nominalSum = groups.Sum(g => Nominal[g]);
        var shares = SplitCents(IndicatorPoints, groups.Select(g => Nominal[g] / (nominalSum == 0 ? 1 : nominalSum)).ToList());
        return groups.Zip(shares).ToDictionary(p => p.First, p => p.Second);
    }

    public static decimal[] Allocate(string scope, IReadOnlyList<IndicatorRow> rows, IReadOnlyList<IndicatorGroup> groups, List<Finding> findings)
    {
        var weights = new decimal[rows.Count];
        var totals = GroupTotals(groups);
        foreach (var (group, total) in totals)
        {
            var members = Enumerable.Range(0, rows.Count).Where(i => groups[i] == group).ToList();
            foreach (var i in members.Where(i => rows[i].Weight < 0))
            {
                findings.Add(new Finding(FindingCodes.WeightTotal, Severity.Error, rows[i].CellOf(WorkbookSchema.Indicators.Weight),
                    $"{scope}·{rows[i].Level3}：分值{MessageNumber.Compact(rows[i].Weight!.Value)}为负数，按0计"));
            }

            var given = members.Where(i => rows[i].Weight is not null).ToList();
            var missing = members.Where(i => rows[i].Weight is null).ToList();
            foreach (var i in given)
            {
                weights[i] = Math.Max(rows[i].Weight!.Value, 0m);
            }

            var givenSum = given.Sum(i => weights[i]);
            if (missing.Count == 0)
            {
                if (givenSum != total)
                {
                    findings.Add(new Finding(FindingCodes.GroupWeight, Severity.Warning, rows[members[0]].CellOf(WorkbookSchema.Indicators.Weight),
                        $"{scope}·{IndicatorNames.Of(group)}分值合计{MessageNumber.Compact(givenSum)}，与应有的{MessageNumber.Compact(total)}分不一致"));
                }

                continue;
            }

            var left = total - givenSum;
            if (left <= 0)
            {
                findings.Add(new Finding(FindingCodes.WeightTotal, Severity.Error, rows[missing[0]].CellOf(WorkbookSchema.Indicators.Weight),
                    $"{scope}·{IndicatorNames.Of(group)}已填分值合计{MessageNumber.Compact(givenSum)}，已达到该组{MessageNumber.Compact(total)}分，{missing.Count}个未填分值的指标按0分计"));
                continue;
            }

            var shares = SplitCents(left, missing.Select(_ => 1m / missing.Count).ToList());
            for (var k = 0; k < missing.Count; k++)
            {
                weights[missing[k]] = shares[k];
            }
        }

        if (rows.Count > 0 && rows.All(r => r.Weight is not null))
        {
            var sum = rows.Sum(r => r.Weight!.Value) + IndicatorScorer.ExecutionRateWeight;
            if (sum != 100m)
            {
                findings.Add(new Finding(FindingCodes.WeightTotal, Severity.Error, rows[0].CellOf(WorkbookSchema.Indicators.Weight),
                    $"{scope}：指标分值合计{MessageNumber.Compact(sum - IndicatorScorer.ExecutionRateWeight)}，加预算执行率10分为{MessageNumber.Compact(sum)}，不等于100"));
            }
        }

        return weights;
    }

    /// <summary>Splits <paramref name="total"/> by <paramref name="fractions"/> into cents that add up exactly (largest remainder).</summary>
    public static decimal[] SplitCents(decimal total, IReadOnlyList<decimal> fractions)
    {
        var exact = fractions.Select(f => total * f * 100m).ToArray();
        var cents = exact.Select(Math.Floor).ToArray();
        var left = (int)(Math.Round(total * 100m) - cents.Sum());
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - cents[i]).ThenBy(i => i).Take(Math.Max(left, 0)))
        {
            cents[i] += 1;
        }

        return cents.Select(c => c / 100m).ToArray();
    }
}
