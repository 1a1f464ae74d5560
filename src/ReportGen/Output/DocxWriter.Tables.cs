using DocumentFormat.OpenXml;
using ReportGen.Model;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Output;

public static partial class DocxWriter
{
    /// <summary>Cell padding left and right: 1 mm, to fit eight columns of 五号 text in 156 mm.</summary>
    private const int CellPaddingTwips = 57;

    /// <summary>
    /// A table with its title above and note below: full borders, fixed column widths from the weights over the
    /// text width, header rows repeated on each page, rows kept whole, cells centred vertically.
    /// </summary>
    private static OpenXmlElement[] BuildTable(ReportTable table, int textWidth, int rowHeight)
    {
        var columnCount = table.ColumnWeights.Count > 0
            ? table.ColumnWeights.Count
            : table.Rows.Select(row => row.Cells.Sum(cell => Math.Max(1, cell.ColSpan))).DefaultIfEmpty(1).Max();
        var weights = table.ColumnWeights.Count > 0 ? table.ColumnWeights : Enumerable.Repeat(1d, columnCount).ToList();
        var widths = GridWidths(weights, textWidth, table.Title);

        var result = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(table.Title))
        {
            result.Add(StyledParagraph(StyleIds.TableTitle, table.Title));
        }

        var grid = new W.TableGrid();
        grid.Append(widths.Select(width => new W.GridColumn { Width = width.ToString(Invariant) }));
        var body = new W.Table(TableProperties(widths.Sum()), grid);
        for (var index = 0; index < table.Rows.Count; index++)
        {
            body.Append(BuildRow(table, index, widths, rowHeight));
        }

        result.Add(body);
        if (!string.IsNullOrWhiteSpace(table.Note))
        {
            result.Add(StyledParagraph(StyleIds.Note, table.Note));
        }

        return [.. result];
    }

    private static W.TableProperties TableProperties(int width)
    {
        W.BorderType Line<T>()
            where T : W.BorderType, new() => new T { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = "auto" };
        return new W.TableProperties(
            new W.TableWidth { Width = width.ToString(Invariant), Type = W.TableWidthUnitValues.Dxa },
            new W.TableJustification { Val = W.TableRowAlignmentValues.Center },
            new W.TableBorders(
                Line<W.TopBorder>(), Line<W.LeftBorder>(), Line<W.BottomBorder>(), Line<W.RightBorder>(),
                Line<W.InsideHorizontalBorder>(), Line<W.InsideVerticalBorder>()),
            new W.TableLayout { Type = W.TableLayoutValues.Fixed },
            new W.TableCellMarginDefault(
                new W.TableCellLeftMargin { Width = CellPaddingTwips, Type = W.TableWidthValues.Dxa },
                new W.TableCellRightMargin { Width = CellPaddingTwips, Type = W.TableWidthValues.Dxa }));
    }

    private static W.TableRow BuildRow(ReportTable table, int index, IReadOnlyList<int> widths, int rowHeight)
    {
        var properties = new W.TableRowProperties(new W.CantSplit());
        if (rowHeight > 0)
        {
            properties.Append(new W.TableRowHeight { Val = (uint)rowHeight, HeightType = W.HeightRuleValues.AtLeast });
        }

        if (index < table.HeaderRows)
        {
            properties.Append(new W.TableHeader());
        }

        var row = new W.TableRow(properties);
        var column = 0;
        foreach (var cell in table.Rows[index].Cells)
        {
            var span = Math.Max(1, cell.ColSpan);
            if (column + span > widths.Count)
            {
                throw new ArgumentException(
                    $"表格“{table.Title}”第{index + 1}行的单元格共占{column + span}列，超过表格的{widths.Count}列。", nameof(table));
            }

            row.Append(BuildCell(cell, span, widths.Skip(column).Take(span).Sum()));
            column += span;
        }

        if (column < widths.Count)
        {
            // A short row is padded rather than refused: Word would otherwise draw a ragged right edge.
            row.Append(BuildCell(new Model.TableCell(string.Empty), widths.Count - column, widths.Skip(column).Sum()));
        }

        return row;
    }

    private static W.TableCell BuildCell(Model.TableCell cell, int span, int width)
    {
        var properties = new W.TableCellProperties
        {
            TableCellWidth = new W.TableCellWidth { Width = width.ToString(Invariant), Type = W.TableWidthUnitValues.Dxa },
        };
        if (span > 1)
        {
            properties.GridSpan = new W.GridSpan { Val = span };
        }

        if (cell.Merge != VerticalMerge.None)
        {
            properties.VerticalMerge = cell.Merge == VerticalMerge.Restart
                ? new W.VerticalMerge { Val = W.MergedCellValues.Restart }
                : new W.VerticalMerge();
        }

        properties.TableCellVerticalAlignment = new W.TableCellVerticalAlignment { Val = W.TableVerticalAlignmentValues.Center };
        W.JustificationValues? align = cell.Align switch
        {
            CellAlign.Left => W.JustificationValues.Left,
            CellAlign.Right => W.JustificationValues.Right,
            _ => null,
        };
        var text = cell.Merge == VerticalMerge.Continue ? string.Empty : cell.Text;
        return new W.TableCell(properties, StyledParagraph(StyleIds.TableText, text, cell.Bold, align));
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
