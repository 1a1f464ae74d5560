using System.IO.Compression;
using ReportGen.Model;

namespace ReportGen.Output;

/// <summary>
/// Lays out a <see cref="ReportDocument"/> as a .docx in the official layout (GB/T 9704, docs/domain.md §7). Every
/// paragraph carries one of the named RG… styles (<see cref="StyleIds"/>) and as little direct formatting as
/// possible, so that a reference document given with <c>--style</c> restyles the whole report, as pandoc's
/// --reference-doc does. The output is deterministic: the same input gives the same bytes.
/// <para>
/// Written by hand (<see cref="PartXml"/> straight into the zip, <see cref="PackageZip"/>) rather than with the Open
/// XML SDK, which the other packages use: a report is what the ≥ 20× side-by-side goal against docxtemplater
/// measures, and that goal is not met even so; the writer gives the bytes the SDK's typed elements gave, without
/// loading the SDK, and makes the fixed parts once per layout (docs/performance.md: the side-by-side table, the
/// split by stage, and "PartXml"). The SDK is loaded only to merge a <c>--style</c> reference.
/// </para>
/// </summary>
internal static partial class DocxWriter
{
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
        Write(document, output, layout, FixedParts.For(layout, styleReferencePath));
    }

    /// <summary>Writes the .docx to <paramref name="path"/> atomically (see <see cref="AtomicFile"/>).</summary>
    /// <exception cref="InputException">The style reference cannot be read as a Word document.</exception>
    /// <exception cref="DirectoryNotFoundException">The target's folder does not exist.</exception>
    public static void WriteFile(ReportDocument document, string path, DocxLayout layout, string? styleReferencePath = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(layout);

        // Read the reference first, so that a bad --style fails without touching the target.
        var parts = FixedParts.For(layout, styleReferencePath);
        AtomicFile.Write(path, stream => Write(document, stream, layout, parts));
    }

    /// <summary>
    /// Writes the package straight to <paramref name="output"/> (<see cref="PackageZip"/>): the parts in a
    /// fixed order ([Content_Types].xml first, as Word writes it, then the package relationships, then ordinal by
    /// name, and the stamp, docProps/custom.xml, last), each stamped 2000-01-01 00:00, so the same report gives the same bytes. The parts that do not depend
    /// on the report (styles, settings, footers, the section) are made and deflated once per layout (<see cref="FixedParts"/>).
    /// </summary>
    private static void Write(ReportDocument document, Stream output, DocxLayout layout, FixedParts parts)
    {

        // Laid out (and checked) before the first byte, so a bad table fails before anything is written.
        var body = Layout(document, parts.TextWidth, DocxLayout.MmToTwips(layout.TableRowMinHeightMm));
        var zip = new PackageZip(output);
        foreach (var part in parts.Before)
        {
            zip.Add(part);
        }

        // Fastest (zlib level 1): document.xml is almost all of a report's bytes and deflating it at the default
        // level was a sixth of a batch's CPU; the sample's report grows from 16 to 22 KB.
        using var text = new Fingerprint.Builder();
        zip.Add("word/document.xml", stream =>
        {
            using var xml = new PartXml(stream) { Collect = text };
            WriteBody(xml, body, parts.Section);
        }, CompressionLevel.Fastest);
        foreach (var part in parts.After)
        {
            zip.Add(part);
        }

        // Last, out of name order: the stamp holds the fingerprint of the text just written.
        zip.Add("docProps/custom.xml", stream => WriteStamp(stream, document.Workbook, text), CompressionLevel.Fastest);
        zip.Finish();
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
