using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Output;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Tests.TestSupport;

/// <summary>
/// A normalized text dump of any .docx, for snapshot tests that compare documents by meaning, not bytes.
/// <list type="bullet">
/// <item><c>[section 1] A4 210×297mm …</c> page size, margins and flags, then its headers and footers as
/// <c>[footer default] StyleId @right | — {PAGE} —</c> (fields show their code in braces).</item>
/// <item>One line per paragraph: <c>StyleId | text</c>; placeholders 【…】 appear as written.</item>
/// <item><c>[page-break]</c> for a page break (a break run or "page break before").</item>
/// <item><c>[table] title</c> (the title is the RGTableTitle paragraph just above, if any), then one line per row
/// <c>| cell | cell |</c>: <c>&lt;span=2&gt;</c> before a cell spanning columns, <c>&lt;v&gt;</c> before the
/// first cell of a vertical merge, <c>^</c> for a cell the merge covers, <c>¶</c> between paragraphs in a cell,
/// and <c>(header)</c> after a row that repeats on each page.</item>
/// </list>
/// Lines end with LF; the dump depends only on the document. Word joiners (U+2060), invisible, are left out.
/// </summary>
public static class DocxDump
{
    public static string Dump(string path)
    {
        using var stream = File.OpenRead(path);
        return Dump(stream);
    }

    public static string Dump(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        return new Dumper(document).Run();
    }

    private sealed class Dumper
    {
        private readonly MainDocumentPart? _main;
        private readonly Dictionary<string, W.Style> _styles;
        private readonly string _defaultStyle;
        private readonly bool _evenAndOdd;
        private readonly StringBuilder _output = new();
        private int _sectionNumber;

        public Dumper(WordprocessingDocument document)
        {
            _main = document.MainDocumentPart;
            var all = _main?.StyleDefinitionsPart?.Styles?.Elements<W.Style>().ToList() ?? [];
            _styles = new Dictionary<string, W.Style>(StringComparer.Ordinal);
            foreach (var style in all.Where(style => style.StyleId?.Value is not null))
            {
                _styles.TryAdd(style.StyleId!.Value!, style);
            }

            _defaultStyle = all.FirstOrDefault(style =>
                Raw(style.Type) == "paragraph" && On(style.Default, absent: false))?.StyleId?.Value ?? "-";
            _evenAndOdd = _main?.DocumentSettingsPart?.Settings?.GetFirstChild<W.EvenAndOddHeaders>() is { } flag
                && On(flag.Val);
        }

        public string Run()
        {
            var body = _main?.Document?.Body;
            if (body is null)
            {
                return "[empty]\n";
            }

            var sections = body.Descendants<W.SectionProperties>().ToList();
            WriteSection(sections.FirstOrDefault());
            WriteBlocks(body.ChildElements);
            return _output.ToString();
        }

        private void WriteBlocks(IEnumerable<OpenXmlElement> elements)
        {
            string? tableTitle = null;
            foreach (var element in elements)
            {
                if (tableTitle is not null && element is not W.Table)
                {
                    Line($"{DocxWriter.StyleIds.TableTitle} | {tableTitle}");
                    tableTitle = null;
                }

                switch (element)
                {
                    case W.Paragraph paragraph when StyleOf(paragraph) == DocxWriter.StyleIds.TableTitle
                                                     && paragraph.NextSibling() is W.Table:
                        WriteBreaksBefore(paragraph);
                        tableTitle = ParagraphText(paragraph).Text;
                        break;
                    case W.Paragraph paragraph:
                        WriteParagraph(paragraph);
                        break;
                    case W.Table table:
                        WriteTable(table, tableTitle);
                        tableTitle = null;
                        break;
                    case W.SdtBlock sdt:
                        WriteBlocks(sdt.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>());
                        break;
                    case W.CustomXmlBlock custom:
                        WriteBlocks(custom.ChildElements);
                        break;
                    case W.AltChunk:
                        Line("[altchunk]");
                        break;
                }
            }
        }

        private void WriteParagraph(W.Paragraph paragraph)
        {
            WriteBreaksBefore(paragraph);
            var text = ParagraphText(paragraph);
            if (text.BreakBefore)
            {
                Line("[page-break]");
            }

            if (text.Text.Length > 0 || !text.BreakBefore)
            {
                Line($"{StyleOf(paragraph)} | {text.Text}");
            }

            for (var i = 0; i < text.BreaksAfter; i++)
            {
                Line("[page-break]");
            }

            if (paragraph.ParagraphProperties?.SectionProperties is { } ended)
            {
                Line("[section-break]");
                var next = _main!.Document!.Body!.Descendants<W.SectionProperties>().SkipWhile(s => s != ended).Skip(1).FirstOrDefault();
                WriteSection(next);
            }
        }

        private void WriteBreaksBefore(W.Paragraph paragraph)
        {
            if (PageBreakBefore(paragraph))
            {
                Line("[page-break]");
            }
        }

