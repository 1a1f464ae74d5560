using ReportGen.Model;
using ReportGen.Parsing;

namespace ReportGen.Analysis.Indicators;

/// <summary>
/// Judges one indicator row (docs/domain.md §5). Quantitative rows are scored by formula; rows the tool cannot compare
/// (qualitative or unreadable target, actual in words or missing, units that do not compare, a deadline without a
/// date to check) are scored on the qualitative bands from the user's 完成情况, and are 无法判断 without it.
/// </summary>
internal sealed partial class IndicatorJudge(string scope, ScopeFacts facts, List<Finding> findings)
{
    /// <summary>Share of the weight given without a user 得分: 达成 100%, 部分达成 70%, 未达成 30%.</summary>
    private static decimal DefaultShare(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => 1m,
        IndicatorStatus.PartlyMet => 0.7m,
        _ => 0.3m,
    };

    /// <summary>Is a user score within its band: 达成 [80%, 100%], 部分达成 [60%, 80%), 未达成 [0, 60%)?</summary>
    public static bool InBand(IndicatorStatus status, decimal score, decimal weight) => status switch
    {
        IndicatorStatus.Met => score >= 0.8m * weight && score <= weight,
        IndicatorStatus.PartlyMet => score >= 0.6m * weight && score < 0.8m * weight,
        IndicatorStatus.NotMet => score >= 0m && score < 0.6m * weight,
        _ => false,
    };

    public IndicatorResult Judge(IndicatorRow row, IndicatorGroup group, decimal weight)
    {
        var target = TargetValueParser.Parse(row.Target);
        var userStatus = IndicatorNames.ParseStatus(row.UserStatus);
        if (userStatus is null && !string.IsNullOrWhiteSpace(row.UserStatus))
        {
            Add(FindingCodes.BadUserStatus, Severity.Error, row, WorkbookSchema.Indicators.Status,
                $"完成情况“{row.UserStatus}”应为达成、部分达成或未达成之一");
        }

        var kind = KindOf(target, IndicatorScorer.IsCost(row));
        var result = new IndicatorResult(row, group, kind, target, null, IndicatorStatus.Undetermined, "", weight, 0m);
        if (group == IndicatorGroup.Unknown)
        {
            return result with { Reason = "无法确定一级指标，未计分" };
        }

        return kind switch
        {
            IndicatorKind.Qualitative => ByUser(result with { Actual = ParsedActual(row) }, userStatus, null, "定性指标"),
            IndicatorKind.Unknown => ByUser(result with { Actual = ParsedActual(row) }, userStatus, null,
                $"指标值无法识别（{target.Problem}）"),
            IndicatorKind.Deadline => JudgeDeadline(result, userStatus),
            _ => JudgeQuantity(result, userStatus),
        };
    }

    private static IndicatorKind KindOf(ParsedValue target, bool cost) => target.Kind switch
    {
        TargetKind.AtLeast or TargetKind.Growth => IndicatorKind.AtLeast,
        TargetKind.AtMost => IndicatorKind.AtMost,
        TargetKind.Equal => cost ? IndicatorKind.AtMost : IndicatorKind.Equal,
        TargetKind.Deadline or TargetKind.Date => IndicatorKind.Deadline,
        TargetKind.Qualitative => IndicatorKind.Qualitative,
        _ => IndicatorKind.Unknown,
    };

    private static ParsedValue? ParsedActual(IndicatorRow row) =>
        string.IsNullOrWhiteSpace(row.Actual) ? null : TargetValueParser.Parse(row.Actual);

    private IndicatorResult JudgeDeadline(IndicatorResult result, IndicatorStatus? userStatus)
    {
        var reading = Read(result.Row, result.Target);
        var actual = reading?.Value;
        result = result with { Actual = actual };
        if (reading is { Signal: not ActualSignal.None })
        {
            // "2024年11月30日前未全部完工", "延期至2025年3月": the words decide, never the date in them.
            return ByWords(result, reading, userStatus, ActualReader.Decide(reading, false, null, null, deadline: true));
        }

        var due = result.Target.Date;
        IndicatorStatus? computed = actual?.Date is { } done && due is not null ? CompareDates(due, done) : null;
        if (actual?.Kind == TargetKind.Deadline && computed == IndicatorStatus.NotMet)
        {
            // "12月31日前完成" against "11月前": done some time before the 31st, perhaps in time; not decided.
            computed = null;
        }

        var prefix = computed switch
        {
            IndicatorStatus.Met when actual!.Kind == TargetKind.Deadline => $"实际完成值写明{actual.Date}前完成，未超过时限{due}",
            IndicatorStatus.Met => $"于{actual!.Date}完成，未超过时限{due}",
            IndicatorStatus.NotMet => $"于{actual!.Date}完成，超过时限{due}",
            _ => "时限指标",
        };
        return ByUser(result, userStatus, computed, prefix);
    }

