using System.Globalization;

namespace ReportGen.Model;

/// <summary>
/// Display rules for money and rates (docs/domain.md §2): amounts are decimals in 万元, rounded only for display,
/// 四舍五入 (away from zero) to two places; rates are written like <c>81.68%</c>.
/// </summary>
public static class Money
{
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>"30.00" style, two decimals, no thousands separator (reports print 560.75, not 560.75 with commas).</summary>
    public static string Format(decimal value) => Round2(value).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The compact form the published reports use in sentences: 30, 8.72, 245.8, 0.</summary>
    public static string FormatCompact(decimal value)
    {
        var rounded = Round2(value);
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>A ratio (0.8168…) as "81.68%"; null when the base is zero.</summary>
    public static string FormatPercent(decimal? ratio) =>
        ratio is { } r ? Round2(r * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>Actual / final budget; null when there is no budget to divide by.</summary>
    public static decimal? Rate(decimal actual, decimal budget) => budget == 0 ? null : actual / budget;
}
