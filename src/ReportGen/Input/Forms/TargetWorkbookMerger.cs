using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Input.Forms;

/// <summary>What the merge did to one sheet, for the summary.</summary>
public sealed record SheetChange(string Sheet, bool Created, int Added, int Updated);

/// <summary>The merged workbook and what changed; <see cref="Changed"/> is false when the target already held it all.</summary>
public sealed record MergeResult(IReadOnlyList<XlsxSheet> Sheets, IReadOnlyList<SheetChange> Changes, IReadOnlyList<SkippedItem> Skipped)
{
    public bool Changed => Changes.Any(change => change.Created || change.Added > 0 || change.Updated > 0);
}

/// <summary>
/// Merges imported targets into the input workbook (issue 2's format). Form-owned cells (指标值, 项目金额, goals, the
/// 附表1 budget figures) are set from the forms; the user's columns (实际完成值, 分值, 完成情况, 得分, 偏差原因,
/// 实际完成情况) and the whole 预算执行 sheet of an existing workbook are never touched; rows are matched by key
/// (绩效指标 by 归属 + 一级 + 二级 + 三级, the others by name), so importing twice changes nothing.
/// </summary>
public static class TargetWorkbookMerger
{
    public const string InfoSheet = "基本信息";
    public const string BudgetSheet = "预算执行";
    public const string IndicatorSheet = "绩效指标";
    public const string TaskSheet = "重点工作";
    public const string ProjectSheet = "项目目标";
    public const string PlanSheet = "支出计划";

    private static readonly string[] InfoHeaders = ["项目", "内容"];
    private static readonly string[] BudgetHeaders =
        ["项目名称", "支出类别", "来源", "年初预算数", "调整数", "全年预算数", "实际支出数", "结余结转数", "资金来源", "主要用途", "别名", "偏差原因"];
    private static readonly string[] IndicatorHeaders =
        ["归属", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "完成情况", "得分", "偏差原因"];
    private static readonly string[] TaskHeaders = ["事项", "责任单位", "工作目标", "完成情况"];
    private static readonly string[] ProjectHeaders = ["项目名称", "所属专项", "项目金额", "实施期", "实施期目标", "年度目标", "实际完成情况"];
    private static readonly string[] PlanHeaders = ["项目名称", "3月底", "6月底", "10月底", "12月底"];

    /// <summary>Header names an existing workbook may use for each column (issue 2 finds columns by header text).</summary>
    private static readonly Dictionary<string, string[]> Synonyms = new()
    {
        ["项目"] = ["项目", "事项名称"],
        ["内容"] = ["内容", "值"],
        ["归属"] = ["归属", "所属"],
        ["一级指标"] = ["一级指标", "一级"],
        ["二级指标"] = ["二级指标", "二级"],
        ["三级指标"] = ["三级指标", "三级"],
        ["指标值"] = ["指标值", "年度指标值", "指标值及单位", "目标值"],
        ["实际完成值"] = ["实际完成值", "实际值"],
        ["分值"] = ["分值"],
        ["完成情况"] = ["完成情况"],
        ["得分"] = ["得分"],
        ["偏差原因"] = ["偏差原因", "偏差原因分析及改进措施"],
        ["事项"] = ["事项", "重点工作"],
        ["责任单位"] = ["责任单位", "责任单位/科室"],
        ["工作目标"] = ["工作目标"],
        ["项目名称"] = ["项目名称", "名称"],
        ["所属专项"] = ["所属专项"],
        ["项目金额"] = ["项目金额", "金额"],
        ["实施期"] = ["实施期", "项目实施期"],
        ["实施期目标"] = ["实施期目标", "实施期绩效目标"],
        ["年度目标"] = ["年度目标", "年度绩效目标"],
        ["实际完成情况"] = ["实际完成情况"],
        ["3月底"] = ["3月底"],
        ["6月底"] = ["6月底"],
        ["10月底"] = ["10月底"],
        ["12月底"] = ["12月底"],
    };

