using System.Collections.Concurrent;
using System.Text;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Output;

internal static partial class DocxWriter
{
    /// <summary>
    /// The parts of a report that depend on the layout (and a reference document) but not on the report: the package's
    /// parts before document.xml (content types, relationships) and after it (the two footers, settings, styles),
    /// each deflated once (<see cref="PackageZip.Deflated"/>), the section properties closing document.xml, and the
    /// text width tables are laid out over. Without a reference they are made once per layout and shared (a batch
    /// writes thousands of reports with one layout); with one they are made through the Open XML SDK, which the
    /// merge needs, and only then is the SDK loaded.
    /// </summary>
    private sealed record FixedParts(PackageZip.Deflated[] Before, PackageZip.Deflated[] After, string Section, int TextWidth)
    {
        /// <summary>Content types and relationships: the same for every layout.</summary>
        private static readonly PackageZip.Deflated[] Opening =
        [
            PackageZip.Deflated.Of("[Content_Types].xml", PackageParts.ContentTypes),
            PackageZip.Deflated.Of("_rels/.rels", PackageParts.PackageRelationships),
            PackageZip.Deflated.Of("word/_rels/document.xml.rels", PackageParts.DocumentRelationships),
        ];

        private static readonly ConcurrentDictionary<DocxLayout, FixedParts> Cache = new();

        public static FixedParts For(DocxLayout layout)
        {
            if (Cache.TryGetValue(layout, out var parts))
            {
                return parts;
            }

            if (Cache.Count >= 16)
            {
                Cache.Clear();
            }

            return Cache.GetOrAdd(layout, Build(layout, reference: null));
        }

        private static readonly ConcurrentDictionary<(DocxLayout Layout, string Path, long Length, long Ticks), FixedParts> WithReference = new();

        /// <summary>
        /// The parts for <paramref name="layout"/> merged with the reference document at <paramref name="referencePath"/>
        /// (none when null), made once per reference as long as the file keeps its size and time of change: a batch
        /// with <c>--style</c> reads and merges the reference once, not once per report.
        /// </summary>
        /// <exception cref="Model.InputException">The style reference cannot be read as a Word document.</exception>
        public static FixedParts For(DocxLayout layout, string? referencePath)
        {
            if (referencePath is null)
            {
                return For(layout);
            }

            var file = new FileInfo(Path.GetFullPath(referencePath));
            var key = (layout, file.FullName, file.Exists ? file.Length : -1, file.Exists ? file.LastWriteTimeUtc.Ticks : -1);
            if (WithReference.TryGetValue(key, out var parts))
            {
                return parts;
            }

            if (WithReference.Count >= 16)
            {
                WithReference.Clear();
            }

            return WithReference.GetOrAdd(key, Build(layout, StyleReference.Load(referencePath)));
        }

        public static FixedParts Build(DocxLayout layout, StyleReference? reference)
        {
            var styles = Part(xml => WriteStyles(xml, layout));
            var section = SectionXml(layout);
            var textWidth = TextWidthTwips(
                DocxLayout.MmToTwips(layout.PageWidthMm), DocxLayout.MmToTwips(layout.LeftMarginMm), DocxLayout.MmToTwips(layout.RightMarginMm), 0);
            if (reference is not null)
            {
                (styles, section, textWidth) = reference.Apply(styles, layout);
            }

            PackageZip.Deflated[] after =
            [
                PackageZip.Deflated.Of("word/footer1.xml", Part(xml => WriteFooter(xml, odd: true, layout))),
                PackageZip.Deflated.Of("word/footer2.xml", Part(xml => WriteFooter(xml, odd: false, layout))),
                PackageZip.Deflated.Of("word/settings.xml", Part(WriteSettings)),
                PackageZip.Deflated.Of("word/styles.xml", styles),
            ];
            return new FixedParts(Opening, after, section, textWidth);
        }

        private static byte[] Part(Action<PartXml> write)
        {
            using var stream = new MemoryStream();
            using (var xml = new PartXml(stream))
            {
                write(xml);
            }

            return stream.ToArray();
        }
    }

