using ExcelDataReader;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Parsing;

namespace ReportGen.Import;

/// <summary>
/// Reads an .xlsx or .xls form file into one <see cref="FormTable"/> per visible sheet. Values come from
/// <see cref="WorkbookLoader"/>; a second pass over the file collects what it does not keep: merged ranges (a
/// merge's lower rows get a copy of its text, like Word's vMerge) and percent number formats (a cell holding 0.9
/// formatted as a percentage reads "90%", as the user sees it).
/// </summary>
internal static class SpreadsheetFormReader
{
    public static IReadOnlyList<FormTable> Read(string path, ICollection<SkippedItem> skipped)
    {
        var workbook = WorkbookLoader.Load(path);
        var layouts = ReadLayouts(path);
        var tables = new List<FormTable>();
        foreach (var sheet in workbook.Sheets)
        {
            if (sheet.Hidden)
            {
                skipped.Add(new SkippedItem(new SourceLocation(path, sheet.Name), "隐藏的工作表，未读取"));
                continue;
            }

            var layout = layouts.GetValueOrDefault(sheet.Name) ?? SheetLayout.Empty;
            tables.Add(new FormTable(path, sheet.Name, Rows(path, sheet, layout)));
        }

        return tables;
    }

    private static List<FormRow> Rows(string path, SheetData sheet, SheetLayout layout)
    {
        var width = sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(row => row.Length);
        var rows = new List<FormRow>();
        for (var r = 1; r <= sheet.Rows.Count; r++)
        {
            var cells = new List<FormCell>();
            for (var c = 1; c <= width; c++)
            {
                var merge = layout.MergeAt(r, c);
                if (merge is null)
                {
                    cells.Add(new FormCell(CellText(sheet, layout, r, c), c));
                    continue;
                }

                var span = merge.ToColumn - merge.FromColumn + 1;
                if (c != merge.FromColumn + 1)
                {
                    continue;
                }

                var text = CellText(sheet, layout, merge.FromRow + 1, c);
                cells.Add(new FormCell(text, c, span, IsVerticalCopy: r != merge.FromRow + 1));
            }

            var row = new FormRow(cells, new SourceLocation(path, sheet.Name, r));
            if (!row.IsBlank)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static string CellText(SheetData sheet, SheetLayout layout, int row, int column) => sheet.Value(row, column) switch
    {
        null => "",
        string text => FormText.Tidy(text),
        double number when layout.Percent.Contains((row, column)) && Math.Abs(number) < 1e20 =>
            FormText.FormatNumber(Math.Round((decimal)number * 100m, 4)) + "%",
        double number => Input.CellText.Number(number),
        DateTime date => DateParser.Text(date),
        var other => Input.CellText.Of(other),
    };

    private sealed record SheetLayout(IReadOnlyList<CellRange> Merges, HashSet<(int, int)> Percent)
    {
        public static SheetLayout Empty { get; } = new([], []);

        /// <summary>The merged range covering a 1-based cell, or null.</summary>
        public CellRange? MergeAt(int row, int column) => Merges.FirstOrDefault(range =>
            row - 1 >= range.FromRow && row - 1 <= range.ToRow && column - 1 >= range.FromColumn && column - 1 <= range.ToColumn);
    }

    /// <summary>Merged ranges and percent-formatted cells per sheet; empty when the file defeats this pass.</summary>
    private static Dictionary<string, SheetLayout> ReadLayouts(string path)
    {
        var layouts = new Dictionary<string, SheetLayout>(StringComparer.Ordinal);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                var percent = new HashSet<(int, int)>();
                var row = 0;
                while (reader.Read())
                {
                    row++;
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (reader.GetValue(i) is double && (reader.GetNumberFormatString(i) ?? "").Contains('%', StringComparison.Ordinal))
                        {
                            percent.Add((row, i + 1));
                        }
                    }
                }

                layouts[reader.Name ?? ""] = new SheetLayout(reader.MergeCells ?? [], percent);
            }
            while (reader.NextResult());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The values were read already; without this pass merged cells simply read as blanks ("same as above").
            return layouts;
        }

        return layouts;
    }
}
