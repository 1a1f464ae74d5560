namespace ReportGen.Analysis.Indicators;

/// <summary>Numbers in messages, culture-invariant, at most two decimals: 2886, 326.42, 81.68.</summary>
internal static class MessageNumber
{
    public static string Compact(decimal value) => Model.Money.FormatCompact(value);

    /// <summary>Two decimals, for scores and weights.</summary>
    public static string TwoDecimals(decimal value) => Model.Money.Format(value);
}
