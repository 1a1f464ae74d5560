using System.Text;
using ReportGen.Analysis;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Tests.TestSupport;

/// <summary>
/// A small year-end workbook built in code: sheets as rows of values (string, decimal, int, double or null).
/// <see cref="Create"/> starts with a valid 基本信息 and an empty 预算执行 under the standard header, whose
/// columns are A 项目名称, B 支出类别, C 来源, D 年初预算数, E 调整数, F 全年预算数, G 实际支出数,
/// H 结余结转数, I 资金来源, J 主要用途, K 别名, L 偏差原因 (so a data row n sits at row n + 1).
/// </summary>
internal sealed class WorkbookBuilder
{
    public static readonly string[] LineHeader =
        ["项目名称", "支出类别", "来源", "年初预算数", "调整数", "全年预算数", "实际支出数", "结余结转数", "资金来源", "主要用途", "别名", "偏差原因"];

    public static readonly string[] IndicatorHeader =
        ["归属", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "完成情况", "得分", "偏差原因"];

    public static readonly string[] TargetHeader = ["项目名称", "所属专项", "项目金额", "实施期", "实施期目标", "年度目标", "实际完成情况"];

    private readonly List<(string Name, List<object?[]> Rows)> _sheets = [];

    public static WorkbookBuilder Create(string department = "测试部门", string year = "2023") => new WorkbookBuilder()
        .Sheet(WorkbookSchema.InfoSheet, ["项目", "内容"], ["部门名称", department], ["年度", year], ["金额单位", "万元"])
        .Sheet(WorkbookSchema.LinesSheet, LineHeader);

    /// <summary>Adds (or replaces) a sheet with the given rows.</summary>
    public WorkbookBuilder Sheet(string name, params object?[][] rows)
    {
        Without(name);
        _sheets.Add((name, rows.ToList()));
        return this;
    }

    public WorkbookBuilder Without(string sheet)
    {
        _sheets.RemoveAll(s => s.Name == sheet);
        return this;
    }

    /// <summary>Appends a raw row to a sheet (creating the sheet if needed).</summary>
    public WorkbookBuilder Row(string sheet, params object?[] cells)
    {
        var index = _sheets.FindIndex(s => s.Name == sheet);
        if (index < 0)
        {
            _sheets.Add((sheet, [cells]));
        }
        else
        {
            _sheets[index].Rows.Add(cells);
        }

        return this;
    }

    public IReadOnlyList<object?[]> Rows(string sheet) => _sheets.Single(s => s.Name == sheet).Rows;

    /// <summary>Sets a 基本信息 item (replacing the row if the item exists); null removes it.</summary>
    public WorkbookBuilder Info(string item, object? value)
    {
        var rows = _sheets.Single(s => s.Name == WorkbookSchema.InfoSheet).Rows;
        var index = rows.FindIndex(r => r.Length > 0 && Equals(r[0], item));
        if (value is null)
        {
            if (index >= 0)
            {
                rows.RemoveAt(index);
            }
        }
        else if (index >= 0)
        {
            rows[index] = [item, value];
        }
        else
        {
            rows.Add([item, value]);
        }

        return this;
    }

    /// <summary>
    /// Fills every text the report asks of the user (主要职责, 年度总体目标, 存在问题, 改进措施, 其他说明, one 重点工作
    /// with its 完成情况), so that a workbook whose figures are clean has no missing-input finding (RG191–RG198).
    /// </summary>
    public WorkbookBuilder WithTexts() => Info("主要职责", "负责本部门职能。").Info("年度总体目标", "完成年度工作任务。")
        .Info("存在问题", "无。").Info("改进措施", "继续加强预算管理。").Info("其他说明", "无其他需要说明的情况。")
        .Sheet(WorkbookSchema.TasksSheet, ["事项", "责任单位", "工作目标", "完成情况"], ["年度工作", "本部门", "完成", "已完成。"]);

    /// <summary>Appends a row to 预算执行 in the standard column order.</summary>
    public WorkbookBuilder Line(
        string name, string category, object? initial, object? adjustment, object? final, object? actual,
        object? carryOver = null, string? source = null, string? purpose = null, string? alias = null, string? note = null,
        string? funding = null) =>
        Row(WorkbookSchema.LinesSheet, name, category, source, initial, adjustment, final, actual, carryOver, funding, purpose, alias, note);