        private void WriteTable(W.Table table, string? title)
        {
            Line(title is null ? "[table]" : $"[table] {title}");
            foreach (var row in table.Elements<W.TableRow>())
            {
                var cells = row.Elements<W.TableCell>().Select(CellText);
                var header = row.TableRowProperties?.GetFirstChild<W.TableHeader>() is { } flag
                    && On(flag.Val);
                Line($"| {string.Join(" | ", cells)} |{(header ? " (header)" : string.Empty)}");
            }
        }

        private string CellText(W.TableCell cell)
        {
            var properties = cell.TableCellProperties;
            var merge = properties?.VerticalMerge;
            if (merge is not null && Raw(merge.Val) is null or "continue")
            {
                return "^";
            }

            var prefix = new StringBuilder();
            if (Number(properties?.GridSpan?.Val) is > 1 and var span)
            {
                prefix.Append(CultureInfo.InvariantCulture, $"<span={span}>");
            }

            if (merge is not null)
            {
                prefix.Append("<v>");
            }

            var paragraphs = cell.Descendants<W.Paragraph>().Select(paragraph => ParagraphText(paragraph).Text);
            return prefix + string.Join("¶", paragraphs);
        }

        private void WriteSection(W.SectionProperties? section)
        {
            _sectionNumber++;
            var line = new StringBuilder($"[section {_sectionNumber}]");
            var size = section?.GetFirstChild<W.PageSize>();
            if (Number(size?.Width) is { } width && Number(size?.Height) is { } height)
            {
                var name = (width, height) is (11906, 16838) or (16838, 11906) ? "A4 " : string.Empty;
                line.Append(CultureInfo.InvariantCulture, $" {name}{Mm(width)}×{Mm(height)}mm ({width}×{height} twips)");
            }

            if (section?.GetFirstChild<W.PageMargin>() is { } margin)
            {
                line.Append(CultureInfo.InvariantCulture,
                    $"; margins top {MmOf(margin.Top)} right {MmOf(margin.Right)} bottom {MmOf(margin.Bottom)} left {MmOf(margin.Left)} mm");
                line.Append(CultureInfo.InvariantCulture,
                    $" ({Raw(margin.Top)}/{Raw(margin.Right)}/{Raw(margin.Bottom)}/{Raw(margin.Left)} twips)");
                line.Append(CultureInfo.InvariantCulture,
                    $"; header {MmOf(margin.Header)} footer {MmOf(margin.Footer)} gutter {MmOf(margin.Gutter)} mm");
            }

            var flags = new List<string>();
            if (_evenAndOdd)
            {
                flags.Add("even-odd-headers");
            }

            if (section?.GetFirstChild<W.TitlePage>() is { } titlePage && On(titlePage.Val))
            {
                flags.Add("title-page");
            }

            if (Raw(size?.Orient) == "landscape")
            {
                flags.Add("landscape");
            }

            if (Number(section?.GetFirstChild<W.PageNumberType>()?.Start) is { } start)
            {
                flags.Add($"page-start={start}");
            }

            if (Number(section?.GetFirstChild<W.Columns>()?.ColumnCount) is > 1 and var columns)
            {
                flags.Add($"columns={columns}");
            }

            if (flags.Count > 0)
            {
                line.Append("; ").Append(string.Join(", ", flags));
            }

            Line(line.ToString());
            WriteHeadersAndFooters(section);
        }

        private void WriteHeadersAndFooters(W.SectionProperties? section)
        {
            if (section is null || _main is null)
            {
                return;
            }

            foreach (var reference in section.Elements<W.HeaderFooterReferenceType>()
                         .OrderBy(r => r is W.HeaderReference ? 0 : 1)
                         .ThenBy(r => TypeName(r.Type), StringComparer.Ordinal))
            {
                var kind = reference is W.HeaderReference ? "header" : "footer";
                if (reference.Id?.Value is not { } id || !_main.TryGetPartById(id, out var part))
                {
                    continue;
                }

                var root = part.RootElement;
                foreach (var paragraph in root?.Descendants<W.Paragraph>() ?? Enumerable.Empty<W.Paragraph>())
                {
                    var align = Alignment(paragraph);
                    Line($"[{kind} {TypeName(reference.Type)}] {StyleOf(paragraph)}{(align is null ? string.Empty : " @" + align)} | {ParagraphText(paragraph).Text}");
                }
            }
        }

        private static string TypeName(OpenXmlSimpleType? type) =>
            Raw(type) is "even" or "first" ? Raw(type)! : "default";

        private string StyleOf(W.Paragraph paragraph) =>
            paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? _defaultStyle;

        private bool PageBreakBefore(W.Paragraph paragraph)
        {
            if (paragraph.ParagraphProperties?.PageBreakBefore is { } direct)
            {
                return On(direct.Val);
            }

            return FromStyles(StyleOf(paragraph), style => style.StyleParagraphProperties?.PageBreakBefore is { } flag
                ? On(flag.Val).ToString()
                : null) == bool.TrueString;
        }

