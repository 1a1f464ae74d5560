using ReportGen.Model;
using ReportGen.Parsing;
using Info = ReportGen.Model.WorkbookSchema.Info;
using Items = ReportGen.Model.WorkbookSchema.Items;

namespace ReportGen.Input;

/// <summary>
/// Reads a department's year-end workbook (docs/workbook.md) into an <see cref="ExecutionWorkbook"/>, amounts in
/// 万元. Unreadable structure (no such file, a missing sheet or required column, no 部门名称) throws
/// <see cref="InputException"/>; a bad cell becomes a finding with its location and the reading goes on.
/// </summary>
internal sealed partial class ExecutionWorkbookReader
{
    private readonly List<Finding> _findings = [];
    private string _file = "";

    public static ExecutionWorkbook Read(string path) => new ExecutionWorkbookReader().ReadWorkbook(WorkbookLoader.Load(path));

    public static ExecutionWorkbook Read(WorkbookData data) => new ExecutionWorkbookReader().ReadWorkbook(data);

    private ExecutionWorkbook ReadWorkbook(WorkbookData data)
    {
        _file = data.Path;
        var info = ReadInfo(Require(data, WorkbookSchema.InfoSheet));
        var isYuan = info.SourceUnit == "元";
        var lines = ReadLines(Require(data, WorkbookSchema.LinesSheet), isYuan, out var totalRows);
        var indicators = data.Find(WorkbookSchema.IndicatorsSheet) is { } indicatorSheet ? ReadIndicators(indicatorSheet) : [];
        var tasks = data.Find(WorkbookSchema.TasksSheet) is { } taskSheet ? ReadTasks(taskSheet) : [];
        var targets = data.Find(WorkbookSchema.TargetsSheet) is { } targetSheet ? ReadTargets(targetSheet, isYuan) : [];
        var plan = data.Find(WorkbookSchema.PlanSheet) is { } planSheet ? ReadCheckpoints(planSheet, isYuan, percent: true) : [];
        var quarterly = data.Find(WorkbookSchema.QuarterlySheet) is { } quarterSheet ? ReadCheckpoints(quarterSheet, isYuan, percent: false) : [];
        ReportLayout(data);
        return new ExecutionWorkbook
        {
            Path = data.Path,
            Department = info,
            Lines = lines,
            StatedTotals = totalRows,
            Indicators = indicators,
            KeyTasks = tasks,
            ProjectTargets = targets,
            SpendingPlan = plan,
            QuarterlySpending = quarterly,
            ReadFindings = _findings,
        };
    }

    private SheetData Require(WorkbookData data, string name) =>
        data.Find(name) ?? throw new InputException(
            $"{System.IO.Path.GetFileName(_file)} 中没有工作表“{name}”。现有工作表：{string.Join("、", data.Sheets.Select(s => s.Name))}。"
            + $"请按{WorkbookGuide.GuideTitle}的格式添加该工作表，或用 reportgen new 新建一个工作簿。",
            new SourceLocation(_file, name));

    private void Add(string code, Severity severity, SourceLocation location, string message) =>
        _findings.Add(new Finding(code, severity, location, message));

    private SourceLocation At(SheetData sheet, int row, int? column = null) => new(_file, sheet.Name, row, column);