    /// <summary>The actual read as a measured value and its surroundings (<see cref="ActualReader"/>); null when blank.</summary>
    private static ActualReading? Read(IndicatorRow row, ParsedValue target) =>
        string.IsNullOrWhiteSpace(row.Actual) ? null : ActualReader.Read(row.Actual, target);

    /// <summary>
    /// An actual whose words change its meaning (docs/domain.md, "Reading the actual value"): the verdict the words
    /// give, scored on the qualitative bands like a deadline; or, when they give none, 无法判断 until the user writes
    /// the measured value or the 完成情况 (RG330). The reason quotes the clerk's text and states nothing it does not.
    /// </summary>
    private IndicatorResult ByWords(IndicatorResult result, ActualReading reading, IndicatorStatus? userStatus, IndicatorStatus? decided)
    {
        var prefix = $"实际完成值“{reading.Original.Trim()}”{reading.Why}";
        if (decided is { } d)
        {
            return ByUser(result, userStatus, d, $"{prefix}，按文字判断为{IndicatorNames.Of(d)}");
        }

        return ByUser(result, userStatus, null, prefix, ask: (FindingCodes.ActualNotMeasured,
            $"实际完成值“{reading.Original.Trim()}”{reading.Why}，不能与指标值“{result.Row.Target}”直接比较，无法判断：请写明实际完成的数值，或在完成情况中填写达成、部分达成或未达成"));
    }

    /// <summary>Met / not met when the dates decide it; null when they do not ("11月前" against a date in November).</summary>
    internal static IndicatorStatus? CompareDates(DateSpec due, DateSpec done)
    {
        if (due.Monthly || due.Month is not { } dueMonth || done.Month is not { } doneMonth)
        {
            return null;
        }

        if (due.Year is { } dy && done.Year is { } ay && dy != ay)
        {
            return ay < dy ? IndicatorStatus.Met : IndicatorStatus.NotMet;
        }

        if (doneMonth != dueMonth)
        {
            return doneMonth < dueMonth ? IndicatorStatus.Met : IndicatorStatus.NotMet;
        }

        // Same month: "11月前" does not say whether November itself counts; a day compares inclusively.
        if (due.Day is not { } dueDay || done.Day is not { } doneDay)
        {
            return null;
        }

        return doneDay <= dueDay ? IndicatorStatus.Met : IndicatorStatus.NotMet;
    }

