namespace ReportGen.Output;

/// <summary>
/// Page and type settings for <see cref="DocxWriter"/>. <see cref="Default"/> follows GB/T 9704-2012 (docs/domain.md §7):
/// A4, top 37 mm, binding 28 mm, a 156 × 225 mm text block, 三号仿宋 body at a fixed 28.9 pt pitch (22 lines).
/// Font names are East Asian names written to w:rFonts/@eastAsia; a machine without them substitutes, so they are
/// settings rather than constants. Sizes are in half-points, as Word stores them (二号 = 44, 三号 = 32, 四号 = 28,
/// 小四 = 24, 五号 = 21).
/// </summary>
public sealed record DocxLayout
{
    public static DocxLayout Default { get; } = new();

    public string TitleFont { get; init; } = "方正小标宋简体";
    public string BodyFont { get; init; } = "仿宋_GB2312";
    public string Heading1Font { get; init; } = "黑体";
    public string Heading2Font { get; init; } = "楷体_GB2312";
    public string Heading3Font { get; init; } = "仿宋_GB2312";
    public string Heading4Font { get; init; } = "仿宋_GB2312";
    public string TableFont { get; init; } = "仿宋_GB2312";
    public string PageNumberFont { get; init; } = "宋体";

    /// <summary>Font for Latin letters and digits (w:rFonts/@ascii and @hAnsi).</summary>
    public string LatinFont { get; init; } = "Times New Roman";

    public int TitleSize { get; init; } = 44;
    public int BodySize { get; init; } = 32;

    /// <summary>五号: the 项目支出绩效自评表 has eight columns over 156 mm.</summary>
    public int TableSize { get; init; } = 21;
    public int PageNumberSize { get; init; } = 28;

    public decimal PageWidthMm { get; init; } = 210m;
    public decimal PageHeightMm { get; init; } = 297m;
    public decimal TopMarginMm { get; init; } = 37m;
    public decimal BottomMarginMm { get; init; } = 35m;

    /// <summary>The binding side (装订边).</summary>
    public decimal LeftMarginMm { get; init; } = 28m;

    /// <summary>210 − 28 − 156 = 26 mm.</summary>
    public decimal RightMarginMm { get; init; } = 26m;
    public decimal HeaderDistanceMm { get; init; } = 15m;

    /// <summary>
    /// From the page edge to the bottom of the page number. GB/T 9704 puts the number about 7 mm below the text
    /// block (which ends 35 mm above the edge); a 四号 line is about 5 mm high, so 35 − 7 − 5 = 23 mm.
    /// </summary>
    public decimal FooterDistanceMm { get; init; } = 23m;

    /// <summary>Exact line pitch: 225 mm / 22 lines ≈ 28.9 pt.</summary>
    public decimal LineSpacingPt { get; init; } = 28.9m;

    /// <summary>First-line indent of body text and headings, in characters of the paragraph's own size.</summary>
    public int FirstLineIndentChars { get; init; } = 2;

    /// <summary>Minimum table row height; a row grows with its text.</summary>
    public decimal TableRowMinHeightMm { get; init; } = 7m;

    internal static int MmToTwips(decimal mm) => (int)Math.Round(mm * 1440m / 25.4m, MidpointRounding.AwayFromZero);

    internal static int PtToTwips(decimal pt) => (int)Math.Round(pt * 20m, MidpointRounding.AwayFromZero);

    /// <summary>A character's width in twips at a size in half-points (CJK glyphs are square).</summary>
    internal static int CharTwips(int halfPoints) => halfPoints * 10;
}