    private DepartmentInfo ReadInfo(SheetData sheet)
    {
        // A header row is optional here: without one, column A is the item and column B the content.
        int itemColumn = 1, valueColumn = 2, firstRow = 1;
        try
        {
            var header = HeaderMap.Find(sheet, _file, Info.Columns, searchRows: 3);
            (itemColumn, valueColumn, firstRow) = (header.Column(Info.Item)!.Value, header.Column(Info.Content)!.Value, header.HeaderRow + 1);
        }
        catch (InputException)
        {
        }

        var rows = InfoRows(Enumerable.Range(firstRow, Math.Max(0, sheet.Rows.Count - firstRow + 1)), row => sheet.Text(row, itemColumn));
        var facts = rows.ToDictionary(pair => pair.Key, pair => sheet.Text(pair.Value, valueColumn));

        var name = facts.GetValueOrDefault(Items.DepartmentName.Name) ?? "";
        if (name.Length == 0)
        {
            throw new InputException(
                $"{System.IO.Path.GetFileName(_file)} 的工作表“{WorkbookSchema.InfoSheet}”没有填写“{Items.DepartmentName}”。请在 A 列写“{Items.DepartmentName}”，B 列写部门全称。",
                At(sheet, rows.GetValueOrDefault(Items.DepartmentName.Name, 1), valueColumn));
        }

        var yearText = facts.GetValueOrDefault(Items.Year.Name) ?? "";
        if (DateParser.Year(yearText) is not { } year)
        {
            var where = rows.TryGetValue(Items.Year.Name, out var yearRow) ? At(sheet, yearRow, valueColumn) : At(sheet, 1);
            throw new InputException(
                $"{System.IO.Path.GetFileName(_file)} 的工作表“{WorkbookSchema.InfoSheet}”{(yearText.Length == 0 ? $"没有填写“{Items.Year}”" : $"中的年度“{yearText}”无法识别")}（{where}）。请填写四位年份，如 2023。",
                where);
        }

        var unitText = facts.GetValueOrDefault(Items.Unit.Name) ?? "";
        var unit = AmountUnit(unitText) ?? throw new InputException(
            $"{System.IO.Path.GetFileName(_file)} 的工作表“{WorkbookSchema.InfoSheet}”中的{Items.Unit}“{unitText}”无法识别（{At(sheet, rows[Items.Unit.Name], valueColumn)}）。{Items.Unit}只能是“万元”或“元”。",
            At(sheet, rows[Items.Unit.Name], valueColumn));

        var cells = rows.ToDictionary(pair => pair.Key, pair => At(sheet, pair.Value, valueColumn));
        return new DepartmentInfo
        {
            Name = name,
            Year = year,
            SourceUnit = unit,
            Facts = facts,
            FactRows = cells,
            Amounts = InfoAmounts(facts, cells, yuan: unit == "元"),
        };
    }

    /// <summary>
    /// The filled-in 基本信息 amounts, parsed once here so that the checks and the report read the same value; an
    /// unreadable one keeps its problem for the check that uses it (RG110).
    /// </summary>
    private static Dictionary<string, InfoAmount> InfoAmounts(
        Dictionary<string, string> facts, Dictionary<string, SourceLocation> cells, bool yuan)
    {
        var amounts = new Dictionary<string, InfoAmount>();
        foreach (var item in Items.Amounts)
        {
            if (facts.GetValueOrDefault(item.Name) is { } text && !string.IsNullOrWhiteSpace(text))
            {
                var parsed = AmountParser.Parse(text, yuan);
                amounts[item.Name] = new InfoAmount(parsed.Value, parsed.Problem, cells[item.Name]);
            }
        }

        return amounts;
    }

    /// <summary>
    /// The 金额单位 a 基本信息 content names: 万元 (also when blank, or "万"), 元, or null when it names neither. The
    /// reader and the import (which converts form amounts into the workbook's unit) both read the unit by this.
    /// </summary>
    public static string? AmountUnit(string text) => TextNormalizer.Key(text) switch
    {
        "" or "万元" or "万" => "万元",
        "元" => "元",
        _ => null,
    };

    /// <summary>
    /// The canonical name of each 基本信息 item of the sheet (found by <see cref="WorkbookSchema.CanonicalInfoItem"/>,
    /// the first row of an item wins) with its row. The reader and the import find items by this one lookup.
    /// </summary>
    public static Dictionary<string, int> InfoRows(IEnumerable<int> rows, Func<int, string> itemText)
    {
        var found = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var item = itemText(row);
            if (item.Length > 0)
            {
                found.TryAdd(WorkbookSchema.CanonicalInfoItem(item), row);
            }
        }

        return found;
    }
}
