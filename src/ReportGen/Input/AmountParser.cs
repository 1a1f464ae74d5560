using ReportGen.Model;
using ReportGen.Parsing;

namespace ReportGen.Input;

/// <summary>The outcome of reading one amount cell: a value in the workbook's unit context, or why not.</summary>
internal readonly record struct AmountResult(decimal? Value, string? Problem)
{
    public bool IsBlank => Value is null && Problem is null;
}

/// <summary>
/// Reads money as finance staff type it (docs/domain.md §2): numbers or numbers stored as text, thousands separators,
/// full-width digits, a trailing 万元 / 万 / 元 that overrides the sheet's unit, "-" or "—" for nothing.
/// Always returns 万元. The number itself is read by <see cref="NumberParser"/>, the rules every reader shares; what is
/// added here is the cell (its type and number format), the unit and the amount's bound.
/// </summary>
internal static class AmountParser
{
    private const decimal YuanPerWan = 10000m;

    /// <param name="value">The raw cell value.</param>
    /// <param name="defaultUnitIsYuan">Whether a bare number is in 元 (the workbook's or the column's unit).</param>
    /// <param name="format">The cell's number format when it changes what the cell shows (docs/workbook.md).</param>
    public static AmountResult Parse(object? value, bool defaultUnitIsYuan, NumberFormat? format = null)
    {
        // A format of several sections shows each number by the section its sign or condition picks.
        if (value is double shown && format?.For(shown) is { } applied)
        {
            return ParseFormatted(shown, applied with { Code = format.Code }, defaultUnitIsYuan);
        }

        decimal? number = value switch
        {
            null => null,
            double d when NumberParser.TryDecimal(d, out var m) => m,
            decimal m => m,
            int i => i,
            long l => l,
            _ => null,
        };
        if (number is { } n)
        {
            return Bounded(ToWan(n, defaultUnitIsYuan));
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

    /// <summary>
    /// A number whose format changes what it shows: a percent is not an amount; a format that moves the point or
    /// scales (<c>0!.0000"万"</c>, <c>#,##0,,"万"</c>) shows another number than the stored one, so which of the two
    /// is meant cannot be known; words 万元 / 元 in the format give the unit, as they would typed after the number.
    /// </summary>
    private static AmountResult ParseFormatted(double value, NumberFormat format, bool defaultUnitIsYuan)
    {
        var stored = CellText.Number(value);
        var display = format.Display(value);
        if (format.Percent)
        {
            return new AmountResult(null, $"单元格是百分比格式（“{format.Code}”，显示为 {display}），不是金额。请把单元格格式改为“常规”或“数值”，填写金额");
        }

        if (format.ChangesMagnitude)
        {
            return new AmountResult(null,
                $"单元格的数字格式“{format.Code}”把存储的 {stored} 显示为“{display}”，显示的数与存储的数不同，无法确定金额。"
                + "请把单元格格式改为“常规”或“数值”，按工作簿的金额单位填写");
        }

        var isYuan = format.Words.Contains('万', StringComparison.Ordinal) ? false : format.Words.Contains('元', StringComparison.Ordinal) || defaultUnitIsYuan;
        return NumberParser.TryDecimal(value, out var number)
            ? Bounded(ToWan(number, isYuan))
            : new AmountResult(null, "单元格的值不是有效数字或超出范围");
    }

    private static AmountResult ParseText(string text, bool defaultUnitIsYuan)
    {
        if (text.Length == 0 || text is "-" or "—" or "－" or "/")
        {
            return default;
        }

        if (NumberParser.SplitBySpace(text).Success)
        {
            return new AmountResult(null, $"“{text}”的数字中间有空格，无法确定是哪个数。请去掉空格，填写阿拉伯数字（如 3857 或 3,857.00）");
        }

        var body = text.Replace(" ", "", StringComparison.Ordinal);
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

        if (body.Contains(',', StringComparison.Ordinal) && !NumberParser.IsWellGrouped(body))
        {
            return new AmountResult(null, $"“{text}”的千位分隔符位置不对（应从个位起每三位一个，如 1,234,567.89），无法确定金额");
        }

        if (NumberParser.Parse(body) is { } parsed)
        {
            return Bounded(ToWan(parsed, isYuan));
        }

        return new AmountResult(null, $"“{text}”不是金额，请填写阿拉伯数字（如 30 或 30.00）");
    }

    /// <summary>
    /// The largest amount read, in 万元 (10^12 万元, far above any public budget): sums of up to
    /// <see cref="WorkbookLoader.MaxCells"/> such amounts, and every rate computed from them, stay inside decimal's
    /// range, so an absurd cell is a finding, never an OverflowException.
    /// </summary>
    public const decimal MaxWan = 1_000_000_000_000m;

    private static AmountResult Bounded(decimal wan) => Math.Abs(wan) <= MaxWan
        ? new AmountResult(wan, null)
        : new AmountResult(null, $"超出范围（绝对值大于 {MaxWan:#,0} 万元），请检查是否多输了数字或单位有误");

    // -0 becomes 0 so that it never prints as "-0.00".
    private static decimal ToWan(decimal value, bool isYuan)
    {
        var wan = isYuan ? value / YuanPerWan : value;
        return wan == 0 ? 0m : wan;
    }
}
