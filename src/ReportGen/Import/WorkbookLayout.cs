using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Import;

/// <summary>
/// How the workbooks the tool writes are dressed (<c>reportgen new</c>, and the sheets <c>reportgen import</c>
/// creates): from <see cref="WorkbookSchema"/>, each sheet's columns with their widths, the header row frozen,
/// two-decimal amounts, drop-down lists for the closed sets, the cells for the clerk in yellow and those the import
/// fills in blue, and a 填写说明 sheet that explains it all in Chinese.
/// </summary>
public static class WorkbookLayout
{
    /// <summary>The sheets <c>reportgen new</c> writes, in order, after the 填写说明.</summary>
    public static readonly string[] NewSheets =
    [
        WorkbookSchema.InfoSheet, WorkbookSchema.LinesSheet, WorkbookSchema.IndicatorsSheet, WorkbookSchema.TasksSheet,
        WorkbookSchema.TargetsSheet, WorkbookSchema.PlanSheet,
    ];

    /// <summary>What each sheet is for, as the 填写说明 says it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Purposes = new Dictionary<string, string>
    {
        [WorkbookSchema.InfoSheet] = "必填。部门的基本情况，两列“项目 | 内容”，每行一项；部门名称、年度必须填写，金额单位填“万元”或“元”（默认万元）。",
        [WorkbookSchema.LinesSheet] = "必填。每个预算行一行：基本支出一行（或人员经费、公用经费各一行），每个项目一行。年终填写调整数、实际支出数和偏差原因。",
        [WorkbookSchema.IndicatorsSheet] = "选填。每个绩效指标一行：部门整体的指标归属填“部门整体”，项目的指标归属填项目名称。年终填写实际完成值、完成情况、得分。",
        [WorkbookSchema.TasksSheet] = "选填。附表1 的年度重点工作，每项一行；年终填写完成情况。",
        [WorkbookSchema.TargetsSheet] = "选填。每张附表3（项目支出绩效目标表）一行；年终填写实际完成情况。",
        [WorkbookSchema.PlanSheet] = "选填。资金支出计划（河北等格式的目标表导入）：截至各时点累计应支出的百分比，如“20%”。",
        [WorkbookSchema.QuarterlySheet] = "选填。截至各时点累计实际支出金额；12月底应等于预算执行表的实际支出数。",
    };

    /// <summary>Rows of a sheet that stay in view: the header.</summary>
    public static XlsxLayout SheetLayout(SheetSpec spec)
    {
        if (spec.Name == WorkbookSchema.InfoSheet)
        {
            return new XlsxLayout([new XlsxColumn(18), new XlsxColumn(60, XlsxStyle.ToFill)]);
        }

        var columns = spec.Columns.Select(column => new XlsxColumn(column.Width, Style(column), column.Choices)
        {
            ListRange = column == WorkbookSchema.Indicators.Scope ? $"'{WorkbookSchema.LinesSheet}'!$A$2:$A$1000" : null,
            Prompt = Prompt(column),
        }).ToList();
        return new XlsxLayout(columns);
    }

    /// <summary>The format of a column's cells: yellow for the clerk, blue for the import; two decimals for numbers.</summary>
    public static XlsxStyle Style(ColumnSpec column) => (column.Filler, column.Kind) switch
    {
        (ColumnFiller.User, ColumnKind.Text) => XlsxStyle.ToFill,
        (ColumnFiller.User, _) => XlsxStyle.ToFillAmount,
        (_, ColumnKind.Text) => XlsxStyle.FromForms,
        _ => XlsxStyle.FromFormsAmount,
    };

    private static string? Prompt(ColumnSpec column) =>
        column == WorkbookSchema.Indicators.Scope ? "部门整体的指标填“部门整体”；项目的指标从列表中选预算执行表里的项目名称。"
        : column == WorkbookSchema.Lines.Source ? "年初预算 或 年中追加；不填时按年初预算数判断。"
        : column == WorkbookSchema.Lines.Cause || column == WorkbookSchema.Indicators.Cause ? "执行率低于90%、预算有调整、超支或指标未达成时，写明原因和改进措施。"
        : null;

    /// <summary>The format of a 基本信息 content cell: blue for the items the import fills, yellow for the others.</summary>
    public static XlsxStyle InfoStyle(InfoItem item) => item.Filler == ColumnFiller.Forms ? XlsxStyle.FromForms : XlsxStyle.ToFill;

    /// <summary>The format of the content cell of the 基本信息 row named so (an item's canonical name), yellow for any other.</summary>
    public static XlsxStyle InfoStyle(string item) =>
        WorkbookSchema.FindInfoItem(item) is { } known ? InfoStyle(known) : XlsxStyle.ToFill;

