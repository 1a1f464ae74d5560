namespace ReportGen.Model;

/// <summary>
/// Every finding code, declared once: a constant per code, its severity and meaning in the summary. The codes are
/// stable (users and the bureau's tooling quote them) and each is documented in docs/workbook.md's code table
/// (<c>FindingCodeCatalogueTests</c> keeps the two equal). RG1xx reading and consistency of the workbook, RG3xx
/// indicators, RG5xx import of the start-of-year forms, RG6xx batch.
/// </summary>
internal static class FindingCodes
{
    // RG10x–RG11x: reading the workbook and line identities.

    /// <summary>Error: 预算执行 has no budget line under its header (a workbook from <c>reportgen new</c>).</summary>
    public const string NoBudgetLine = "RG100";

    /// <summary>Error: 全年预算数 ≠ 年初预算数 + 调整数.</summary>
    public const string FinalBudgetIdentity = "RG101";

    /// <summary>Error: 结余结转数 ≠ 全年预算数 − 实际支出数.</summary>
    public const string CarryOverIdentity = "RG102";

    /// <summary>Info: an identity off by no more than 0.01万元 per part (尾差).</summary>
    public const string RoundingDifference = "RG103";

    /// <summary>Info: a hidden sheet or hidden rows were read and counted.</summary>
    public const string HiddenContent = "RG104";

    /// <summary>Warning: a header appears twice in a sheet; the first column is used.</summary>
    public const string DuplicateHeader = "RG105";

    /// <summary>Error: an indicator row lacks a required column; the row is left out.</summary>
    public const string IndicatorRowIncomplete = "RG106";

    /// <summary>Error: an indicator's 分值 or 得分 is not a non-negative number.</summary>
    public const string IndicatorNumberInvalid = "RG107";

    /// <summary>Info: a footnote row under 预算执行, skipped.</summary>
    public const string FootnoteRow = "RG108";

    /// <summary>Error: a 支出计划 cell is not a percentage.</summary>
    public const string PlanNotPercent = "RG109";

    /// <summary>Error: an amount (or a 基本信息 amount) that cannot be read as it displays.</summary>
    public const string AmountUnreadable = "RG110";

    /// <summary>Error: a negative amount where none may be negative.</summary>
    public const string NegativeAmount = "RG111";

    /// <summary>Error: 支出类别 blank or not 基本支出 / 项目支出.</summary>
    public const string BadCategory = "RG112";

    /// <summary>Warning: 来源 not 年初预算 / 年中追加.</summary>
    public const string BadOrigin = "RG113";

    /// <summary>Warning: 资金来源 not one of the known sources.</summary>
    public const string BadFundingSource = "RG114";

    /// <summary>Error: a row with figures but no 项目名称.</summary>
    public const string NamelessRow = "RG115";

    /// <summary>Error: the same project twice in 预算执行.</summary>
    public const string DuplicateProject = "RG116";

    /// <summary>Warning: a 年中追加 line with a 年初预算数 above 0.</summary>
    public const string AddedLineWithInitialBudget = "RG117";

    /// <summary>Error: a formula cell outside the amounts without a usable result; read as blank.</summary>
    public const string FormulaProblem = "RG118";

    /// <summary>Warning: an amount cell merged over several rows; counted once.</summary>
    public const string MergedAmount = "RG119";

    // RG12x–RG13x: execution and spending progress.

    /// <summary>Error (Warning with a 偏差原因): 实际支出数 above 全年预算数.</summary>
    public const string Overspend = "RG120";

    /// <summary>Warning: 执行率 below 90% and no 偏差原因 (a placeholder in the report).</summary>
    public const string LowRateWithoutNote = "RG121";

    /// <summary>Warning: a budget adjustment and no 偏差原因 (a placeholder in the report).</summary>
    public const string AdjustmentWithoutNote = "RG122";

    /// <summary>Error: 实际支出数 blank on a line with a 全年预算数.</summary>
    public const string ActualMissing = "RG123";

