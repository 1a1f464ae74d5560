using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// The line format a rendered template is written in (templates/README.md): one paragraph per line;
/// <c># </c> title, <c>## </c> to <c>##### </c> headings of levels 1–4, <c>@center </c> / <c>@right </c> /
/// <c>@plain </c> paragraph kinds, and the markers the <c>table</c> and <c>pagebreak</c> helpers write.
/// Blank lines are ignored, so templates can be laid out freely.
/// </summary>
internal static class ReportMarkup
{
    public const string TableMarker = "::table ";
    public const string PageBreakMarker = "::pagebreak::";

    /// <summary>
    /// U+2060 WORD JOINER: invisible and zero-width in Word and every viewer. Put by <see cref="Literal"/> before
    /// what would otherwise read as markup, it keeps text typed by the user text: a line starting with it is no
    /// heading, command or table marker, and a 【 followed by it is no placeholder mark.
    /// </summary>
    public const char LiteralMark = ReportDocument.LiteralMark;

    /// <summary>
    /// Text from the workbook (names, 存在问题, 偏差原因…) made safe to place in the markup (templates/README.md):
    /// each of its lines that would start with <c>#</c>, <c>@</c> or <c>:</c> and each 【 get <see cref="LiteralMark"/>,
    /// so that "## 标题", "@center", "::table 预算执行差异表::" or a typed 【待填写：…】 stay plain text; the field marks
    /// (<see cref="FieldOpen"/>…) are removed. Idempotent.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Literal(string? text)
    {
        if (text is null || text.AsSpan().IndexOfAny("#@:【\uFFF9\uFFFA\uFFFB") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 4);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is FieldOpen or FieldText or FieldClose)
            {
                // The field marks are the renderer's own: typed (or pasted) into a cell, they are dropped.
                continue;
            }

            if (lineStart && !char.IsWhiteSpace(c))
            {
                if (c is '#' or '@' or ':')
                {
                    builder.Append(LiteralMark);
                }

                lineStart = false;
            }

            builder.Append(c);
            if (c == '【' && (i + 1 >= text.Length || text[i + 1] != LiteralMark))
            {
                builder.Append(LiteralMark);
            }

