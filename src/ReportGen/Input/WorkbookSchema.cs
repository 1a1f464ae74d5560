namespace ReportGen.Input;

/// <summary>
/// The sheets and columns of the year-end workbook (docs/workbook.md). Headers are matched by these names and
/// synonyms; everything else in a sheet is ignored.
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

    public static readonly ColumnSpec[] InfoColumns =
    [
        new("项目", true, "事项", "名称", "字段"),
        new("内容", true, "值", "填写内容", "数值"),
    ];

    public static readonly ColumnSpec[] LineColumns =
    [
        new("项目名称", true, "名称", "支出项目", "项目"),
        new("支出类别", true, "类别", "支出性质", "支出类型"),
        new("来源", false, "预算来源", "项目来源"),
        new("年初预算数", true, "年初预算", "年初数", "年初预算金额"),
        new("调整数", false, "调整", "调整金额", "调增调减", "年中调整数", "调整追加数"),
        new("全年预算数", false, "全年预算", "调整后预算数", "调整后预算"),
        new("实际支出数", true, "实际支出", "全年执行数", "执行数", "支出数"),
        new("结余结转数", false, "结余结转", "结转结余", "结转结余数"),
        new("资金来源", false, "资金性质"),
        new("主要用途", false, "用途", "资金用途"),
        new("别名", false, "目标表名称", "附表3名称"),
        new("偏差原因", false, "偏差原因分析", "偏差原因分析及改进措施", "差异原因"),
    ];

    public static readonly ColumnSpec[] IndicatorColumns =
    [
        new("归属", true, "所属", "所属项目", "适用范围"),
        new("一级指标", true, "一级"),
        new("二级指标", true, "二级"),
        new("三级指标", true, "三级", "指标名称"),
        new("指标值", true, "年度指标值", "指标值及单位", "目标值"),
        new("实际完成值", false, "实际值", "完成值", "全年实际值"),
        new("分值", false, "权重"),
        new("完成情况", false, "达成情况"),
        new("得分", false, "自评得分"),
        new("偏差原因", false, "偏差原因分析", "偏差原因分析及改进措施"),
    ];

    public static readonly ColumnSpec[] TaskColumns =
    [
        new("事项", true, "重点工作", "工作事项"),
        new("责任单位", false, "责任单位/科室", "责任科室"),
        new("工作目标", false, "目标"),
        new("完成情况", false, "实际完成情况"),
    ];

    public static readonly ColumnSpec[] TargetColumns =
    [
        new("项目名称", true, "名称", "支出方向", "支出方向(子项)"),
        new("所属专项", false, "专项名称"),
        new("项目金额", false, "金额"),
        new("实施期", false, "项目实施期"),
        new("实施期目标", false, "实施期绩效目标"),
        new("年度目标", false, "年度绩效目标"),
        new("实际完成情况", false, "完成情况"),
    ];

    /// <summary>支出计划 and 分季度支出: a project name and the four checkpoints, cumulative.</summary>
    public static readonly ColumnSpec[] CheckpointColumns =
    [
        new("项目名称", true, "名称", "项目"),
        new("3月底", true, "3月", "一季度末", "第一季度"),
        new("6月底", true, "6月", "二季度末", "第二季度"),
        new("10月底", true, "10月", "三季度末", "第三季度", "9月底"),
        new("12月底", true, "12月", "四季度末", "第四季度", "年底"),
    ];

    /// <summary>Canonical 基本信息 items and the other names users give them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> InfoItems = new Dictionary<string, string[]>
    {
        ["部门名称"] = ["单位名称", "部门", "预算单位"],
        ["年度"] = ["年份", "预算年度", "评价年度"],
        ["金额单位"] = ["单位", "金额单位（万元/元）"],
        ["主要职责"] = ["部门职责", "部门职责概述", "职责"],
        ["预算单位数"] = [],
        ["编制数"] = ["人员编制数"],
        ["行政编制数"] = ["行政编制"],
        ["事业编制数"] = ["事业编制"],
        ["实有人数"] = ["全部人数"],
        ["在职人数"] = ["在职人员"],
        ["退休人数"] = ["退休人员"],
        ["内设机构"] = ["内设科室"],
        ["下属单位"] = ["下设单位", "下设事业单位"],
        ["年度总体目标"] = ["年度目标"],
        ["存在问题"] = ["存在的问题"],
        ["改进措施"] = ["下一步改进措施"],
        ["其他说明"] = ["其他需要说明的情况"],
        ["其他资金来源"] = [],
        ["年初资金总额"] = ["资金总额"],
        ["一般公共预算拨款"] = [],
        ["政府性基金拨款"] = [],
        ["其他资金"] = [],
        ["年初基本支出"] = [],
        ["年初项目支出"] = [],

        // Texts only some outlines print (templates hunan.sbn, guangdong.sbn; docs/outlines.md).
        ["自评依据"] = ["自评通知", "自评通知文号"],
        ["政府性基金预算支出情况"] = [],
        ["国有资本经营预算支出情况"] = [],
        ["社会保险基金预算支出情况"] = [],
        ["自评结果应用情况"] = ["自评结果拟应用和公开情况", "绩效自评结果应用情况", "结果应用情况"],
    };
}
