using ReportGen.Input;

namespace ReportGen.Tests.Input;

public sealed class NumberFormatTests
{
    [Theory]
    [InlineData("General")]
    [InlineData("G/通用格式")]
    [InlineData("0.00")]
    [InlineData("#,##0.00_);[Red](#,##0.00)")]
    [InlineData("¥#,##0.00")]
    [InlineData("[$-804]#,##0")]
    [InlineData("yyyy-mm-dd")]
    [InlineData("")]
    [InlineData(null)]
    public void Formats_that_show_the_stored_number_are_not_kept(string? code)
    {
        Assert.Null(NumberFormat.Of(code));
    }

    [Theory]
    [InlineData("0%", 0.96, "96%")]
    [InlineData("0.00%", 0.9567, "95.67%")]
    [InlineData("0!.0000\"万\"", 123456, "12.3456万")]
    [InlineData("0\\.0000\"万元\"", 123456, "12.3456万元")]
    [InlineData("#,##0.00,,\"万\"", 123456, "0.123456万")]
    [InlineData("0.00\"万元\"", 30, "30万元")]
    [InlineData("G/通用格式\"篇\"", 3000, "3000篇")]
    [InlineData("0\"篇\";-0\"篇\"", 3000, "3000篇")]
    [InlineData("[红色]0%", -0.01, "-1%")]
    [InlineData("[<10000]0.00;0!.0000\"万\"", 246000, "24.6万")]
    [InlineData("[<10000]0.00;0!.0000\"万\"", 2460, "2460")]
    [InlineData("[>=10000]0!.0000\"万\";0.00", 2460, "2460")]
    [InlineData("[=1]\"是\";[=0]\"否\";0", 1, "1是")]
    [InlineData("0.00;-0.00%", -0.05, "-5%")]
    [InlineData("0.00;-0.00;0\"篇\"", 0, "0篇")]
    [InlineData("\"a;b\"0.00%;0", 0.5, "50%a;b")]
    public void Display_is_what_the_cell_shows_at_full_precision(string code, double value, string shown)
    {
        var format = NumberFormat.Of(code);
        Assert.NotNull(format);
        Assert.Equal(shown, format.For(value)?.Display(value) ?? CellText.Number(value));
    }

    [Fact]
    public void Magnitude_changes_are_told_apart_from_words_and_percents()
    {
        Assert.True(NumberFormat.Of("0!.0000\"万\"")!.ChangesMagnitude);
        Assert.True(NumberFormat.Of("#,##0,\"千元\"")!.ChangesMagnitude);
        Assert.False(NumberFormat.Of("0.00\"万元\"")!.ChangesMagnitude);
        Assert.False(NumberFormat.Of("0.0%")!.ChangesMagnitude);
        Assert.True(NumberFormat.Of("0.0%")!.Percent);
    }

    [Fact]
    public void Display_of_a_number_past_decimal_range_never_throws()
    {
        Assert.Equal("1E+300", NumberFormat.Of("0%")!.Display(1e300));
        Assert.Equal("NaN", NumberFormat.Of("0%")!.Display(double.NaN));
        Assert.NotNull(NumberFormat.Of("0%")!.Display(7e28));
    }
}