    private IndicatorResult JudgeQuantity(IndicatorResult result, IndicatorStatus? userStatus)
    {
        var row = result.Row;
        var target = result.Target;
        ParsedValue? actual;
        ActualReading? reading = null;
        var source = "";
        if (IndicatorScorer.IsExecutionRateIndicator(row))
        {
            if (facts.ExecutionRate is not { } rate)
            {
                return ByUser(result with { Actual = ParsedActual(row) }, userStatus, null, "全年预算数为0，无法计算预算执行率");
            }

            actual = new ParsedValue(Money.FormatPercent(rate), TargetKind.Equal)
            {
                Number = rate * 100m, Unit = "%", UnitFamily = "%", Note = "按计算的预算执行率",
            };
            source = $"实际完成值取计算的预算执行率{Money.FormatPercent(rate)}（{Money.Format(facts.Actual)}/{Money.Format(facts.FinalBudget)}）；";
            CheckWrittenRate(row, rate);
        }
        else
        {
            reading = Read(row, target);
            actual = reading?.Value;
        }

        result = result with { Actual = actual };
        if (IndicatorScorer.IsCost(row) && target.UnitFamily == "元")
        {
            result = CheckBudgetAdjustment(result);
        }

        if (reading is { IsClean: false } words && words.Value?.Kind is not TargetKind.Unknown)
        {
            var atMost = result.Kind == IndicatorKind.AtMost || (result.Kind == IndicatorKind.Equal && target.Number == 0m);
            var bound = target.Kind == TargetKind.Growth ? null : target.Number;
            return ByWords(result, words, userStatus, ActualReader.Decide(words, atMost, bound, words.Value?.InUnitOf(target), deadline: false));
        }

        if (actual is null)
        {
            // Never filled in by the tool (docs/workbook.md, RG309): a cost row is only offered the spending.
            var hint = IndicatorScorer.IsCost(row) && target.UnitFamily == "元"
                ? $"；成本指标可按全年执行数填写“{Money.Format(facts.Actual)}万元”（{facts.ActualSource}）"
                : "";
            Add(FindingCodes.MissingActual, Severity.Warning, row, WorkbookSchema.Indicators.Actual, $"未填写实际完成值，无法判断，得分为暂定{hint}");
            return ByUser(result, userStatus, null, "未填写实际完成值", actualReported: true);
        }

        if (!actual.IsNumeric)
        {
            Add(FindingCodes.ActualInWords, Severity.Warning, row, WorkbookSchema.Indicators.Actual, actual.Kind == TargetKind.Unknown && actual.Problem is { } problem
                ? $"指标值“{row.Target}”是定量指标，实际完成值“{actual.Original}”无法识别：{problem}"
                : $"指标值“{row.Target}”是定量指标，实际完成值“{actual.Original}”未写出数值");
            return ByUser(result, userStatus, null, $"实际完成值“{actual.Original}”无数值，无法与指标值比较");
        }

        if (BareFraction(target, actual) is { } percent)
        {
            // A General-formatted 0.936 against ≥90%: 93.6% or a slip; never scored as 0.94% (docs/domain.md).
            Add(FindingCodes.BareFraction, Severity.Error, row, WorkbookSchema.Indicators.Actual,
                $"实际完成值“{actual.Original.Trim()}”没有写%，指标值是“{row.Target}”：{actual.Original.Trim()} 是 {percent} 吗？请填写 {percent}（若确为 {actual.Original.Trim()}%，请写明“{actual.Original.Trim()}%”）");
            return Undetermined(result, $"实际完成值“{actual.Original.Trim()}”未写明是否为百分数，无法判断，暂按0分计", WorkbookSchema.Indicators.Actual);
        }

        if (target.Number is not { } t || actual.InUnitOf(target) is not { } a)
        {
            // Units and counted nouns compare by one rule: docs/workbook.md, "When units compare".
            var (what, mine, theirs) = target.Unit == actual.Unit && target.Noun != actual.Noun
                ? ("计数对象", target.Noun, actual.Noun)
                : ("单位", target.Unit, actual.Unit);
            Add(FindingCodes.UnitMismatch, Severity.Warning, row, WorkbookSchema.Indicators.Actual,
                $"指标值{what}“{mine}”与实际完成值{what}“{theirs}”不可比较");
            return ByUser(result, userStatus, null, $"{what}不一致（{mine}与{theirs}），无法比较");
        }

        return Formula(result, t, a, source, userStatus);
    }

    private IndicatorResult Formula(IndicatorResult result, decimal t, decimal a, string source, IndicatorStatus? userStatus)
    {
        var row = result.Row;
        var target = result.Target;
        if (target.Kind == TargetKind.Growth && t < 0)
        {
            // "下降5%": compare the size of the fall.
            (t, a) = (-t, -a);
        }

        var (share, why) = ScoreShare(result.Kind, t, a, result.Target, result.Actual!);

        // A 评价标准 scale (优/良/中/差) names the standard reached; the share stays the rule's against the 优
        // standard, which is the 指标值 (docs/domain.md, "评价标准 (优/良/中/差) scoring").
        var reached = StandardScale.Parse(row.Standard)?.Reach(result.Actual!);
        why = reached is null ? why : why.Length == 0 ? reached.Reason : $"{why}，{reached.Reason}";
        result = result with { StandardReached = reached?.Grade };
        var score = Money.Round2(result.Weight * share);
        var status = share >= 1m ? IndicatorStatus.Met : share >= 0.6m ? IndicatorStatus.PartlyMet : IndicatorStatus.NotMet;
        var approx = !(result.Actual!.Approximate || target.Approximate) ? ""
            : why.Length == 0 ? "含约数，按所写数值比较" : "（含约数，按所写数值比较）";
        if (row.UserScore is { } us && Math.Abs(us - score) >= 0.005m)
        {
            Add(FindingCodes.ScoreDiffers, Severity.Info, row, WorkbookSchema.Indicators.Score,
                $"填报得分{MessageNumber.TwoDecimals(us)}，按公式应为{MessageNumber.TwoDecimals(score)}（{why}）");
        }

        if (userStatus is { } u && u != status)
        {
            return Disagreeing(result, u, status, "按数值计算");
        }

        return result with { Status = status, Score = score, Reason = source + why + approx };
    }

