namespace ReportGen.Model;

/// <summary>Who writes a column: the clerk, or <c>reportgen import</c> from the start-of-year forms.</summary>
public enum ColumnFiller
{
    /// <summary>The clerk; the import never changes it.</summary>
    User,

    /// <summary>The import, from the forms; a corrected form updates it. The clerk may also type it by hand.</summary>
    Forms,
}

/// <summary>What a column holds, for the formats and drop-down lists of a workbook the tool writes.</summary>
public enum ColumnKind
{
    Text,

    /// <summary>An amount in the workbook's 金额单位: two-decimal number format.</summary>
    Amount,

    /// <summary>A plain number (分值, 得分): two-decimal number format.</summary>
    Number,
}

/// <summary>
/// A column a sheet may have: its canonical header and the other headers users write for it; for the workbooks
/// the tool writes, who fills it, what it holds, its width and its closed set of values (a drop-down list).
/// </summary>
public sealed record ColumnSpec(string Name, bool Required, params string[] Synonyms)
{
    public ColumnFiller Filler { get; init; } = ColumnFiller.User;
    public ColumnKind Kind { get; init; } = ColumnKind.Text;
    public double Width { get; init; } = 12;
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Whether a header cell names this column (its name or a synonym, compared as keys).</summary>
    public bool Names(string header)
    {
        var key = TextNormalizer.Key(header);
        return TextNormalizer.Key(Name) == key || Synonyms.Any(synonym => TextNormalizer.Key(synonym) == key);
    }
}

/// <summary>
/// One sheet of the workbook: its name, the column that identifies a row (the import matches rows by it), whether
/// the reader requires it, and its columns in the order a new workbook writes them.
/// </summary>
public sealed record SheetSpec(string Name, string KeyColumn, bool Required, IReadOnlyList<ColumnSpec> Columns)
{
    public ColumnSpec Column(string name) => Columns.First(column => column.Name == name);
}

/// <summary>
/// The sheets and columns of the year-end workbook (docs/workbook.md; for the clerk, templates/工作簿填写说明.md).
/// Headers are matched by these names and synonyms; everything else in a sheet is ignored. The reader, the import,
/// <c>reportgen new</c> and the docs test all use this one description.
/// </summary>
public static class WorkbookSchema
{
    public const string InfoSheet = "基本信息";
    public const string LinesSheet = "预算执行";
    public const string IndicatorsSheet = "绩效指标";
    public const string TasksSheet = "重点工作";
    public const string TargetsSheet = "项目目标";
    public const string PlanSheet = "支出计划";
    public const string QuarterlySheet = "分季度支出";

    /// <summary>The closed sets a workbook the tool writes offers as drop-down lists.</summary>
    public static readonly string[] Categories = ["基本支出", "项目支出"];
    public static readonly string[] Sources = ["年初预算", "年中追加"];
    public static readonly string[] FundingSources = ["一般公共预算", "政府性基金", "其他资金"];
    public static readonly string[] Outcomes = ["达成", "部分达成", "未达成"];
    public static readonly string[] Units = ["万元", "元"];

    public static readonly ColumnSpec[] InfoColumns =
    [
        new("项目", true, "事项", "名称", "字段", "事项名称") { Width = 18 },
        new("内容", true, "值", "填写内容", "数值") { Width = 60 },
    ];

    public static readonly ColumnSpec[] LineColumns =
    [
        new("项目名称", true, "名称", "支出项目", "项目") { Width = 30, Filler = ColumnFiller.Forms },
        new("支出类别", true, "类别", "支出性质", "支出类型") { Width = 11, Choices = Categories, Filler = ColumnFiller.Forms },
        new("来源", false, "预算来源", "项目来源") { Width = 11, Choices = Sources },
        new("年初预算数", true, "年初预算", "年初数", "年初预算金额") { Width = 13, Kind = ColumnKind.Amount, Filler = ColumnFiller.Forms },
        new("调整数", false, "调整", "调整金额", "调增调减", "年中调整数", "调整追加数") { Width = 12, Kind = ColumnKind.Amount },
        new("全年预算数", false, "全年预算", "调整后预算数", "调整后预算") { Width = 13, Kind = ColumnKind.Amount },
        new("实际支出数", true, "实际支出", "全年执行数", "执行数", "支出数") { Width = 13, Kind = ColumnKind.Amount },
        new("结余结转数", false, "结余结转", "结转结余", "结转结余数") { Width = 13, Kind = ColumnKind.Amount },
        new("资金来源", false, "资金性质") { Width = 14, Choices = FundingSources },
        new("主要用途", false, "用途", "资金用途") { Width = 30 },
        new("别名", false, "目标表名称", "附表3名称") { Width = 20 },
        new("偏差原因", false, "偏差原因分析", "偏差原因分析及改进措施", "差异原因") { Width = 36 },
    ];

