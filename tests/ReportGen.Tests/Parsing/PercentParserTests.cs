using ReportGen.Parsing;

namespace ReportGen.Tests.Parsing;

/// <summary>One reader of shares for the workbook's 支出计划 and the forms' 资金支出计划 (docs/import.md).</summary>
public sealed class PercentParserTests
{
    [Theory]
    [InlineData("25%", 0.25)]
    [InlineData("２５％", 0.25)]
    [InlineData("25", 0.25)]
    [InlineData("0.25", 0.25)]
    [InlineData("1", 1)]
    [InlineData("100%", 1)]
    [InlineData("33.33 %", 0.3333)]
    [InlineData("0", 0)]
    [InlineData("百分之二十五", 0.25)]
    [InlineData("百分之25", 0.25)]
    public void A_share_reads_the_same_however_it_is_written(string text, double expected) =>
        Assert.Equal((decimal)expected, PercentParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("过半")]
    [InlineData("-5%")]
    [InlineData("-0.2")]
    [InlineData("20万")]
    [InlineData("20元")]
    [InlineData("20万元")]
    [InlineData("38 57%")]
    [InlineData("38 57")]
    public void What_is_no_non_negative_number_is_no_share(string text) => Assert.Null(PercentParser.Parse(text));

    [Fact]
    public void A_number_cell_is_read_by_its_value_unless_it_shows_a_percent_sign()
    {
        Assert.Equal(0.2m, PercentParser.Parse("0.2", 0.2));
        Assert.Equal(0.2m, PercentParser.Parse("20%", 0.2));
        Assert.Equal(0.2m, PercentParser.Parse("20", 20.0));
    }
}