    /// <summary>The share of the weight earned (docs/domain.md §5) and the reason in Chinese.</summary>
    internal static (decimal Share, string Reason) ScoreShare(IndicatorKind kind, decimal t, decimal a, ParsedValue target, ParsedValue actual)
    {
        // Each side in the clerk's own units (docs/domain.md): "实际68.36万元超过指标值65.26万元", never 683600.
        string Show(ParsedValue v, decimal n, ParsedValue other) =>
            v.Kind == TargetKind.Growth && v.Note is { } change ? change // "下降2%", as written
            : target.Kind == TargetKind.Growth || v.Written is not { } w ? $"{MessageNumber.Compact(n)}{target.Unit ?? actual.Unit}"
            : v.Unit is null && !w.EndsWith('万') && !w.EndsWith('亿') ? w + other.Unit
            : w;
        var ts = Show(target, t, actual);
        var acs = Show(actual, a, target);
        if (kind == IndicatorKind.AtMost)
        {
            if (a <= t)
            {
                return (1m, "");
            }

            if (t <= 0m || a >= 2m * t)
            {
                return (0m, t <= 0m
                    ? $"实际{acs}超过指标值{ts}，不得分"
                    : $"实际{acs}达到指标值{ts}的2倍及以上，不得分");
            }

            var over = (a - t) / t;
            return (1m - over, $"实际{acs}超过指标值{ts}，超出{Money.FormatPercent(over)}，得分=分值×(1−超出部分/指标值)");
        }

        if (kind == IndicatorKind.Equal && t == 0m)
        {
            return a <= 0m ? (1m, "") : (0m, $"指标值为0，实际为{acs}，不得分");
        }

        if (a >= t)
        {
            return (1m, "");
        }

        if (t <= 0m)
        {
            return (0m, $"实际{acs}低于指标值{ts}，不得分");
        }

        var share = Math.Max(a, 0m) / t;
        return (share, $"实际{acs}未达到指标值{ts}，得分=分值×{MessageNumber.Compact(Math.Max(a, 0m))}/{MessageNumber.Compact(t)}");
    }

    /// <summary>
    /// Scored from the user's 完成情况 on the qualitative bands: a 得分 inside its band is kept; without one, or with
    /// one outside its band (an error), 100% / 70% / 30% of the weight.
    /// </summary>
    /// <remarks><paramref name="actualReported"/>: the row has no 实际完成值 and RG309 already asks for it; otherwise a
    /// row left undetermined asks for its 完成情况 (RG313). Either way the row names the one cell still to fill.</remarks>
    private IndicatorResult ByUser(IndicatorResult result, IndicatorStatus? userStatus, IndicatorStatus? computed, string prefix,
        bool actualReported = false, (string Code, string Message)? ask = null)
    {
        var row = result.Row;
        if (userStatus is { } u && computed is { } c && u != c)
        {
            return Disagreeing(result, u, c, prefix);
        }

        if ((userStatus ?? computed) is not { } status)
        {
            if (!actualReported)
            {
                var (code, message) = ask ?? (FindingCodes.MissingUserStatus,
                    "需由填报人判断的指标未填写完成情况（达成/部分达成/未达成），无法判断，暂按0分计，得分为暂定");
                Add(code, Severity.Warning, row, WorkbookSchema.Indicators.Status, message);
            }

            return Undetermined(result, actualReported ? $"{prefix}，无法判断，暂按0分计" : $"{prefix}，未填写完成情况，无法判断，暂按0分计", actualReported ? WorkbookSchema.Indicators.Actual : WorkbookSchema.Indicators.Status);
        }

        var weight = result.Weight;
        var how = userStatus is null ? "按计算的完成情况" : "按填报的完成情况";
        if (row.UserScore is { } us)
        {
            if (us < 0m || us > weight)
            {
                Add(FindingCodes.ScoreAboveWeight, Severity.Error, row, WorkbookSchema.Indicators.Score, $"填报得分{MessageNumber.TwoDecimals(us)}超出0至分值{MessageNumber.TwoDecimals(weight)}的范围");
            }
            else if (!InBand(status, us, weight))
            {
                Add(FindingCodes.ScoreOutsideBand, Severity.Error, row, WorkbookSchema.Indicators.Score,
                    $"填报得分{MessageNumber.TwoDecimals(us)}不在完成情况“{IndicatorNames.Of(status)}”的得分区间{BandText(status, weight)}内");
            }
            else
            {
                return result with { Status = status, Score = Money.Round2(us), Reason = $"{prefix}，{how}“{IndicatorNames.Of(status)}”采用填报得分" };
            }
        }

        var share = DefaultShare(status);
        var reason = share == 1m && userStatus is null ? $"{prefix}" : $"{prefix}，{how}“{IndicatorNames.Of(status)}”按分值的{MessageNumber.Compact(share * 100m)}%计分";
        return result with { Status = status, Score = Money.Round2(weight * share), Reason = reason };
    }

