namespace ReportGen.Analysis.Indicators;

/// <summary>Stable finding codes of the indicator checks (issue 4). README.md next to this file lists them.</summary>
public static class IndicatorCodes
{
    /// <summary>Error: the 分值 given do not add up to 100 with 预算执行率, or leave nothing for rows without 分值, or are negative.</summary>
    public const string WeightTotal = "RG301";

    /// <summary>Warning: a group's 分值 differ from its weight (产出 50, 效益 30, 满意度 10, redistributed without 满意度).</summary>
    public const string GroupWeight = "RG302";

    /// <summary>Error: a user 得分 outside the band of its 完成情况.</summary>
    public const string ScoreOutsideBand = "RG303";

    /// <summary>Error: a user 得分 above its 分值 or below 0.</summary>
    public const string ScoreAboveWeight = "RG304";

    /// <summary>Warning: an unmet or partly met indicator without 偏差原因.</summary>
    public const string UnmetWithoutNote = "RG305";

    /// <summary>Warning: actual ≥ 130% of the target without 偏差原因 (the target was set too low).</summary>
    public const string FarAboveTarget = "RG306";

    /// <summary>Warning (Info for "无…" such as 无直接经济效益): 指标值 equal to its own indicator name.</summary>
    public const string TargetIsName = "RG307";

    /// <summary>Warning: a quantitative target whose actual is words.</summary>
    public const string ActualInWords = "RG308";

    /// <summary>Warning: no 实际完成值.</summary>
    public const string MissingActual = "RG309";

    /// <summary>Error: template prompt text left in 指标值 / 实际完成值 / 三级指标.</summary>
    public const string TemplateLeftover = "RG310";

    /// <summary>Warning: a 指标值 the parser could not understand (several numbers, contradictory operators…).</summary>
    public const string TargetNotUnderstood = "RG311";

    /// <summary>Warning: target and actual units do not compare (% against a count, 篇 against 场).</summary>
    public const string UnitMismatch = "RG312";

    /// <summary>Warning: an indicator that only the user can judge has no 完成情况.</summary>
    public const string MissingUserStatus = "RG313";

    /// <summary>Info: the user's 得分 for a quantitative indicator differs from the formula.</summary>
    public const string ScoreDiffers = "RG314";

    /// <summary>Info: the user's 完成情况 differs from the one computed.</summary>
    public const string StatusDiffers = "RG315";

    /// <summary>Warning: a 预算资金使用率 / 预算执行率 actual written differently from the computed rate.</summary>
    public const string ExecutionRateDiffers = "RG316";

    /// <summary>Error: neither 一级 nor 二级 names a group (产出 / 效益 / 满意度); the row is not scored.</summary>
    public const string UnknownGroup = "RG317";

    /// <summary>Error: 完成情况 is not one of 达成 / 部分达成 / 未达成.</summary>
    public const string BadUserStatus = "RG318";

    /// <summary>Warning: no execution rate (全年预算数 0): 预算执行率 scores 0.</summary>
    public const string NoExecutionRate = "RG319";

    /// <summary>Warning: a cost target equal to the start-of-year amount of a budget adjusted during the year, without 偏差原因.</summary>
    public const string TargetBeforeAdjustment = "RG320";
}