    /// <summary>Warning: detail rows do not sum to their parent.</summary>
    public const string DetailsDoNotSum = "RG125";

    /// <summary>Info: rows read as details of the row above them.</summary>
    public const string DetailRows = "RG126";

    /// <summary>Error: 分季度支出 12月底 ≠ the line's 实际支出数.</summary>
    public const string YearEndDiffers = "RG131";

    /// <summary>Warning: spending behind the 支出计划 at a checkpoint and no 偏差原因 (a placeholder in the report).</summary>
    public const string BehindPlan = "RG132";

    /// <summary>Warning: 分季度支出 cumulative figures go down.</summary>
    public const string CumulativeDecreases = "RG133";

    /// <summary>Warning: a 支出计划 / 分季度支出 name matches no budget line.</summary>
    public const string ProgressNameUnmatched = "RG134";

    // RG14x–RG15x: typed totals and 附表1.

    /// <summary>Error: a typed 合计 / 小计 row ≠ the sum of its lines.</summary>
    public const string TypedTotal = "RG140";

    /// <summary>Error: 年初资金总额 ≠ the sum of the funding sources stated.</summary>
    public const string FundingSources = "RG150";

    /// <summary>Error: 年初资金总额 ≠ 年初基本支出 + 年初项目支出.</summary>
    public const string FundingParts = "RG151";

    /// <summary>Error: 年初基本支出 ≠ the 基本支出 lines.</summary>
    public const string BasicTotal = "RG152";

    /// <summary>Error: 年初项目支出 ≠ the 项目支出 lines.</summary>
    public const string ProjectsTotal = "RG153";

    // RG16x–RG18x: targets, names and text.

    /// <summary>Error: 项目目标 项目金额 ≠ the matched line's 年初预算数.</summary>
    public const string TargetAmount = "RG160";

    /// <summary>Error: a target-side project name matches no line.</summary>
    public const string TargetNameUnmatched = "RG170";

    /// <summary>Info: a target-side name matched only after normalising.</summary>
    public const string TargetNameNormalised = "RG171";

    /// <summary>Info: a 年初预算 project has no targets while others do.</summary>
    public const string ProjectWithoutTargets = "RG173";

    /// <summary>Warning: a blank form's prompt text left in a text cell or an indicator.</summary>
    public const string FormPromptLeft = "RG180";

    /// <summary>Warning: the same text under two different projects.</summary>
    public const string RepeatedText = "RG181";

    // RG19x: narrative (RG191–RG199 are placeholders in the report).

    /// <summary>Warning: 存在问题 says there are none although a rate is below 90%.</summary>
    public const string NoProblemsClaimed = "RG190";

    /// <summary>Warning: 存在问题 blank where section 四 asks for it.</summary>
    public const string ProblemsMissing = "RG191";

    /// <summary>Warning: 改进措施 blank.</summary>
    public const string MeasuresMissing = "RG192";

    /// <summary>Warning: 其他说明 blank.</summary>
    public const string OtherNotesMissing = "RG193";

    /// <summary>Warning: the department's 年度总体目标 blank.</summary>
    public const string DepartmentGoalMissing = "RG194";

    /// <summary>Warning: 主要职责 blank.</summary>
    public const string DutiesMissing = "RG195";

    /// <summary>Warning: a project with targets has no 年度目标.</summary>
    public const string ProjectGoalMissing = "RG196";

    /// <summary>Warning: a project's 实际完成情况 blank.</summary>
    public const string ProjectOutcomeMissing = "RG197";

    /// <summary>Warning: a 重点工作 has no 完成情况.</summary>
    public const string TaskOutcomeMissing = "RG198";

    /// <summary>Warning: a project line has no 主要用途.</summary>
    public const string PurposeMissing = "RG199";

    // RG2xx: what a chosen outline asks for beyond the workbook's own checks.

    /// <summary>
    /// Warning: the template prints a placeholder no other finding stands behind, such as an item only this outline
    /// asks for (湖南 自评结果应用情况); found by rendering the report (Rendering/MissingOutlineItems).
    /// </summary>
    public const string OutlineItemMissing = "RG200";

