using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportGen.Tests.Import;

/// <summary>
/// A form table written as rows of cell texts: "&lt;" means "covered by the cell on the left" (a horizontal merge),
/// "^" means "covered by the cell above" (a vertical merge; "^" followed by "&lt;" continues a wide cell). A text
/// "=%0.9" is a number shown as a percentage (90% in Word, 0.9 with a percent format in Excel). "\n" separates
/// paragraphs inside a Word cell.
/// </summary>
public sealed record FormGrid(IReadOnlyList<string[]> Rows)
{
    public int Width => Rows.Max(row => row.Length);

    public static FormGrid Of(params string[][] rows) => new(rows);

    public static string Display(string token) =>
        token.StartsWith("=%", StringComparison.Ordinal)
            ? (decimal.Parse(token[2..], CultureInfo.InvariantCulture) * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%"
            : token;

    public static bool IsMarker(string token) => token is "<" or "^";

    /// <summary>How many grid columns the cell at (r, c) spans.</summary>
    public int SpanAt(int r, int c)
    {
        var row = Rows[r];
        var span = 1;
        while (c + span < row.Length && row[c + span] == "<")
        {
            span++;
        }

        return span;
    }

    /// <summary>How many rows the cell at (r, c) covers.</summary>
    public int HeightAt(int r, int c)
    {
        var height = 1;
        while (r + height < Rows.Count && c < Rows[r + height].Length && Rows[r + height][c] == "^")
        {
            height++;
        }

        return height;
    }
}

/// <summary>Options for the Word builder: split runs (text broken into several w:r, as Word does after edits).</summary>
public sealed record DocxOptions(bool SplitRuns = true, bool BlankMeansAbove = false);

/// <summary>Builds .docx files with the Open XML SDK: paragraphs, tables with gridSpan and vMerge, nested tables.</summary>
public static class DocxFormBuilder
{
    /// <summary>Blocks are <see cref="string"/> (a paragraph) or <see cref="FormGrid"/> (a table) or <see cref="NestedGrid"/>.</summary>
    public static void Write(string path, IEnumerable<object> blocks, DocxOptions? options = null)
    {
        options ??= new DocxOptions();
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new W.Body();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case string text:
                    body.Append(Paragraph(text, options));
                    break;
                case FormGrid grid:
                    body.Append(Table(grid, options, null));
                    body.Append(new W.Paragraph());
                    break;
                case NestedGrid nested:
                    body.Append(Table(nested.Outer, options, nested));
                    body.Append(new W.Paragraph());
                    break;
            }
        }

