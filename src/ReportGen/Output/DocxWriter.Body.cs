using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using ReportGen.Model;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Output;

public static partial class DocxWriter
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// Writes document.xml with an <see cref="XmlWriter"/>, the same XML the SDK's typed elements gave, byte for
    /// byte: building and saving those elements cost ~4 µs each, 40 ms for the sample's 9,000 and most of a
    /// batch's time (issue 6, docs/performance.md). Styles, settings and footers are small and stay typed.
    /// </summary>
    private static void WriteBody(XmlWriter xml, List<BodyItem> items, W.SectionProperties section)
    {
        xml.WriteStartElement("w", "document", WordNamespace);
        xml.WriteStartElement("w", "body", WordNamespace);
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case ParagraphItem paragraph:
                    WriteParagraph(xml, paragraph);
                    break;
                case TableItem table:
                    WriteTable(xml, table);

                    // Two tables in a row would merge into one in Word, and a body must not end with a table.
                    if (i + 1 == items.Count || items[i + 1] is TableItem)
                    {
                        WriteParagraph(xml, new ParagraphItem(StyleIds.Plain, string.Empty));
                    }

                    break;
            }
        }

        section.WriteTo(xml);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private abstract record BodyItem;

    private sealed record ParagraphItem(string StyleId, string Text, bool Bold = false, string? Align = null, bool BreakBefore = false, bool PageBreak = false) : BodyItem;

    /// <summary>A page break as a paragraph of its own (before a table, which cannot carry it, or at the end).</summary>
    private static ParagraphItem BreakParagraph() => new(StyleIds.Plain, string.Empty, PageBreak: true);

    /// <summary>
    /// The body as a flat list. A page break becomes "page break before" on the next paragraph, so the new page
    /// does not start with an empty line; a table's first row cannot carry it, so a table without a title gets a
    /// break paragraph instead.
    /// </summary>
    private static List<BodyItem> Layout(ReportDocument document, int textWidth, int rowHeight)
    {
        var items = new List<BodyItem>();
        if (!string.IsNullOrWhiteSpace(document.Title))
        {
            items.Add(new ParagraphItem(StyleIds.Title, document.Title));
        }

        var pendingBreak = false;
        foreach (var block in document.Blocks)
        {
            if (block is PageBreak)
            {
                if (pendingBreak)
                {
                    items.Add(BreakParagraph());
                }

                pendingBreak = true;
                continue;
            }

            List<BodyItem> elements = block switch
            {
                Heading heading => [new ParagraphItem(StyleIds.Heading(heading.Level), heading.Text)],
                Model.Paragraph paragraph => [new ParagraphItem(StyleIds.ForKind(paragraph.Kind), paragraph.Text)],
                TableBlock table => LayoutTable(table.Table, textWidth, rowHeight),
                _ => throw new ArgumentException($"未知的报告内容类型：{block.GetType().Name}", nameof(document)),
            };
            if (pendingBreak)
            {
                if (elements[0] is ParagraphItem first)
                {
                    elements[0] = first with { BreakBefore = true };
                }
                else
                {
                    items.Add(BreakParagraph());
                }

                pendingBreak = false;
            }

            items.AddRange(elements);
        }

        if (pendingBreak)
        {
            items.Add(BreakParagraph());
        }

        return items;
    }

    private static void WriteParagraph(XmlWriter xml, ParagraphItem paragraph)
    {
        xml.WriteStartElement("w", "p", WordNamespace);
        xml.WriteStartElement("w", "pPr", WordNamespace);
        Empty(xml, "pStyle", paragraph.StyleId);
        if (paragraph.BreakBefore)
        {
            Empty(xml, "pageBreakBefore");
        }

        if (paragraph.Align is { } align)
        {
            Empty(xml, "jc", align);
        }

        xml.WriteEndElement();
        if (paragraph.PageBreak)
        {
            xml.WriteStartElement("w", "r", WordNamespace);
            xml.WriteStartElement("w", "br", WordNamespace);
            xml.WriteAttributeString("w", "type", WordNamespace, "page");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        WriteRuns(xml, paragraph.Text, paragraph.Bold);
        xml.WriteEndElement();
    }

    /// <summary>The streamed form of <see cref="Runs"/>: 【…】 placeholders highlighted, line feeds and tabs kept.</summary>
    private static void WriteRuns(XmlWriter xml, string text, bool bold)
    {
        var position = 0;
        foreach (Match match in PlaceholderPattern.Matches(text))
        {
            if (match.Index > position)
            {
                WriteRun(xml, text[position..match.Index], bold, placeholder: false);
            }

            WriteRun(xml, match.Value, bold, placeholder: true);
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            WriteRun(xml, text[position..], bold, placeholder: false);
        }
    }

    private static void WriteRun(XmlWriter xml, string text, bool bold, bool placeholder)
    {
        xml.WriteStartElement("w", "r", WordNamespace);
        xml.WriteStartElement("w", "rPr", WordNamespace);
        xml.WriteStartElement("w", "rFonts", WordNamespace);
        xml.WriteAttributeString("w", "hint", WordNamespace, "eastAsia");
        xml.WriteEndElement();
        if (bold)
        {
            Empty(xml, "b");
            Empty(xml, "bCs");
        }

        if (placeholder)
        {
            Empty(xml, "highlight", "yellow");
        }

        xml.WriteEndElement();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                Empty(xml, "br");
            }

            var parts = lines[i].Split('\t');
            for (var j = 0; j < parts.Length; j++)
            {
                if (j > 0)
                {
                    Empty(xml, "tab");
                }

                if (parts[j].Length > 0)
                {
                    xml.WriteStartElement("w", "t", WordNamespace);
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(parts[j]);
                    xml.WriteEndElement();
                }
            }
        }

        xml.WriteEndElement();
    }

    /// <summary>An element without content, with an optional w:val.</summary>
    private static void Empty(XmlWriter xml, string name, string? val = null)
    {
        xml.WriteStartElement("w", name, WordNamespace);
        if (val is not null)
        {
            xml.WriteAttributeString("w", "val", WordNamespace, val);
        }

        xml.WriteEndElement();
    }
}