    public static MergeResult Merge(WorkbookData? existing, ImportContent content)
    {
        var sheets = new List<EditableSheet>();
        var others = new List<(int Index, SheetData Sheet)>();
        EditableSheet Sheet(string name, string key, string[] headers, bool create)
        {
            var found = sheets.FirstOrDefault(sheet => TextNormalizer.Key(sheet.Name) == TextNormalizer.Key(name));
            if (found is not null)
            {
                return found;
            }

            var source = existing?.Find(name);
            var sheet = source is null
                ? EditableSheet.Create(name, headers, Synonyms)
                : EditableSheet.Open(source, key, headers, Synonyms);
            if (source is not null || create)
            {
                sheets.Add(sheet);
            }

            return sheet;
        }

        var isNew = existing is null;
        var factor = existing?.Find(InfoSheet) is { } info && UnitIsYuan(info) ? 10000m : 1m;
        var skipped = new List<SkippedItem>();

        FillInfo(Sheet(InfoSheet, "项目", InfoHeaders, true), content, isNew, factor);
        if (isNew)
        {
            FillBudget(Sheet(BudgetSheet, "项目名称", BudgetHeaders, true), content);
        }

        FillIndicators(Sheet(IndicatorSheet, "三级指标", IndicatorHeaders, true), content, skipped);
        var tasks = content.Department?.KeyTasks ?? [];
        FillTasks(Sheet(TaskSheet, "事项", TaskHeaders, isNew || tasks.Count > 0), tasks);
        FillProjects(Sheet(ProjectSheet, "项目名称", ProjectHeaders, isNew || content.Projects.Count > 0), content, factor);
        var plans = content.Projects.Where(project => project.Plan is not null).ToList();
        FillPlans(Sheet(PlanSheet, "项目名称", PlanHeaders, plans.Count > 0), plans);

        // Sheets the import does not know (the user's own, 预算执行 of an existing workbook) are kept as they are.
        var ordered = new List<XlsxSheet>();
        var known = sheets.ToDictionary(sheet => TextNormalizer.Key(sheet.Name));
        foreach (var sheet in existing?.Sheets ?? [])
        {
            ordered.Add(known.Remove(TextNormalizer.Key(sheet.Name), out var edited)
                ? edited.ToXlsx()
                : EditableSheet.Verbatim(sheet).ToXlsx());
        }

        ordered.AddRange(sheets.Where(sheet => known.ContainsKey(TextNormalizer.Key(sheet.Name))).Select(sheet => sheet.ToXlsx()));
        var changes = sheets.Select(sheet => new SheetChange(sheet.Name, sheet.Created, sheet.Added, sheet.Updated)).ToList();
        return new MergeResult(ordered, changes, skipped);
    }

    private static bool UnitIsYuan(SheetData info)
    {
        for (var r = 1; r <= info.Rows.Count; r++)
        {
            if (TextNormalizer.Key(info.Text(r, 1)) == "金额单位")
            {
                return TextNormalizer.Key(info.Text(r, 2)) == "元";
            }
        }

        return false;
    }

    /// <summary>The 基本信息 rows the import writes; documented in docs/import.md.</summary>
    private static void FillInfo(EditableSheet sheet, ImportContent content, bool isNew, decimal factor)
    {
        var rows = sheet.DataRows().ToDictionary(row => TextNormalizer.Key(sheet.Text(row, "项目")), row => row);
        void Put(string item, object? value, bool overwrite)
        {
            if (value is null || (value is string text && text.Length == 0))
            {
                return;
            }

            if (!rows.TryGetValue(TextNormalizer.Key(item), out var row))
            {
                rows[TextNormalizer.Key(item)] = sheet.Append(new Dictionary<string, object?> { ["项目"] = item, ["内容"] = value });
            }
            else if ((overwrite || sheet.Text(row, "内容").Length == 0) && sheet.Update(row, "内容", value))
            {
                sheet.Updated++;
            }
        }

        // The user's facts: filled only where the workbook has none.
        Put("部门名称", content.DepartmentName, false);
        Put("年度", content.Year, false);
        if (isNew)
        {
            Put("金额单位", "万元", false);
        }

        Put("主要职责", content.Department?.Duties, false);
        Put("年度总体目标", content.Department?.OverallGoal, false);

        // The 附表1 figures belong to the form: a corrected form updates them.
        var budget = content.Department?.Budget ?? new DepartmentBudget();
        object? Amount(decimal? value) => value is { } v ? v * factor : null;
        Put("年初资金总额", Amount(budget.Total), true);
        Put("一般公共预算拨款", Amount(budget.General), true);
        Put("政府性基金拨款", Amount(budget.GovernmentFund), true);
        Put("财政拨款收入", Amount(budget.FiscalAppropriation), true);
        Put("财政专户管理资金", Amount(budget.SpecialAccount), true);
        Put("其他资金", Amount(budget.Other), true);
        Put("年初基本支出", Amount(budget.Basic), true);
        Put("年初项目支出", Amount(budget.Project), true);
    }

    /// <summary>A new workbook's 预算执行: one 基本支出 line and one line per project, for the user to complete.</summary>
    private static void FillBudget(EditableSheet sheet, ImportContent content)
    {
        sheet.Append(new Dictionary<string, object?>
        {
            ["项目名称"] = "基本支出", ["支出类别"] = "基本支出", ["来源"] = "年初预算", ["年初预算数"] = content.Department?.Budget.Basic,
        });
        foreach (var project in content.Projects)
        {
            sheet.Append(new Dictionary<string, object?>
            {
                ["项目名称"] = project.Name, ["支出类别"] = "项目支出", ["来源"] = "年初预算", ["年初预算数"] = project.Amount,
            });
        }
    }

