using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Input;

/// <summary>
/// Finds a sheet's header row and the column of each known field by header text, in any order, extra columns
/// ignored, a bracketed unit such as "（万元）" or "(元)" allowed after the name.
/// </summary>
internal sealed partial class HeaderMap
{
    private readonly Dictionary<string, int> _columns;
    private readonly HashSet<int> _yuanColumns;
    private readonly HashSet<int> _wanColumns;

    private HeaderMap(int headerRow, Dictionary<string, int> columns, HashSet<int> yuanColumns, HashSet<int> wanColumns,
        IReadOnlyList<string> duplicates)
    {
        HeaderRow = headerRow;
        _columns = columns;
        _yuanColumns = yuanColumns;
        _wanColumns = wanColumns;
        Duplicates = duplicates;
    }

    /// <summary>The 1-based row holding the headers; data starts below it.</summary>
    public int HeaderRow { get; }

    /// <summary>Fields whose header appears twice; the first column is used.</summary>
    public IReadOnlyList<string> Duplicates { get; }

    public IReadOnlyDictionary<string, int> Columns => _columns;

    public int? Column(string field) => _columns.TryGetValue(field, out var column) ? column : null;

    /// <summary>The 1-based column of a field of the sheet's schema, or null when the sheet has no such column.</summary>
    public int? Column(ColumnSpec field) => Column(field.Name);

    /// <summary>
    /// Whether a bare number in the column is in 元: the header's own unit wins ("（元）" or "（万元）"), otherwise
    /// the workbook's 金额单位.
    /// </summary>
    public bool IsYuan(int column, bool workbookIsYuan) => _yuanColumns.Contains(column) || (workbookIsYuan && !_wanColumns.Contains(column));

    /// <summary>
    /// Looks for the header row among the first rows of the sheet: the first row holding every required column.
    /// Throws <see cref="InputException"/> naming the sheet and the missing headers when there is none.
    /// </summary>
    public static HeaderMap Find(SheetData sheet, string file, IReadOnlyList<ColumnSpec> specs, int searchRows = 10)
    {
        HeaderMap? best = null;
        var bestMissing = specs.Where(s => s.Required).Select(s => s.Name).ToList();
        for (var row = 1; row <= Math.Min(searchRows, sheet.Rows.Count); row++)
        {
            var candidate = Match(sheet, row, specs);
            var missing = specs.Where(s => s.Required && candidate.Column(s.Name) is null).Select(s => s.Name).ToList();
            if (missing.Count == 0)
            {
                return candidate;
            }

            if (missing.Count < bestMissing.Count)
            {
                best = candidate;
                bestMissing = missing;
            }
        }

        var where = best is null ? "" : $"（第 {best.HeaderRow} 行像是表头）";
        throw new InputException(
            $"{System.IO.Path.GetFileName(file)} 的工作表“{sheet.Name}”缺少必填列：{string.Join("、", bestMissing)}{where}。"
            + $"请在表头行填写这些列名（列的顺序不限；每列的其他写法见{WorkbookGuide.GuideTitle}）。",
            new SourceLocation(file, sheet.Name, best?.HeaderRow));
    }

    private static HeaderMap Match(SheetData sheet, int row, IReadOnlyList<ColumnSpec> specs)
    {
        var columns = new Dictionary<string, int>();
        var yuan = new HashSet<int>();
        var wan = new HashSet<int>();
        var duplicates = new List<string>();
        var width = sheet.Rows[row - 1].Length;
        for (var column = 1; column <= width; column++)
        {
            var (name, unit) = SplitUnit(sheet.Text(row, column));
            if (name.Length == 0)
            {
                continue;
            }

            var spec = specs.FirstOrDefault(s => TextNormalizer.Key(s.Name) == name || s.Synonyms.Any(x => TextNormalizer.Key(x) == name));
            if (spec is null)
            {
                continue;
            }

            if (!columns.TryAdd(spec.Name, column))
            {
                duplicates.Add(spec.Name);
                continue;
            }

            if (unit == "元")
            {
                yuan.Add(column);
            }
            else if (unit == "万元")
            {
                wan.Add(column);
            }
        }

        return new HeaderMap(row, columns, yuan, wan, duplicates);
    }

    /// <summary>"年初预算数（万元）" → ("年初预算数", "万元"); "*项目名称" → ("项目名称", null).</summary>
    private static (string Name, string? Unit) SplitUnit(string header)
    {
        var key = TextNormalizer.Key(header).TrimStart('*').TrimEnd('*');
        var match = UnitSuffix().Match(key);
        return match.Success ? (key[..match.Index], match.Groups[1].Value) : (key, null);
    }

    [GeneratedRegex(@"\((万元|元)\)$")]
    private static partial Regex UnitSuffix();
}