    /// <summary>The workbook <c>reportgen new</c> writes: the guide, then the five sheets with their headers.</summary>
    public static IReadOnlyList<XlsxSheet> New(string? department, int? year, string unit, string? guidePath)
    {
        var values = new Dictionary<InfoItem, object?>
        {
            [WorkbookSchema.Items.DepartmentName] = department, [WorkbookSchema.Items.Year] = year, [WorkbookSchema.Items.Unit] = unit,
        };
        var info = new List<IReadOnlyList<object?>> { WorkbookSchema.Info.Columns.Select(c => (object?)c.Name).ToList() };
        info.AddRange(WorkbookSchema.Items.Listed.Select(item =>
            (IReadOnlyList<object?>)[item.Name, new XlsxCell(values.GetValueOrDefault(item), InfoStyle(item))]));
        var sheets = new List<XlsxSheet> { Guide(guidePath) };
        foreach (var name in NewSheets)
        {
            var spec = WorkbookSchema.Sheet(name);
            sheets.Add(name == WorkbookSchema.InfoSheet
                ? new XlsxSheet(name, info, Layout: SheetLayout(spec))
                : new XlsxSheet(name, [spec.Columns.Select(c => (object?)c.Name).ToList()], Layout: SheetLayout(spec)));
        }

        return sheets;
    }

    /// <summary>
    /// The 填写说明 sheet: the legend, then every sheet and column with whether it is required, who fills it, the
    /// other headers accepted and the values to choose from.
    /// </summary>
    public static XlsxSheet Guide(string? guidePath = null)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { new XlsxCell("工作簿填写说明", XlsxStyle.Title), "一个部门一年一个工作簿。填好后运行 reportgen check 检查，再运行 reportgen generate 生成报告。" },
            new object?[] { new XlsxCell("黄色格", XlsxStyle.ToFill), "由您填写：年终执行数据、实际完成值、完成情况、得分、原因说明等。" },
            new object?[] { new XlsxCell("蓝色格", XlsxStyle.FromForms), "可用 reportgen import 从年初绩效目标表（附表1、附表3 等）导入，也可以手工填写；目标表改正后重新导入会更新这些格，黄色格不会被改动。" },
            new object?[] { "金额", "按“基本信息”的金额单位（万元 或 元）填写数字；可以带千分位，也可以写“30万元”。合计、小计行可以保留，会核对是否等于各行之和。" },
            new object?[] { "列和工作表", "按表头文字识别列，顺序不限，多余的列和其他工作表不影响读取；下表列出每列也可以使用的其他写法。" },
            new object?[] { "检查", "reportgen check 逐项列出还没填写或数字对不上的地方，例如“预算执行!E7”表示预算执行表 E 列第 7 行。" },
            new object?[] { "完整说明", guidePath is null ? $"见随工具附带的《{WorkbookGuide.GuideFile}》（templates 文件夹中）。" : $"见随工具附带的《{WorkbookGuide.GuideFile}》：{guidePath}" },
            Array.Empty<object?>(),
        };
        foreach (var spec in WorkbookSchema.Sheets)
        {
            rows.Add([new XlsxCell(spec.Name, XlsxStyle.Title), Purposes[spec.Name]]);
            foreach (var column in spec.Columns)
            {
                rows.Add([new XlsxCell(column.Name, spec.Name == WorkbookSchema.InfoSheet ? XlsxStyle.Plain : Style(column)), Describe(column)]);
            }

            if (spec.Name == WorkbookSchema.InfoSheet)
            {
                foreach (var item in WorkbookSchema.Items.All)
                {
                    rows.Add([new XlsxCell("  " + item.Name, InfoStyle(item)),
                        item.Synonyms.Length == 0 ? "基本信息的一项" : $"基本信息的一项；也可写作：{string.Join("、", item.Synonyms)}"]);
                }
            }

            rows.Add([]);
        }

        return new XlsxSheet(WorkbookGuide.GuideSheet, rows, BoldFirstRow: false,
            Layout: new XlsxLayout([new XlsxColumn(18), new XlsxColumn(110, XlsxStyle.Wrap)], FrozenRows: 0));
    }

    private static string Describe(ColumnSpec column)
    {
        var parts = new List<string>
        {
            column.Required ? "必填列" : "可选列",
            column.Filler == ColumnFiller.Forms ? "可由导入填写" : "由您填写",
        };
        if (column.Kind != ColumnKind.Text)
        {
            parts.Add("数字");
        }

        if (column.Choices is { Count: > 0 } choices)
        {
            parts.Add($"从下拉列表选择：{string.Join(" / ", choices)}");
        }

        if (column.Synonyms.Length > 0)
        {
            parts.Add($"表头也可写作：{string.Join("、", column.Synonyms)}");
        }

        return string.Join("；", parts) + "。";
    }
}
