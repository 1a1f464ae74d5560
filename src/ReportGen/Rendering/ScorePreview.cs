using ReportGen.Analysis.Indicators;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// The indicator scores as rows, shared by every preview format (Markdown, CSV, HTML; the terminal table draws the
/// same columns): one row per indicator, one per scope's score, and the scoring rules in words.
/// </summary>
public static class ScorePreview
{
    public static readonly string[] IndicatorHeaders =
        ["归属", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "类型", "完成情况", "分值", "得分", "说明"];

    /// <summary>How each indicator column is aligned: <c>l</c>eft (texts), <c>c</c>entre, <c>r</c>ight (分值, 得分).</summary>
    public static readonly char[] IndicatorAlignment = ['c', 'c', 'c', 'l', 'c', 'c', 'c', 'c', 'r', 'r', 'l'];

    public static string[] IndicatorCells(IndicatorResult result) =>
    [
        result.Row.Scope, result.Row.Level1, result.Row.Level2, result.Row.Level3, result.Row.Target, result.ActualText,
        result.KindName, result.StatusName, Money.Format(result.Weight), Money.Format(result.Score), result.Reason,
    ];

    public static readonly string[] ScoreHeaders = ["归属", "预算执行率(10)", "产出", "效益", "满意度", "总分", "等级"];

    public static string[] ScoreCells(ScopeScore score) =>
    [
        score.Scope, Money.Format(score.ExecutionRate), Money.Format(score.Output), Money.Format(score.Outcome),
        Money.Format(score.Satisfaction), Total(score), Grade(score),
    ];

    /// <summary>
    /// The total, or while an indicator cannot be judged the range from it (undecided at 0) to its ceiling (undecided at
    /// full weight), marked 暂定 (docs/domain.md, "Provisional scores as a range").
    /// </summary>
    public static string Total(ScopeScore score) =>
        Vocabulary.Bundled.Total(Money.Format(score.Total), Money.Format(score.Ceiling), score.Provisional);

    /// <summary>The grade once the range lies in one band; 待定 before.</summary>
    public static string Grade(ScopeScore score) => score.Grade;

    /// <summary>The score as one phrase: "97.82 分（优）", or "14.97至57.30 分（暂定），等级待定".</summary>
    public static string Phrase(ScopeScore score) => !score.Provisional
        ? $"{Money.Format(score.Total)} 分（{score.Grade}）"
        : $"{Money.Format(score.Total)}至{Money.Format(score.Ceiling)} 分（暂定），{(score.GradeDecided ? $"等级“{score.Grade}”" : "等级待定")}";

    private static string Word<T>(T value)
        where T : struct, Enum => Vocabulary.Bundled.Of(value);

    /// <summary>How <see cref="IndicatorScorer"/> scores (财预〔2020〕10号; src/ReportGen/Analysis/Indicators/README.md), for the reader.</summary>
    public static readonly string[] ScoringRules =
    [
        "总分 100 分：预算执行率 10 分，产出指标 50 分，效益指标 30 分，满意度指标 10 分；没有满意度指标时，其 10 分按比例并入产出和效益。",
        "预算执行率得分 = 实际支出 ÷ 全年预算（超过 100% 按 100% 计）× 10。",
        "一级指标内各指标的分值以工作簿“分值”列为准，未填写的平均分配。",
        $"“{Word(IndicatorKind.AtLeast)}”指标：实际完成值达到指标值得满分，否则按 实际完成值 ÷ 指标值 × 分值 计分。",
        $"“{Word(IndicatorKind.AtMost)}”指标（如成本）：不超过指标值得满分；超出不到一倍按超出的比例扣分；达到指标值两倍及以上得 0 分。",
        $"{Word(IndicatorKind.Qualitative)}与{Word(IndicatorKind.Deadline)}指标：{Word(IndicatorStatus.Met)}得分值的 80%–100%，{Word(IndicatorStatus.PartlyMet)} 60%–80%，"
            + $"{Word(IndicatorStatus.NotMet)} 60% 以下；工作簿未给得分时分别按 100%、70%、30% 计。",
        "无法判断的指标（实际完成值缺失、无法读取或其文字不是实际完成的数值，或需由填报人判断而未填完成情况）暂按 0 分计；总分写成区间（这些指标按 0 分至按满分计），注明“暂定”，区间跨两个等级时等级“待定”，补齐后重新计算；原因见“说明”，所在单元格见检查结果。",
        $"各项得分保留两位小数（四舍五入），总分为各项之和；90 分及以上为{Word(ScoreGrade.Excellent)}，80 分及以上为{Word(ScoreGrade.Good)}，"
            + $"60 分及以上为{Word(ScoreGrade.Fair)}，60 分以下为{Word(ScoreGrade.Poor)}。",
    ];
}
