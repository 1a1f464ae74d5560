using System.Globalization;
using System.Net;
using System.Text;
using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Rendering;

/// <summary>The report itself, from the same <see cref="ReportDocument"/> that <see cref="DocxWriter"/> lays out.</summary>
internal static partial class HtmlPreviewRenderer
{
    internal static void WriteDocument(StringBuilder html, ReportDocument document)
    {
        html.Append("<article class=\"report\">\n");
        html.Append("<h1 class=\"title\">").Append(Text(document.Title, document.TitleFields)).Append("</h1>\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading heading:
                    var tag = "h" + (heading.Level + 1).ToString(CultureInfo.InvariantCulture);
                    html.Append('<').Append(tag).Append(" class=\"level").Append(heading.Level.ToString(CultureInfo.InvariantCulture)).Append("\">")
                        .Append(Text(heading.Text, heading.Fields)).Append("</").Append(tag).Append(">\n");
                    break;
                case Paragraph paragraph:
                    html.Append("<p class=\"").Append(KindClass(paragraph.Kind)).Append("\">").Append(Text(paragraph.Text, paragraph.Fields)).Append("</p>\n");
                    break;
                case TableBlock table:
                    WriteTable(html, table.Table);
                    break;
                case PageBreak:
                    html.Append("<hr class=\"page-break\">\n");
                    break;
            }
        }

        html.Append("</article>\n");
    }

    private static string KindClass(ParagraphKind kind) => kind switch
    {
        ParagraphKind.Centered => "center",
        ParagraphKind.Right => "right",
        ParagraphKind.Plain => "plain",
        _ => "body",
    };

    /// <summary>
    /// A report table: header rows in <c>thead</c> (repeated on each printed page, as in the .docx), column widths
    /// from the weights, <see cref="TableCell.ColSpan"/> as colspan and each vertical merge as one cell with a rowspan.
    /// </summary>
    internal static void WriteTable(StringBuilder html, ReportTable table)
    {
        html.Append("<table class=\"report-table\">\n");
        if (table.Title.Length > 0)
        {
            html.Append("<caption>").Append(Text(table.Title, [])).Append("</caption>\n");
        }

        var total = table.ColumnWeights.Sum();
        if (total > 0)
        {
            html.Append("<colgroup>");
            foreach (var weight in table.ColumnWeights)
            {
                html.Append("<col style=\"width:").Append((weight / total * 100).ToString("0.##", CultureInfo.InvariantCulture)).Append("%\">");
            }

            html.Append("</colgroup>\n");
        }

        var headerRows = Math.Clamp(table.HeaderRows, 0, table.Rows.Count);

        // A cell merged down from the heading into the body (the 绩效指标 column of a 自评表's indicators) cannot
        // span thead and tbody: such a table keeps its heading in the body.
        if (headerRows > 0 && headerRows < table.Rows.Count && table.Rows[headerRows].Cells.Any(c => c.Merge == VerticalMerge.Continue))
        {
            headerRows = 0;
        }
        WriteSection(html, table.Rows, 0, headerRows, "thead", "th");
        WriteSection(html, table.Rows, headerRows, table.Rows.Count, "tbody", "td");
        html.Append("</table>\n");
        foreach (var legend in table.Legend)
        {
            html.Append("<p class=\"note\">").Append(Text(legend.Text, legend.Fields)).Append("</p>\n");
        }

        if (table.Note is { Length: > 0 } note)
        {
            html.Append("<p class=\"note\">").Append(Text(note, [])).Append("</p>\n");
        }
    }

    private static void WriteSection(StringBuilder html, IReadOnlyList<TableRow> rows, int from, int to, string section, string cellTag)
    {
        if (from >= to)
        {
            return;
        }

        html.Append('<').Append(section).Append(">\n");
        for (var r = from; r < to; r++)
        {
            html.Append("<tr>");
            var column = 0;
            foreach (var cell in rows[r].Cells)
            {
                var span = Math.Max(cell.ColSpan, 1);
                if (cell.Merge != VerticalMerge.Continue)
                {
                    html.Append('<').Append(cellTag);
                    var rowSpan = cell.Merge == VerticalMerge.Restart ? RowSpan(rows, r, column, to) : 1;
                    if (rowSpan > 1)
                    {
                        html.Append(" rowspan=\"").Append(rowSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    if (span > 1)
                    {
                        html.Append(" colspan=\"").Append(span.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    html.Append(" class=\"").Append(AlignClass(cell.Align)).Append(cell.Bold ? " b" : "").Append("\">")
                        .Append(Text(cell.Text, cell.Fields)).Append("</").Append(cellTag).Append('>');
                }

                column += span;
            }

            html.Append("</tr>\n");
        }

        html.Append("</").Append(section).Append(">\n");
    }

    /// <summary>
    /// How many rows a <see cref="VerticalMerge.Restart"/> cell covers: itself and the rows below, up to the end
    /// of its section, whose cell at the same grid column is a <see cref="VerticalMerge.Continue"/>.
    /// </summary>
    private static int RowSpan(IReadOnlyList<TableRow> rows, int row, int column, int end)
    {
        var span = 1;
        for (var r = row + 1; r < end && CellAt(rows[r], column) is { Merge: VerticalMerge.Continue }; r++)
        {
            span++;
        }

        return span;
    }

    private static TableCell? CellAt(TableRow row, int column)
    {
        var start = 0;
        foreach (var cell in row.Cells)
        {
            if (start == column)
            {
                return cell;
            }

            start += Math.Max(cell.ColSpan, 1);
            if (start > column)
            {
                return null;
            }
        }

        return null;
    }

    private static string AlignClass(CellAlign align) => align switch
    {
        CellAlign.Left => "l",
        CellAlign.Right => "r",
        _ => "c",
    };

    /// <summary>Encoded text with each placeholder (an empty field) marked, as the .docx highlights it; line feeds as breaks.</summary>
    internal static string Text(string text, IReadOnlyList<FieldSpan> fields)
    {
        var html = new StringBuilder(text.Length + 16);
        var position = 0;
        foreach (var field in fields)
        {
            if (!field.Empty || field.Start < position || field.End > text.Length || field.Length == 0)
            {
                continue;
            }

            html.Append(Lines(text[position..field.Start]));
            html.Append("<mark class=\"placeholder\">").Append(Lines(text[field.Start..field.End])).Append("</mark>");
            position = field.End;
        }

        return html.Append(Lines(text[position..])).ToString();
    }

    private static string Lines(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);
}
