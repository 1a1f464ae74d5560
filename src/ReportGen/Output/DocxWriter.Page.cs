using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Output;

public static partial class DocxWriter
{
    /// <summary>A4 with GB/T 9704 margins, odd and even footers.</summary>
    private static W.SectionProperties BuildSection(DocxLayout layout) => new(
        new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = RelationshipIds.OddFooter },
        new W.FooterReference { Type = W.HeaderFooterValues.Even, Id = RelationshipIds.EvenFooter },
        new W.PageSize
        {
            Width = (uint)DocxLayout.MmToTwips(layout.PageWidthMm),
            Height = (uint)DocxLayout.MmToTwips(layout.PageHeightMm),
        },
        new W.PageMargin
        {
            Top = DocxLayout.MmToTwips(layout.TopMarginMm),
            Right = (uint)DocxLayout.MmToTwips(layout.RightMarginMm),
            Bottom = DocxLayout.MmToTwips(layout.BottomMarginMm),
            Left = (uint)DocxLayout.MmToTwips(layout.LeftMarginMm),
            Header = (uint)DocxLayout.MmToTwips(layout.HeaderDistanceMm),
            Footer = (uint)DocxLayout.MmToTwips(layout.FooterDistanceMm),
            Gutter = 0,
        });

    private static int TextWidthTwips(W.SectionProperties section)
    {
        var size = section.GetFirstChild<W.PageSize>();
        var margin = section.GetFirstChild<W.PageMargin>();
        var width = (int)(size?.Width?.Value ?? 11906u);
        var left = (int)(margin?.Left?.Value ?? 1587u);
        var right = (int)(margin?.Right?.Value ?? 1474u);
        var gutter = (int)(margin?.Gutter?.Value ?? 0u);
        return Math.Max(1440, width - left - right - gutter);
    }

    /// <summary>
    /// evenAndOddHeaders makes Word use the even footer on even pages (GB/T 9704: odd numbers right, even left);
    /// compatibilityMode 15 keeps Word out of compatibility mode.
    /// </summary>
    private static W.Settings BuildSettings() => new(
        new W.DefaultTabStop { Val = 420 },
        new W.EvenAndOddHeaders(),
        new W.CharacterSpacingControl { Val = W.CharacterSpacingValues.DoNotCompress },
        new W.Compatibility(new W.CompatibilitySetting
        {
            Name = W.CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new W.ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });

    /// <summary>
    /// "— 1 —" with a PAGE field. GB/T 9704 7.5: odd page numbers right with one character of space, even ones left.
    /// </summary>
    private static W.Footer BuildFooter(bool odd, DocxLayout layout)
    {
        var oneCharacter = DocxLayout.CharTwips(layout.PageNumberSize).ToString(Invariant);
        var properties = new W.ParagraphProperties
        {
            ParagraphStyleId = new W.ParagraphStyleId { Val = StyleIds.PageNumber },
            Indentation = odd ? new W.Indentation { Right = oneCharacter } : new W.Indentation { Left = oneCharacter },
            Justification = new W.Justification { Val = odd ? W.JustificationValues.Right : W.JustificationValues.Left },
        };
        var paragraph = new W.Paragraph(properties);
        paragraph.Append(Runs("— ", bold: false));
        paragraph.Append(
            new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
            new W.Run(new W.FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
            new W.Run(new W.Text("1")),
            new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End }));
        paragraph.Append(Runs(" —", bold: false));
        return new W.Footer(paragraph);
    }
}
