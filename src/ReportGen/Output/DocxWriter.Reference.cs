using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Model;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Output;

internal static partial class DocxWriter
{
    /// <summary>Reads a <c>--style</c> reference once, so that a batch refuses a bad one before any report.</summary>
    /// <exception cref="InputException">The style reference cannot be read as a Word document.</exception>
    public static void CheckStyleReference(string path) => _ = StyleReference.Load(path);

    /// <summary>
    /// A user's reference .docx (<c>--style</c>), used as pandoc uses --reference-doc: its styles whose id or name
    /// matches one of ours replace ours, and its page size and margins, if it sets them, replace the layout's.
    /// Styles ours do not use are ignored, so a reference made from any Word document is safe.
    /// </summary>
    private sealed class StyleReference
    {
        private readonly List<W.Style> _styles;
        private readonly W.PageSize? _pageSize;
        private readonly W.PageMargin? _pageMargin;

        private StyleReference(List<W.Style> styles, W.PageSize? pageSize, W.PageMargin? pageMargin)
        {
            _styles = styles;
            _pageSize = pageSize;
            _pageMargin = pageMargin;
        }

        public static StyleReference Load(string path)
        {
            // Read whole and bounded first: a FIFO or a device must not block or fill the memory (docs/errors.md).
            var bytes = Files.InputFile.ReadAllBytes(path, Files.InputFile.MaxDocumentBytes, "样式参考文档");
            Files.InputFile.CheckPackageSize(bytes, path, "样式参考文档");
            Files.InputFile.CheckXmlDepth(bytes, path, "样式参考文档");
            try
            {
                using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
                var main = document.MainDocumentPart;
                var styles = main?.StyleDefinitionsPart?.Styles?.Elements<W.Style>()
                    .Select(style => (W.Style)style.CloneNode(true)).ToList() ?? [];
                var section = main?.Document?.Body?.Elements<W.SectionProperties>().LastOrDefault();
                return new StyleReference(
                    styles,
                    section?.GetFirstChild<W.PageSize>()?.CloneNode(true) as W.PageSize,
                    section?.GetFirstChild<W.PageMargin>()?.CloneNode(true) as W.PageMargin);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or FormatException or XmlException
                                          or OpenXmlPackageException or UnauthorizedAccessException)
            {
                throw new InputException($"样式参考文档无法读取，它不是有效的 Word 文档（.docx）：{path}", inner: e);
            }
        }

        /// <summary>
        /// Our styles.xml and section with the reference applied, through the SDK: the styles as the part's bytes,
        /// the section as XML (declaring w: itself, as it is read alone) and the text width it leaves.
        /// </summary>
        public (byte[] Styles, string Section, int TextWidth) Apply(byte[] styles, DocxLayout layout)
        {
            var text = Encoding.UTF8.GetString(styles);
            var ours = new W.Styles(text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..]);
            var sectionElement = new W.SectionProperties(SectionXml(layout, declareNamespace: true));
            ApplyTo(ours, sectionElement);
            return (SdkPart(ours), sectionElement.OuterXml, TextWidthTwips(sectionElement));
        }

        private void ApplyTo(W.Styles ours, W.SectionProperties section)
        {
            new Merge(this, ours).Run();
            // Our section always has both elements, so they are replaced in place (schema order).
            if (_pageSize is not null)
            {
                section.ReplaceChild(_pageSize.CloneNode(true), section.GetFirstChild<W.PageSize>()!);
            }

            if (_pageMargin is not null)
            {
                section.ReplaceChild(_pageMargin.CloneNode(true), section.GetFirstChild<W.PageMargin>()!);
            }
        }

        /// <summary>One merge of the reference's styles into ours, remembering which of theirs became which of ours.</summary>
        private sealed class Merge(StyleReference reference, W.Styles ours)
        {
            private readonly Dictionary<string, string> _theirToOur = new(StringComparer.Ordinal);
            private readonly HashSet<string> _imported = new(StringComparer.Ordinal);

