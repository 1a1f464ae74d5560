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

    /// <summary>The total, marked 暂定 while an indicator cannot be judged (docs/domain.md §5, provisional scores).</summary>
    public static string Total(ScopeScore score) => Vocabulary.Bundled.Provisional(Money.Format(score.Total), score.Provisional);

    /// <summary>The grade, marked 暂定 like the total.</summary>
    public static string Grade(ScopeScore score) => Vocabulary.Bundled.Provisional(score.Grade, score.Provisional);

    private static string W<T>(T value)
        where T : struct, Enum => Vocabulary.Bundled.Of(value);

    /// <summary>How <see cref="IndicatorScorer"/> scores (财预〔2020〕10号; src/ReportGen/Analysis/Indicators/README.md), for the reader.</summary>
    public static readonly string[] ScoringRules =
    [
        "总分 100 分：预算执行率 10 分，产出指标 50 分，效益指标 30 分，满意度指标 10 分；没有满意度指标时，其 10 分按比例并入产出和效益。",
        "预算执行率得分 = 实际支出 ÷ 全年预算（超过 100% 按 100% 计）× 10。",
        "一级指标内各指标的分值以工作簿“分值”列为准，未填写的平均分配。",
        $"“{W(IndicatorKind.AtLeast)}”指标：实际完成值达到指标值得满分，否则按 实际完成值 ÷ 指标值 × 分值 计分。",
        $"“{W(IndicatorKind.AtMost)}”指标（如成本）：不超过指标值得满分；超出不到一倍按超出的比例扣分；达到指标值两倍及以上得 0 分。",
        $"{W(IndicatorKind.Qualitative)}与{W(IndicatorKind.Deadline)}指标：{W(IndicatorStatus.Met)}得分值的 80%–100%，{W(IndicatorStatus.PartlyMet)} 60%–80%，"
            + $"{W(IndicatorStatus.NotMet)} 60% 以下；工作簿未给得分时分别按 100%、70%、30% 计。",
        "无法判断的指标（实际完成值缺失或无法读取，或需由填报人判断而未填完成情况）暂按 0 分计，总分和等级注明“暂定”，补齐后重新计算；原因见“说明”，所在单元格见检查结果。",
        $"各项得分保留两位小数（四舍五入），总分为各项之和；90 分及以上为{W(ScoreGrade.Excellent)}，80 分及以上为{W(ScoreGrade.Good)}，"
            + $"60 分及以上为{W(ScoreGrade.Fair)}，60 分以下为{W(ScoreGrade.Poor)}。",
    ];
}
