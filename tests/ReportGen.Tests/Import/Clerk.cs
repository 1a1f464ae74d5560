using System.Text.RegularExpressions;
using ReportGen.Import;
using ReportGen.Input;
using ReportGen.Model;

namespace ReportGen.Tests.Import;

/// <summary>
/// What a clerk does at year end in a workbook the import filled: types into the yellow cells of existing rows
/// (found by their name, as the clerk finds them on screen) and adds the rows of a new sheet. The workbook is edited
/// in place, cell by cell (the import's own patcher), as Excel would save it.
/// </summary>
internal sealed partial class Clerk(string path)
{
    private readonly WorkbookData _workbook = WorkbookLoader.Load(path);
    private readonly List<EditableSheet> _sheets = [];

    public EditableSheet Sheet(string name)
    {
        if (_sheets.FirstOrDefault(sheet => sheet.Name == name) is { } open)
        {
            return open;
        }

        var spec = WorkbookSchema.Sheet(name);
        var sheet = _workbook.Find(name) is { } data ? EditableSheet.Open(data, spec, path) : EditableSheet.Create(spec);
        _sheets.Add(sheet);
        return sheet;
    }

    /// <summary>The data rows of a sheet whose key column is filled.</summary>
    public IEnumerable<int> Rows(string sheet) =>
        Sheet(sheet).DataRows().Where(row => Sheet(sheet).Text(row, WorkbookSchema.Sheet(sheet).KeyColumn).Length > 0).ToList();

    public string Text(string sheet, int row, string header) => Sheet(sheet).Text(row, header);

    public void Type(string sheet, int row, string header, object? value) => Sheet(sheet).Update(row, header, value);

    /// <summary>The row whose key column (项目名称, 三级指标, 事项, 项目) reads <paramref name="key"/>.</summary>
    public int Row(string sheet, string key) =>
        Rows(sheet).First(row => Text(sheet, row, WorkbookSchema.Sheet(sheet).KeyColumn) == key);

    public void Save()
    {
        var result = WorkbookPatcher.Apply(File.ReadAllBytes(path), _sheets, path);
        if (result.Package is { } package)
        {
            File.WriteAllBytes(path, package);
        }
    }

    /// <summary>
    /// The actual a clerk writes for a target that was met: the target's figure without its operator
    /// ("≥60场" → "60场", "≦1.5万元" → "1.5万元", "2024年12月31日前" → "2024年12月31日"); a target in words as it is.
    /// </summary>
    public static string Met(string target) => Operators().Replace(target, "").Trim();

    [GeneratedRegex(@"^(?:≥|≧|>=|＞|>|≤|≦|<=|＜|<|=|不少于|不低于|不高于|不超过|达到|约)|(?:以上|以下|及以上|及以下|之前|以前|前)$")]
    private static partial Regex Operators();

    /// <summary>
    /// The whole year-end fill of one workbook: each 预算执行 line spent in full (调整数 0) with its 主要用途, each
    /// indicator met (实际完成值 as the target's figure, 完成情况 达成) except those <paramref name="actuals"/> gives
    /// another actual (with its 偏差原因), each project's and each 重点工作's outcome written.
    /// </summary>
    /// <param name="budgets">年初预算数 the clerk types where the forms gave none (a Guangdong department has no 基本支出 figure).</param>
    public static void FillYearEnd(string path, IReadOnlyDictionary<string, string>? actuals = null, IReadOnlyDictionary<string, decimal>? budgets = null)
    {
        var clerk = new Clerk(path);
        foreach (var row in clerk.Rows(WorkbookSchema.LinesSheet))
        {
            if (budgets is not null && budgets.TryGetValue(clerk.Text(WorkbookSchema.LinesSheet, row, "项目名称"), out var typed))
            {
                clerk.Type(WorkbookSchema.LinesSheet, row, "年初预算数", typed);
            }

            var budget = clerk.Text(WorkbookSchema.LinesSheet, row, "年初预算数");
            clerk.Type(WorkbookSchema.LinesSheet, row, "调整数", 0m);
            clerk.Type(WorkbookSchema.LinesSheet, row, "实际支出数", decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture));
            clerk.Type(WorkbookSchema.LinesSheet, row, "主要用途", $"{clerk.Text(WorkbookSchema.LinesSheet, row, "项目名称")}的日常支出");
        }

        foreach (var row in clerk.Rows(WorkbookSchema.IndicatorsSheet))
        {
            var name = clerk.Text(WorkbookSchema.IndicatorsSheet, row, "三级指标");
            if (actuals?.GetValueOrDefault(name) is { } actual)
            {
                clerk.Type(WorkbookSchema.IndicatorsSheet, row, "实际完成值", actual);
                clerk.Type(WorkbookSchema.IndicatorsSheet, row, "偏差原因", "部分工作受人员调整影响延后，下一年度加强统筹。");
                continue;
            }

            clerk.Type(WorkbookSchema.IndicatorsSheet, row, "实际完成值", Met(clerk.Text(WorkbookSchema.IndicatorsSheet, row, "指标值")));
            clerk.Type(WorkbookSchema.IndicatorsSheet, row, "完成情况", "达成");
        }

        foreach (var row in clerk.Rows(WorkbookSchema.TargetsSheet))
        {
            clerk.Type(WorkbookSchema.TargetsSheet, row, "实际完成情况", "全年按计划完成。");
        }

        foreach (var row in clerk.Rows(WorkbookSchema.TasksSheet))
        {
            clerk.Type(WorkbookSchema.TasksSheet, row, "完成情况", "已按计划完成。");
        }

        clerk.Save();
    }
}
