using System.Globalization;
using System.Text;
using System.Xml;
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

            // Written as XML row by row: a typed tree (or the SDK's OpenXmlWriter, element by element) of a batch
            // summary's finding sheet, 48,000 rows for 1,000 departments, took over a second (issue 6).
            using (var part = worksheetPart.GetStream(FileMode.Create, FileAccess.Write))
            using (var xml = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            {
                xml.WriteStartDocument();
                xml.WriteStartElement("x", "worksheet", Namespace);
                xml.WriteStartElement("x", "sheetData", Namespace);
                var rowIndex = 1u;
                foreach (var cells in sheet.Rows)
                {
                    xml.WriteStartElement("x", "row", Namespace);
                    xml.WriteAttributeString("r", rowIndex.ToString(CultureInfo.InvariantCulture));
                    var columnIndex = 1;
                    foreach (var value in cells)
                    {
                        WriteCell(xml, value, rowIndex, columnIndex, sheet.BoldFirstRow && rowIndex == 1);
                        columnIndex++;
                    }

                    xml.WriteEndElement();
                    rowIndex++;
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndDocument();
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

    private const string Namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A cell: text as an inline string, numbers as numbers, anything else as its text; null is no cell.</summary>
    private static void WriteCell(XmlWriter xml, object? value, uint row, int column, bool bold)
    {
        if (value is null)
        {
            return;
        }

        var number = value is decimal or int or long or double or float;
        xml.WriteStartElement("x", "c", Namespace);
        xml.WriteAttributeString("r", Model.SourceLocation.ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("s", bold ? "1" : "0");
        xml.WriteAttributeString("t", number ? "n" : "inlineStr");
        if (number)
        {
            xml.WriteElementString("x", "v", Namespace, Convert.ToString(value, CultureInfo.InvariantCulture));
        }
        else
        {
            xml.WriteStartElement("x", "is", Namespace);
            xml.WriteStartElement("x", "t", Namespace);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(value as string ?? value.ToString());
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static Stylesheet BuildStylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
