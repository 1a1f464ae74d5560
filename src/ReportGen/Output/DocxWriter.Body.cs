using ReportGen.Model;

namespace ReportGen.Output;

public static partial class DocxWriter
{
    /// <summary>
    /// Writes document.xml with <see cref="PartXml"/>, the XML the SDK's typed elements gave, byte for byte (on
    /// Unix, see PartXml): building and saving those elements cost ~4 µs each, 40 ms for the sample's 9,000 and
    /// most of a batch's time, and XmlWriter's checks were most of what remained (docs/performance.md).
    /// </summary>
    private static void WriteBody(PartXml xml, List<BodyItem> items, string section)
    {
        xml.Root("document");
        xml.Start("body");
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

        xml.Raw(section);
        xml.End();
        xml.End();
    }

    private abstract record BodyItem;

    private sealed record ParagraphItem(string StyleId, string Text, bool Bold = false, string? Align = null, bool BreakBefore = false, bool PageBreak = false) : BodyItem
    {
        /// <summary>The text's fields (<see cref="FieldSpan"/>): its placeholders are highlighted.</summary>
        public IReadOnlyList<FieldSpan> Fields { get; init; } = [];
    }

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
            items.Add(new ParagraphItem(StyleIds.Title, document.Title) { Fields = document.TitleFields });
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
                Heading heading => [new ParagraphItem(StyleIds.Heading(heading.Level), heading.Text) { Fields = heading.Fields }],
                Model.Paragraph paragraph => [new ParagraphItem(StyleIds.ForKind(paragraph.Kind), paragraph.Text) { Fields = paragraph.Fields }],
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

    private static void WriteParagraph(PartXml xml, ParagraphItem paragraph)
    {
        xml.Start("p");
        xml.Start("pPr");
        xml.Empty("pStyle", paragraph.StyleId);
        if (paragraph.BreakBefore)
        {
            xml.Empty("pageBreakBefore");
        }

        if (paragraph.Align is { } align)
        {
            xml.Empty("jc", align);
        }

        xml.End();
        if (paragraph.PageBreak)
        {
            xml.Start("r");
            xml.Start("br");
            xml.W("type", "page");
            xml.End();
            xml.End();
        }

        WriteRuns(xml, paragraph.Text, paragraph.Bold, paragraph.Fields);
        xml.End();
    }

    /// <summary>
    /// Splits text into runs: each placeholder (an empty field the rendering recorded, <see cref="FieldSpan"/>) becomes
    /// its own highlighted run; line feeds become line breaks and tabs tab characters.
    /// </summary>
    private static void WriteRuns(PartXml xml, string text, bool bold, IReadOnlyList<FieldSpan> fields)
    {
        var position = 0;
        foreach (var field in fields)
        {
            if (!field.Empty || field.Start < position || field.End > text.Length || field.Length == 0)
            {
                continue;
            }

            if (field.Start > position)
            {
                WriteRun(xml, text.AsSpan(position, field.Start - position), bold, placeholder: false);
            }

            WriteRun(xml, text.AsSpan(field.Start, field.Length), bold, placeholder: true);
            position = field.End;
        }

        if (position < text.Length)
        {
            WriteRun(xml, text.AsSpan(position), bold, placeholder: false);
        }
    }

    /// <summary>
    /// A run's properties by bold and placeholder, encoded once: the same four fragments are most of a report's
    /// runs (docs/performance.md). Each says its text is East Asian (w:hint), so that “”、— take the Chinese font
    /// and not the Latin one.
    /// </summary>
    private static readonly PartXml.Fragment[] RunProperties =
    [
        RunPropertiesOf(bold: false, placeholder: false), RunPropertiesOf(bold: false, placeholder: true),
        RunPropertiesOf(bold: true, placeholder: false), RunPropertiesOf(bold: true, placeholder: true),
    ];

    private static PartXml.Fragment RunPropertiesOf(bool bold, bool placeholder) => PartXml.Record(xml =>
    {
        xml.Start("rPr");
        xml.Start("rFonts");
        xml.W("hint", "eastAsia");
        xml.End();
        if (bold)
        {
            xml.Empty("b");
            xml.Empty("bCs");
        }

        if (placeholder)
        {
            xml.Empty("highlight", "yellow");
        }

        xml.End();
    });

    /// <summary>
    /// One run: line feeds (a CR LF as one) become line breaks and tabs tab characters.
    /// </summary>
    private static void WriteRun(PartXml xml, ReadOnlySpan<char> text, bool bold, bool placeholder)
    {
        xml.Start("r");
        xml.Write(RunProperties[(bold ? 2 : 0) + (placeholder ? 1 : 0)]);
        var first = true;
        while (true)
        {
            var lineEnd = text.IndexOf('\n');
            var line = lineEnd < 0 ? text : text[..lineEnd];
            if (lineEnd >= 0 && line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (!first)
            {
                xml.Empty("br");
            }

            first = false;
            WriteLine(xml, line);
            if (lineEnd < 0)
            {
                break;
            }

            text = text[(lineEnd + 1)..];
        }

        xml.End();
    }

    /// <summary>One line of a run: its text, with a tab element for each tab.</summary>
    private static void WriteLine(PartXml xml, ReadOnlySpan<char> line)
    {
        var firstPart = true;
        while (true)
        {
            var tab = line.IndexOf('\t');
            var part = tab < 0 ? line : line[..tab];
            if (!firstPart)
            {
                xml.Empty("tab");
            }

            firstPart = false;
            if (part.Length > 0)
            {
                xml.Start("t");
                xml.Attribute("xml:space", "preserve");
                xml.Text(part);
                xml.End();
            }

            if (tab < 0)
            {
                return;
            }

            line = line[(tab + 1)..];
        }
    }
}
