using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportGen.Model;

namespace ReportGen.Output;

/// <summary>
/// The report's attached tables (部门整体支出绩效自评表, each 项目支出绩效自评表, the 预算执行差异表) as one workbook, one
/// sheet each, for the 预算管理一体化 system (<c>generate --xlsx</c>): the title over the table, the same merged cells
/// as in the report, thin borders, column widths from the report's, figures as numbers ("0.00", "0.00%") equal to
/// the report's, the heading rows frozen and repeated on printed pages, and the placeholder markers' legend and the
/// note under the table, the legend in yellow. Written with the Open XML SDK; tables laid out as one in the report
/// (<see cref="ReportTable.JoinsNext"/>) are one table here.
/// </summary>
public static class TablesWorkbookWriter
{
    /// <summary>The workbook beside a report: 报告.docx → 报告-附表.xlsx.</summary>
    public static string PathFor(string reportPath) =>
        Path.Combine(Path.GetDirectoryName(reportPath) ?? "", Path.GetFileNameWithoutExtension(reportPath) + "-附表.xlsx");

    /// <summary>The sheets the document's tables make: each table with the ones it joins.</summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<ReportTable> Parts)> Sheets(ReportDocument document)
    {
        var sheets = new List<(string, IReadOnlyList<ReportTable>)>();
        var parts = new List<ReportTable>();
        foreach (var table in document.Blocks.OfType<TableBlock>().Select(b => b.Table))
        {
            parts.Add(table);
            if (!table.JoinsNext)
            {
                sheets.Add((parts[0].Title, parts.ToList()));
                parts.Clear();
            }
        }

        if (parts.Count > 0)
        {
            sheets.Add((parts[0].Title, parts.ToList()));
        }

        return sheets;
    }

    public static void WriteFile(ReportDocument document, string path) => AtomicFile.Write(path, stream => Write(document, stream));