    /// <summary>A row that cannot be judged yet: 0 points for now, and the field whose value would decide it.</summary>
    private static IndicatorResult Undetermined(IndicatorResult result, string reason, ColumnSpec missingField) =>
        result with { Status = IndicatorStatus.Undetermined, Score = 0m, Reason = reason, MissingField = missingField.Name };

    /// <summary>
    /// The clerk's 完成情况 and the verdict of the numbers, dates or words disagree: the report neither overrules the
    /// clerk nor repeats a verdict the data deny; the row is 无法判断 until the two agree (RG315).
    /// </summary>
    private IndicatorResult Disagreeing(IndicatorResult result, IndicatorStatus user, IndicatorStatus computed, string basis)
    {
        Add(FindingCodes.StatusDiffers, Severity.Warning, result.Row, WorkbookSchema.Indicators.Status,
            $"填报完成情况为“{IndicatorNames.Of(user)}”，但{basis}为“{IndicatorNames.Of(computed)}”：请核对实际完成值和完成情况，二者一致后计分；暂按0分计，得分为暂定");
        return Undetermined(result, $"填报完成情况“{IndicatorNames.Of(user)}”与{basis}的“{IndicatorNames.Of(computed)}”不一致，待核对，暂按0分计", WorkbookSchema.Indicators.Status);
    }

    /// <summary>
    /// "0.936" (a General-formatted cell, no %) against a percentage target above 1%: the percentage it may mean
    /// ("93.6%"), or null when the actual is not such a bare fraction.
    /// </summary>
    internal static string? BareFraction(ParsedValue target, ParsedValue actual) =>
        target.UnitFamily == "%" && actual.Unit is null && actual.Number is { } n && n > 0m && PercentParser.IsRatio(n)
        && target.Number is { } t && !PercentParser.IsRatio(t)
        && BareNumber().IsMatch(TargetValueParser.Normalize(actual.Original))
            ? $"{MessageNumber.Compact(n * 100m)}%"
            : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d*\.?\d+$")]
    private static partial System.Text.RegularExpressions.Regex BareNumber();

    /// <summary>
    /// A cost target equal to the start-of-year amount of a budget that was adjusted during the year: the 绩效目标
    /// should have been adjusted with the budget, or the reason given (docs/workbook.md, RG320).
    /// </summary>
    private IndicatorResult CheckBudgetAdjustment(IndicatorResult result)
    {
        var target = result.Target.BaseNumber;
        if (target is not { } t || facts.FinalBudget == facts.InitialBudget || Math.Abs(t - facts.InitialBudget) >= 0.005m)
        {
            return result;
        }

        if (string.IsNullOrWhiteSpace(result.Row.DeviationNote))
        {
            Add(FindingCodes.TargetBeforeAdjustment, Severity.Warning, result.Row, WorkbookSchema.Indicators.Cause,
                $"指标值按年初预算{Money.Format(facts.InitialBudget)}万元设定，全年预算已调整为{Money.Format(facts.FinalBudget)}万元：绩效目标应随预算一并调整；未调整的，请在偏差原因列说明");
        }

        return result with { BudgetAdjustment = new BudgetChange(facts.InitialBudget, facts.FinalBudget) };
    }

    private static string BandText(IndicatorStatus status, decimal weight) => status switch
    {
        IndicatorStatus.Met => $"[{MessageNumber.TwoDecimals(0.8m * weight)}, {MessageNumber.TwoDecimals(weight)}]",
        IndicatorStatus.PartlyMet => $"[{MessageNumber.TwoDecimals(0.6m * weight)}, {MessageNumber.TwoDecimals(0.8m * weight)})",
        _ => $"[0.00, {MessageNumber.TwoDecimals(0.6m * weight)})",
    };

    private void CheckWrittenRate(IndicatorRow row, decimal rate)
    {
        if (string.IsNullOrWhiteSpace(row.Actual))
        {
            return;
        }

        var written = TargetValueParser.Parse(row.Actual);
        if (written.Number is not { } n || written.UnitFamily is not (null or "%") || Math.Abs(n - rate * 100m) >= 0.01m)
        {
            Add(FindingCodes.ExecutionRateDiffers, Severity.Warning, row, WorkbookSchema.Indicators.Actual,
                $"实际完成值“{row.Actual}”与计算的预算执行率{Money.FormatPercent(rate)}不一致，按计算值评分");
        }
    }

    private void Add(string code, Severity severity, IndicatorRow row, ColumnSpec field, string message) =>
        findings.Add(new Finding(code, severity, row.CellOf(field), $"{scope}·{TextNormalizer.Clean(row.Level3)}：{message}"));
}
