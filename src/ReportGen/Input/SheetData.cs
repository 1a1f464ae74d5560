namespace ReportGen.Input;

/// <summary>
/// One sheet as read, independent of the file format: rows of cell values (string, double, bool, DateTime or null),
/// 1-based row and column numbers as a spreadsheet shows them.
/// </summary>
public sealed class SheetData(string name, IReadOnlyList<object?[]> rows, bool hidden = false)
{
    public string Name { get; } = name;
    public IReadOnlyList<object?[]> Rows { get; } = rows;
    public bool Hidden { get; } = hidden;

    /// <summary>The raw value at a 1-based row and column, or null outside the data.</summary>
    public object? Value(int row, int column)
    {
        if (row < 1 || row > Rows.Count)
        {
            return null;
        }

        var cells = Rows[row - 1];
        return column >= 1 && column <= cells.Length ? cells[column - 1] : null;
    }

    /// <summary>The cell as trimmed text (numbers in invariant form), or "" when empty.</summary>
    public string Text(int row, int column) => CellText.Of(Value(row, column));

    public bool IsBlankRow(int row) => Rows[row - 1].All(value => CellText.Of(value).Length == 0);
}

/// <summary>All sheets of one workbook (an .xlsx, an .xls, or a folder of .csv files), by sheet name.</summary>
public sealed class WorkbookData(string path, IReadOnlyList<SheetData> sheets)
{
    public string Path { get; } = path;
    public IReadOnlyList<SheetData> Sheets { get; } = sheets;

    /// <summary>Finds a sheet by name, ignoring surrounding spaces and full-width/half-width differences.</summary>
    public SheetData? Find(string name)
    {
        var wanted = TextNormalizer.Key(name);
        return Sheets.FirstOrDefault(sheet => TextNormalizer.Key(sheet.Name) == wanted);
    }
}
