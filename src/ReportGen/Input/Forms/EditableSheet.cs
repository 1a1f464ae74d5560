using System.Globalization;

namespace ReportGen.Input.Forms;

/// <summary>
/// A sheet of the target workbook being merged: its rows as values, its header row, and its columns by header.
/// Existing rows and columns keep their order; new columns go to the right, new rows to the bottom.
/// </summary>
internal sealed class EditableSheet
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string[]> _synonyms;

    private EditableSheet(string name, List<List<object?>> rows, int headerRow, IReadOnlyDictionary<string, string[]> synonyms)
    {
        Name = name;
        Rows = rows;
        HeaderRow = headerRow;
        _synonyms = synonyms;
        var header = rows[headerRow];
        for (var c = 0; c < header.Count; c++)
        {
            var key = TextNormalizer.Key(Text(header[c]));
            foreach (var (canonical, names) in synonyms)
            {
                if (!_columns.ContainsKey(canonical) && names.Any(n => TextNormalizer.Key(n) == key))
                {
                    _columns[canonical] = c;
                }
            }

            if (key.Length > 0 && !_columns.ContainsKey(key))
            {
                _columns[key] = c;
            }
        }
    }

    public string Name { get; }
    public List<List<object?>> Rows { get; }
    public int HeaderRow { get; }
    public bool Created { get; private init; }
    public int Added { get; set; }
    public int Updated { get; set; }

    /// <summary>A new sheet holding just its header row.</summary>
    public static EditableSheet Create(string name, IReadOnlyList<string> headers, IReadOnlyDictionary<string, string[]> synonyms) =>
        new(name, [headers.Cast<object?>().ToList()], 0, synonyms) { Created = true };

    /// <summary>A sheet the import does not edit, kept row for row.</summary>
    public static EditableSheet Verbatim(SheetData sheet)
    {
        var rows = sheet.Rows.Select(row => row.Select(Preserve).ToList()).ToList();
        if (rows.Count == 0)
        {
            rows.Add([]);
        }

        return new EditableSheet(sheet.Name, rows, 0, new Dictionary<string, string[]>());
    }

    /// <summary>
    /// An existing sheet; the header row is the first of the first ten rows naming <paramref name="keyHeader"/>.
    /// Missing headers are added to the right of that row.
    /// </summary>
    public static EditableSheet Open(SheetData sheet, string keyHeader, IReadOnlyList<string> headers, IReadOnlyDictionary<string, string[]> synonyms)
    {
        var rows = sheet.Rows.Select(row => row.Select(Preserve).ToList()).ToList();
        var keyNames = synonyms[keyHeader].Select(TextNormalizer.Key).ToHashSet();
        var headerRow = rows.Take(10).ToList().FindIndex(row => row.Any(value => keyNames.Contains(TextNormalizer.Key(Text(value)))));
        if (headerRow < 0)
        {
            // No header: put ours above whatever is there, so nothing the user typed is lost.
            rows.Insert(0, headers.Cast<object?>().ToList());
            headerRow = 0;
        }

        var result = new EditableSheet(sheet.Name, rows, headerRow, synonyms);
        foreach (var header in headers)
        {
            result.Column(header);
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

    public IEnumerable<int> DataRows() => Enumerable.Range(HeaderRow + 1, Rows.Count - HeaderRow - 1);

    public string Text(int row, string header) => Text(Get(row, Column(header)));

    public object? Get(int row, int column) => column < Rows[row].Count ? Rows[row][column] : null;

    public void Set(int row, int column, object? value)
    {
        var cells = Rows[row];
        while (cells.Count <= column)
        {
            cells.Add(null);
        }

        cells[column] = value;
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

    public int Append(IReadOnlyDictionary<string, object?> values)
    {
        Rows.Add([]);
        var row = Rows.Count - 1;
        foreach (var (header, value) in values)
        {
            Set(row, Column(header), value);
        }

        Added++;
        return row;
    }

    public Output.XlsxSheet ToXlsx()
    {
        var rows = Rows.Select(row => (IReadOnlyList<object?>)TrimEnd(row)).ToList();
        return new Output.XlsxSheet(Name, rows, BoldFirstRow: HeaderRow == 0);
    }

    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
        double d when CellText.TryDecimal(d, out var number) => number.ToString("0.############", CultureInfo.InvariantCulture),
        double d => CellText.Number(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => CellText.Of(value),
    };

    /// <summary>Values as read, in a form the writer keeps: numbers stay numbers, dates become text.</summary>
    private static object? Preserve(object? value) => value switch
    {
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
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