    /// <summary>
    /// A4 with GB/T 9704 margins, odd and even footers: the w:sectPr that ends the body. Declaring w: on it lets the
    /// SDK read it alone (the <c>--style</c> path); in document.xml the repeated declaration is harmless.
    /// </summary>
    private static string SectionXml(DocxLayout layout, bool declareNamespace = false)
    {
        var text = new StringBuilder(512);
        text.Append(declareNamespace ? $"<w:sectPr xmlns:w=\"{PartXml.Namespace}\">" : "<w:sectPr>");
        foreach (var (type, id) in new[] { ("default", RelationshipIds.OddFooter), ("even", RelationshipIds.EvenFooter) })
        {
            text.Append("<w:footerReference w:type=\"").Append(type).Append("\" r:id=\"").Append(id)
                .Append("\" xmlns:r=\"").Append(PartXml.RelationshipsNamespace).Append("\" />");
        }

        text.Append(Invariant, $"<w:pgSz w:w=\"{DocxLayout.MmToTwips(layout.PageWidthMm)}\" w:h=\"{DocxLayout.MmToTwips(layout.PageHeightMm)}\" />");
        text.Append(Invariant, $"<w:pgMar w:top=\"{DocxLayout.MmToTwips(layout.TopMarginMm)}\" w:right=\"{DocxLayout.MmToTwips(layout.RightMarginMm)}\"");
        text.Append(Invariant, $" w:bottom=\"{DocxLayout.MmToTwips(layout.BottomMarginMm)}\" w:left=\"{DocxLayout.MmToTwips(layout.LeftMarginMm)}\"");
        text.Append(Invariant, $" w:header=\"{DocxLayout.MmToTwips(layout.HeaderDistanceMm)}\" w:footer=\"{DocxLayout.MmToTwips(layout.FooterDistanceMm)}\" w:gutter=\"0\" />");
        text.Append("</w:sectPr>");
        return text.ToString();
    }

    /// <summary>The width tables span: the page less both margins and the gutter, and never under an inch.</summary>
    private static int TextWidthTwips(int pageWidth, int left, int right, int gutter) => Math.Max(1440, pageWidth - left - right - gutter);

    /// <summary>The text width of a section as a reference document set it (its missing values: A4, GB/T 9704).</summary>
    private static int TextWidthTwips(W.SectionProperties section)
    {
        var size = section.GetFirstChild<W.PageSize>();
        var margin = section.GetFirstChild<W.PageMargin>();
        return TextWidthTwips(
            (int)(size?.Width?.Value ?? 11906u),
            (int)(margin?.Left?.Value ?? 1587u),
            (int)(margin?.Right?.Value ?? 1474u),
            (int)(margin?.Gutter?.Value ?? 0u));
    }

    /// <summary>
    /// evenAndOddHeaders makes Word use the even footer on even pages (GB/T 9704: odd numbers right, even left);
    /// compatibilityMode 15 keeps Word out of compatibility mode.
    /// </summary>
    private static void WriteSettings(PartXml xml)
    {
        xml.Root("settings");
        xml.Start("defaultTabStop");
        xml.WordAttribute("val", 420);
        xml.End();
        xml.Empty("evenAndOddHeaders");
        xml.Empty("characterSpacingControl", "doNotCompress");
        xml.Start("compat");
        xml.Start("compatSetting");
        xml.WordAttribute("name", "compatibilityMode");
        xml.WordAttribute("uri", "http://schemas.microsoft.com/office/word");
        xml.WordAttribute("val", "15");
        xml.End();
        xml.End();
        xml.Start("themeFontLang");
        xml.WordAttribute("val", "en-US");
        xml.WordAttribute("eastAsia", "zh-CN");
        xml.End();
        xml.End();
    }

    /// <summary>
    /// "— 1 —" with a PAGE field. GB/T 9704 7.5: odd page numbers right with one character of space, even ones left.
    /// </summary>
    private static void WriteFooter(PartXml xml, bool odd, DocxLayout layout)
    {
        xml.Root("ftr");
        xml.Start("p");
        xml.Start("pPr");
        xml.Empty("pStyle", StyleIds.PageNumber);
        xml.Start("ind");
        xml.WordAttribute(odd ? "right" : "left", DocxLayout.CharTwips(layout.PageNumberSize));
        xml.End();
        xml.Empty("jc", odd ? "right" : "left");
        xml.End();
        WriteRun(xml, "— ", bold: false, placeholder: false);
        FieldChar(xml, "begin");
        xml.Start("r");
        xml.Start("instrText");
        xml.Attribute("xml:space", "preserve");
        xml.Text(" PAGE ");
        xml.End();
        xml.End();
        FieldChar(xml, "separate");
        xml.Start("r");
        xml.Start("t");
        xml.Text("1");
        xml.End();
        xml.End();
        FieldChar(xml, "end");
        WriteRun(xml, " —", bold: false, placeholder: false);
        xml.End();
        xml.End();

        static void FieldChar(PartXml xml, string type)
        {
            xml.Start("r");
            xml.Start("fldChar");
            xml.WordAttribute("fldCharType", type);
            xml.End();
            xml.End();
        }
    }

    private static IFormatProvider Invariant => System.Globalization.CultureInfo.InvariantCulture;
}
