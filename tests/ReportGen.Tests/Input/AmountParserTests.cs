using ReportGen.Input;

namespace ReportGen.Tests.Input;

public sealed class AmountParserTests
{
    private static decimal Wan(object? value, bool yuan = false)
    {
        var result = AmountParser.Parse(value, yuan);
        Assert.Null(result.Problem);
        return Assert.NotNull(result.Value);
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("30.00", 30)]
    [InlineData(" 245.80 ", 245.8)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("１２３４５", 12345)]         // full-width digits
    [InlineData("３０．５", 30.5)]            // full-width point
    [InlineData("1，234", 1234)]              // full-width comma as thousands separator
    [InlineData("30万元", 30)]
    [InlineData("30万", 30)]
    [InlineData("-5", -5)]
    [InlineData("1.5E2", 150)]
    public void Text_amounts_in_a_wan_workbook(string text, double expected)
    {
        Assert.Equal((decimal)expected, Wan(text));
    }

    [Theory]
    [InlineData("28,036,202.00", 2803.6202)] // the Liwan 2023 form
    [InlineData("１２３４５", 1.2345)]
    [InlineData("300000元", 30)]
    [InlineData("30万元", 30)] // an explicit 万元 wins over the workbook's 元
    public void Text_amounts_in_a_yuan_workbook(string text, double expected)
    {
        Assert.Equal((decimal)expected, Wan(text, yuan: true));
    }

    [Fact]
    public void A_trailing_yuan_overrides_a_wan_workbook()
    {
        Assert.Equal(30m, Wan("300,000元"));
    }

    [Fact]
    public void Numbers_are_taken_as_decimals()
    {
        Assert.Equal(245.8m, Wan(245.8d));
        Assert.Equal(0.1m, Wan(0.1d));
        Assert.Equal(2803.6202m, Wan(28036202d, yuan: true));
        Assert.Equal(12m, Wan(12));
        Assert.Equal(12m, Wan(12L));
        Assert.Equal(1.25m, Wan(1.25m));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("－")]
    [InlineData("/")]
    public void Blank_and_dash_mean_nothing(string? text)
    {
        Assert.True(AmountParser.Parse(text, false).IsBlank);
    }

    [Theory]
    [InlineData("三十万")]
    [InlineData("约30")]
    [InlineData("30%")]
    [InlineData("N/A")]
    public void Words_are_a_problem_naming_the_text(string text)
    {
        var result = AmountParser.Parse(text, false);
        Assert.Null(result.Value);
        Assert.Contains($"“{text}”不是金额", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_and_non_finite_numbers_are_problems()
    {
        Assert.NotNull(AmountParser.Parse(new DateTime(2023, 1, 1), false).Problem);
        Assert.NotNull(AmountParser.Parse(double.NaN, false).Problem);
    }

    [Fact]
    public void Negative_zero_becomes_zero()
    {
        Assert.Equal("0.00", ReportGen.Model.Money.Format(Wan("-0")));
        Assert.Equal("0.00", ReportGen.Model.Money.Format(Wan(-0.0d)));
    }
}
