using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Model;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportGen.Import;

/// <summary>The edited package, and the cells left alone because they hold a formula.</summary>
internal sealed record PatchResult(byte[]? Package, IReadOnlyList<SourceLocation> FormulaCells);

/// <summary>
/// Writes a merge into an existing .xlsx in place, with the Open XML SDK at the part level: only the worksheets
/// the merge edits, the shared strings and (for a new sheet) the workbook, its relationships and the styles are
/// rewritten; every other part (charts, drawings, comments, pictures, the user's own sheets, printer settings) is
/// left as it was, byte for byte. Inside an edited sheet only the cells the merge set change: a cell keeps its
/// format, the rows and cells around it keep values, formulas, merges, validations, conditional formats, widths,
/// frozen panes and hidden rows; a new row takes the cell formats of the row above. A cell holding a formula is
/// never overwritten (docs/import.md).
/// </summary>
internal static class WorkbookPatcher
{
    public static PatchResult Apply(byte[] package, IReadOnlyList<EditableSheet> sheets, string file)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        stream.Position = 0;
        var changed = false;
        var formulas = new List<SourceLocation>();
        using (var document = SpreadsheetDocument.Open(stream, true, new OpenSettings { AutoSave = false }))
        {
            var workbookPart = document.WorkbookPart ?? throw new InputException($"目标工作簿“{Path.GetFileName(file)}”缺少工作簿部件，无法写入。");
            var strings = new StringTable(workbookPart);
            foreach (var sheet in sheets)
            {
                if (sheet.Created)
                {
                    AddSheet(workbookPart, sheet, strings);
                    changed = true;
                }
                else if (sheet.Edits.Count > 0)
                {
                    changed |= Patch(Part(workbookPart, sheet.Name), sheet, strings, file, formulas);
                }
            }

            strings.Save();
        }

