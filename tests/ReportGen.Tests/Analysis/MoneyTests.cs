using ReportGen.Model;

namespace ReportGen.Tests.Analysis;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0.125", "0.13")]
    [InlineData("2.675", "2.68")] // 2.675 as a double is 2.67499…; as a decimal it rounds up (四舍五入).
    [InlineData("0.005", "0.01")]
    [InlineData("-0.125", "-0.13")] // away from zero, not towards +∞
    [InlineData("560.75", "560.75")]
    [InlineData("245.8", "245.80")]
    [InlineData("0", "0.00")]
    [InlineData("1234567.891", "1234567.89")] // no thousands separator
    public void Format_rounds_half_away_from_zero_to_two_decimals(string value, string expected)
    {
        Assert.Equal(expected, Money.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Round2_is_decimal_rounding_not_banker_rounding()
    {
        Assert.Equal(0.13m, Money.Round2(0.125m));
        Assert.Equal(2.68m, Money.Round2(2.675m));
        Assert.Equal(0.12m, Money.Round2(0.1249999m));
    }

    [Theory]
    [InlineData("30", "30")]
    [InlineData("8.72", "8.72")]
    [InlineData("245.80", "245.8")]
    [InlineData("0.001", "0")]
    [InlineData("0", "0")]
    public void FormatCompact_drops_trailing_zeros(string value, string expected)
    {
        Assert.Equal(expected, Money.FormatCompact(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void FormatPercent_writes_two_decimals_and_no_space()
    {
        Assert.Equal("81.68%", Money.FormatPercent(458.04m / 560.75m));
        Assert.Equal("100.00%", Money.FormatPercent(1m));
        Assert.Equal("56.23%", Money.FormatPercent(71.03m / 126.32m));
        Assert.Equal("—", Money.FormatPercent(null));
    }

    [Fact]
    public void Rate_is_null_when_the_budget_is_zero()
    {
        Assert.Null(Money.Rate(0m, 0m));
        Assert.Null(Money.Rate(5m, 0m));
        Assert.Equal(0.5m, Money.Rate(1m, 2m));
    }
}
