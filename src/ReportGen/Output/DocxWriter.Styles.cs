using ReportGen.Model;

namespace ReportGen.Output;

internal static partial class DocxWriter
{
    /// <summary>
    /// The paragraph style ids the writer uses. They are stable: snapshot dumps show them, and a reference document
    /// restyles the report by defining styles with these ids or with the matching names (<see cref="Names"/>).
    /// </summary>
    public static class StyleIds
    {
        public const string Title = "RGTitle";
        public const string Heading1 = "RGHeading1";
        public const string Heading2 = "RGHeading2";
        public const string Heading3 = "RGHeading3";
        public const string Heading4 = "RGHeading4";
        public const string Body = "RGBody";
        public const string Centered = "RGCentered";
        public const string Right = "RGRight";
        public const string Plain = "RGPlain";
        public const string TableTitle = "RGTableTitle";
        public const string TableText = "RGTableText";
        public const string Note = "RGNote";
        public const string PageNumber = "RGPageNumber";

        /// <summary>
        /// Style names as Word shows them. Word may rename a style's id when it saves (Chinese names get ids such
        /// as "a3"), so a reference document is matched by name as well as by id.
        /// </summary>
        public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
        {
            [Title] = "RG 标题",
            [Heading1] = "RG 一级标题",
            [Heading2] = "RG 二级标题",
            [Heading3] = "RG 三级标题",
            [Heading4] = "RG 四级标题",
            [Body] = "RG 正文",
            [Centered] = "RG 居中",
            [Right] = "RG 居右",
            [Plain] = "RG 无缩进",
            [TableTitle] = "RG 表题",
            [TableText] = "RG 表格文字",
            [Note] = "RG 表注",
            [PageNumber] = "RG 页码",
        };

        /// <summary>Levels beyond 1..4 are clamped: the official outline has four heading levels.</summary>
        public static string Heading(int level) => Math.Clamp(level, 1, 4) switch
        {
            1 => Heading1,
            2 => Heading2,
            3 => Heading3,
            _ => Heading4,
        };

        public static string ForKind(ParagraphKind kind) => kind switch
        {
            ParagraphKind.Centered => Centered,
            ParagraphKind.Right => Right,
            ParagraphKind.Plain => Plain,
            _ => Body,
        };
    }

    private sealed record StyleSpec(
        string Id,
        string Font,
        int Size,
        string Align,
        bool Indent = false,
        bool Bold = false,
        int? OutlineLevel = null,
        bool ExactLine = true,
        bool KeepNext = false,
        int SpaceAfterTwips = 0,
        string? Latin = null);

    private static IEnumerable<StyleSpec> StyleSpecs(DocxLayout layout)
    {
        const string both = "both";
        const string center = "center";
        yield return new(StyleIds.Title, layout.TitleFont, layout.TitleSize, center, KeepNext: true,
            SpaceAfterTwips: DocxLayout.PtToTwips(layout.LineSpacingPt));
        yield return new(StyleIds.Heading1, layout.Heading1Font, layout.BodySize, both, Indent: true, OutlineLevel: 0, KeepNext: true);
        yield return new(StyleIds.Heading2, layout.Heading2Font, layout.BodySize, both, Indent: true, OutlineLevel: 1, KeepNext: true);
        yield return new(StyleIds.Heading3, layout.Heading3Font, layout.BodySize, both, Indent: true, Bold: true, OutlineLevel: 2, KeepNext: true);
        yield return new(StyleIds.Heading4, layout.Heading4Font, layout.BodySize, both, Indent: true, OutlineLevel: 3, KeepNext: true);
        yield return new(StyleIds.Body, layout.BodyFont, layout.BodySize, both, Indent: true);
        yield return new(StyleIds.Centered, layout.BodyFont, layout.BodySize, center);
        yield return new(StyleIds.Right, layout.BodyFont, layout.BodySize, "right");
        yield return new(StyleIds.Plain, layout.BodyFont, layout.BodySize, "left");
        yield return new(StyleIds.TableTitle, layout.BodyFont, layout.BodySize, center, Bold: true, KeepNext: true);
        yield return new(StyleIds.TableText, layout.TableFont, layout.TableSize, center, ExactLine: false);
        yield return new(StyleIds.Note, layout.TableFont, layout.TableSize, "left", ExactLine: false);
        // GB/T 9704 7.5: page numbers are 半角宋体 digits, so the Latin font is the page number font too.
        yield return new(StyleIds.PageNumber, layout.PageNumberFont, layout.PageNumberSize, "right", ExactLine: false,
            Latin: layout.PageNumberFont);
    }