    // RG3xx: indicators (Analysis/Indicators).

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

    /// <summary>Error: a blank form's prompt text left in 指标值 / 实际完成值 / 三级指标.</summary>
    public const string IndicatorPromptLeft = "RG310";

    /// <summary>Warning: a 指标值 the parser could not understand (several numbers, contradictory operators…).</summary>
    public const string TargetNotUnderstood = "RG311";

    /// <summary>Warning: target and actual units do not compare (% against a count, 篇 against 场).</summary>
    public const string UnitMismatch = "RG312";

    /// <summary>Warning: an indicator that only the user can judge has no 完成情况.</summary>
    public const string MissingUserStatus = "RG313";

    /// <summary>Info: the user's 得分 for a quantitative indicator differs from the formula.</summary>
    public const string ScoreDiffers = "RG314";

    /// <summary>
    /// Warning: the user's 完成情况 differs from the one the numbers, dates or words give; the row is 无法判断 until
    /// they agree (the report never overrules the clerk nor repeats a verdict the data deny).
    /// </summary>
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

    /// <summary>Warning: a 资金支出计划 without 分季度支出 figures: the report cannot compare spending with the plan.</summary>
    public const string NoQuarterlySpending = "RG135";

    /// <summary>Warning: no 部门整体 indicator, so the department's score cannot be computed.</summary>
    public const string NoDepartmentIndicators = "RG321";

    /// <summary>
    /// Warning: the 实际完成值's words change what its number means (未, 不足, 预计, 较上年增加, 基本完成…) and
    /// decide no verdict; the row is 无法判断 until the measured value or the 完成情况 is written.
    /// </summary>
    public const string ActualNotMeasured = "RG330";

    /// <summary>Error: a bare fraction ("0.936", a General-formatted cell) against a percentage target: 93.6% or a slip.</summary>
    public const string BareFraction = "RG331";

    // RG5xx: import of the start-of-year forms (Import).

    /// <summary>Error: 附表1 项目支出 ≠ the imported projects' amounts.</summary>
    public const string ImportProjectTotal = "RG501";

    /// <summary>Error: 附表1 资金总额 ≠ its parts.</summary>
    public const string ImportDepartmentTotal = "RG502";

    /// <summary>Error: a 测算说明 at odds with its own figures.</summary>
    public const string ImportCalculationText = "RG503";

    /// <summary>Error: 支出明细 ≠ 项目金额 or its 合计 row.</summary>
    public const string ImportDetailSum = "RG504";

    /// <summary>Warning: an imported 指标值 left as the blank form's prompt.</summary>
    public const string ImportPromptText = "RG505";

    /// <summary>Error: 汇总表 ≠ its 合计, or ≠ 附表3 for the same project.</summary>
    public const string ImportSummaryTotal = "RG506";

    /// <summary>Warning: a 资金支出计划 that is not cumulative or leaves 0%–100%.</summary>
    public const string ImportSpendingPlan = "RG507";

    /// <summary>Error: 预算数 ≠ 财政资金 + 其他资金.</summary>
    public const string ImportFundingSplit = "RG508";

    /// <summary>Error: an amount in a form that the money reader refuses ("38,57"), as it would in a workbook.</summary>
    public const string ImportUnreadableAmount = "RG509";

    // RG6xx: batch (a workbook that yields no analysis still gets one row in the summary's finding sheet).

    /// <summary>Error: the workbook cannot be read (corrupt, not a spreadsheet, a missing sheet or required column).</summary>
    public const string BatchUnreadable = "RG601";

    /// <summary>Error: an unexpected failure while processing it (a bug, or the report could not be written).</summary>
    public const string BatchFailed = "RG602";

    /// <summary>Warning: two workbooks of the batch are the same department and year (ranked as two departments otherwise).</summary>
    public const string BatchDuplicate = "RG603";
}
