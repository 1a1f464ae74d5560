using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
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

    private static void Write(ReportDocument document, Stream output, DocxLayout layout, StyleReference? reference)
    {
        using var buffer = new MemoryStream();
        using (var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            // AddMainDocumentPart() would give the package relationship a random id.
            var main = package.AddNewPart<MainDocumentPart>(MainContentType, "rId1");
            var styles = BuildStyles(layout);
            var section = BuildSection(layout);
            if (reference is not null)
            {
                reference.ApplyTo(styles, section);
            }

            main.AddNewPart<StyleDefinitionsPart>(RelationshipIds.Styles).Styles = styles;
            main.AddNewPart<DocumentSettingsPart>(RelationshipIds.Settings).Settings = BuildSettings();
            main.AddNewPart<FooterPart>(RelationshipIds.OddFooter).Footer = BuildFooter(odd: true, layout);
            main.AddNewPart<FooterPart>(RelationshipIds.EvenFooter).Footer = BuildFooter(odd: false, layout);
            WriteDocumentPart(main, document, section, layout);
        }

        buffer.Position = 0;
        DeterministicZip.Rewrite(buffer, output);
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

    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>Fixed relationship ids: the SDK would otherwise generate random ones.</summary>
    private static class RelationshipIds
    {
        public const string Styles = "rId1";
        public const string Settings = "rId2";
        public const string OddFooter = "rId3";
        public const string EvenFooter = "rId4";
    }
}
