using ReportGen.Input;

namespace ReportGen.Tests.Input;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("融媒体中心专项经费 ", "融媒体中心专项经费")]
    [InlineData("融媒体中心\u200B专项经费", "融媒体中心专项经费")]
    [InlineData("\uFEFF融媒体中心专项经费\u00A0", "融媒体中心专项经费")]
    [InlineData("\u3000文明经费\u3000", "文明经费")]
    [InlineData("（１００字以内）", "(100字以内)")]
    [InlineData("2023年 代理记账", "2023年 代理记账")] // inner spaces kept
    [InlineData(null, "")]
    public void Clean_trims_folds_width_and_drops_invisible_characters(string? text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Clean(text));
    }

    [Fact]
    public void Key_drops_every_space_and_lower_cases()
    {
        Assert.Equal("2023年融媒体中心abc", TextNormalizer.Key("2023年\u3000融媒体 中心 ＡＢＣ"));
    }

    [Fact]
    public void CellText_writes_numbers_invariantly()
    {
        Assert.Equal("2023", CellText.Of(2023d));
        Assert.Equal("245.8", CellText.Of(245.8d));
        Assert.Equal("2023-12-31", CellText.Of(new DateTime(2023, 12, 31)));
        Assert.Equal("", CellText.Of(null));
    }
}
