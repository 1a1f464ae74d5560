using ReportGen.Model;

namespace ReportGen.Output;

internal static partial class DocxWriter
{
    /// <summary>Cell padding left and right: 1 mm, to fit eight columns of 五号 text in 156 mm.</summary>
    private const int CellPaddingTwips = 57;

    /// <summary>A table laid out: its column widths and minimum row height, checked against its rows.</summary>
    private sealed record TableItem(ReportTable Table, int[] Widths, int RowHeight) : BodyItem;

    /// <summary>
    /// A table with its title above and note below: full borders, fixed column widths from the weights over the
    /// text width, header rows repeated on each page, rows kept whole, cells centred vertically.
    /// </summary>
    private static List<BodyItem> LayoutTable(ReportTable table, int textWidth, int rowHeight)
    {
        var columnCount = table.ColumnWeights.Count > 0
            ? table.ColumnWeights.Count
            : table.Rows.Select(row => row.Cells.Sum(cell => Math.Max(1, cell.ColSpan))).DefaultIfEmpty(1).Max();
        var weights = table.ColumnWeights.Count > 0 ? table.ColumnWeights : Enumerable.Repeat(1d, columnCount).ToList();
        var widths = GridWidths(weights, textWidth, table.Title);
        for (var index = 0; index < table.Rows.Count; index++)
        {
            var columns = table.Rows[index].Cells.Sum(cell => Math.Max(1, cell.ColSpan));
            if (columns > widths.Length)
            {
                throw new ArgumentException(
                    $"表格“{table.Title}”第{index + 1}行的单元格共占{columns}列，超过表格的{widths.Length}列。", nameof(table));
            }
        }

        var result = new List<BodyItem>();
        if (!string.IsNullOrWhiteSpace(table.Title))
        {
            result.Add(new ParagraphItem(StyleIds.TableTitle, table.Title));
        }

        result.Add(new TableItem(table, widths, rowHeight));
        foreach (var legend in table.Legend)
        {
            result.Add(new ParagraphItem(StyleIds.Note, legend.Text) { Fields = legend.Fields });
        }

        if (!string.IsNullOrWhiteSpace(table.Note))
        {
            result.Add(new ParagraphItem(StyleIds.Note, table.Note));
        }

        return result;
    }

    private static void WriteTable(PartXml xml, TableItem item)
    {
        xml.Start("tbl");
        WriteTableProperties(xml, item.Widths.Sum(), item.Table.JoinsNext);
        xml.Start("tblGrid");
        foreach (var width in item.Widths)
        {
            xml.Start("gridCol");
            xml.WordAttribute("w", width);
            xml.End();
        }

        xml.End();
        for (var index = 0; index < item.Table.Rows.Count; index++)
        {
            WriteRow(xml, item, index);
        }

        xml.End();
    }

    private static void WriteTableProperties(PartXml xml, int width, bool joinsNext)
    {
        xml.Start("tblPr");
        Width(xml, "tblW", width);
        xml.Empty("jc", "center");
        xml.Start("tblBorders");

        // A table that goes on in the next leaves its bottom line to the next one's top line.
        xml.Write(joinsNext ? OpenBottomBorders : Borders);

        xml.End();
        xml.Start("tblLayout");
        xml.WordAttribute("type", "fixed");
        xml.End();
        xml.Start("tblCellMar");
        Width(xml, "left", CellPaddingTwips);
        Width(xml, "right", CellPaddingTwips);
        xml.End();
        xml.End();
    }

    /// <summary>A table's borders, the same for every table: single lines on every side and between cells.</summary>
    private static readonly PartXml.Fragment Borders = BordersOf(bottom: true);

    private static readonly PartXml.Fragment OpenBottomBorders = BordersOf(bottom: false);

    private static PartXml.Fragment BordersOf(bool bottom) => PartXml.Record(xml =>
    {
        foreach (var side in new[] { "top", "left", "bottom", "right", "insideH", "insideV" })
        {
            xml.Start(side);
            xml.WordAttribute("val", side == "bottom" && !bottom ? "nil" : "single");
            if (side != "bottom" || bottom)
            {
                xml.WordAttribute("color", "auto");
                xml.WordAttribute("sz", "4");
                xml.WordAttribute("space", "0");
            }

            xml.End();
        }
    });