    /// <summary>A project line whose figures agree: final = initial + adjustment, carry-over = final − actual.</summary>
    public WorkbookBuilder Project(string name, decimal initial, decimal adjustment, decimal actual,
        string? note = null, string? purpose = null, string? alias = null, string? source = null) =>
        Line(name, "项目支出", initial, adjustment, initial + adjustment, actual, initial + adjustment - actual,
            source, purpose, alias, note);

    public WorkbookBuilder Basic(string name, decimal initial, decimal adjustment, decimal actual, string? note = null) =>
        Line(name, "基本支出", initial, adjustment, initial + adjustment, actual, initial + adjustment - actual, note: note);

    /// <summary>Appends a 绩效指标 row (the sheet gets its header when first used).</summary>
    public WorkbookBuilder Indicator(params object?[] cells)
    {
        if (_sheets.All(s => s.Name != WorkbookSchema.IndicatorsSheet))
        {
            Sheet(WorkbookSchema.IndicatorsSheet, IndicatorHeader);
        }

        return Row(WorkbookSchema.IndicatorsSheet, cells);
    }

    /// <summary>Appends a 项目目标 row (the sheet gets its header when first used).</summary>
    public WorkbookBuilder Target(string name, object? amount, string? annualGoal = null, string? outcome = null)
    {
        if (_sheets.All(s => s.Name != WorkbookSchema.TargetsSheet))
        {
            Sheet(WorkbookSchema.TargetsSheet, TargetHeader);
        }

        return Row(WorkbookSchema.TargetsSheet, name, name, amount, "2023年全年", null, annualGoal, outcome);
    }

    /// <summary>The workbook as the loader would give it, without touching the disk. Strings stay strings.</summary>
    public WorkbookData ToData(string path = "测试.xlsx") =>
        new(path, _sheets.Select(s => new SheetData(s.Name, s.Rows.Select(Normalize).ToList())).ToList());

    public ExecutionWorkbook Read(string path = "测试.xlsx") => ExecutionWorkbookReader.Read(ToData(path));

    public DepartmentAnalysis Analyze(string path = "测试.xlsx") => GenerateJob.Analyze(Read(path));

    /// <summary>Writes an .xlsx through <see cref="XlsxWriter"/>: numbers as numbers, text as text.</summary>
    public string WriteXlsx(string path)
    {
        XlsxWriter.Write(path, _sheets.Select(s => new XlsxSheet(s.Name, s.Rows.Select(r => (IReadOnlyList<object?>)r).ToList())).ToList());
        return path;
    }

    /// <summary>Writes a folder with one UTF-8 (BOM) .csv per sheet, named after it.</summary>
    public string WriteCsvFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, rows) in _sheets)
        {
            var text = new StringBuilder();
            foreach (var row in rows)
            {
                text.Append(string.Join(",", row.Select(CsvCell))).Append('\n');
            }

            File.WriteAllText(Path.Combine(folder, name + ".csv"), text.ToString(), new UTF8Encoding(true));
        }

        return folder;
    }

    // ExcelDataReader hands numbers over as double; keep in-memory sheets the same.
    private static object?[] Normalize(object?[] row) => row.Select(value => value switch
    {
        decimal m => (object?)(double)m,
        int i => (double)i,
        long l => (double)l,
        _ => value,
    }).ToArray();

    private static string CsvCell(object? value)
    {
        var text = value switch
        {
            null => "",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}

/// <summary>Finding look-ups for assertions.</summary>
public static class FindingAssert
{
    public static Finding Single(DepartmentAnalysis analysis, string code) =>
        Assert.Single(analysis.Findings, f => f.Code == code);

    public static Finding Single(IEnumerable<Finding> findings, string code) => Assert.Single(findings, f => f.Code == code);

    public static void None(DepartmentAnalysis analysis, string code) =>
        Assert.DoesNotContain(analysis.Findings, f => f.Code == code);

    public static IReadOnlyList<string> Codes(DepartmentAnalysis analysis) => analysis.Findings.Select(f => f.Code).ToList();
}