        private string? Alignment(W.Paragraph paragraph)
        {
            var direct = paragraph.ParagraphProperties?.Justification?.Val;
            return direct is not null
                ? direct.InnerText
                : FromStyles(StyleOf(paragraph), style => style.StyleParagraphProperties?.Justification?.Val?.InnerText);
        }

        /// <summary>The first value found along a style's basedOn chain.</summary>
        private T? FromStyles<T>(string styleId, Func<W.Style, T?> read)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var id = styleId; id is not null && seen.Add(id) && _styles.TryGetValue(id, out var style);
                 id = style.BasedOn?.Val?.Value)
            {
                if (read(style) is { } value)
                {
                    return value;
                }
            }

            return default;
        }

        private void Line(string text) => _output.Append(text.TrimEnd()).Append('\n');

        private static string MmOf(OpenXmlSimpleType? twips) => Mm(Number(twips));

        private static string Mm(long? twips) => twips is { } value
            ? Math.Round(value * 25.4m / 1440m, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture)
            : "?";
    }

    /// <summary>
    /// Attribute values as written. Reading <c>.Value</c> would throw on values the SDK's enums do not know, and
    /// LibreOffice writes some (w:tblHeader w:val="true"); the dump must read any document.
    /// </summary>
    private static string? Raw(OpenXmlSimpleType? value) => value?.InnerText;

    private static long? Number(OpenXmlSimpleType? value) =>
        long.TryParse(value?.InnerText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>An on/off property: present without a value means on.</summary>
    private static bool On(OpenXmlSimpleType? value, bool absent = true) => value is null
        ? absent
        : value.InnerText is "" or "1" or "true" or "on";

    private readonly record struct InlineText(string Text, bool BreakBefore, int BreaksAfter);

    private static InlineText ParagraphText(W.Paragraph paragraph)
    {
        var reader = new InlineReader();
        reader.Walk(paragraph);
        return new InlineText(reader.Text.ToString(), reader.BreakBefore, reader.BreaksAfter);
    }

    /// <summary>Reads a paragraph's visible text: runs in hyperlinks, content controls and insertions, not deletions.</summary>
    private sealed class InlineReader
    {
        private readonly Stack<(StringBuilder Code, bool Separated)> _fields = new();

        public StringBuilder Text { get; } = new();

        public bool BreakBefore { get; private set; }

        public int BreaksAfter { get; private set; }

        public void Walk(OpenXmlElement parent)
        {
            foreach (var child in parent.ChildElements)
            {
                switch (child)
                {
                    case W.Run run:
                        ReadRun(run);
                        break;
                    case W.SimpleField field:
                        Append($"{{{Collapse(field.Instruction?.Value)}}}");
                        break;
                    case W.Hyperlink or W.InsertedRun or W.MoveToRun or W.CustomXmlRun
                        or W.BidirectionalOverride or W.BidirectionalEmbedding:
                        Walk(child);
                        break;
                    case W.SdtRun sdt when sdt.SdtContentRun is { } content:
                        Walk(content);
                        break;
                }
            }
        }

        private void ReadRun(W.Run run)
        {
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case W.FieldChar fieldChar:
                        FieldChar(Raw(fieldChar.FieldCharType));
                        break;
                    case W.FieldCode code when _fields.Count > 0 && !_fields.Peek().Separated:
                        _fields.Peek().Code.Append(code.Text);
                        break;
                    case W.Text text:
                        Append(text.Text);
                        break;
                    case W.TabChar or W.PositionalTab:
                        Append("\\t");
                        break;
                    case W.Break pageBreak when Raw(pageBreak.Type) == "page":
                        PageBreak();
                        break;
                    case W.Break columnBreak when Raw(columnBreak.Type) == "column":
                        break;
                    case W.Break or W.CarriageReturn:
                        Append("↵");
                        break;
                    case W.NoBreakHyphen:
                        Append("-");
                        break;
                    case W.Drawing or W.Picture or W.EmbeddedObject:
                        Append("[image]");
                        break;
                }
            }
        }

        private void FieldChar(string? type)
        {
            if (type == "begin")
            {
                _fields.Push((new StringBuilder(), false));
            }
            else if (type == "separate" && _fields.Count > 0)
            {
                var (code, _) = _fields.Pop();
                _fields.Push((code, true));
            }
            else if (type == "end" && _fields.Count > 0)
            {
                var (code, _) = _fields.Pop();
                Append($"{{{Collapse(code.ToString())}}}");
            }
        }

        /// <summary>A field shows its code, not its cached result (a page number would differ by page).</summary>
        private void Append(string text)
        {
            if (_fields.Count > 0)
            {
                if (!_fields.Peek().Separated)
                {
                    _fields.Peek().Code.Append(text);
                }

                return;
            }

            // U+2060 (word joiner) is invisible: the writer keeps numbers with their units by it.
            Text.Append(text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\u2060", string.Empty, StringComparison.Ordinal).Replace('\n', '↵'));
        }

        private void PageBreak()
        {
            if (Text.Length == 0)
            {
                BreakBefore = true;
            }
            else
            {
                BreaksAfter++;
            }
        }

        private static string Collapse(string? code) =>
            string.Join(' ', (code ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
