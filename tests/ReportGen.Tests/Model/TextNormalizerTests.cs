using ReportGen.Input;
using ReportGen.Model;

namespace ReportGen.Tests.Model;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("融媒体中心专项经费 ", "融媒体中心专项经费")]
    [InlineData("融媒体中心\u200B专项经费", "融媒体中心专项经费")]
    [InlineData("\uFEFF融媒体中心专项经费\u00A0", "融媒体中心专项经费")]
    [InlineData("\u3000文明经费\u3000", "文明经费")]
    [InlineData("（一）负责全区宣传，组织协调", "（一）负责全区宣传，组织协调")] // the user's punctuation stays full-width
    [InlineData("2023年 代理记账", "2023年 代理记账")] // inner spaces kept
    [InlineData(null, "")]
    public void Clean_trims_and_drops_invisible_characters_but_keeps_punctuation(string? text, string expected)
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

    [Theory]
    [InlineData("（１００字以内）", "(100字以内)")]
    [InlineData("２８，０３６，２０２．００", "28,036,202.00")]
    [InlineData("\u200B３０\u00A0", "30")]
    public void FoldWidth_folds_full_width_ascii(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.FoldWidth(text));
}