    /// <summary>
    /// styles.xml. Each RG… style is complete in itself (no w:basedOn), so replacing one from a reference document
    /// cannot change another, and a reference's Normal style cannot leak into ours. Elements and attributes are
    /// in the schema's order, as the SDK wrote them.
    /// </summary>
    private static void WriteStyles(PartXml xml, DocxLayout layout)
    {
        xml.Root("styles");
        xml.Start("docDefaults");
        xml.Start("rPrDefault");
        xml.Start("rPr");
        Fonts(xml, layout.BodyFont, layout.LatinFont);
        Sizes(xml, layout.BodySize);
        xml.Start("lang");
        xml.WordAttribute("val", "en-US");
        xml.WordAttribute("eastAsia", "zh-CN");
        xml.End();
        xml.End();
        xml.End();
        xml.Empty("pPrDefault");
        xml.End();

        xml.Start("style");
        xml.WordAttribute("type", "paragraph");
        xml.WordAttribute("styleId", "Normal");
        xml.WordAttribute("default", "true");
        xml.Empty("name", "Normal");
        xml.Empty("qFormat");
        xml.Start("pPr");
        xml.Empty("jc", "both");
        xml.End();
        xml.End();

        foreach (var spec in StyleSpecs(layout))
        {
            WriteStyle(xml, spec, layout);
        }

        xml.End();
    }

    private static void WriteStyle(PartXml xml, StyleSpec spec, DocxLayout layout)
    {
        xml.Start("style");
        xml.WordAttribute("type", "paragraph");
        xml.WordAttribute("styleId", spec.Id);
        xml.WordAttribute("customStyle", "true");
        xml.Empty("name", StyleIds.Names[spec.Id]);
        xml.Empty("next", spec.Id == StyleIds.Title || spec.OutlineLevel is not null ? StyleIds.Body : spec.Id);
        xml.Empty("qFormat");

        xml.Start("pPr");
        if (spec.KeepNext)
        {
            xml.Empty("keepNext");
        }

        xml.Start("spacing");
        xml.WordAttribute("before", 0);
        xml.WordAttribute("after", spec.ExactLine ? spec.SpaceAfterTwips : 0);
        xml.WordAttribute("line", spec.ExactLine ? DocxLayout.PtToTwips(layout.LineSpacingPt) : 240);
        xml.WordAttribute("lineRule", spec.ExactLine ? "exact" : "auto");
        xml.End();

        // firstLineChars is what Word and WPS honour; firstLine (twips) is the fallback for readers that ignore it.
        xml.Start("ind");
        if (spec.Indent)
        {
            xml.WordAttribute("firstLine", layout.FirstLineIndentChars * DocxLayout.CharTwips(spec.Size));
            xml.WordAttribute("firstLineChars", layout.FirstLineIndentChars * 100);
        }
        else
        {
            xml.WordAttribute("left", 0);
            xml.WordAttribute("right", 0);
            xml.WordAttribute("firstLine", 0);
            xml.WordAttribute("firstLineChars", 0);
        }

        xml.End();
        xml.Empty("jc", spec.Align);
        if (spec.OutlineLevel is { } level)
        {
            xml.Start("outlineLvl");
            xml.WordAttribute("val", level);
            xml.End();
        }

        xml.End();

        xml.Start("rPr");
        Fonts(xml, spec.Font, spec.Latin ?? layout.LatinFont);
        if (spec.Bold)
        {
            xml.Empty("b");
            xml.Empty("bCs");
        }

        Sizes(xml, spec.Size);
        xml.End();
        xml.End();
    }

    private static void Fonts(PartXml xml, string eastAsia, string latin)
    {
        xml.Start("rFonts");
        xml.WordAttribute("hint", "eastAsia");
        xml.WordAttribute("ascii", latin);
        xml.WordAttribute("hAnsi", latin);
        xml.WordAttribute("eastAsia", eastAsia);
        xml.WordAttribute("cs", latin);
        xml.End();
    }

    private static void Sizes(PartXml xml, int halfPoints)
    {
        xml.Start("sz");
        xml.WordAttribute("val", halfPoints);
        xml.End();
        xml.Start("szCs");
        xml.WordAttribute("val", halfPoints);
        xml.End();
    }
}