        return new PatchResult(changed ? stream.ToArray() : null, formulas);
    }

    private static WorksheetPart Part(WorkbookPart workbookPart, string name)
    {
        var sheet = workbookPart.Workbook.Sheets!.Elements<S.Sheet>()
            .First(s => TextNormalizer.Key(s.Name?.Value ?? "") == TextNormalizer.Key(name));
        return (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
    }

    private static bool Patch(WorksheetPart part, EditableSheet sheet, StringTable strings, string file, List<SourceLocation> formulas)
    {
        var worksheet = part.Worksheet;
        var data = worksheet.GetFirstChild<S.SheetData>() ?? worksheet.AppendChild(new S.SheetData());
        var rows = new SortedDictionary<uint, S.Row>();
        uint previous = 0;
        foreach (var row in data.Elements<S.Row>())
        {
            // A row without its number follows the one before it (the schema allows leaving r out).
            previous = row.RowIndex?.Value ?? previous + 1;
            row.RowIndex ??= previous;
            rows[previous] = row;
        }

        var columnStyles = ColumnStyles(worksheet);
        var header = (uint)(sheet.HeaderRow + 1);
        var applied = 0;
        foreach (var edits in sheet.Edits.GroupBy(edit => edit.Key.Row).OrderBy(group => group.Key))
        {
            var number = (uint)(edits.Key + 1);
            if (!rows.TryGetValue(number, out var row))
            {
                row = NewRow(data, rows, number, header);
                rows[number] = row;
            }

            foreach (var ((_, column), value) in edits.OrderBy(edit => edit.Key.Column))
            {
                var reference = SourceLocation.ColumnLetters(column + 1) + number.ToString(CultureInfo.InvariantCulture);
                var above = number > header + 1 ? rows.GetValueOrDefault(number - 1) : null;
                var cell = FindOrAddCell(row, column + 1, reference, number == header, above, columnStyles);
                if (cell.CellFormula is not null)
                {
                    formulas.Add(new SourceLocation(file, sheet.Name, (int)number, column + 1));
                    continue;
                }

                SetValue(cell, value, strings);
                applied++;
            }
        }

        if (applied == 0)
        {
            return false;
        }

        if (worksheet.GetFirstChild<S.SheetDimension>() is { } dimension)
        {
            var lastRow = rows.Keys.Max();
            var lastColumn = rows.Values.SelectMany(r => r.Elements<S.Cell>()).Select(c => SourceLocation.ColumnNumber(c.CellReference?.Value ?? "A")).DefaultIfEmpty(1).Max();
            dimension.Reference = $"A1:{SourceLocation.ColumnLetters(lastColumn)}{lastRow.ToString(CultureInfo.InvariantCulture)}";
        }

        worksheet.Save();
        return true;
    }

    /// <summary>A row inserted in order; below the first data row it takes the formats of the row above.</summary>
    private static S.Row NewRow(S.SheetData data, SortedDictionary<uint, S.Row> rows, uint number, uint header)
    {
        var row = new S.Row { RowIndex = number };
        var above = rows.Where(pair => pair.Key < number && pair.Key > header).Select(pair => pair.Value).LastOrDefault();
        if (above is not null)
        {
            row.StyleIndex = above.StyleIndex?.Value;
            row.CustomFormat = above.CustomFormat?.Value;
            foreach (var cell in above.Elements<S.Cell>().Where(cell => cell.StyleIndex is not null))
            {
                var letters = new string((cell.CellReference?.Value ?? "").TakeWhile(char.IsLetter).ToArray());
                row.AppendChild(new S.Cell { CellReference = letters + number.ToString(CultureInfo.InvariantCulture), StyleIndex = cell.StyleIndex!.Value });
            }
        }

        var next = rows.FirstOrDefault(pair => pair.Key > number).Value;
        if (next is not null)
        {
            data.InsertBefore(row, next);
        }
        else
        {
            data.AppendChild(row);
        }

        return row;
    }

    private static S.Cell FindOrAddCell(S.Row row, int column, string reference, bool isHeader, S.Row? above, IReadOnlyDictionary<int, uint> columnStyles)
    {
        S.Cell? after = null;
        var position = 0;
        foreach (var cell in row.Elements<S.Cell>())
        {
            position++;
            var at = cell.CellReference?.Value is { } r ? SourceLocation.ColumnNumber(r) : position;
            if (at == column)
            {
                return cell;
            }

            if (at > column)
            {
                break;
            }

            after = cell;
        }

        var added = new S.Cell { CellReference = reference };
        var letters = SourceLocation.ColumnLetters(column);
        var over = above?.Elements<S.Cell>().FirstOrDefault(c => new string((c.CellReference?.Value ?? "").TakeWhile(char.IsLetter).ToArray()) == letters);
        if (over?.StyleIndex is { } inherited)
        {
            // A row below the table's first row takes the format of the cell above.
            added.StyleIndex = inherited.Value;
        }
        else if (columnStyles.TryGetValue(column, out var style))
        {
            added.StyleIndex = style;
        }
        else if (isHeader && after?.StyleIndex is { } left)
        {
            // A header the import adds looks like the header beside it.
            added.StyleIndex = left.Value;
        }

        if (after is null)
        {
            row.PrependChild(added);
        }
        else
        {
            after.InsertAfterSelf(added);
        }

        return added;
    }

    private static void SetValue(S.Cell cell, object? value, StringTable strings)
    {
        cell.CellValue = null;
        cell.InlineString = null;
        cell.DataType = null;
        switch (value)
        {
            case null:
                break;
            case decimal or int or long or double:
                cell.CellValue = new S.CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            default:
                cell.CellValue = new S.CellValue(strings.Index(value as string ?? value.ToString() ?? "").ToString(CultureInfo.InvariantCulture));
                cell.DataType = S.CellValues.SharedString;
                break;
        }
    }

    /// <summary>The format a column gives its empty cells (the &lt;col style&gt; of the sheet), by 1-based column.</summary>
    private static Dictionary<int, uint> ColumnStyles(S.Worksheet worksheet)
    {
        var styles = new Dictionary<int, uint>();
        foreach (var column in worksheet.Elements<S.Columns>().SelectMany(columns => columns.Elements<S.Column>()))
        {
            if (column.Style?.Value is { } style and > 0 && column.Min?.Value is { } min && column.Max?.Value is { } max)
            {
                for (var c = (int)min; c <= Math.Min(max, 16384); c++)
                {
                    styles.TryAdd(c, style);
                }
            }
        }

        return styles;
    }

    /// <summary>
    /// A sheet the workbook did not have (支出计划 from a Hebei form, say): its header bold, the columns' widths, the
    /// header frozen. The bold format is added to the styles once.
    /// </summary>
    private static void AddSheet(WorkbookPart workbookPart, EditableSheet sheet, StringTable strings)
    {
        var bold = BoldStyle(workbookPart);
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new S.SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new S.Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < sheet.Rows[r].Count; c++)
            {
                if (sheet.Rows[r][c] is not { } value)
                {
                    continue;
                }

                var cell = new S.Cell { CellReference = SourceLocation.ColumnLetters(c + 1) + (r + 1).ToString(CultureInfo.InvariantCulture) };
                if (r == sheet.HeaderRow && bold is { } style)
                {
                    cell.StyleIndex = style;
                }

                SetValue(cell, value, strings);
                row.AppendChild(cell);
            }

            data.AppendChild(row);
        }

        var columns = new S.Columns(sheet.Spec.Columns.Select((column, i) =>
            new S.Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = column.Width, CustomWidth = true }));
        var view = new S.SheetViews(new S.SheetView(
            new S.Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = S.PaneValues.BottomLeft, State = S.PaneStateValues.Frozen })
        { WorkbookViewId = 0 });
        part.Worksheet = new S.Worksheet(view, columns, data);
        part.Worksheet.Save();

        var workbook = workbookPart.Workbook;
        var list = workbook.Sheets ?? workbook.AppendChild(new S.Sheets());
        var id = list.Elements<S.Sheet>().Select(s => s.SheetId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1;
        list.AppendChild(new S.Sheet { Name = sheet.Name, SheetId = id, Id = workbookPart.GetIdOfPart(part) });
        workbook.Save();
    }

    private static uint? BoldStyle(WorkbookPart workbookPart)
    {
        if (workbookPart.WorkbookStylesPart?.Stylesheet is not { Fonts: { } fonts, CellFormats: { } formats } stylesheet)
        {
            return null;
        }

        fonts.AppendChild(new S.Font(new S.Bold()));
        fonts.Count = (uint)fonts.ChildElements.Count;
        formats.AppendChild(new S.CellFormat { FontId = fonts.Count - 1, FillId = 0, BorderId = 0, NumberFormatId = 0, FormatId = 0, ApplyFont = true });
        formats.Count = (uint)formats.ChildElements.Count;
        stylesheet.Save();
        return formats.Count - 1;
    }

    /// <summary>The shared strings: existing plain texts are reused, new ones appended; saved only when it grew.</summary>
    private sealed class StringTable(WorkbookPart workbookPart)
    {
        private Dictionary<string, int>? _indexes;
        private S.SharedStringTable? _table;
        private int _count;
        private int _added;

        public int Index(string text)
        {
            if (_indexes is null || _table is null)
            {
                var part = workbookPart.SharedStringTablePart ?? workbookPart.AddNewPart<SharedStringTablePart>();
                _table = part.SharedStringTable ??= new S.SharedStringTable();
                _indexes = new Dictionary<string, int>(StringComparer.Ordinal);
                var i = 0;
                foreach (var item in _table.Elements<S.SharedStringItem>())
                {
                    if (item.Text is { } plain && !item.Elements<S.Run>().Any())
                    {
                        _indexes.TryAdd(plain.Text, i);
                    }

                    i++;
                }

                _count = i;
            }

            if (_indexes.TryGetValue(text, out var index))
            {
                return index;
            }

            index = _count++;
            _table.AppendChild(new S.SharedStringItem(new S.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            _indexes[text] = index;
            _added++;
            return index;
        }

        public void Save()
        {
            if (_table is null || _added == 0)
            {
                return;
            }

            _table.UniqueCount = (uint)_count;
            if (_table.Count is not null)
            {
                _table.Count = _table.Count.Value + (uint)_added;
            }

            _table.Save();
        }
    }
}
