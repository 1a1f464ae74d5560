using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>The form layouts the importer knows, each recognised by its labels.</summary>
public enum FormLayout
{
    /// <summary>湖南 附表1 部门整体支出绩效目标表 (the Shifeng 2023 forms).</summary>
    HunanDepartment,

    /// <summary>湖南 区级专项资金绩效目标汇总表 (the Shifeng 2023 forms).</summary>
    HunanSummary,

    /// <summary>湖南 附表3 专项资金支出方向绩效目标表 (the Shifeng 2023 forms).</summary>
    HunanProject,

    /// <summary>广东 部门整体绩效目标, amounts in 元, indicators grouped by 任务 (the Liwan 2023 form).</summary>
    GuangdongDepartment,

    /// <summary>河北 项目绩效目标表: 项目编码, 预算数 (财政资金 / 其他资金), 资金支出计划 by quarter.</summary>
    HebeiProject,

    /// <summary>河北 部门整体绩效目标 document: 总体绩效目标, 分项绩效目标 per 科室 with 评价标准 tables (优/良/中/差).</summary>
    HebeiDepartment,
}

/// <summary>One indicator row as the form gives it; blank 一级 / 二级 cells already filled from the row above.</summary>
public sealed record FormIndicator(
    string Level1,
    string Level2,
    string Level3,
    string Target,
    SourceLocation Location,
    string? Standard = null,
    string? Description = null,
    string? Basis = null,
    string? Scale = null);

/// <summary>One row of 支出明细及测算说明 (附表3): amount in 万元 as parsed, the text as written.</summary>
public sealed record ExpenseDetail(
    string Content,
    string Detail,
    string AmountText,
    decimal? Amount,
    string Basis,
    SourceLocation Location);

/// <summary>One 年度重点工作计划 row (附表1) or one 任务 (Guangdong).</summary>
public sealed record FormKeyTask(string Item, string? Owner, string? Goal, SourceLocation Location);

/// <summary>资金支出计划: cumulative share of the budget to be spent by each date, in percent (Hebei).</summary>
public sealed record SpendingPlan(decimal? March, decimal? June, decimal? October, decimal? December, SourceLocation Location);

/// <summary>The budget block of a department form, in 万元; null where the form leaves a cell blank.</summary>
public sealed record DepartmentBudget
{
    public decimal? Total { get; init; }
    public decimal? General { get; init; }
    public decimal? GovernmentFund { get; init; }
    public decimal? Other { get; init; }

    /// <summary>财政拨款收入 (Guangdong): 一般公共预算 and 政府性基金 together, not split by the form.</summary>
    public decimal? FiscalAppropriation { get; init; }

    /// <summary>财政专户管理资金 (Guangdong).</summary>
    public decimal? SpecialAccount { get; init; }

    public decimal? Basic { get; init; }
    public decimal? Project { get; init; }
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>Where each figure was read, for findings.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Cells { get; init; } = new Dictionary<string, SourceLocation>();
}

/// <summary>A recognised form. Concrete records carry each family's content.</summary>
public abstract record TargetForm(FormLayout Layout, SourceLocation Location)
{
    /// <summary>The layout's name as a finance clerk knows it.</summary>
    public string LayoutName => Layout switch
    {
        FormLayout.HunanDepartment => "附表1 部门整体支出绩效目标表",
        FormLayout.HunanSummary => "区级专项资金绩效目标汇总表",
        FormLayout.HunanProject => "附表3 专项资金支出方向绩效目标表",
        FormLayout.GuangdongDepartment => "部门整体绩效目标（广东格式）",
        FormLayout.HebeiProject => "项目绩效目标表（河北格式）",
        FormLayout.HebeiDepartment => "部门整体绩效目标（河北格式）",
        _ => Layout.ToString(),
    };
}

/// <summary>附表1 or the Guangdong 部门整体绩效目标.</summary>
public sealed record DepartmentForm(FormLayout Layout, SourceLocation Location) : TargetForm(Layout, Location)
{
    public string? Name { get; init; }
    public int? Year { get; init; }
    public string? Duties { get; init; }
    public string? OverallGoal { get; init; }
    public DepartmentBudget Budget { get; init; } = new();
    public IReadOnlyList<FormKeyTask> KeyTasks { get; init; } = [];
    public IReadOnlyList<FormIndicator> Indicators { get; init; } = [];
}

/// <summary>One project line of the 汇总表.</summary>
public sealed record SummaryEntry(string Name, string? Program, decimal? Amount, string? PeriodGoal, string? AnnualGoal, SourceLocation Location);

/// <summary>区级专项资金绩效目标汇总表: its project lines and the stated 合计.</summary>
public sealed record SummaryForm(FormLayout Layout, SourceLocation Location) : TargetForm(Layout, Location)
{
    public IReadOnlyList<SummaryEntry> Entries { get; init; } = [];
    public decimal? StatedTotal { get; init; }
    public SourceLocation? StatedTotalLocation { get; init; }
}

/// <summary>附表3 or the Hebei 项目绩效目标表: one project.</summary>
public sealed record ProjectForm(FormLayout Layout, SourceLocation Location) : TargetForm(Layout, Location)
{
    public required string Name { get; init; }
    public string? Code { get; init; }
    public string? Program { get; init; }
    public decimal? Amount { get; init; }
    public SourceLocation? AmountLocation { get; init; }
    public decimal? FiscalFunds { get; init; }
    public decimal? OtherFunds { get; init; }
    public string? Period { get; init; }
    public string? PeriodGoal { get; init; }
    public string? AnnualGoal { get; init; }
    public SpendingPlan? Plan { get; init; }
    public IReadOnlyList<FormIndicator> Indicators { get; init; } = [];
    public IReadOnlyList<ExpenseDetail> Details { get; init; } = [];

    /// <summary>The 合计 row of 支出明细, when the form has one.</summary>
    public ExpenseDetail? DetailTotal { get; init; }

    /// <summary>The year in the form's title ("（2024年度）"), when it has one.</summary>
    public int? Year { get; init; }

    /// <summary>实施单位 (Hebei), when the form names one.</summary>
    public string? Implementer { get; init; }

    /// <summary>主管部门 (Hebei), used as 部门名称 when no department form is imported.</summary>
    public string? DepartmentName { get; init; }

    /// <summary>The budget unit's code and name when the table's header carries them ("211001中共曹妃甸区委宣传部本级").</summary>
    public (string Code, string Name)? Unit { get; init; }
}

/// <summary>An amount in a form that the money reader refused: where, beside which label, as written, and why.</summary>
public sealed record UnreadableAmount(SourceLocation Location, string Label, string Text, string Problem);

/// <summary>Something the reader saw and did not import, with the reason in Chinese.</summary>
public sealed record SkippedItem(SourceLocation Location, string Reason);

/// <summary>Everything recognised in a set of form files.</summary>
public sealed record FormSet(IReadOnlyList<TargetForm> Forms, IReadOnlyList<SkippedItem> Skipped)
{
    /// <summary>Amounts the money reader refused, each reported by the import's check (RG509).</summary>
    public IReadOnlyList<UnreadableAmount> Unreadable { get; init; } = [];

    public IEnumerable<DepartmentForm> Departments => Forms.OfType<DepartmentForm>();
    public IEnumerable<SummaryForm> Summaries => Forms.OfType<SummaryForm>();
    public IEnumerable<ProjectForm> Projects => Forms.OfType<ProjectForm>();
}