    public static readonly ColumnSpec[] IndicatorColumns =
    [
        new("归属", true, "所属", "所属项目", "适用范围") { Width = 24, Filler = ColumnFiller.Forms },
        new("一级指标", true, "一级") { Width = 12, Filler = ColumnFiller.Forms },
        new("二级指标", true, "二级") { Width = 14, Filler = ColumnFiller.Forms },
        new("三级指标", true, "三级", "指标名称") { Width = 28, Filler = ColumnFiller.Forms },
        new("指标值", true, "年度指标值", "指标值及单位", "目标值") { Width = 16, Filler = ColumnFiller.Forms },
        new("实际完成值", false, "实际值", "完成值", "全年实际值") { Width = 16 },
        new("分值", false, "权重") { Width = 8, Kind = ColumnKind.Number },
        new("完成情况", false, "达成情况") { Width = 11, Choices = Outcomes },
        new("得分", false, "自评得分") { Width = 8, Kind = ColumnKind.Number },
        new("偏差原因", false, "偏差原因分析", "偏差原因分析及改进措施") { Width = 36 },
        new("评价标准", false, "评分标准", "评价标准(优/良/中/差)") { Width = 30, Filler = ColumnFiller.Forms },
    ];

    public static readonly ColumnSpec[] TaskColumns =
    [
        new("事项", true, "重点工作", "工作事项") { Width = 28, Filler = ColumnFiller.Forms },
        new("责任单位", false, "责任单位/科室", "责任科室") { Width = 14, Filler = ColumnFiller.Forms },
        new("工作目标", false, "目标") { Width = 40, Filler = ColumnFiller.Forms },
        new("完成情况", false, "实际完成情况") { Width = 48 },
    ];

    public static readonly ColumnSpec[] TargetColumns =
    [
        new("项目名称", true, "名称", "支出方向", "支出方向(子项)") { Width = 28, Filler = ColumnFiller.Forms },
        new("所属专项", false, "专项名称") { Width = 20, Filler = ColumnFiller.Forms },
        new("项目金额", false, "金额") { Width = 12, Kind = ColumnKind.Amount, Filler = ColumnFiller.Forms },
        new("实施期", false, "项目实施期") { Width = 14, Filler = ColumnFiller.Forms },
        new("实施期目标", false, "实施期绩效目标") { Width = 36, Filler = ColumnFiller.Forms },
        new("年度目标", false, "年度绩效目标") { Width = 36, Filler = ColumnFiller.Forms },
        new("实际完成情况", false, "完成情况") { Width = 40 },
        new("实施单位", false, "项目实施单位") { Width = 20, Filler = ColumnFiller.Forms },
    ];

    /// <summary>支出计划 and 分季度支出: a project name and the four checkpoints, cumulative.</summary>
    public static readonly ColumnSpec[] CheckpointColumns =
    [
        new("项目名称", true, "名称", "项目") { Width = 28, Filler = ColumnFiller.Forms },
        new("3月底", true, "3月", "一季度末", "第一季度") { Width = 10, Filler = ColumnFiller.Forms },
        new("6月底", true, "6月", "二季度末", "第二季度") { Width = 10, Filler = ColumnFiller.Forms },
        new("10月底", true, "10月", "三季度末", "第三季度", "9月底") { Width = 10, Filler = ColumnFiller.Forms },
        new("12月底", true, "12月", "四季度末", "第四季度", "年底") { Width = 10, Filler = ColumnFiller.Forms },
    ];

    /// <summary>
    /// The sheets in workbook order. 预算执行 of an existing workbook is the clerk's alone (the import fills it only in
    /// a new workbook); 分季度支出 is never written by the import.
    /// </summary>
    public static readonly SheetSpec[] Sheets =
    [
        new(InfoSheet, "项目", true, InfoColumns),
        new(LinesSheet, "项目名称", true, LineColumns),
        new(IndicatorsSheet, "三级指标", false, IndicatorColumns),
        new(TasksSheet, "事项", false, TaskColumns),
        new(TargetsSheet, "项目名称", false, TargetColumns),
        new(PlanSheet, "项目名称", false, CheckpointColumns),
        new(QuarterlySheet, "项目名称", false, CheckpointColumns),
    ];

    public static SheetSpec Sheet(string name) => Sheets.First(sheet => sheet.Name == name);

