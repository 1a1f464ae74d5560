using System.Globalization;
using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>What a 支出测算依据及过程说明 text states, in 万元.</summary>
internal sealed record CalculationText(
    decimal? StatedTotal,
    string? StatedTotalText,
    IReadOnlyList<decimal> Items,
    IReadOnlyList<(string Expression, decimal Computed, decimal Stated)> WrongProducts);

/// <summary>
/// Reads the figures in a 测算说明: the total it states ("共计15万元", else the result of its only "=" as in
/// "0.8万*12次=9.6万元"), the item amounts before that total ("…10万元；…7万元；…3万元" and products such as
/// "1万元*8" or "2500元*60场"), and any "a*b=c" whose arithmetic is wrong. The published Shifeng 2023 附表3 文明建设 row 1 states
/// 共计15万元 over items 10 + 7 + 3 = 20 and an amount of 20万.
/// </summary>
internal static partial class CalculationTextParser
{
    public static CalculationText Parse(string? text, FormUnit unit)
    {
        var clean = TextNormalizer.Clean(text).Replace("，", ",", StringComparison.Ordinal);
        var totals = TotalPattern().Matches(clean);
        decimal? stated = null;
        string? statedText = null;
        var itemsText = "";
        if (totals.Count > 0)
        {
            var last = totals[^1];
            stated = Amount(last.Groups["n"].Value, last.Groups["u"].Value, unit);
            statedText = last.Value;
            itemsText = clean[..last.Index];
        }
        else if (clean.Count(ch => ch == '=') == 1 && ResultPattern().Match(clean) is { Success: true } result)
        {
            stated = Amount(result.Groups["n"].Value, result.Groups["u"].Value, unit);
            statedText = result.Value;
        }

        var items = new List<decimal>();
        foreach (var part in Separators().Split(itemsText))
        {
            if (part.Contains('=', StringComparison.Ordinal))
            {
                if (ResultPattern().Match(part[part.LastIndexOf('=')..]) is { Success: true } r)
                {
                    items.Add(Amount(r.Groups["n"].Value, r.Groups["u"].Value, unit));
                }

                continue;
            }

            foreach (Match term in MoneyTerm().Matches(part))
            {
                var value = term.Groups["n"].Success
                    ? Amount(term.Groups["n"].Value, term.Groups["u"].Value, unit)
                    : Amount(term.Groups["n2"].Value, term.Groups["u2"].Value, unit);
                var factor = term.Groups["f"].Success ? Number(term.Groups["f"].Value)
                    : term.Groups["f2"].Success ? Number(term.Groups["f2"].Value) : 1m;
                items.Add(value * factor);
            }
        }

        var wrong = new List<(string, decimal, decimal)>();
        foreach (Match product in ProductPattern().Matches(clean))
        {
            var moneyUnit = product.Groups["ua"].Success ? product.Groups["ua"].Value
                : product.Groups["ub"].Success ? product.Groups["ub"].Value : product.Groups["uc"].Value;
            var a = product.Groups["ua"].Success ? Amount(product.Groups["a"].Value, moneyUnit, unit) : Number(product.Groups["a"].Value);
            var b = product.Groups["ub"].Success ? Amount(product.Groups["b"].Value, moneyUnit, unit) : Number(product.Groups["b"].Value);
            if (!product.Groups["ua"].Success && !product.Groups["ub"].Success)
            {
                a = Amount(product.Groups["a"].Value, moneyUnit, unit);
            }

            var c = Amount(product.Groups["c"].Value, product.Groups["uc"].Success ? product.Groups["uc"].Value : moneyUnit, unit);
            if (Math.Abs(a * b - c) > 0.005m)
            {
                wrong.Add((product.Value, a * b, c));
            }
        }

        return new CalculationText(stated, statedText, items.Count >= 2 ? items : [], wrong);
    }

    private static decimal Amount(string number, string unitText, FormUnit unit) =>
        FormText.ReadAmount(number + unitText, unit).Value ?? 0m;

    private static decimal Number(string number) => decimal.Parse(number, NumberStyles.Number, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?:共计|合计|总计|共)\s*(?<n>\d+(?:\.\d+)?)\s*(?<u>万元|万|元)?")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"=\s*(?<n>\d+(?:\.\d+)?)\s*(?<u>万元|万|元)?")]
    private static partial Regex ResultPattern();

    [GeneratedRegex(@"[;；,。\n]")]
    private static partial Regex Separators();

    /// <summary>"10万元", "1万元*8", "2500元*60场", "3000篇次*0.01万元".</summary>
    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?<u>万元|万|元)(?:\s*[*×xX]\s*(?<f>\d+(?:\.\d+)?))?|(?<f2>\d+(?:\.\d+)?)\s*[^\d\s*×=]{0,3}\s*[*×]\s*(?<n2>\d+(?:\.\d+)?)\s*(?<u2>万元|万|元)")]
    private static partial Regex MoneyTerm();

    /// <summary>"0.8万*12次=9.6万元", "1.35*4次=5.4万", "3000篇次*0.01万元=30万".</summary>
    [GeneratedRegex(@"(?<a>\d+(?:\.\d+)?)\s*(?<ua>万元|万|元)?[^\d*×=,;]{0,4}[*×]\s*(?<b>\d+(?:\.\d+)?)\s*(?<ub>万元|万|元)?[^\d=,;]{0,4}=\s*(?<c>\d+(?:\.\d+)?)\s*(?<uc>万元|万|元)?")]
    private static partial Regex ProductPattern();
}
