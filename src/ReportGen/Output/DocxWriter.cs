using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using ReportGen.Model;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Output;

/// <summary>
/// Lays out a <see cref="ReportDocument"/> as a .docx in the official layout (GB/T 9704, domain.md §7). Every
/// paragraph carries one of the named RG… styles (<see cref="StyleIds"/>) and as little direct formatting as
/// possible, so that a reference document given with <c>--style</c> restyles the whole report, as pandoc's
/// --reference-doc does. The output is deterministic: the same input gives the same bytes.
/// </summary>
public static partial class DocxWriter
{
    /// <summary>Text between 【 and 】 is a placeholder the user must fill; it is highlighted.</summary>
    private static readonly Regex PlaceholderPattern = new("【[^【】]*】", RegexOptions.CultureInvariant);

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> as a .docx package.</summary>
    /// <param name="styleReferencePath">
    /// A .docx whose styles replace ours where their id or name matches one of <see cref="StyleIds"/>; its page
    /// size and margins, if it has them, replace the layout's.
    /// </param>
    /// <exception cref="InputException">The style reference cannot be read as a Word document.</exception>
    public static void Write(ReportDocument document, Stream output, DocxLayout layout, string? styleReferencePath = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(layout);
        Write(document, output, layout, styleReferencePath is null ? null : StyleReference.Load(styleReferencePath));
    }

    /// <summary>Writes the .docx to <paramref name="path"/> atomically (see <see cref="AtomicFile"/>).</summary>
    /// <exception cref="InputException">The style reference cannot be read as a Word document.</exception>
    /// <exception cref="DirectoryNotFoundException">The target's folder does not exist.</exception>
    public static void WriteFile(ReportDocument document, string path, DocxLayout layout, string? styleReferencePath = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(layout);

        // Read the reference first, so that a bad --style fails without touching the target.
        var reference = styleReferencePath is null ? null : StyleReference.Load(styleReferencePath);
        AtomicFile.Write(path, stream => Write(document, stream, layout, reference));
    }

    /// <summary>
    /// Writes the package straight to <paramref name="output"/> with <see cref="ZipArchive"/>: the parts in a
    /// fixed order ([Content_Types].xml first, as Word writes it, then the package relationships, then ordinal by
    /// name), each stamped 2000-01-01 00:00, so the same report gives the same bytes. The content types and
    /// relationships are the ones System.IO.Packaging wrote before (issue 6: going through it compressed every
    /// part twice and held document.xml in memory uncompressed, 60 MB for a 2,000-project department).
    /// </summary>
    private static void Write(ReportDocument document, Stream output, DocxLayout layout, StyleReference? reference)
    {
        var styles = BuildStyles(layout);
        var section = BuildSection(layout);
        if (reference is not null)
        {
            reference.ApplyTo(styles, section);
        }

        // Laid out (and checked) before the first byte, so a bad table fails before anything is written.
        var body = Layout(document, TextWidthTwips(section), DocxLayout.MmToTwips(layout.TableRowMinHeightMm));
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", stream => stream.Write(PackageParts.ContentTypes));
        Part(zip, "_rels/.rels", stream => stream.Write(PackageParts.PackageRelationships));
        Part(zip, "word/_rels/document.xml.rels", stream => stream.Write(PackageParts.DocumentRelationships));
        Part(zip, "word/document.xml", stream => Xml(stream, xml => WriteBody(xml, body, section)));
        Part(zip, "word/footer1.xml", stream => Xml(stream, BuildFooter(odd: true, layout).WriteTo));
        Part(zip, "word/footer2.xml", stream => Xml(stream, BuildFooter(odd: false, layout).WriteTo));
        Part(zip, "word/settings.xml", stream => Xml(stream, BuildSettings().WriteTo));
        Part(zip, "word/styles.xml", stream => Xml(stream, styles.WriteTo));
    }

    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static void Part(ZipArchive zip, string name, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using var stream = new NoFlushStream(entry.Open());
        write(stream);
    }

    /// <summary>
    /// Passes writes to a zip entry and ignores Flush: XmlWriter flushes when it closes, and a flushed deflate stream
    /// ends its block early, which would change the compressed bytes (and make them depend on the writer).
    /// </summary>
    private sealed class NoFlushStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A part's XML as the SDK saves it: a UTF-8 declaration without BOM, then the root element.</summary>
    private static void Xml(Stream stream, Action<XmlWriter> write)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        xml.WriteStartDocument();
        write(xml);
        xml.WriteEndDocument();
    }

    /// <summary>
    /// Splits text into runs: 【…】 placeholders become their own highlighted run; line feeds become line breaks.
    /// Each run says its text is East Asian (w:hint), so that “”、— take the Chinese font and not the Latin one.
    /// </summary>
    internal static IEnumerable<W.Run> Runs(string text, bool bold)
    {
        var position = 0;
        foreach (Match match in PlaceholderPattern.Matches(text))
        {
            if (match.Index > position)
            {
                yield return Run(text[position..match.Index], bold, placeholder: false);
            }

            yield return Run(match.Value, bold, placeholder: true);
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            yield return Run(text[position..], bold, placeholder: false);
        }
    }

    private static W.Run Run(string text, bool bold, bool placeholder)
    {
        var properties = new W.RunProperties { RunFonts = new W.RunFonts { Hint = W.FontTypeHintValues.EastAsia } };
        if (bold)
        {
            properties.Bold = new W.Bold();
            properties.BoldComplexScript = new W.BoldComplexScript();
        }

        if (placeholder)
        {
            properties.Highlight = new W.Highlight { Val = W.HighlightColorValues.Yellow };
        }

        var run = new W.Run(properties);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new W.Break());
            }

            var parts = lines[i].Split('\t');
            for (var j = 0; j < parts.Length; j++)
            {
                if (j > 0)
                {
                    run.Append(new W.TabChar());
                }

                if (parts[j].Length > 0)
                {
                    run.Append(new W.Text(parts[j]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
        }

        return run;
    }

    /// <summary>Fixed relationship ids: the SDK would otherwise generate random ones.</summary>
    private static class RelationshipIds
    {
        public const string Styles = "rId1";
        public const string Settings = "rId2";
        public const string OddFooter = "rId3";
        public const string EvenFooter = "rId4";
    }
}
