using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReportGen.Output;

/// <summary>A sheet to write: a name and rows of cells (string, decimal, int, double or null).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows, bool BoldFirstRow = true);

/// <summary>
/// Writes plain workbooks with the Open XML SDK (ClosedXML cannot be restored here): inline strings, numbers as
/// numbers, a bold header row. Used for the batch summary, the import's target workbook and test fixtures.
/// </summary>
public static class XlsxWriter
{
    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = BuildStylesheet();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();

            // Streamed row by row: a typed tree of a batch summary's finding sheet (50,000 rows for 1,000
            // departments) took seconds and hundreds of MB (issue 6).
            using (var writer = OpenXmlWriter.Create(worksheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                var rowIndex = 1u;
                foreach (var cells in sheet.Rows)
                {
                    writer.WriteStartElement(new Row { RowIndex = rowIndex });
                    var columnIndex = 1;
                    foreach (var value in cells)
                    {
                        if (BuildCell(value, rowIndex, columnIndex, sheet.BoldFirstRow && rowIndex == 1) is { } cell)
                        {
                            writer.WriteElement(cell);
                        }

                        columnIndex++;
                    }

                    writer.WriteEndElement();
                    rowIndex++;
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            sheetList.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = sheetId++,
                Name = sheet.Name,
            });
        }

        workbookPart.Workbook.Save();
    }

    public static void Write(string path, IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        Write(stream, sheets);
    }

    private static Cell? BuildCell(object? value, uint row, int column, bool bold)
    {
        var reference = Model.SourceLocation.ColumnLetters(column) + row;
        var style = bold ? 1u : 0u;
        return value switch
        {
            null => null,
            string s => new Cell(new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
            },
            decimal or int or long or double or float => new Cell(new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!))
            {
                CellReference = reference, DataType = CellValues.Number, StyleIndex = style,
            },
            _ => BuildCell(value.ToString(), row, column, bold),
        };
    }

    private static Stylesheet BuildStylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