            lineStart |= c == '\n';
        }

        return builder.ToString();
    }

    /// <param name="text">The rendered template.</param>
    /// <param name="table">Builds the table a marker asks for: (kind, argument) → table, or throws for an unknown kind.</param>
    public static ReportDocument Parse(string text, Func<string, string?, IEnumerable<ReportTable>> table)
    {
        string? title = null;
        var titleFields = new List<FieldSpan>();
        var blocks = new List<Block>();
        var reader = new FieldReader();
        foreach (var raw in text.Split('\n'))
        {
            // The kind of a line is read from the markup itself: a line that starts with a field is never a heading
            // or command, whatever the field's text. The fields are then taken out of the text (Content).
            var line = raw.Trim();
            var (plain, fields) = reader.Read(line);
            if (string.IsNullOrWhiteSpace(plain))
            {
                continue;
            }

            (string Text, IReadOnlyList<FieldSpan> Fields) Content(int prefix) => Trimmed(plain, fields, prefix);

            if (line.StartsWith(TableMarker, StringComparison.Ordinal) && line.EndsWith("::", StringComparison.Ordinal))
            {
                var spec = line[TableMarker.Length..^2].Split('|', 2);
                blocks.AddRange(table(spec[0], spec.Length > 1 && spec[1].Length > 0 ? spec[1] : null).Select(t => new TableBlock(t)));
            }
            else if (line == PageBreakMarker)
            {
                blocks.Add(new PageBreak());
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                // "# " lines before any other block make the title, one line each (a long title breaks where the
                // template says, not mid-word); a later one is a centred line.
                var (content, contentFields) = Content(2);
                if (title is null || blocks.Count == 0)
                {
                    var offset = title is null ? 0 : title.Length + 1;
                    title = title is null ? content : title + "\n" + content;
                    titleFields.AddRange(contentFields.Select(f => f with { Start = f.Start + offset }));
                }
                else
                {
                    blocks.Add(new Paragraph(content, ParagraphKind.Centered) { Fields = contentFields });
                }
            }
            else if (HeadingLevel(line) is { } level)
            {
                var (content, contentFields) = Content(level + 2);
                blocks.Add(new Heading(level, content) { Fields = contentFields });
            }
            else if (Prefix(line) is var (prefix, kind))
            {
                var (content, contentFields) = Content(prefix.Length);
                blocks.Add(new Paragraph(content, kind) { Fields = contentFields });
            }
            else
            {
                var (content, contentFields) = Content(0);
                blocks.Add(new Paragraph(content) { Fields = contentFields });
            }
        }

        return new ReportDocument(title ?? "", blocks) { TitleFields = titleFields };
    }

    private static int? HeadingLevel(string line)
    {
        for (var level = 1; level <= 4; level++)
        {
            if (line.StartsWith(new string('#', level + 1) + " ", StringComparison.Ordinal))
            {
                return level;
            }
        }

        return null;
    }

    private static readonly (string Prefix, ParagraphKind Kind)[] Prefixes =
        [("@center ", ParagraphKind.Centered), ("@right ", ParagraphKind.Right), ("@plain ", ParagraphKind.Plain)];

    private static (string Prefix, ParagraphKind Kind)? Prefix(string line)
    {
        foreach (var (prefix, kind) in Prefixes)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (prefix, kind);
            }
        }

        return null;
    }

    /// <summary>The text after <paramref name="prefix"/> characters, trimmed, with its fields moved along.</summary>
    private static (string Text, IReadOnlyList<FieldSpan> Fields) Trimmed(string text, IReadOnlyList<FieldSpan> fields, int prefix)
    {
        var start = prefix;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (fields.Count == 0)
        {
            return (text[start..end], fields);
        }

        var moved = new List<FieldSpan>(fields.Count);
        foreach (var field in fields)
        {
            var from = Math.Clamp(field.Start, start, end);
            var to = Math.Clamp(field.End, start, end);
            if (to > from || field.Length == 0)
            {
                moved.Add(field with { Start = from - start, Length = to - from });
            }
        }

        return (text[start..end], moved);
    }

    /// <summary>Every text of a document: its title, headings, paragraphs, and each table's title, note and cells.</summary>
    public static IEnumerable<string> Texts(ReportDocument document)
    {
        yield return document.Title;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    yield return p.Text;
                    break;
                case Heading h:
                    yield return h.Text;
                    break;
                case TableBlock t:
                    yield return t.Table.Title;
                    if (t.Table.Note is { } note)
                    {
                        yield return note;
                    }

                    foreach (var cell in t.Table.Rows.SelectMany(r => r.Cells))
                    {
                        yield return cell.Text;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Starts a field (<see cref="FieldSpan"/>) in the markup: <c>FieldOpen flag title FieldPart cell FieldText text
    /// FieldClose</c>. U+FFF9–U+FFFB are Unicode's interlinear annotation marks, meant for exactly this use inside a
    /// program; <see cref="Literal"/> removes them from the user's text, so only the renderer writes them.
    /// </summary>
    public const char FieldOpen = '\uFFF9';

    /// <summary>Ends a field's title and cell; its text follows.</summary>
    public const char FieldText = '\uFFFA';

    /// <summary>Ends a field.</summary>
    public const char FieldClose = '\uFFFB';

    /// <summary>Separates a field's title from its cell.</summary>
    private const char FieldPart = '\u001F';

    /// <summary>
    /// <paramref name="text"/> marked in the markup as a field: the workbook item <paramref name="title"/> at
    /// <paramref name="cell"/>; <paramref name="empty"/> for a placeholder, whose text is the prompt. Parsing
    /// (<see cref="Parse"/>, <see cref="Unwrap"/>) takes the marks out and records the span.
    /// </summary>
    /// <param name="given">For a text of the clerk's: the fingerprint of its cell's whole text (<see cref="FieldSpan.Given"/>).</param>
    /// <param name="part">For one line of a cell's text shown a paragraph a line: its number from 1 (<see cref="FieldSpan.Part"/>).</param>
    /// <param name="item">The 基本信息 item the field stands for (<see cref="FieldSpan.Item"/>), written by its name.</param>
    public static string Field(string text, string title, string? cell, bool empty, string? given = null, int part = 0, InfoItem? item = null) =>
        string.Concat(
            FieldOpen + (empty ? "0" : "1") + Clean(title) + FieldPart + Clean(cell ?? ""),
            given is null && item is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{FieldPart}{given}{FieldPart}{part}"),
            item is null ? "" : FieldPart + item.Name,
            FieldText + Clean(text, keepLines: true),
            FieldClose.ToString());

    /// <summary>
    /// The placeholder for <paramref name="what"/> at <paramref name="cell"/> in the report's words, as a field of the
    /// markup; <paramref name="item"/> is the 基本信息 item it asks for, when it asks for one.
    /// </summary>
    public static string Placeholder(Vocabulary words, string what, string? cell, InfoItem? item = null) =>
        Field(words.Placeholder(what, cell), what, string.IsNullOrEmpty(cell) ? null : cell, empty: true, item: item);

    private static string Clean(string text, bool keepLines = false)
    {
        if (text.AsSpan().IndexOfAny(keepLines ? "\uFFF9\uFFFA\uFFFB\u001F" : "\uFFF9\uFFFA\uFFFB\u001F\n\r") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is FieldOpen or FieldText or FieldClose or FieldPart)
            {
                continue;
            }

            builder.Append(!keepLines && c is '\n' or '\r' ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>The markup as text: each field's text kept, its marks, title and cell removed (<c>generate --text</c>).</summary>
    public static string Plain(string markup)
    {
        if (markup.IndexOf(FieldOpen, StringComparison.Ordinal) < 0)
        {
            return markup;
        }

        return string.Join("\n", markup.Split('\n').Select(new FieldReader().ReadText));
    }

    /// <summary>One text of the markup (a table cell's) without its field marks, and its fields.</summary>
    public static (string Text, IReadOnlyList<FieldSpan> Fields) Unwrap(string markup) =>
        markup.Contains(FieldOpen, StringComparison.Ordinal) || markup.Contains(Vocabulary.PlaceholderMark, StringComparison.Ordinal)
            ? new FieldReader().Read(markup)
            : (markup, []);

    /// <summary>
    /// Takes the field marks out of the markup, line by line, and records each field's span. A field that runs over
    /// a line end (a user's text of several lines) continues on the next line, a span on each.
    /// </summary>
    private sealed class FieldReader
    {
        private readonly List<OpenField> _open = [];

        /// <summary>A field whose start has been read; <see cref="Lines"/> counts the lines it has run over.</summary>
        private sealed record OpenField(string Title, string? Cell, bool Empty, string? Given, int Part, InfoItem? Item)
        {
            public int Lines { get; set; }

            /// <summary>The span of this field on the current line: a field that runs over lines is a part a line.</summary>
            public FieldSpan Span(int start, int length, bool continues) => new(start, length, Title, Cell, Empty)
            {
                Given = Given,
                Part = continues || Lines > 0 ? ++Lines : Part,
                Item = Item,
            };
        }

        public string ReadText(string line) => Read(line).Text;

        public (string Text, IReadOnlyList<FieldSpan> Fields) Read(string line)
        {
            if (_open.Count == 0 && line.IndexOf(FieldOpen, StringComparison.Ordinal) < 0)
            {
                return (line, Written(line, []));
            }

            var text = new StringBuilder(line.Length);
            var fields = new List<FieldSpan>();
            var starts = Enumerable.Repeat(0, _open.Count).ToList();
            for (var i = 0; i < line.Length; i++)
            {
                switch (line[i])
                {
                    case FieldOpen:
                        var textStart = line.IndexOf(FieldText, i + 1);
                        if (textStart < 0)
                        {
                            continue;
                        }

                        var meta = line[(i + 2)..Math.Max(i + 2, textStart)].Split(FieldPart);
                        var cell = meta.Length > 1 ? meta[1] : "";
                        // title, cell[, given, part[, item]]: a placeholder naming its item has no given.
                        _open.Add(new OpenField(meta[0], cell.Length == 0 ? null : cell, i + 1 < line.Length && line[i + 1] == '0',
                            meta.Length > 3 && meta[2].Length > 0 ? meta[2] : null,
                            meta.Length > 3 && int.TryParse(meta[3], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0,
                            meta.Length > 4 ? WorkbookSchema.FindInfoItem(meta[4]) : null));
                        starts.Add(text.Length);
                        i = textStart;
                        break;
                    case FieldClose when _open.Count > 0:
                        fields.Add(_open[^1].Span(starts[^1], text.Length - starts[^1], continues: false));
                        _open.RemoveAt(_open.Count - 1);
                        starts.RemoveAt(starts.Count - 1);
                        break;
                    case FieldText or FieldClose:
                        break;
                    default:
                        // The text up to the next mark at once: every line with a field passes here.
                        var next = line.AsSpan(i).IndexOfAny(FieldOpen, FieldText, FieldClose);
                        var until = next < 0 ? line.Length : i + next;
                        text.Append(line, i, until - i);
                        i = until - 1;
                        break;
                }
            }

            // Fields still open go on on the next line: this line's part is a span of its own.
            for (var k = 0; k < _open.Count; k++)
            {
                if (text.Length > starts[k])
                {
                    fields.Add(_open[k].Span(starts[k], text.Length - starts[k], continues: true));
                }
            }

            var plain = text.ToString();
            return (plain, Sorted(Written(plain, fields)));
        }

        /// <summary>The spans by start, a longer one first where two start together; a stable insertion sort, as OrderBy was.</summary>
        private static FieldSpan[] Sorted(IReadOnlyList<FieldSpan> fields)
        {
            var sorted = new FieldSpan[fields.Count];
            for (var i = 0; i < sorted.Length; i++)
            {
                var field = fields[i];
                var j = i;
                for (; j > 0 && (sorted[j - 1].Start > field.Start || (sorted[j - 1].Start == field.Start && sorted[j - 1].Length < field.Length)); j--)
                {
                    sorted[j] = sorted[j - 1];
                }

                sorted[j] = field;
            }

            return sorted;
        }

        /// <summary>
        /// The fields with the placeholders a template wrote as text rather than with the <c>placeholder</c> helper
        /// (【待填写：…】 typed into a custom template): each is a placeholder without a cell, so that it is counted,
        /// highlighted and reported like any other. A user's 【 carries <see cref="LiteralMark"/> and never matches.
        /// </summary>
        private static IReadOnlyList<FieldSpan> Written(string text, IReadOnlyList<FieldSpan> fields)
        {
            var start = text.IndexOf(Vocabulary.PlaceholderMark, StringComparison.Ordinal);
            if (start < 0)
            {
                return fields;
            }

            List<FieldSpan>? written = null;
            for (; start >= 0; start = text.IndexOf(Vocabulary.PlaceholderMark, start + 1, StringComparison.Ordinal))
            {
                var at = start;
                if (fields.Any(f => f.Start <= at && at < f.End))
                {
                    continue;
                }

                var close = text.IndexOf('】', start);
                var end = close < 0 ? text.Length : close + 1;
                var what = text[(start + Vocabulary.PlaceholderMark.Length)..(close < 0 ? text.Length : close)].TrimStart('：', ':').Trim();
                (written ??= [.. fields]).Add(new FieldSpan(start, end - start, what.Length == 0 ? text[start..end] : what, null, Empty: true));
            }

            return written ?? fields;
        }
    }
}
