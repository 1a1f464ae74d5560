using ReportGen.Model;

namespace ReportGen.Input;

/// <summary>A merged range, 1-based and inclusive, as a spreadsheet shows it (B3:B5 is rows 3–5 of column 2).</summary>
internal sealed record MergedRange(int FromRow, int FromColumn, int ToRow, int ToColumn)
{
    public override string ToString() =>
        $"{Model.SourceLocation.ColumnLetters(FromColumn)}{FromRow}:{Model.SourceLocation.ColumnLetters(ToColumn)}{ToRow}";
}

/// <summary>
/// One sheet as read, independent of the file format: rows of cell values (string, double, bool, DateTime,
/// <see cref="FormulaProblem"/> or null), 1-based row and column numbers as a spreadsheet shows them.
/// </summary>
internal sealed class SheetData(string name, IReadOnlyList<object?[]> rows, bool hidden = false)
{
    private Dictionary<(int Row, int Column), int>? _mergedFrom;

    public string Name { get; } = name;
    public IReadOnlyList<object?[]> Rows { get; } = rows;
    public bool Hidden { get; } = hidden;

    /// <summary>The .csv file this sheet was read from, or null for a sheet of a workbook.</summary>
    public string? FileName { get; init; }

    /// <summary>1-based rows the file hides (height 0); they are read like any other row.</summary>
    public IReadOnlySet<int> HiddenRows { get; init; } = new HashSet<int>();

    /// <summary>Merged ranges; the value sits in the top-left cell, the others are blank.</summary>
    public IReadOnlyList<MergedRange> Merges { get; init; } = [];

    /// <summary>
    /// Number cells whose format changes what they show (a percent, a scale, words such as 万元), by 1-based row
    /// and column; a cell not listed shows its stored number (docs/workbook.md, "Number formats").
    /// </summary>
    public IReadOnlyDictionary<(int Row, int Column), NumberFormat> NumberFormats { get; init; } =
        new Dictionary<(int Row, int Column), NumberFormat>();

    /// <summary>The format that changes how a number cell shows, or null.</summary>
    public NumberFormat? FormatOf(int row, int column) =>
        NumberFormats.Count > 0 && NumberFormats.TryGetValue((row, column), out var format) ? format : null;

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

    /// <summary>
    /// The cell as trimmed text (numbers in invariant form, as their number format shows them), or "" when empty. A blank cell under the top of a
    /// vertically merged range reads the text at its top, as the user sees it (支出类别 or 一级指标 merged over
    /// several rows); amounts use <see cref="Value"/> and are never copied.
    /// </summary>
    public string Text(int row, int column)
    {
        var value = Value(row, column);
        if (value is null && Merges.Count > 0 && MergedFrom().TryGetValue((row, column), out var top))
        {
            value = Value(top, column);
            row = top;
        }

        // A percent typed in Excel is 0.96 shown as 96%: read what the cell shows.
        return value is double number && FormatOf(row, column)?.For(number) is { } format ? format.Display(number) : CellText.Of(value);
    }

    // Cells of the merge's first column below its top, clipped to the data: bounded by the sheet's size.
    private Dictionary<(int, int), int> MergedFrom()
    {
        if (_mergedFrom is null)
        {
            var map = new Dictionary<(int, int), int>();
            foreach (var merge in Merges)
            {
                for (var row = merge.FromRow + 1; row <= Math.Min(merge.ToRow, Rows.Count); row++)
                {
                    map.TryAdd((row, merge.FromColumn), merge.FromRow);
                }
            }

            _mergedFrom = map;
        }

        return _mergedFrom;
    }

    public bool IsBlankRow(int row) => Rows[row - 1].All(value => CellText.Of(value).Length == 0);
}

/// <summary>All sheets of one workbook (an .xlsx, an .xls, or a folder of .csv files), by sheet name.</summary>
internal sealed class WorkbookData(string path, IReadOnlyList<SheetData> sheets)
{
    public string Path { get; } = path;
    public IReadOnlyList<SheetData> Sheets { get; } = sheets;

    /// <summary>
    /// Finds a sheet by name, ignoring spaces, case and full-width/half-width differences. Two sheets that both
    /// answer to the name (“预算执行 ” beside “预算执行”, or 预算执行 .csv beside 预算执行.csv) are an
    /// <see cref="InputException"/> naming both: which one is current cannot be known (docs/errors.md).
    /// </summary>
    public SheetData? Find(string name)
    {
        var wanted = TextNormalizer.Key(name);
        SheetData? found = null;
        foreach (var sheet in Sheets)
        {
            if (TextNormalizer.Key(sheet.Name) != wanted)
            {
                continue;
            }

            if (found is not null)
            {
                throw new InputException(
                    $"{System.IO.Path.GetFileName(Path)} 中{Describe(found)}和{Describe(sheet)}都对应工作表“{name}”"
                    + "（名称只差空格、大小写或全角半角），无法确定该读哪一个。请删除或改名其中不用的一个后重试。",
                    new Model.SourceLocation(Path, sheet.Name));
            }

            found = sheet;
        }

        return found;
    }

    private static string Describe(SheetData sheet) =>
        sheet.FileName is { } file ? $"文件“{file}”" : $"工作表“{sheet.Name}”";
}