            public void Run()
            {
                var replaced = new List<W.Style>();
                foreach (var (id, name) in StyleIds.Names)
                {
                    var match = reference.FindParagraphStyle(style => style.StyleId?.Value == id)
                        ?? reference.FindParagraphStyle(style => style.StyleName?.Val?.Value == name);
                    var mine = OurStyle(id);
                    if (match is null || mine is null)
                    {
                        continue;
                    }

                    var replacement = (W.Style)match.CloneNode(true);
                    replacement.StyleId = id;
                    replacement.Type = W.StyleValues.Paragraph;
                    replacement.Default = null;
                    ours.ReplaceChild(replacement, mine);
                    _theirToOur[match.StyleId?.Value ?? id] = id;
                    replaced.Add(replacement);
                }

                foreach (var style in replaced)
                {
                    FixReferences(style);
                }
            }

            private W.Style? OurStyle(string id) => ours.Elements<W.Style>().FirstOrDefault(style => style.StyleId?.Value == id);

            /// <summary>
            /// basedOn / next / link point at ids of the reference document: map them to our styles, bring in
            /// styles we lack (a base style carrying the font, say), and drop what cannot be resolved.
            /// </summary>
            private void FixReferences(W.Style style)
            {
                foreach (var element in new OpenXmlElement?[] { style.BasedOn, style.NextParagraphStyle, style.LinkedStyle })
                {
                    if (element is W.String253Type reference && reference.Val?.Value is { } theirs)
                    {
                        if (Resolve(theirs) is { } resolved)
                        {
                            reference.Val = resolved;
                        }
                        else
                        {
                            element.Remove();
                        }
                    }
                }

                // Numbering and theme fonts point into parts the output does not have.
                style.StyleParagraphProperties?.NumberingProperties?.Remove();
                if (style.StyleRunProperties?.RunFonts is { } fonts)
                {
                    fonts.AsciiTheme = fonts.Ascii is null ? fonts.AsciiTheme : null;
                    fonts.HighAnsiTheme = fonts.HighAnsi is null ? fonts.HighAnsiTheme : null;
                    fonts.EastAsiaTheme = fonts.EastAsia is null ? fonts.EastAsiaTheme : null;
                    fonts.ComplexScriptTheme = fonts.ComplexScript is null ? fonts.ComplexScriptTheme : null;
                }
            }

            private string? Resolve(string theirId)
            {
                if (_theirToOur.TryGetValue(theirId, out var mapped))
                {
                    return mapped;
                }

                var theirs = reference.Find(style => style.StyleId?.Value == theirId);
                if (theirs is null)
                {
                    return null;
                }

                // Their Normal (id "a" in a Chinese Word) is our Normal, and so on for any name we share.
                var name = theirs.StyleName?.Val?.Value;
                var same = ours.Elements<W.Style>().FirstOrDefault(style =>
                    style.StyleId?.Value == theirId || (name is not null && style.StyleName?.Val?.Value == name));
                if (same?.StyleId?.Value is { } sameId)
                {
                    _theirToOur[theirId] = sameId;
                    return sameId;
                }

                if (_imported.Add(theirId))
                {
                    var copy = (W.Style)theirs.CloneNode(true);
                    copy.Default = null;
                    ours.Append(copy);
                    _theirToOur[theirId] = theirId;
                    FixReferences(copy);
                }

                return theirId;
            }
        }

        private W.Style? Find(Func<W.Style, bool> predicate) => _styles.FirstOrDefault(predicate);

        private W.Style? FindParagraphStyle(Func<W.Style, bool> predicate) =>
            _styles.FirstOrDefault(style => (style.Type is null || style.Type.Value == W.StyleValues.Paragraph) && predicate(style));
    }

    /// <summary>A part's XML as the SDK saves it: a UTF-8 declaration without BOM, then the root element.</summary>
    private static byte[] SdkPart(OpenXmlElement root)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false }))
        {
            xml.WriteStartDocument();
            root.WriteTo(xml);
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