    /// <summary>Canonical 基本信息 items and the other names users give them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> InfoItems = new Dictionary<string, string[]>
    {
        ["部门名称"] = ["单位名称", "部门", "预算单位"],
        ["部门简称"] = [],
        ["年度"] = ["年份", "预算年度", "评价年度"],
        ["金额单位"] = ["单位", "金额单位（万元/元）"],
        ["主要职责"] = ["部门职责", "部门职责概述", "职责"],
        ["预算单位数"] = [],
        ["编制数"] = ["人员编制数"],
        ["行政编制数"] = ["行政编制"],
        ["事业编制数"] = ["事业编制"],
        ["事业编制构成"] = [],
        ["实有人数"] = ["全部人数"],
        ["在职人数"] = ["在职人员"],
        ["退休人数"] = ["退休人员"],
        ["内设机构"] = ["内设科室"],
        ["下属单位"] = ["下设单位", "下设事业单位"],
        ["年度总体目标"] = ["年度目标"],
        ["存在问题"] = ["存在的问题"],
        ["改进措施"] = ["下一步改进措施", "改进建议"],
        ["其他说明"] = ["其他需要说明的情况"],
        ["其他资金来源"] = [],
        ["年初资金总额"] = ["资金总额"],
        ["一般公共预算拨款"] = [],
        ["政府性基金拨款"] = [],
        ["财政拨款收入"] = [],
        ["财政专户管理资金"] = [],
        ["其他资金"] = [],
        ["年初基本支出"] = [],
        ["年初项目支出"] = [],

        // Texts only some outlines print (templates hunan.sbn, guangdong.sbn, sichuan.sbn, hebei.sbn; docs/outlines.md).
        ["自评依据"] = ["自评通知", "自评通知文号"],
        ["评价单位"] = ["填报单位", "自评单位"],
        ["填报日期"] = ["报告日期", "评价日期"],
        ["预算编制情况"] = [],
        ["三公经费情况"] = ["“三公”经费情况", "“三公”经费管理情况", "三公经费管理情况"],
        ["政府采购情况"] = [],
        ["资产管理情况"] = [],
        ["政府性基金预算支出情况"] = [],
        ["国有资本经营预算支出情况"] = [],
        ["社会保险基金预算支出情况"] = [],
        ["自评结果应用情况"] = ["自评结果拟应用和公开情况", "绩效自评结果应用情况", "结果应用情况"],
    };

    /// <summary>
    /// The canonical 基本信息 item a label names ("单位" → 金额单位, "单位名称：" → 部门名称), or the label itself when it
    /// names none. The reader and the import find items by this one lookup.
    /// </summary>
    public static string CanonicalInfoItem(string item)
    {
        var key = TextNormalizer.Key(item).TrimEnd(':');
        foreach (var (canonical, synonyms) in InfoItems)
        {
            if (TextNormalizer.Key(canonical) == key || synonyms.Any(s => TextNormalizer.Key(s) == key))
            {
                return canonical;
            }
        }

        return item;
    }

    /// <summary>
    /// The 基本信息 items that hold money, in the workbook's 金额单位: read into <see cref="DepartmentInfo.Amounts"/>
    /// in 万元 when the workbook is read.
    /// </summary>
    public static readonly IReadOnlyList<string> InfoAmountItems =
    [
        "其他资金来源", "年初资金总额", "一般公共预算拨款", "政府性基金拨款", "财政拨款收入", "财政专户管理资金", "其他资金",
        "年初基本支出", "年初项目支出",
    ];

    /// <summary>
    /// The 基本信息 items the clerk is asked to fill, in the order <c>reportgen new</c> lists them, with whether the
    /// import fills them from the forms. The first three are required (部门名称, 年度) or defaulted (金额单位).
    /// </summary>
    public static readonly (string Item, ColumnFiller Filler)[] InfoTemplate =
    [
        ("部门名称", ColumnFiller.Forms), ("部门简称", ColumnFiller.User), ("年度", ColumnFiller.Forms), ("金额单位", ColumnFiller.User),
        ("主要职责", ColumnFiller.Forms), ("预算单位数", ColumnFiller.User), ("编制数", ColumnFiller.User),
        ("行政编制数", ColumnFiller.User), ("事业编制数", ColumnFiller.User), ("事业编制构成", ColumnFiller.User),
        ("实有人数", ColumnFiller.User), ("在职人数", ColumnFiller.User), ("退休人数", ColumnFiller.User),
        ("内设机构", ColumnFiller.User), ("下属单位", ColumnFiller.User), ("年度总体目标", ColumnFiller.Forms),
        ("年初资金总额", ColumnFiller.Forms), ("一般公共预算拨款", ColumnFiller.Forms), ("政府性基金拨款", ColumnFiller.Forms),
        ("其他资金", ColumnFiller.Forms), ("年初基本支出", ColumnFiller.Forms), ("年初项目支出", ColumnFiller.Forms),
        ("存在问题", ColumnFiller.User), ("改进措施", ColumnFiller.User), ("其他说明", ColumnFiller.User),

        // Only some outlines print these (湖南, 广东, 四川: docs/outlines.md); listed so the clerk sees them, and so a
        // placeholder for one names its own cell rather than the whole sheet.
        ("自评依据", ColumnFiller.User), ("评价单位", ColumnFiller.User), ("填报日期", ColumnFiller.User),
        ("政府性基金预算支出情况", ColumnFiller.User), ("国有资本经营预算支出情况", ColumnFiller.User),
        ("社会保险基金预算支出情况", ColumnFiller.User), ("自评结果应用情况", ColumnFiller.User),
        ("预算编制情况", ColumnFiller.User), ("三公经费情况", ColumnFiller.User), ("政府采购情况", ColumnFiller.User),
        ("资产管理情况", ColumnFiller.User),
    ];
}
