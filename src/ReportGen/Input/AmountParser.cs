using System.Globalization;

namespace ReportGen.Input;

/// <summary>The outcome of reading one amount cell: a value in the workbook's unit context, or why not.</summary>
public readonly record struct AmountResult(decimal? Value, string? Problem)
{
    public bool IsBlank => Value is null && Problem is null;
}

/// <summary>
/// Reads money as finance staff type it (domain.md §2): numbers or numbers stored as text, thousands separators,
/// full-width digits, a trailing 万元 / 万 / 元 that overrides the sheet's unit, "-" or "—" for nothing.
/// Always returns 万元.
/// </summary>
public static class AmountParser
{
    private const decimal YuanPerWan = 10000m;

    /// <param name="value">The raw cell value.</param>
    /// <param name="defaultUnitIsYuan">Whether a bare number is in 元 (the workbook's or the column's unit).</param>
    public static AmountResult Parse(object? value, bool defaultUnitIsYuan)
    {
        decimal? number = value switch
        {
            null => null,
            double d when CellText.TryDecimal(d, out var m) => m,
            decimal m => m,
            int i => i,
            long l => l,
            _ => null,
        };
        if (number is { } n)
        {
            return new AmountResult(ToWan(n, defaultUnitIsYuan), null);
        }

        if (value is double)
        {
            return new AmountResult(null, "单元格的值不是有效数字或超出范围");
        }

        if (value is FormulaProblem formula)
        {
            return new AmountResult(null, "单元格" + formula.Describe());
        }

        if (value is DateTime)
        {
            return new AmountResult(null, "单元格是日期格式，应为金额");
        }

        return ParseText(TextNormalizer.FoldWidth(CellText.Of(value)), defaultUnitIsYuan);
    }

    private static AmountResult ParseText(string text, bool defaultUnitIsYuan)
    {
        if (text.Length == 0 || text is "-" or "—" or "－" or "/")
        {
            return default;
        }

        var body = text.Replace(",", "").Replace("，", "").Replace(" ", "");
        var isYuan = defaultUnitIsYuan;
        if (body.EndsWith("万元", StringComparison.Ordinal))
        {
            body = body[..^2];
            isYuan = false;
        }
        else if (body.EndsWith('万'))
        {
            body = body[..^1];
            isYuan = false;
        }
        else if (body.EndsWith('元'))
        {
            body = body[..^1];
            isYuan = true;
        }

        if (decimal.TryParse(body, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var parsed))
        {
            return new AmountResult(ToWan(parsed, isYuan), null);
        }

        return new AmountResult(null, $"“{text}”不是金额，请填写阿拉伯数字（如 30 或 30.00）");
    }

    // -0 becomes 0 so that it never prints as "-0.00".
    private static decimal ToWan(decimal value, bool isYuan)
    {
        var wan = isYuan ? value / YuanPerWan : value;
        return wan == 0 ? 0m : wan;
    }
}