        body.Append(new W.SectionProperties(new W.PageSize { Width = 11906U, Height = 16838U }));
        main.Document = new W.Document(body);
        main.Document.Save();
    }

    private static W.Table Table(FormGrid grid, DocxOptions options, NestedGrid? nested)
    {
        var table = new W.Table(new W.TableProperties(
            new W.TableBorders(new W.TopBorder { Val = W.BorderValues.Single }, new W.BottomBorder { Val = W.BorderValues.Single },
                new W.InsideHorizontalBorder { Val = W.BorderValues.Single }, new W.InsideVerticalBorder { Val = W.BorderValues.Single })));
        table.Append(new W.TableGrid(Enumerable.Range(0, grid.Width).Select(_ => new W.GridColumn { Width = "1500" })));
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var row = new W.TableRow();
            var cells = grid.Rows[r];
            for (var c = 0; c < cells.Length; c++)
            {
                var token = cells[c];
                if (token == "<")
                {
                    continue;
                }

                var span = grid.SpanAt(r, c);
                var properties = new W.TableCellProperties();
                if (span > 1)
                {
                    properties.Append(new W.GridSpan { Val = span });
                }

                var cell = new W.TableCell(properties);
                if (token == "^" && !options.BlankMeansAbove)
                {
                    properties.Append(new W.VerticalMerge());
                    cell.Append(new W.Paragraph());
                }
                else
                {
                    if (token != "^" && grid.HeightAt(r, c) > 1 && !options.BlankMeansAbove)
                    {
                        properties.Append(new W.VerticalMerge { Val = W.MergedCellValues.Restart });
                    }

                    var text = token == "^" ? "" : FormGrid.Display(token);
                    foreach (var line in text.Split('\n'))
                    {
                        cell.Append(Paragraph(line, options));
                    }

                    if (nested?.Inner.TryGetValue((r, c), out var inner) == true)
                    {
                        cell.Append(Table(inner, options, null));
                        cell.Append(new W.Paragraph()); // a cell must end with a paragraph
                    }
                }

                row.Append(cell);
            }

            table.Append(row);
        }

        return table;
    }

    /// <summary>A paragraph whose text is split into runs of three characters, alternately bold, as after editing.</summary>
    private static W.Paragraph Paragraph(string text, DocxOptions options)
    {
        var paragraph = new W.Paragraph();
        if (!options.SplitRuns || text.Length <= 3)
        {
            paragraph.Append(Run(text, false));
            return paragraph;
        }

        for (var i = 0; i < text.Length; i += 3)
        {
            paragraph.Append(Run(text.Substring(i, Math.Min(3, text.Length - i)), i / 3 % 2 == 1));
        }

        return paragraph;
    }

    private static W.Run Run(string text, bool bold)
    {
        var run = new W.Run();
        if (bold)
        {
            run.Append(new W.RunProperties(new W.Bold(), new W.RunFonts { EastAsia = "仿宋_GB2312" }));
        }

        run.Append(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}

/// <summary>A table with tables nested in some of its cells, by (row, column) of the outer grid.</summary>
public sealed record NestedGrid(FormGrid Outer, IReadOnlyDictionary<(int Row, int Column), FormGrid> Inner);

/// <summary>Builds .xlsx files with the Open XML SDK: one sheet per entry, merged ranges for "&lt;" and "^".</summary>
public static class XlsxFormBuilder
{
    /// <summary>Each sheet holds one or more grids stacked with a blank row between them.</summary>
    public static void Write(string path, IEnumerable<(string Name, IReadOnlyList<FormGrid> Grids)> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new X.Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new X.Stylesheet(
            new X.Fonts(new X.Font()) { Count = 1 },
            new X.Fills(new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None }), new X.Fill(new X.PatternFill { PatternType = X.PatternValues.Gray125 })) { Count = 2 },
            new X.Borders(new X.Border()) { Count = 1 },
            new X.CellFormats(new X.CellFormat(), new X.CellFormat { NumberFormatId = 9, ApplyNumberFormat = true }) { Count = 2 });
        var list = workbook.Workbook.AppendChild(new X.Sheets());
        uint id = 1;
        foreach (var (name, grids) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new X.SheetData();
            var merges = new X.MergeCells();
            var top = 0;
            foreach (var grid in grids)
            {
                for (var r = 0; r < grid.Rows.Count; r++)
                {
                    var row = new X.Row { RowIndex = (uint)(top + r + 1) };
                    for (var c = 0; c < grid.Rows[r].Length; c++)
                    {
                        var token = grid.Rows[r][c];
                        if (FormGrid.IsMarker(token) || token.Length == 0)
                        {
                            continue;
                        }

                        var reference = Column(c) + (top + r + 1);
                        row.Append(Cell(reference, token));
                        var span = grid.SpanAt(r, c);
                        var height = grid.HeightAt(r, c);
                        if (span > 1 || height > 1)
                        {
                            merges.Append(new X.MergeCell { Reference = $"{reference}:{Column(c + span - 1)}{top + r + height}" });
                        }
                    }

                    data.Append(row);
                }

                top += grid.Rows.Count + 1;
            }

            var worksheet = new X.Worksheet(data);
            if (merges.HasChildren)
            {
                worksheet.Append(merges);
            }

            part.Worksheet = worksheet;
            list.Append(new X.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
        }

        workbook.Workbook.Save();
    }

    private static X.Cell Cell(string reference, string token)
    {
        if (token.StartsWith("=%", StringComparison.Ordinal))
        {
            return new X.Cell(new X.CellValue(token[2..])) { CellReference = reference, DataType = X.CellValues.Number, StyleIndex = 1 };
        }

        // Plain amounts are numbers in real workbooks (326.42), everything else text.
        if (decimal.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) && token.Length < 15)
        {
            return new X.Cell(new X.CellValue(token)) { CellReference = reference, DataType = X.CellValues.Number };
        }

        return new X.Cell(new X.InlineString(new X.Text(token) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference, DataType = X.CellValues.InlineString,
        };
    }

    private static string Column(int index) => ReportGen.Model.SourceLocation.ColumnLetters(index + 1);
}
