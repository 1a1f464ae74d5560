using DocumentFormat.OpenXml;
using ReportGen.Model;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Output;

public static partial class DocxWriter
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
        W.JustificationValues Align,
        bool Indent = false,
        bool Bold = false,
        int? OutlineLevel = null,
        bool ExactLine = true,
        bool KeepNext = false,
        int SpaceAfterTwips = 0,
        string? Latin = null);

    private static IEnumerable<StyleSpec> StyleSpecs(DocxLayout layout)
    {
        var both = W.JustificationValues.Both;
        var center = W.JustificationValues.Center;
        yield return new(StyleIds.Title, layout.TitleFont, layout.TitleSize, center, KeepNext: true,
            SpaceAfterTwips: DocxLayout.PtToTwips(layout.LineSpacingPt));
        yield return new(StyleIds.Heading1, layout.Heading1Font, layout.BodySize, both, Indent: true, OutlineLevel: 0, KeepNext: true);
        yield return new(StyleIds.Heading2, layout.Heading2Font, layout.BodySize, both, Indent: true, OutlineLevel: 1, KeepNext: true);
        yield return new(StyleIds.Heading3, layout.Heading3Font, layout.BodySize, both, Indent: true, Bold: true, OutlineLevel: 2, KeepNext: true);
        yield return new(StyleIds.Heading4, layout.Heading4Font, layout.BodySize, both, Indent: true, OutlineLevel: 3, KeepNext: true);
        yield return new(StyleIds.Body, layout.BodyFont, layout.BodySize, both, Indent: true);
        yield return new(StyleIds.Centered, layout.BodyFont, layout.BodySize, center);
        yield return new(StyleIds.Right, layout.BodyFont, layout.BodySize, W.JustificationValues.Right);
        yield return new(StyleIds.Plain, layout.BodyFont, layout.BodySize, W.JustificationValues.Left);
        yield return new(StyleIds.TableTitle, layout.BodyFont, layout.BodySize, center, Bold: true, KeepNext: true);
        yield return new(StyleIds.TableText, layout.TableFont, layout.TableSize, center, ExactLine: false);
        yield return new(StyleIds.Note, layout.TableFont, layout.TableSize, W.JustificationValues.Left, ExactLine: false);
        // GB/T 9704 7.5: page numbers are 半角宋体 digits, so the Latin font is the page number font too.
        yield return new(StyleIds.PageNumber, layout.PageNumberFont, layout.PageNumberSize, W.JustificationValues.Right, ExactLine: false,
            Latin: layout.PageNumberFont);
    }

    /// <summary>
    /// styles.xml. Each RG… style is complete in itself (no w:basedOn), so replacing one from a reference document
    /// cannot change another, and a reference's Normal style cannot leak into ours.
    /// </summary>
    private static W.Styles BuildStyles(DocxLayout layout)
    {
        var styles = new W.Styles(
            new W.DocDefaults(
                new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                    Fonts(layout.BodyFont, layout.LatinFont),
                    new W.FontSize { Val = Half(layout.BodySize) },
                    new W.FontSizeComplexScript { Val = Half(layout.BodySize) },
                    new W.Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new W.ParagraphPropertiesDefault()),
            new W.Style(
                new W.StyleName { Val = "Normal" },
                new W.PrimaryStyle(),
                new W.StyleParagraphProperties(new W.Justification { Val = W.JustificationValues.Both }))
            {
                Type = W.StyleValues.Paragraph, StyleId = "Normal", Default = true,
            });
        foreach (var spec in StyleSpecs(layout))
        {
            styles.Append(BuildStyle(spec, layout));
        }

        return styles;
    }

    private static W.Style BuildStyle(StyleSpec spec, DocxLayout layout)
    {
        var paragraph = new W.StyleParagraphProperties();
        if (spec.KeepNext)
        {
            paragraph.KeepNext = new W.KeepNext();
        }

        paragraph.SpacingBetweenLines = spec.ExactLine
            ? new W.SpacingBetweenLines
            {
                Before = "0", After = spec.SpaceAfterTwips.ToString(Invariant),
                Line = DocxLayout.PtToTwips(layout.LineSpacingPt).ToString(Invariant), LineRule = W.LineSpacingRuleValues.Exact,
            }
            : new W.SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto };

        // firstLineChars is what Word and WPS honour; firstLine (twips) is the fallback for readers that ignore it.
        paragraph.Indentation = spec.Indent
            ? new W.Indentation
            {
                FirstLineChars = layout.FirstLineIndentChars * 100,
                FirstLine = (layout.FirstLineIndentChars * DocxLayout.CharTwips(spec.Size)).ToString(Invariant),
            }
            : new W.Indentation { FirstLineChars = 0, FirstLine = "0", Left = "0", Right = "0" };
        paragraph.Justification = new W.Justification { Val = spec.Align };
        if (spec.OutlineLevel is { } level)
        {
            paragraph.OutlineLevel = new W.OutlineLevel { Val = level };
        }

        var run = new W.StyleRunProperties { RunFonts = Fonts(spec.Font, spec.Latin ?? layout.LatinFont) };
        if (spec.Bold)
        {
            run.Bold = new W.Bold();
            run.BoldComplexScript = new W.BoldComplexScript();
        }

        run.FontSize = new W.FontSize { Val = Half(spec.Size) };
        run.FontSizeComplexScript = new W.FontSizeComplexScript { Val = Half(spec.Size) };
        return new W.Style(
            new W.StyleName { Val = StyleIds.Names[spec.Id] },
            new W.NextParagraphStyle { Val = spec.Id == StyleIds.Title || spec.OutlineLevel is not null ? StyleIds.Body : spec.Id },
            new W.PrimaryStyle(),
            paragraph,
            run)
        {
            Type = W.StyleValues.Paragraph, StyleId = spec.Id, CustomStyle = true,
        };
    }

    private static W.RunFonts Fonts(string eastAsia, string latin) => new()
    {
        Ascii = latin, HighAnsi = latin, ComplexScript = latin, EastAsia = eastAsia,
        Hint = W.FontTypeHintValues.EastAsia,
    };

    private static string Half(int halfPoints) => halfPoints.ToString(Invariant);

    private static IFormatProvider Invariant => System.Globalization.CultureInfo.InvariantCulture;
}
