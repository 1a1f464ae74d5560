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

    /// <summary>The canonical header, so that a column interpolated into a message reads as its name.</summary>
    public override string ToString() => Name;
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

    /// <summary>
    /// The closed sets a workbook the tool writes offers as drop-down lists. In a class of their own so that the
    /// column classes below, which name them, never wait on <see cref="WorkbookSchema"/>'s own initialisation.
    /// </summary>
    public static class Choices
    {
        public static readonly string[] Categories = ["基本支出", "项目支出"];
        public static readonly string[] Sources = ["年初预算", "年中追加"];
        public static readonly string[] FundingSources = ["一般公共预算", "政府性基金", "其他资金"];
        public static readonly string[] Outcomes = ["达成", "部分达成", "未达成"];
        public static readonly string[] Units = ["万元", "元"];
    }

    public static string[] Units => Choices.Units;

    /// <summary>基本信息: one item per row, 项目 | 内容.</summary>
    public static class Info
    {
        public static readonly ColumnSpec Item = new("项目", true, "事项", "名称", "字段", "事项名称") { Width = 18 };
        public static readonly ColumnSpec Content = new("内容", true, "值", "填写内容", "数值") { Width = 60 };
        public static readonly IReadOnlyList<ColumnSpec> Columns = [Item, Content];
    }

    /// <summary>预算执行: one budget line per row.</summary>
    public static class Lines
    {
        public static readonly ColumnSpec Name = new("项目名称", true, "名称", "支出项目", "项目") { Width = 30, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Category = new("支出类别", true, "类别", "支出性质", "支出类型") { Width = 11, Choices = WorkbookSchema.Choices.Categories, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Source = new("来源", false, "预算来源", "项目来源") { Width = 11, Choices = WorkbookSchema.Choices.Sources };
        public static readonly ColumnSpec InitialBudget = new("年初预算数", true, "年初预算", "年初数", "年初预算金额") { Width = 13, Kind = ColumnKind.Amount, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Adjustment = new("调整数", false, "调整", "调整金额", "调增调减", "年中调整数", "调整追加数") { Width = 12, Kind = ColumnKind.Amount };
        public static readonly ColumnSpec FinalBudget = new("全年预算数", false, "全年预算", "调整后预算数", "调整后预算") { Width = 13, Kind = ColumnKind.Amount };
        public static readonly ColumnSpec Actual = new("实际支出数", true, "实际支出", "全年执行数", "执行数", "支出数") { Width = 13, Kind = ColumnKind.Amount };
        public static readonly ColumnSpec CarryOver = new("结余结转数", false, "结余结转", "结转结余", "结转结余数") { Width = 13, Kind = ColumnKind.Amount };
        public static readonly ColumnSpec Funding = new("资金来源", false, "资金性质") { Width = 14, Choices = WorkbookSchema.Choices.FundingSources };
        public static readonly ColumnSpec Purpose = new("主要用途", false, "用途", "资金用途") { Width = 30 };
        public static readonly ColumnSpec Alias = new("别名", false, "目标表名称", "附表3名称") { Width = 20 };
        public static readonly ColumnSpec Cause = new("偏差原因", false, "偏差原因分析", "偏差原因分析及改进措施", "差异原因") { Width = 36 };

        public static readonly IReadOnlyList<ColumnSpec> Columns =
            [Name, Category, Source, InitialBudget, Adjustment, FinalBudget, Actual, CarryOver, Funding, Purpose, Alias, Cause];

        /// <summary>The amount columns, in sheet order: the one list the reader, the totals check and the import use.</summary>
        public static readonly IReadOnlyList<ColumnSpec> Amounts = [.. Columns.Where(column => column.Kind == ColumnKind.Amount)];
    }

    /// <summary>绩效指标: one indicator per row, 归属 naming 部门整体 or a project.</summary>
    public static class Indicators
    {
        public static readonly ColumnSpec Scope = new("归属", true, "所属", "所属项目", "适用范围") { Width = 24, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Level1 = new("一级指标", true, "一级") { Width = 12, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Level2 = new("二级指标", true, "二级") { Width = 14, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Level3 = new("三级指标", true, "三级", "指标名称") { Width = 28, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Target = new("指标值", true, "年度指标值", "指标值及单位", "目标值") { Width = 16, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Actual = new("实际完成值", false, "实际值", "完成值", "全年实际值") { Width = 16 };
        public static readonly ColumnSpec Weight = new("分值", false, "权重") { Width = 8, Kind = ColumnKind.Number };
        public static readonly ColumnSpec Status = new("完成情况", false, "达成情况") { Width = 11, Choices = WorkbookSchema.Choices.Outcomes };
        public static readonly ColumnSpec Score = new("得分", false, "自评得分") { Width = 8, Kind = ColumnKind.Number };
        public static readonly ColumnSpec Cause = new("偏差原因", false, "偏差原因分析", "偏差原因分析及改进措施") { Width = 36 };
        public static readonly ColumnSpec Standard = new("评价标准", false, "评分标准", "评价标准(优/良/中/差)") { Width = 30, Filler = ColumnFiller.Forms };

        public static readonly IReadOnlyList<ColumnSpec> Columns = [Scope, Level1, Level2, Level3, Target, Actual, Weight, Status, Score, Cause, Standard];

        /// <summary>The four columns that identify an indicator: the import matches rows by them.</summary>
        public static readonly IReadOnlyList<ColumnSpec> Identity = [Scope, Level1, Level2, Level3];
    }

    /// <summary>重点工作: one key task per row.</summary>
    public static class Tasks
    {
        public static readonly ColumnSpec Item = new("事项", true, "重点工作", "工作事项") { Width = 28, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Owner = new("责任单位", false, "责任单位/科室", "责任科室") { Width = 14, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Goal = new("工作目标", false, "目标") { Width = 40, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Outcome = new("完成情况", false, "实际完成情况") { Width = 48 };

        public static readonly IReadOnlyList<ColumnSpec> Columns = [Item, Owner, Goal, Outcome];
    }

    /// <summary>项目目标: one project's goals per row.</summary>
    public static class Targets
    {
        public static readonly ColumnSpec Name = new("项目名称", true, "名称", "支出方向", "支出方向(子项)") { Width = 28, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Program = new("所属专项", false, "专项名称") { Width = 20, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Amount = new("项目金额", false, "金额") { Width = 12, Kind = ColumnKind.Amount, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Period = new("实施期", false, "项目实施期") { Width = 14, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec PeriodGoal = new("实施期目标", false, "实施期绩效目标") { Width = 36, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec AnnualGoal = new("年度目标", false, "年度绩效目标") { Width = 36, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec Outcome = new("实际完成情况", false, "完成情况") { Width = 40 };
        public static readonly ColumnSpec Implementer = new("实施单位", false, "项目实施单位") { Width = 20, Filler = ColumnFiller.Forms };

        public static readonly IReadOnlyList<ColumnSpec> Columns = [Name, Program, Amount, Period, PeriodGoal, AnnualGoal, Outcome, Implementer];
    }

    /// <summary>支出计划 and 分季度支出: a project name and the four checkpoints, cumulative.</summary>
    public static class Checkpoints
    {
        public static readonly ColumnSpec Name = new("项目名称", true, "名称", "项目") { Width = 28, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec March = new("3月底", true, "3月", "一季度末", "第一季度") { Width = 10, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec June = new("6月底", true, "6月", "二季度末", "第二季度") { Width = 10, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec October = new("10月底", true, "10月", "三季度末", "第三季度", "9月底") { Width = 10, Filler = ColumnFiller.Forms };
        public static readonly ColumnSpec December = new("12月底", true, "12月", "四季度末", "第四季度", "年底") { Width = 10, Filler = ColumnFiller.Forms };

        /// <summary>The four checkpoints in order; their names are the labels the report and the findings print.</summary>
        public static readonly IReadOnlyList<ColumnSpec> Months = [March, June, October, December];

        public static readonly IReadOnlyList<ColumnSpec> Columns = [Name, .. Months];
    }

    /// <summary>
    /// The sheets in workbook order. 预算执行 of an existing workbook is the clerk's alone (the import fills it only in
    /// a new workbook); 分季度支出 is never written by the import.
    /// </summary>
    public static readonly SheetSpec[] Sheets =
    [
        new(InfoSheet, Info.Item.Name, true, Info.Columns),
        new(LinesSheet, Lines.Name.Name, true, Lines.Columns),
        new(IndicatorsSheet, Indicators.Level3.Name, false, Indicators.Columns),
        new(TasksSheet, Tasks.Item.Name, false, Tasks.Columns),
        new(TargetsSheet, Targets.Name.Name, false, Targets.Columns),
        new(PlanSheet, Checkpoints.Name.Name, false, Checkpoints.Columns),
        new(QuarterlySheet, Checkpoints.Name.Name, false, Checkpoints.Columns),
    ];

    public static SheetSpec Sheet(string name) => Sheets.First(sheet => sheet.Name == name);

    /// <summary>
    /// The 基本信息 items, each once: its name, the other names users give it, who fills it, whether it holds money.
    /// The reader, the import, <c>reportgen new</c>, the clerk's guide and the checks all use these members.
    /// </summary>
    public static class Items
    {
        public static readonly InfoItem DepartmentName = new("部门名称", "单位名称", "部门", "预算单位") { Filler = ColumnFiller.Forms };
        public static readonly InfoItem ShortName = new("部门简称");
        public static readonly InfoItem Year = new("年度", "年份", "预算年度", "评价年度") { Filler = ColumnFiller.Forms };
        public static readonly InfoItem Unit = new("金额单位", "单位", "金额单位（万元/元）");
        public static readonly InfoItem Duties = new("主要职责", "部门职责", "部门职责概述", "职责") { Filler = ColumnFiller.Forms };
        public static readonly InfoItem BudgetUnits = new("预算单位数");
        public static readonly InfoItem Staffing = new("编制数", "人员编制数");
        public static readonly InfoItem AdministrativeStaffing = new("行政编制数", "行政编制");
        public static readonly InfoItem InstitutionStaffing = new("事业编制数", "事业编制");
        public static readonly InfoItem InstitutionStaffingMakeup = new("事业编制构成");
        public static readonly InfoItem Headcount = new("实有人数", "全部人数");
        public static readonly InfoItem Serving = new("在职人数", "在职人员");
        public static readonly InfoItem Retired = new("退休人数", "退休人员");
        public static readonly InfoItem Offices = new("内设机构", "内设科室");
        public static readonly InfoItem Subordinates = new("下属单位", "下设单位", "下设事业单位");
        public static readonly InfoItem AnnualGoal = new("年度总体目标", "年度目标") { Filler = ColumnFiller.Forms };
        public static readonly InfoItem Total = new("年初资金总额", "资金总额") { Filler = ColumnFiller.Forms, IsAmount = true };
        public static readonly InfoItem General = new("一般公共预算拨款") { Filler = ColumnFiller.Forms, IsAmount = true };
        public static readonly InfoItem GovernmentFund = new("政府性基金拨款") { Filler = ColumnFiller.Forms, IsAmount = true };
        public static readonly InfoItem FiscalAppropriation = new("财政拨款收入") { Filler = ColumnFiller.Forms, IsAmount = true, Listed = false };
        public static readonly InfoItem SpecialAccount = new("财政专户管理资金") { Filler = ColumnFiller.Forms, IsAmount = true, Listed = false };
        public static readonly InfoItem OtherFunds = new("其他资金") { Filler = ColumnFiller.Forms, IsAmount = true };
        public static readonly InfoItem OtherSources = new("其他资金来源") { IsAmount = true, Listed = false };
        public static readonly InfoItem Basic = new("年初基本支出") { Filler = ColumnFiller.Forms, IsAmount = true };
        public static readonly InfoItem Project = new("年初项目支出") { Filler = ColumnFiller.Forms, IsAmount = true };
        public static readonly InfoItem Problems = new("存在问题", "存在的问题");
        public static readonly InfoItem Measures = new("改进措施", "下一步改进措施", "改进建议");
        public static readonly InfoItem OtherNotes = new("其他说明", "其他需要说明的情况");

        // Texts only some outlines print (湖南, 广东, 四川, 河北: docs/outlines.md); listed so the clerk sees them, and so
        // a placeholder for one names its own cell rather than the whole sheet.
        public static readonly InfoItem Basis = new("自评依据", "自评通知", "自评通知文号");
        public static readonly InfoItem Evaluator = new("评价单位", "填报单位", "自评单位");
        public static readonly InfoItem ReportDate = new("填报日期", "报告日期", "评价日期");
        public static readonly InfoItem GovernmentFundSpending = new("政府性基金预算支出情况");
        public static readonly InfoItem StateCapitalSpending = new("国有资本经营预算支出情况");
        public static readonly InfoItem SocialInsuranceSpending = new("社会保险基金预算支出情况");
        public static readonly InfoItem ResultUse = new("自评结果应用情况", "自评结果拟应用和公开情况", "绩效自评结果应用情况", "结果应用情况");
        public static readonly InfoItem Budgeting = new("预算编制情况");
        public static readonly InfoItem ThreePublic = new("三公经费情况", "“三公”经费情况", "“三公”经费管理情况", "三公经费管理情况");
        public static readonly InfoItem Procurement = new("政府采购情况");
        public static readonly InfoItem Assets = new("资产管理情况");

        /// <summary>
        /// Every item, in the order <c>reportgen new</c> lists the <see cref="InfoItem.Listed"/> ones. The first three are
        /// required (部门名称, 年度) or defaulted (金额单位).
        /// </summary>
        public static readonly IReadOnlyList<InfoItem> All =
        [
            DepartmentName, ShortName, Year, Unit, Duties, BudgetUnits, Staffing, AdministrativeStaffing, InstitutionStaffing,
            InstitutionStaffingMakeup, Headcount, Serving, Retired, Offices, Subordinates, AnnualGoal,
            Total, General, GovernmentFund, FiscalAppropriation, SpecialAccount, OtherFunds, OtherSources, Basic, Project,
            Problems, Measures, OtherNotes,
            Basis, Evaluator, ReportDate, GovernmentFundSpending, StateCapitalSpending, SocialInsuranceSpending, ResultUse,
            Budgeting, ThreePublic, Procurement, Assets,
        ];

        /// <summary>
        /// The items that hold money, in the workbook's 金额单位: read into <see cref="DepartmentInfo.Amounts"/> in 万元
        /// when the workbook is read.
        /// </summary>
        public static readonly IReadOnlyList<InfoItem> Amounts = [.. All.Where(item => item.IsAmount)];

        /// <summary>The items <c>reportgen new</c> and a new workbook of the import list, in order.</summary>
        public static readonly IReadOnlyList<InfoItem> Listed = [.. All.Where(item => item.Listed)];
    }

    /// <summary>
    /// The 基本信息 item a label names ("单位" → 金额单位, "单位名称：" → 部门名称), or null when it names none. The reader
    /// and the import find items by this one lookup.
    /// </summary>
    public static InfoItem? FindInfoItem(string label)
    {
        var key = TextNormalizer.Key(label).TrimEnd(':');
        return Items.All.FirstOrDefault(item => item.Keys.Contains(key));
    }

    /// <summary>The canonical name of the 基本信息 item a label names, or the label itself when it names none.</summary>
    public static string CanonicalInfoItem(string label) => FindInfoItem(label)?.Name ?? label;
}

/// <summary>
/// A 基本信息 item: its canonical name (the key of <see cref="DepartmentInfo.Facts"/>), the other names users give
/// it, who fills it, whether it holds money, and whether a new workbook lists it.
/// </summary>
public sealed record InfoItem(string Name, params string[] Synonyms)
{
    public ColumnFiller Filler { get; init; } = ColumnFiller.User;

    /// <summary>An amount in the workbook's 金额单位, parsed into <see cref="DepartmentInfo.Amounts"/>.</summary>
    public bool IsAmount { get; init; }

    /// <summary>Whether <c>reportgen new</c> (and a new workbook of the import) lists the item.</summary>
    public bool Listed { get; init; } = true;

    /// <summary>The item's name and other names as compared keys (<see cref="TextNormalizer.Key"/>).</summary>
    public IReadOnlyList<string> Keys { get; } = [.. Synonyms.Prepend(Name).Select(TextNormalizer.Key)];

    /// <summary>Its name and other names, as written.</summary>
    public IEnumerable<string> Names => Synonyms.Prepend(Name);

    public override string ToString() => Name;
}