    public static void Write(ReportDocument document, Stream output)
    {
        using var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = package.AddWorkbookPart();
        var styles = new StyleTable();
        var sheets = new Sheets();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var definedNames = new DefinedNames();
        uint sheetId = 0;
        foreach (var (title, parts) in Sheets(document))
        {
            sheetId++;
            var name = SheetName(title, names, sheetId);
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var printTitles = WriteSheet(sheetPart, title, parts, styles);
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = sheetId, Name = name });
            if (printTitles is var (first, last))
            {
                definedNames.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!${first}:${last}")
                {
                    Name = "_xlnm.Print_Titles",
                    LocalSheetId = sheetId - 1,
                });
            }
        }

        if (sheetId == 0)
        {
            // A workbook must have a sheet: an outline that prints no table gives an empty one.
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "附表" });
        }

        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = styles.Stylesheet();
        var workbook = new Workbook(sheets);
        if (definedNames.HasChildren)
        {
            workbook.Append(definedNames);
        }

        workbookPart.Workbook = workbook;
    }

    /// <summary>A sheet name from the table's title: at most 31 characters, none of []:*?/\, unique.</summary>
    private static string SheetName(string title, HashSet<string> taken, uint number)
    {
        var name = new string([.. title.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'' or ReportDocument.LiteralMark))]).Trim();
        if (name.Length == 0)
        {
            name = "附表" + number.ToString(CultureInfo.InvariantCulture);
        }

        name = name.Length > 31 ? name[..31] : name;
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            var suffix = $"({i})";
            candidate = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
        }

        return candidate;
    }

    /// <returns>The rows to repeat on printed pages (the last heading rows), when the table has any.</returns>
    private static (uint First, uint Last)? WriteSheet(WorksheetPart part, string title, IReadOnlyList<ReportTable> tables, StyleTable styles)
    {
        var weights = tables[0].ColumnWeights.Count > 0
            ? tables[0].ColumnWeights
            : Enumerable.Repeat(1d, tables.Max(t => t.Rows.Select(r => r.Cells.Sum(c => Math.Max(1, c.ColSpan))).DefaultIfEmpty(1).Max())).ToList();
        var columnCount = weights.Count;
        var total = weights.Sum();

        // The report's 156 mm text width is about 100 characters of a spreadsheet column.
        var widths = weights.Select(w => Math.Round(100 * w / total, 2)).ToArray();
        var data = new SheetData();
        var merges = new List<string>();
        uint rowIndex = 1;

        // The title, merged over the table.
        data.Append(TextRow(rowIndex, Clean(title), widths, styles.Of(new CellLook(Bold: true, Align: CellAlign.Center, Title: true)), merges, 20));
        rowIndex++;

        (uint, uint)? printTitles = null;
        uint? frozen = null;
        foreach (var table in tables)
        {
            var open = new (uint Row, int Span)?[columnCount];
            for (var r = 0; r < table.Rows.Count; r++, rowIndex++)
            {
                var row = new Row { RowIndex = rowIndex };
                var column = 0;
                var lines = 1;
                foreach (var cell in table.Rows[r].Cells)
                {
                    var span = Math.Min(Math.Max(1, cell.ColSpan), columnCount - column);
                    if (span <= 0)
                    {
                        break;
                    }

                    var covered = cell.Merge == VerticalMerge.Continue;
                    var placeholder = !covered && cell.Fields.Any(f => f.Empty);
                    if (!covered && cell.Merge == VerticalMerge.None)
                    {
                        lines = Math.Max(lines, Lines(Clean(cell.Text), widths.Skip(column).Take(span).Sum()));
                    }

                    for (var k = 0; k < span; k++)
                    {
                        var reference = Reference(column + k, rowIndex);
                        row.Append(k == 0 && !covered
                            ? ValueCell(reference, Clean(cell.Text), cell, placeholder, styles)
                            : new Cell { CellReference = reference, StyleIndex = styles.Of(new CellLook(cell.Bold, cell.Align)) });
                    }

                    if (span > 1 && cell.Merge == VerticalMerge.None)
                    {
                        merges.Add($"{Reference(column, rowIndex)}:{Reference(column + span - 1, rowIndex)}");
                    }

                    if (!covered)
                    {
                        Close(open, column, rowIndex - 1, merges);
                    }

                    if (cell.Merge == VerticalMerge.Restart)
                    {
                        open[column] = (rowIndex, span);
                    }

                    column += span;
                }

                for (; column < columnCount; column++)
                {
                    row.Append(new Cell { CellReference = Reference(column, rowIndex), StyleIndex = styles.Of(new CellLook(false, CellAlign.Left)) });
                }

                row.Height = Height(lines);
                row.CustomHeight = true;
                data.Append(row);
                if (table.HeaderRows > 0 && r == table.HeaderRows - 1)
                {
                    printTitles = (rowIndex - (uint)table.HeaderRows + 1, rowIndex);
                    frozen ??= rowIndex;
                }
            }

            for (var c = 0; c < columnCount; c++)
            {
                Close(open, c, rowIndex - 1, merges);
            }
            foreach (var legend in table.Legend)
            {
                data.Append(TextRow(rowIndex++, Clean(legend.Text), widths, styles.Of(new CellLook(false, CellAlign.Left, Fill: true)), merges));
            }

            if (table.Note is { Length: > 0 } note)
            {
                data.Append(TextRow(rowIndex++, Clean(note), widths, styles.Of(new CellLook(false, CellAlign.Left, Border: false)), merges));
            }
        }

        var worksheet = new Worksheet();
        var views = new SheetViews();
        var view = new SheetView { WorkbookViewId = 0 };
        if (frozen is { } frozenRows)
        {
            view.Append(new Pane
            {
                VerticalSplit = frozenRows,
                TopLeftCell = Reference(0, frozenRows + 1),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = Reference(0, frozenRows + 1), SequenceOfReferences = new ListValue<StringValue>([new StringValue(Reference(0, frozenRows + 1))]) });
        }

        views.Append(view);
        worksheet.Append(views);
        var columns = new Columns();
        for (var c = 0; c < columnCount; c++)
        {
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = widths[c], CustomWidth = true });
        }

        worksheet.Append(columns);
        worksheet.Append(data);
        if (merges.Count > 0)
        {
            var mergeCells = new MergeCells { Count = (uint)merges.Count };
            mergeCells.Append(merges.Select(m => new MergeCell { Reference = m }));
            worksheet.Append(mergeCells);
        }

        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0 });
        part.Worksheet = worksheet;
        worksheet.InsertBefore(new SheetProperties(new PageSetupProperties { FitToPage = true }), views);
        return printTitles;
    }

    /// <summary>Ends the vertical merge open in <paramref name="column"/> at <paramref name="lastRow"/>.</summary>
    private static void Close((uint Row, int Span)?[] open, int column, uint lastRow, List<string> merges)
    {
        if (open[column] is var (first, span))
        {
            if (lastRow > first || span > 1)
            {
                merges.Add($"{Reference(column, first)}:{Reference(column + span - 1, lastRow)}");
            }

            open[column] = null;
        }
    }

    /// <summary>
    /// The lines a text takes in a column <paramref name="width"/> characters wide (a CJK character is two): a row's
    /// height is set from its fullest cell, since a spreadsheet program does not fit rows with merged cells itself.
    /// </summary>
    private static int Lines(string text, double width)
    {
        var room = Math.Max(2, width - 1);
        var lines = 0;
        foreach (var line in text.Split('\n'))
        {
            var units = line.Sum(c => c > '\u2E7F' ? 2 : 1);
            lines += Math.Max(1, (int)Math.Ceiling(units / room));
        }

        return lines;
    }

    /// <summary>A row's height in points for that many lines of 11-point text.</summary>
    private static double Height(int lines) => Math.Round(lines * 14.5 + 4, 1);

    /// <summary>A row of one text merged over every column (title, legend, note).</summary>
    private static Row TextRow(uint rowIndex, string text, double[] widths, uint style, List<string> merges, double? height = null)
    {
        var columnCount = widths.Length;
        var row = new Row { RowIndex = rowIndex, Height = height ?? Height(Lines(text, widths.Sum())), CustomHeight = true };
        row.Append(new Cell { CellReference = Reference(0, rowIndex), DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = style });
        for (var c = 1; c < columnCount; c++)
        {
            row.Append(new Cell { CellReference = Reference(c, rowIndex), StyleIndex = style });
        }

        if (columnCount > 1)
        {
            merges.Add($"{Reference(0, rowIndex)}:{Reference(columnCount - 1, rowIndex)}");
        }

        return row;
    }

    /// <summary>
    /// A figure of the report ("326.42", "81.68%", "10") as a number in the format that shows it the same way; any
    /// other text as text.
    /// </summary>
    private static Cell ValueCell(string reference, string text, TableCell cell, bool placeholder, StyleTable styles)
    {
        if (!placeholder && Figure(text) is var (value, format))
        {
            return new Cell
            {
                CellReference = reference,
                CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
                DataType = CellValues.Number,
                StyleIndex = styles.Of(new CellLook(cell.Bold, cell.Align, Format: format)),
            };
        }

        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = styles.Of(new CellLook(cell.Bold, cell.Align, Fill: placeholder)),
        };
    }

    /// <summary>The number a figure's text shows and the format that shows it so: 0.00, 0.00% or General.</summary>
    internal static (decimal Value, NumberShape Format)? Figure(string text)
    {
        var percent = text.EndsWith('%');
        var digits = percent ? text[..^1] : text;
        if (digits.Length == 0 || digits.Length > 20 || !digits.All(c => char.IsAsciiDigit(c) || c is '.' or '-')
            || !decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var decimals = digits.Contains('.', StringComparison.Ordinal) ? digits.Length - digits.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        if (percent)
        {
            return decimals == 2 ? (value / 100, NumberShape.Percent) : null;
        }

        return decimals switch
        {
            0 => (value, NumberShape.General),
            2 => (value, NumberShape.Amount),
            _ => null,
        };
    }

    /// <summary>How a figure is shown.</summary>
    internal enum NumberShape
    {
        None,
        General,
        Amount,
        Percent,
    }

    /// <summary>The report's text without the invisible marks it keeps for Word (U+2060).</summary>
    private static string Clean(string text) => text.Replace(ReportDocument.LiteralMark.ToString(), "", StringComparison.Ordinal);

    private static string Reference(int column, uint row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    private readonly record struct CellLook(bool Bold, CellAlign Align, NumberShape Format = NumberShape.None, bool Fill = false,
        bool Border = true, bool Title = false);

    /// <summary>The cell formats used, each made once: fonts, fills, borders and number formats combined.</summary>
    private sealed class StyleTable
    {
        private readonly List<CellLook> _looks = [];
        private readonly Dictionary<CellLook, uint> _index = [];

        public uint Of(CellLook look)
        {
            if (!_index.TryGetValue(look, out var index))
            {
                index = (uint)_looks.Count + 1;
                _looks.Add(look);
                _index[look] = index;
            }

            return index;
        }

        public Stylesheet Stylesheet()
        {
            var numberFormats = new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.00" }) { Count = 1 };
            var fonts = new Fonts(
                Font("宋体", 11, bold: false), Font("宋体", 11, bold: true), Font("宋体", 14, bold: true))
            { Count = 3 };
            var fills = new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFFF00" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 };
            var borders = new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder()))
            { Count = 2 };
            var formats = new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 });
            foreach (var look in _looks)
            {
                var numberFormat = look.Format switch
                {
                    NumberShape.Amount => 164u,
                    NumberShape.Percent => 10u,
                    _ => 0u,
                };
                formats.Append(new CellFormat(new Alignment
                {
                    Horizontal = look.Align switch
                    {
                        CellAlign.Left => HorizontalAlignmentValues.Left,
                        CellAlign.Right => HorizontalAlignmentValues.Right,
                        _ => HorizontalAlignmentValues.Center,
                    },
                    Vertical = VerticalAlignmentValues.Center,
                    WrapText = true,
                })
                {
                    NumberFormatId = numberFormat,
                    FontId = look.Title ? 2u : look.Bold ? 1u : 0u,
                    FillId = look.Fill ? 2u : 0u,
                    BorderId = look.Border && !look.Title ? 1u : 0u,
                    FormatId = 0,
                    ApplyNumberFormat = numberFormat != 0,
                    ApplyFont = true,
                    ApplyFill = look.Fill,
                    ApplyBorder = look.Border && !look.Title,
                    ApplyAlignment = true,
                });
            }

            formats.Count = (uint)formats.ChildElements.Count;
            return new Stylesheet(
                numberFormats,
                fonts,
                fills,
                borders,
                new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
                formats,
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        }

        private static Font Font(string name, double size, bool bold)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = size });
            font.Append(new FontName { Val = name });
            font.Append(new FontCharSet { Val = 134 });
            return font;
        }

        private static T Side<T>()
            where T : BorderPropertiesType, new() =>
            new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };
    }
}
