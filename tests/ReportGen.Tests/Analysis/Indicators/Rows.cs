using ReportGen.Model;

namespace ReportGen.Tests.Analysis.Indicators;

/// <summary>Builds 绩效指标 rows in test code (small inputs are built in tests, not committed as files).</summary>
internal static class Rows
{
    private static readonly string[] Fields = ["归属", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "完成情况", "得分", "偏差原因"];
    private static int Next = 2;

    public static IndicatorRow Row(
        string level1,
        string level2,
        string level3,
        string target,
        string? actual = null,
        decimal? weight = null,
        string? status = null,
        decimal? score = null,
        string? note = null,
        string scope = IndicatorRow.DepartmentScope) => new()
        {
            Scope = scope,
            Level1 = level1,
            Level2 = level2,
            Level3 = level3,
            Target = target,
            Actual = actual,
            Weight = weight,
            UserStatus = status,
            UserScore = score,
            DeviationNote = note,
            Location = new SourceLocation("sample.xlsx", "绩效指标", Interlocked.Increment(ref Next)),
            Columns = Fields.Select((f, i) => (f, i + 1)).ToDictionary(p => p.f, p => p.Item2),
        };

    public static IndicatorRow OutputRow(string level3, string target, string? actual = null, decimal? weight = null, string level2 = "数量指标",
        string? status = null, decimal? score = null, string? note = null) =>
        Row("产出指标", level2, level3, target, actual, weight, status, score, note);

    public static IndicatorRow OutcomeRow(string level3, string target, string? actual = null, decimal? weight = null, string? status = null,
        decimal? score = null, string? note = null) =>
        Row("效益指标", "社会效益指标", level3, target, actual, weight, status, score, note);

    public static IndicatorRow SatisfactionRow(string level3, string target, string? actual = null, decimal? weight = null, string? status = null,
        decimal? score = null) =>
        Row("满意度指标", "服务对象满意度指标", level3, target, actual, weight, status, score);
}