    private static readonly PartXml.Fragment CantSplit = PartXml.Record(xml => xml.Empty("cantSplit"));

    private static readonly PartXml.Fragment CentredVertically = PartXml.Record(xml => xml.Empty("vAlign", "center"));

    private static void WriteRow(PartXml xml, TableItem item, int index)
    {
        xml.Start("tr");
        xml.Start("trPr");
        xml.Write(CantSplit);
        if (item.RowHeight > 0)
        {
            xml.Start("trHeight");
            xml.WordAttribute("val", item.RowHeight);
            xml.WordAttribute("hRule", "atLeast");
            xml.End();
        }

        if (index < item.Table.HeaderRows)
        {
            xml.Empty("tblHeader");
        }

        xml.End();
        // The rows of a table that goes on in the next, and heading rows, stay on the page of what follows them.
        // The last row but one stays with the last (a 总分 or 合计 row never starts a page alone under the headings).
        var keepNext = item.Table.JoinsNext || index < item.Table.HeaderRows
            || (index == item.Table.Rows.Count - 2 && index >= item.Table.HeaderRows);
        var column = 0;
        foreach (var cell in item.Table.Rows[index].Cells)
        {
            var span = Math.Max(1, cell.ColSpan);
            WriteCell(xml, cell, span, Sum(item.Widths, column, span), keepNext);
            column += span;
        }

        if (column < item.Widths.Length)
        {
            // A short row is padded rather than refused: Word would otherwise draw a ragged right edge.
            WriteCell(xml, new Model.TableCell(string.Empty), item.Widths.Length - column, Sum(item.Widths, column, item.Widths.Length - column), keepNext);
        }

        xml.End();
    }

    private static void WriteCell(PartXml xml, Model.TableCell cell, int span, int width, bool keepNext)
    {
        xml.Start("tc");
        xml.Start("tcPr");
        Width(xml, "tcW", width);
        if (span > 1)
        {
            xml.Start("gridSpan");
            xml.WordAttribute("val", span);
            xml.End();
        }

        if (cell.Merge != VerticalMerge.None)
        {
            xml.Empty("vMerge", cell.Merge == VerticalMerge.Restart ? "restart" : null);
        }

        xml.Write(CentredVertically);
        xml.End();
        var align = cell.Align switch
        {
            CellAlign.Left => "left",
            CellAlign.Right => "right",
            _ => null,
        };
        // The cell's paragraph, written without a ParagraphItem: a report has hundreds of cells.
        StartParagraph(xml, StyleIds.TableText, keepNext, align: align);
        if (cell.Merge != VerticalMerge.Continue)
        {
            WriteRuns(xml, cell.Text, cell.Bold, cell.Fields);
        }

        xml.End();
        xml.End();
    }

    /// <summary>The widths of <paramref name="count"/> columns from <paramref name="from"/> (those past the last count as none).</summary>
    private static int Sum(int[] widths, int from, int count)
    {
        var sum = 0;
        for (var i = from; i < Math.Min(widths.Length, from + count); i++)
        {
            sum += widths[i];
        }

        return sum;
    }

    /// <summary>A width in twips (w:w, w:type="dxa").</summary>
    private static void Width(PartXml xml, string name, int twips)
    {
        xml.Start(name);
        xml.WordAttribute("w", twips);
        xml.WordAttribute("type", "dxa");
        xml.End();
    }

    /// <summary>
    /// Column widths in twips proportional to the weights, rounded at the cumulative boundaries so that they add
    /// up to the text width exactly.
    /// </summary>
    internal static int[] GridWidths(IReadOnlyList<double> weights, int total, string tableTitle)
    {
        if (weights.Any(weight => !(weight > 0) || double.IsInfinity(weight)))
        {
            throw new ArgumentException($"表格“{tableTitle}”的列宽权重必须为正数。", nameof(weights));
        }

        var sum = weights.Sum();
        var widths = new int[weights.Count];
        var running = 0d;
        var previous = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            running += weights[i];
            var boundary = i == weights.Count - 1 ? total : (int)Math.Round(total * running / sum, MidpointRounding.AwayFromZero);
            widths[i] = boundary - previous;
            previous = boundary;
        }

        return widths;
    }
}
