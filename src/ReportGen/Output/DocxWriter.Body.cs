using ReportGen.Model;

namespace ReportGen.Output;

internal static partial class DocxWriter
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

                    // Two tables in a row would merge into one in Word, and a body must not end with a table. Between
                    // two tables laid out as one, the paragraph is a hairline, so that they read as one table.
                    if (i + 1 == items.Count || items[i + 1] is TableItem)
                    {
                        WriteParagraph(xml, new ParagraphItem(StyleIds.Plain, string.Empty) { Joiner = table.Table.JoinsNext && i + 1 < items.Count });
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

        /// <summary>Kept on the page of the next paragraph (a table's rows that must not be parted from what follows).</summary>
        public bool KeepNext { get; init; }

        /// <summary>The hairline paragraph between two tables laid out as one (<see cref="ReportTable.JoinsNext"/>).</summary>
        public bool Joiner { get; init; }
    }

    /// <summary>One point high, no space around: the paragraph between two tables laid out as one.</summary>
    private static readonly PartXml.Fragment Hairline = PartXml.Record(xml =>
    {
        xml.Start("spacing");
        xml.WordAttribute("before", 0);
        xml.WordAttribute("after", 0);
        xml.WordAttribute("line", 20);
        xml.WordAttribute("lineRule", "exact");
        xml.End();
        xml.Start("rPr");
        xml.Empty("sz", "2");
        xml.Empty("szCs", "2");
        xml.End();
    });

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
        StartParagraph(xml, paragraph.StyleId, paragraph.KeepNext, paragraph.BreakBefore, paragraph.Align, paragraph.Joiner);
        if (paragraph.PageBreak)
        {
            xml.Start("r");
            xml.Start("br");
            xml.WordAttribute("type", "page");
            xml.End();
            xml.End();
        }

        WriteRuns(xml, paragraph.Text, paragraph.Bold, paragraph.Fields);
        xml.End();
    }

    /// <summary>A paragraph's start and properties; its runs and end follow.</summary>
    private static void StartParagraph(PartXml xml, string styleId, bool keepNext, bool breakBefore = false, string? align = null, bool joiner = false)
    {
        xml.Start("p");
        xml.Start("pPr");
        xml.Empty("pStyle", styleId);
        if (keepNext)
        {
            xml.Empty("keepNext");
        }

        if (breakBefore)
        {
            xml.Empty("pageBreakBefore");
        }

        if (align is not null)
        {
            xml.Empty("jc", align);
        }

        // spacing, then the paragraph mark's rPr, last in CT_PPr's order; a joiner has no jc, which would go between.
        if (joiner)
        {
            xml.Write(Hairline);
        }

        xml.End();
    }

    /// <summary>
    /// A run's properties by East Asian hint, bold and placeholder, encoded once: the same few fragments are most of
    /// a report's runs (docs/performance.md). A run whose text holds a character Word may set in either font (“”、—…,
    /// see <see cref="NeedsHint"/>) says its text is East Asian (w:hint), so that they take the Chinese font and not
    /// the Latin one; a run of Chinese characters, digits and ASCII only has no such character and no hint, which
    /// keeps document.xml a sixth smaller. A plain run without hint has no properties at all (null).
    /// </summary>
    private static readonly PartXml.Fragment?[] RunProperties =
    [
        null, RunPropertiesOf(hint: false, bold: false, placeholder: true),
        RunPropertiesOf(hint: false, bold: true, placeholder: false), RunPropertiesOf(hint: false, bold: true, placeholder: true),
        RunPropertiesOf(hint: true, bold: false, placeholder: false), RunPropertiesOf(hint: true, bold: false, placeholder: true),
        RunPropertiesOf(hint: true, bold: true, placeholder: false), RunPropertiesOf(hint: true, bold: true, placeholder: true),
    ];

    /// <summary>
    /// Whether the text holds a character whose font Word chooses by the run's hint (ECMA-376 Part 1, 17.3.2.26):
    /// anything after ASCII and before the CJK blocks, which holds the quotes, dashes, ellipsis, middle dot and
    /// symbols of Chinese text. ASCII always takes the Latin font and CJK characters the East Asian one.
    /// </summary>
    internal static bool NeedsHint(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u00A0' and < '\u3000')
            {
                return true;
            }
        }

        return false;
    }

    private static PartXml.Fragment RunPropertiesOf(bool hint, bool bold, bool placeholder) => PartXml.Record(xml =>
    {
        xml.Start("rPr");
        if (hint)
        {
            xml.Start("rFonts");
            xml.WordAttribute("hint", "eastAsia");
            xml.End();
        }
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
        if (RunProperties[(NeedsHint(text) ? 4 : 0) + (bold ? 2 : 0) + (placeholder ? 1 : 0)] is { } properties)
        {
            xml.Write(properties);
        }

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

    /// <summary>U+2060 WORD JOINER: no line break on either side, invisible (Word, WPS and LibreOffice honour it).</summary>
    private const char WordJoiner = '\u2060';

    /// <summary>A search value, not IndexOfAnyInRange, which allocated 96 bytes a call on .NET 10 (docs/performance.md).</summary>
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private const string GluedBefore = "≥≤＞＜><±～~￥¥约";

    /// <summary>
    /// Writes the text as element content with a word joiner wherever a line break would part a number from its unit
    /// or sign: between a number and the one or two CJK characters after it ("2023.12.31前", "326.42万元", "5家") and
    /// after a sign before it ("≥3000"). A number itself never breaks but where its cell is too narrow for it (the
    /// columns are sized for the figures they hold). Written a stretch at a time with the joiners between: no string
    /// is made for it (most table cells hold a figure with its unit, docs/performance.md).
    /// </summary>
    private static void WriteUnbroken(PartXml xml, ReadOnlySpan<char> text)
    {
        if (!text.ContainsAny(Digits))
        {
            xml.Text(text);
            return;
        }

        var from = 0;
        var afterNumber = 0;
        for (var at = NextJoin(text, 0, ref afterNumber); at >= 0; at = NextJoin(text, at + 1, ref afterNumber))
        {
            xml.Text(text[from..(at + 1)]);
            xml.Text(WordJoinerText);
            from = at + 1;
        }

        if (from < text.Length || from == 0)
        {
            xml.Text(text[from..]);
        }
    }

    private const string WordJoinerText = "\u2060";

    /// <summary>
    /// The first index from <paramref name="i"/> after which a word joiner goes, or -1: after a digit (or a number's
    /// % or point) followed by CJK, after the first of two CJK characters following a number, and after a sign
    /// before a digit; never where a joiner is already. <paramref name="afterNumber"/> carries the scan's state.
    /// </summary>
    private static int NextJoin(ReadOnlySpan<char> text, int i, ref int afterNumber)
    {
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            bool join;
            if (char.IsAsciiDigit(c) || c is '%' or '.' && afterNumber > 0 && char.IsAsciiDigit(text[i - 1]))
            {
                afterNumber = 2;
                join = IsCjk(next);
            }
            else if (IsCjk(c) && afterNumber > 0)
            {
                afterNumber--;
                join = afterNumber > 0 && IsCjk(next) && i > 0 && !IsCjk(text[i - 1]);
            }
            else
            {
                afterNumber = 0;
                join = GluedBefore.Contains(c, StringComparison.Ordinal) && char.IsAsciiDigit(next);
            }

            if (join && next != WordJoiner)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF';

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
                // Only where XML would lose a space: at either end, or two in a row (as Word writes it).
                if (part[0] == ' ' || part[^1] == ' ' || part.Contains("  ", StringComparison.Ordinal))
                {
                    xml.Attribute("xml:space", "preserve");
                }

                WriteUnbroken(xml, part);
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
