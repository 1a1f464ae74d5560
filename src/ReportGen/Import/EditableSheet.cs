using System.Globalization;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Parsing;

namespace ReportGen.Import;

/// <summary>
/// A sheet of the target workbook being merged: its rows as values, its header row, and its columns by header
/// (the names and synonyms of <see cref="WorkbookSchema"/>). Existing rows and columns keep their place; new columns
/// go to the right, new rows to the bottom. Every cell the merge sets is remembered (<see cref="Edits"/>), so that
/// an existing package is edited in those cells only (<see cref="WorkbookPatcher"/>).
/// </summary>
internal sealed class EditableSheet
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Row, int Column), object?> _edits = [];
    private int _next;

    private EditableSheet(string name, List<List<object?>> rows, int headerRow, SheetSpec spec)
    {
        Name = name;
        Rows = rows;
        HeaderRow = headerRow;
        Spec = spec;

        // New rows go under the last row with content: LibreOffice saves formatted empty rows below a table (a
        // drop-down list's cells down to row 100), and rows appended after those would be out of sight.
        _next = rows.FindLastIndex(row => row.Any(value => Text(value).Length > 0)) + 1;
        _next = Math.Max(_next, headerRow + 1);
        var header = rows[headerRow];
        for (var c = 0; c < header.Count; c++)
        {
            var text = Text(header[c]);
            foreach (var column in spec.Columns)
            {
                if (!_columns.ContainsKey(column.Name) && column.Names(text))
                {
                    _columns[column.Name] = c;
                }
            }

            var key = TextNormalizer.Key(text);
            if (key.Length > 0 && !_columns.ContainsKey(key))
            {
                _columns[key] = c;
            }
        }
    }

    public string Name { get; }
    public SheetSpec Spec { get; }
    public List<List<object?>> Rows { get; }

    /// <summary>
    /// An existing sheet whose cells are set by address, columns unknown (a filled report's fields, each naming its
    /// cell): nothing is added to it but the cells set.
    /// </summary>
    public static EditableSheet Cells(SheetData sheet) =>
        new(sheet.Name, sheet.Rows.Select(row => row.Select(Preserve).ToList()).ToList() is { Count: > 0 } rows ? rows : [[]], 0,
            new SheetSpec(sheet.Name, "", false, []));

    /// <summary>The 0-based index of the header row in <see cref="Rows"/> (row 1 of the sheet is index 0).</summary>
    public int HeaderRow { get; }

    public bool Created { get; private init; }
    public int Added { get; set; }
    public int Updated { get; set; }

    /// <summary>The cells the merge set, by 0-based row and column, with their new values.</summary>
    public IReadOnlyDictionary<(int Row, int Column), object?> Edits => _edits;

    /// <summary>A new sheet holding just its header row, the columns in the schema's order.</summary>
    public static EditableSheet Create(SheetSpec spec)
    {
        var sheet = new EditableSheet(spec.Name, [spec.Columns.Select(c => (object?)c.Name).ToList()], 0, spec) { Created = true };
        return sheet;
    }

    /// <summary>
    /// An existing sheet; the header row is the first of the first ten rows naming the sheet's key column. Missing
    /// headers are added to the right of that row. An empty sheet gets the header in row 1; a sheet with content but
    /// no header is refused, since the import would not know where its columns are.
    /// </summary>
    public static EditableSheet Open(SheetData sheet, SheetSpec spec, string file)
    {
        var rows = sheet.Rows.Select(row => row.Select(Preserve).ToList()).ToList();
        var key = spec.Column(spec.KeyColumn);
        var headerRow = rows.Take(10).ToList().FindIndex(row => row.Any(value => key.Names(Text(value))));
        if (headerRow < 0)
        {
            if (rows.Any(row => row.Any(value => Text(value).Length > 0)))
            {
                throw new InputException(
                    $"目标工作簿“{Path.GetFileName(file)}”的工作表“{sheet.Name}”前 10 行里没有表头“{spec.KeyColumn}”，导入不知道把内容写进哪一列。"
                    + $"请在表头行写上列名（{string.Join("、", spec.Columns.Select(c => c.Name))}，见{WorkbookGuide.GuideTitle}），或把这个工作表改名后重新导入。",
                    new Model.SourceLocation(file, sheet.Name));
            }

            rows = [[]];
            headerRow = 0;
        }

        var result = new EditableSheet(sheet.Name, rows, headerRow, spec);
        foreach (var column in spec.Columns)
        {
            result.Column(column.Name);
        }

        return result;
    }

    /// <summary>The 0-based column of a header, added at the right of the header row when missing.</summary>
    public int Column(string header)
    {
        if (_columns.TryGetValue(header, out var column) || _columns.TryGetValue(TextNormalizer.Key(header), out column))
        {
            return column;
        }

        var headerCells = Rows[HeaderRow];
        column = headerCells.Count;
        while (column > 0 && headerCells[column - 1] is null)
        {
            column--;
        }

        Set(HeaderRow, column, header);
        _columns[header] = column;
        return column;
    }

    /// <summary>The 0-based column of a column of the sheet's schema, added at the right of the header row when missing.</summary>
    public int Column(ColumnSpec column) => Column(column.Name);

    public IEnumerable<int> DataRows() => Enumerable.Range(HeaderRow + 1, Rows.Count - HeaderRow - 1);

    public string Text(int row, string header) => Text(Get(row, Column(header)));

    public string Text(int row, ColumnSpec column) => Text(row, column.Name);

    public object? Get(int row, int column) => column < Rows[row].Count ? Rows[row][column] : null;

    public void Set(int row, int column, object? value)
    {
        var cells = Rows[row];
        while (cells.Count <= column)
        {
            cells.Add(null);
        }

        cells[column] = value;
        _edits[(row, column)] = value;
    }

    /// <summary>Sets a form-owned cell; true when the value changed (compared as the user sees it).</summary>
    public bool Update(int row, string header, object? value)
    {
        var column = Column(header);
        if (Text(Get(row, column)) == Text(value))
        {
            return false;
        }

        Set(row, column, value);
        return true;
    }

    /// <summary>Sets a form-owned cell of a schema column; true when the value changed.</summary>
    public bool Update(int row, ColumnSpec column, object? value) => Update(row, column.Name, value);

    /// <summary>Appends a row with these values of schema columns, in the order given.</summary>
    public int Append(IReadOnlyDictionary<ColumnSpec, object?> values) =>
        Append(values.ToDictionary(pair => pair.Key.Name, pair => pair.Value));

    public int Append(IReadOnlyDictionary<string, object?> values)
    {
        if (_next >= Rows.Count)
        {
            Rows.Add([]);
        }

        var row = _next++;
        foreach (var (header, value) in values)
        {
            var column = Column(header);
            if (value is not null)
            {
                Set(row, column, value);
            }
        }

        Added++;
        return row;
    }

    /// <summary>The sheet as values; a sheet the merge created is dressed as <c>reportgen new</c> dresses it.</summary>
    public Output.XlsxSheet ToXlsx()
    {
        var rows = Rows.Select(row => (IReadOnlyList<object?>)TrimEnd(row)).ToList();
        if (Created && Spec.Name == WorkbookSchema.InfoSheet)
        {
            var item = Column(WorkbookSchema.Info.Item);
            var content = Column(WorkbookSchema.Info.Content);
            rows = Rows.Select((row, index) =>
            {
                if (index == HeaderRow)
                {
                    return (IReadOnlyList<object?>)TrimEnd(row);
                }

                var cells = row.Concat(Enumerable.Repeat<object?>(null, Math.Max(0, content + 1 - row.Count))).ToList();
                cells[content] = new Output.XlsxCell(cells[content], WorkbookLayout.InfoStyle(Text(cells[item])));
                return cells;
            }).ToList();
        }

        return new Output.XlsxSheet(Name, rows, BoldFirstRow: HeaderRow == 0, Layout: Created ? WorkbookLayout.SheetLayout(Spec) : null);
    }

    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
        double d when NumberParser.TryDecimal(d, out var number) => number.ToString("0.############", CultureInfo.InvariantCulture),
        double d => CellText.Number(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => CellText.Of(value),
    };

    /// <summary>Values as read, in a form the writer keeps: numbers stay numbers, dates become text.</summary>
    private static object? Preserve(object? value) => value switch
    {
        DateTime date => DateParser.Text(date),
        bool flag => flag ? "TRUE" : "FALSE",
        string { Length: 0 } => null,
        _ => value,
    };

    private static List<object?> TrimEnd(List<object?> row)
    {
        var count = row.Count;
        while (count > 0 && (row[count - 1] is null || row[count - 1] is string { Length: 0 }))
        {
            count--;
        }

        return row.Take(count).ToList();
    }
}
