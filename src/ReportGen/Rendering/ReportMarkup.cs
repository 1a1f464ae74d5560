using System.Diagnostics.CodeAnalysis;
using System.Text;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// The line format a rendered template is written in (templates/README.md): one paragraph per line;
/// <c># </c> title, <c>## </c> to <c>##### </c> headings of levels 1–4, <c>@center </c> / <c>@right </c> /
/// <c>@plain </c> paragraph kinds, and the markers the <c>table</c> and <c>pagebreak</c> helpers write.
/// Blank lines are ignored, so templates can be laid out freely.
/// </summary>
public static class ReportMarkup
{
    public const string TableMarker = "::table ";
    public const string PageBreakMarker = "::pagebreak::";

    /// <summary>
    /// U+2060 WORD JOINER: invisible and zero-width in Word and every viewer. Put by <see cref="Literal"/> before
    /// what would otherwise read as markup, it keeps text typed by the user text: a line starting with it is no
    /// heading, command or table marker, and a 【 followed by it is no placeholder (<c>DocxWriter</c> does not
    /// highlight it, <see cref="CountPlaceholders"/> does not count it).
    /// </summary>
    public const char LiteralMark = ReportDocument.LiteralMark;

    /// <summary>
    /// Text from the workbook (names, 存在问题, 偏差原因…) made safe to place in the markup (templates/README.md):
    /// each of its lines that would start with <c>#</c>, <c>@</c> or <c>:</c> and each 【 get <see cref="LiteralMark"/>,
    /// so that "## 标题", "@center", "::table 预算执行差异表::" or a typed 【待填写：…】 stay plain text. Idempotent.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Literal(string? text)
    {
        if (text is null || text.AsSpan().IndexOfAny("#@:【") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 4);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
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
        var blocks = new List<Block>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

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
                if (title is null)
                {
                    title = line[2..].Trim();
                }
                else if (blocks.Count == 0)
                {
                    title += "\n" + line[2..].Trim();
                }
                else
                {
                    blocks.Add(new Paragraph(line[2..].Trim(), ParagraphKind.Centered));
                }
            }
            else if (HeadingLevel(line) is { } level)
            {
                blocks.Add(new Heading(level, line[(level + 2)..].Trim()));
            }
            else if ((Prefixed(line, "@center ", ParagraphKind.Centered) ?? Prefixed(line, "@right ", ParagraphKind.Right)
                      ?? Prefixed(line, "@plain ", ParagraphKind.Plain)) is { } paragraph)
            {
                blocks.Add(paragraph);
            }
            else
            {
                blocks.Add(new Paragraph(line));
            }
        }

        return new ReportDocument(title ?? "", blocks);
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

    private static Paragraph? Prefixed(string line, string prefix, ParagraphKind kind) =>
        line.StartsWith(prefix, StringComparison.Ordinal) ? new Paragraph(line[prefix.Length..].Trim(), kind) : null;

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

    /// <summary>Counts the 【待填写：…】 placeholders left in a document, for the generate summary.</summary>
    public static int CountPlaceholders(ReportDocument document) => Texts(document).Sum(Count);

    private static int Count(string text)
    {
        var count = 0;
        for (var i = text.IndexOf(Vocabulary.PlaceholderMark, StringComparison.Ordinal); i >= 0; i = text.IndexOf(Vocabulary.PlaceholderMark, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
