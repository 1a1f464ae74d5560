using System.Globalization;
using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Input;

/// <summary>
/// Reads a department's year-end workbook (docs/workbook.md) into an <see cref="ExecutionWorkbook"/>, amounts in
/// 万元. Unreadable structure (no such file, a missing sheet or required column, no 部门名称) throws
/// <see cref="InputException"/>; a bad cell becomes a finding with its location and the reading goes on.
/// </summary>
public sealed partial class ExecutionWorkbookReader
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
            var header = HeaderMap.Find(sheet, _file, WorkbookSchema.InfoColumns, searchRows: 3);
            (itemColumn, valueColumn, firstRow) = (header.Column("项目")!.Value, header.Column("内容")!.Value, header.HeaderRow + 1);
        }
        catch (InputException)
        {
        }

        var facts = new Dictionary<string, string>();
        var rows = new Dictionary<string, int>();
        for (var row = firstRow; row <= sheet.Rows.Count; row++)
        {
            var item = sheet.Text(row, itemColumn);
            if (item.Length == 0)
            {
                continue;
            }

            var key = WorkbookSchema.CanonicalInfoItem(item);
            var value = sheet.Text(row, valueColumn);
            if (key is null || !facts.TryAdd(key, value))
            {
                continue;
            }

            rows[key] = row;
        }

        var name = facts.GetValueOrDefault("部门名称") ?? "";
        if (name.Length == 0)
        {
            throw new InputException(
                $"{System.IO.Path.GetFileName(_file)} 的工作表“基本信息”没有填写“部门名称”。请在 A 列写“部门名称”，B 列写部门全称。",
                At(sheet, rows.GetValueOrDefault("部门名称", 1), valueColumn));
        }

        var yearText = facts.GetValueOrDefault("年度") ?? "";
        var yearMatch = YearPattern().Match(TextNormalizer.FoldWidth(yearText));
        if (!yearMatch.Success)
        {
            var where = rows.TryGetValue("年度", out var yearRow) ? At(sheet, yearRow, valueColumn) : At(sheet, 1);
            throw new InputException(
                $"{System.IO.Path.GetFileName(_file)} 的工作表“基本信息”{(yearText.Length == 0 ? "没有填写“年度”" : $"中的年度“{yearText}”无法识别")}（{where}）。请填写四位年份，如 2023。",
                where);
        }

        var unit = TextNormalizer.Key(facts.GetValueOrDefault("金额单位") ?? "");
        unit = unit switch
        {
            "" or "万元" or "万" => "万元",
            "元" => "元",
            _ => throw new InputException(
                $"{System.IO.Path.GetFileName(_file)} 的工作表“基本信息”中的金额单位“{facts["金额单位"]}”无法识别（{At(sheet, rows["金额单位"], valueColumn)}）。金额单位只能是“万元”或“元”。",
                At(sheet, rows["金额单位"], valueColumn)),
        };

        var cells = rows.ToDictionary(pair => pair.Key, pair => At(sheet, pair.Value, valueColumn));
        return new DepartmentInfo
        {
            Name = name,
            Year = int.Parse(yearMatch.Value, CultureInfo.InvariantCulture),
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
        foreach (var item in WorkbookSchema.InfoAmountItems)
        {
            if (facts.GetValueOrDefault(item) is { } text && !string.IsNullOrWhiteSpace(text))
            {
                var parsed = AmountParser.Parse(text, yuan);
                amounts[item] = new InfoAmount(parsed.Value, parsed.Problem, cells[item]);
            }
        }

        return amounts;
    }

    /// <summary>A four-digit year standing alone: 20245 and 2024.5 are not 2024 (docs/workbook.md, 年度).</summary>
    [GeneratedRegex(@"(?<![0-9.])(19|20)[0-9]{2}(?![0-9]|\.[0-9])")]
    private static partial Regex YearPattern();
}
