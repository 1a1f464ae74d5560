using System.Xml;
using ReportGen.Model;

namespace ReportGen.Output;

public static partial class DocxWriter
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
        if (!string.IsNullOrWhiteSpace(table.Note))
        {
            result.Add(new ParagraphItem(StyleIds.Note, table.Note));
        }

        return result;
    }

    private static void WriteTable(XmlWriter xml, TableItem item)
    {
        xml.WriteStartElement("w", "tbl", WordNamespace);
        WriteTableProperties(xml, item.Widths.Sum());
        xml.WriteStartElement("w", "tblGrid", WordNamespace);
        foreach (var width in item.Widths)
        {
            xml.WriteStartElement("w", "gridCol", WordNamespace);
            xml.WriteAttributeString("w", "w", WordNamespace, width.ToString(Invariant));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        for (var index = 0; index < item.Table.Rows.Count; index++)
        {
            WriteRow(xml, item, index);
        }

        xml.WriteEndElement();
    }

    private static void WriteTableProperties(XmlWriter xml, int width)
    {
        xml.WriteStartElement("w", "tblPr", WordNamespace);
        Width(xml, "tblW", width);
        Empty(xml, "jc", "center");
        xml.WriteStartElement("w", "tblBorders", WordNamespace);
        foreach (var side in new[] { "top", "left", "bottom", "right", "insideH", "insideV" })
        {
            xml.WriteStartElement("w", side, WordNamespace);
            xml.WriteAttributeString("w", "val", WordNamespace, "single");
            xml.WriteAttributeString("w", "color", WordNamespace, "auto");
            xml.WriteAttributeString("w", "sz", WordNamespace, "4");
            xml.WriteAttributeString("w", "space", WordNamespace, "0");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("w", "tblLayout", WordNamespace);
        xml.WriteAttributeString("w", "type", WordNamespace, "fixed");
        xml.WriteEndElement();
        xml.WriteStartElement("w", "tblCellMar", WordNamespace);
        Width(xml, "left", CellPaddingTwips);
        Width(xml, "right", CellPaddingTwips);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, TableItem item, int index)
    {
        xml.WriteStartElement("w", "tr", WordNamespace);
        xml.WriteStartElement("w", "trPr", WordNamespace);
        Empty(xml, "cantSplit");
        if (item.RowHeight > 0)
        {
            xml.WriteStartElement("w", "trHeight", WordNamespace);
            xml.WriteAttributeString("w", "val", WordNamespace, item.RowHeight.ToString(Invariant));
            xml.WriteAttributeString("w", "hRule", WordNamespace, "atLeast");
            xml.WriteEndElement();
        }

        if (index < item.Table.HeaderRows)
        {
            Empty(xml, "tblHeader");
        }

        xml.WriteEndElement();
        var column = 0;
        foreach (var cell in item.Table.Rows[index].Cells)
        {
            var span = Math.Max(1, cell.ColSpan);
            WriteCell(xml, cell, span, item.Widths.Skip(column).Take(span).Sum());
            column += span;
        }

        if (column < item.Widths.Length)
        {
            // A short row is padded rather than refused: Word would otherwise draw a ragged right edge.
            WriteCell(xml, new Model.TableCell(string.Empty), item.Widths.Length - column, item.Widths.Skip(column).Sum());
        }

        xml.WriteEndElement();
    }

    private static void WriteCell(XmlWriter xml, Model.TableCell cell, int span, int width)
    {
        xml.WriteStartElement("w", "tc", WordNamespace);
        xml.WriteStartElement("w", "tcPr", WordNamespace);
        Width(xml, "tcW", width);
        if (span > 1)
        {
            Empty(xml, "gridSpan", span.ToString(Invariant));
        }

        if (cell.Merge != VerticalMerge.None)
        {
            Empty(xml, "vMerge", cell.Merge == VerticalMerge.Restart ? "restart" : null);
        }

        Empty(xml, "vAlign", "center");
        xml.WriteEndElement();
        var align = cell.Align switch
        {
            CellAlign.Left => "left",
            CellAlign.Right => "right",
            _ => null,
        };
        var text = cell.Merge == VerticalMerge.Continue ? string.Empty : cell.Text;
        WriteParagraph(xml, new ParagraphItem(StyleIds.TableText, text, cell.Bold, align));
        xml.WriteEndElement();
    }

    /// <summary>A width in twips (w:w, w:type="dxa").</summary>
    private static void Width(XmlWriter xml, string name, int twips)
    {
        xml.WriteStartElement("w", name, WordNamespace);
        xml.WriteAttributeString("w", "w", WordNamespace, twips.ToString(Invariant));
        xml.WriteAttributeString("w", "type", WordNamespace, "dxa");
        xml.WriteEndElement();
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
