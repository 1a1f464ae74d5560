namespace ReportGen.Analysis.Indicators;

/// <summary>A unit as written, its family (units that compare) and its size in the family's base unit.</summary>
internal sealed record UnitInfo(string Name, string Family, decimal Factor);

/// <summary>
/// The units seen in 指标值 cells (docs/domain.md §4, the Shifeng and Liwan 2023 forms). A unit and its "…次" form count the same thing
/// (篇 / 篇次, 场 / 场次, 人 / 人次 / 名); money converts to 万元, the unit every amount is shown in (docs/domain.md §2).
/// </summary>
internal static class Units
{
    private static readonly UnitInfo[] All =
    [
        new("万元", "元", 1m), new("亿元", "元", 10000m), new("千元", "元", 0.1m), new("元", "元", 0.0001m),
        new("%", "%", 1m), new("个百分点", "%", 1m), new("‰", "%", 0.1m),
        new("篇次", "篇", 1m), new("篇", "篇", 1m),
        new("场次", "场", 1m), new("场", "场", 1m),
        new("人次", "人", 1m), new("人", "人", 1m), new("名", "人", 1m), new("位", "人", 1m),
        new("组次", "组", 1m), new("组", "组", 1m),
        new("家", "家", 1m), new("个", "个", 1m), new("支", "支", 1m), new("次", "次", 1m), new("条", "条", 1m),
        new("期", "期", 1m), new("册", "册", 1m), new("本", "本", 1m), new("项", "项", 1m), new("件", "件", 1m),
        new("份", "份", 1m), new("户", "户", 1m), new("所", "所", 1m), new("处", "处", 1m), new("座", "座", 1m),
        new("轮", "轮", 1m), new("批", "批", 1m), new("部", "部", 1m), new("套", "套", 1m), new("台", "台", 1m),
        new("张", "张", 1m), new("幅", "幅", 1m), new("块", "块", 1m), new("类", "类", 1m), new("起", "起", 1m),
        new("课时", "课时", 1m), new("小时", "小时", 1m),
        new("天", "天", 1m), new("日", "天", 1m), new("周", "周", 1m),
        new("个月", "月", 1m), new("月", "月", 1m), new("年", "年", 1m),
        new("平方米", "平方米", 1m), new("㎡", "平方米", 1m), new("公里", "公里", 1m), new("千米", "公里", 1m), new("米", "米", 1m),
    ];

    private static readonly Dictionary<string, UnitInfo> ByName = All.ToDictionary(u => u.Name);

    /// <summary>Unit names, longest first, for a regex alternation (篇次 before 篇, 万元 before 元).</summary>
    internal static IEnumerable<string> NamesLongestFirst => All.Select(u => u.Name).OrderByDescending(n => n.Length);

    public static UnitInfo? Find(string? name) => name is not null && ByName.TryGetValue(name, out var unit) ? unit : null;
}