    private static void FillIndicators(EditableSheet sheet, ImportContent content, List<SkippedItem> skipped)
    {
        static string Key(string scope, FormIndicator indicator) => string.Join("\u0001",
            TextNormalizer.Key(scope), TextNormalizer.Key(indicator.Level1), TextNormalizer.Key(indicator.Level2), TextNormalizer.Key(indicator.Level3));

        var rows = new Dictionary<string, int>();
        foreach (var row in sheet.DataRows())
        {
            rows.TryAdd(string.Join("\u0001", new[] { "归属", "一级指标", "二级指标", "三级指标" }.Select(h => TextNormalizer.Key(sheet.Text(row, h)))), row);
        }

        var scoped = (content.Department?.Indicators ?? []).Select(indicator => (Scope: IndicatorRow.DepartmentScope, Indicator: indicator))
            .Concat(content.Projects.SelectMany(project => project.Indicators.Select(indicator => (Scope: project.Name, Indicator: indicator))));
        var seen = new Dictionary<string, FormIndicator>();
        foreach (var (scope, indicator) in scoped)
        {
            var key = Key(scope, indicator);
            if (seen.TryGetValue(key, out var first))
            {
                skipped.Add(new SkippedItem(indicator.Location,
                    $"“{scope}”下已有一级、二级、三级都相同的指标（{first.Location}），这一行（指标值“{indicator.Target}”）未导入"));
                continue;
            }

            seen[key] = indicator;
            if (rows.TryGetValue(key, out var row))
            {
                if (sheet.Update(row, "指标值", indicator.Target))
                {
                    sheet.Updated++;
                }

                continue;
            }

            rows[key] = sheet.Append(new Dictionary<string, object?>
            {
                ["归属"] = scope, ["一级指标"] = indicator.Level1, ["二级指标"] = indicator.Level2,
                ["三级指标"] = indicator.Level3, ["指标值"] = indicator.Target,
            });
        }
    }

    private static void FillTasks(EditableSheet sheet, IReadOnlyList<FormKeyTask> tasks)
    {
        var rows = sheet.DataRows().GroupBy(row => TextNormalizer.Key(sheet.Text(row, "事项"))).ToDictionary(g => g.Key, g => g.First());
        foreach (var task in tasks)
        {
            if (rows.TryGetValue(TextNormalizer.Key(task.Item), out var row))
            {
                var changed = (task.Owner is not null && sheet.Update(row, "责任单位", task.Owner))
                              | (task.Goal is not null && sheet.Update(row, "工作目标", task.Goal));
                sheet.Updated += changed ? 1 : 0;
                continue;
            }

            rows[TextNormalizer.Key(task.Item)] = sheet.Append(new Dictionary<string, object?>
            {
                ["事项"] = task.Item, ["责任单位"] = task.Owner, ["工作目标"] = task.Goal,
            });
        }
    }

    private static void FillProjects(EditableSheet sheet, ImportContent content, decimal factor)
    {
        var rows = sheet.DataRows().GroupBy(row => TextNormalizer.Key(sheet.Text(row, "项目名称"))).ToDictionary(g => g.Key, g => g.First());
        foreach (var project in content.Projects)
        {
            var values = new Dictionary<string, object?>
            {
                ["项目名称"] = project.Name, ["所属专项"] = project.Program, ["项目金额"] = project.Amount * factor,
                ["实施期"] = project.Period, ["实施期目标"] = project.PeriodGoal, ["年度目标"] = project.AnnualGoal,
            };
            if (!rows.TryGetValue(TextNormalizer.Key(project.Name), out var row))
            {
                rows[TextNormalizer.Key(project.Name)] = sheet.Append(values);
                continue;
            }

            var changed = false;
            foreach (var (header, value) in values.Where(pair => pair.Key != "项目名称" && pair.Value is not null))
            {
                changed |= sheet.Update(row, header, value);
            }

            sheet.Updated += changed ? 1 : 0;
        }
    }

    private static void FillPlans(EditableSheet sheet, IReadOnlyList<ImportedProject> projects)
    {
        static string? Percent(decimal? value) => value is { } v ? FormText.FormatNumber(v) + "%" : null;
        var rows = sheet.DataRows().GroupBy(row => TextNormalizer.Key(sheet.Text(row, "项目名称"))).ToDictionary(g => g.Key, g => g.First());
        foreach (var project in projects)
        {
            var plan = project.Plan!;
            var values = new Dictionary<string, object?>
            {
                ["项目名称"] = project.Name, ["3月底"] = Percent(plan.March), ["6月底"] = Percent(plan.June),
                ["10月底"] = Percent(plan.October), ["12月底"] = Percent(plan.December),
            };
            if (!rows.TryGetValue(TextNormalizer.Key(project.Name), out var row))
            {
                rows[TextNormalizer.Key(project.Name)] = sheet.Append(values);
                continue;
            }

            var changed = false;
            foreach (var (header, value) in values.Where(pair => pair.Key != "项目名称"))
            {
                changed |= sheet.Update(row, header, value);
            }

            sheet.Updated += changed ? 1 : 0;
        }
    }
}
