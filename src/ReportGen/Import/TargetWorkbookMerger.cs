using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Output;
using Checkpoint = ReportGen.Model.WorkbookSchema.Checkpoints;
using Indicator = ReportGen.Model.WorkbookSchema.Indicators;
using Info = ReportGen.Model.WorkbookSchema.Info;
using Item = ReportGen.Model.WorkbookSchema.Items;
using Line = ReportGen.Model.WorkbookSchema.Lines;
using Target = ReportGen.Model.WorkbookSchema.Targets;
using Tasks = ReportGen.Model.WorkbookSchema.Tasks;

namespace ReportGen.Import;

/// <summary>What the merge did to one sheet, for the summary.</summary>
public sealed record SheetChange(string Sheet, bool Created, int Added, int Updated);

/// <summary>
/// What the merge made: for a new workbook, its sheets (<see cref="Sheets"/>); for an existing one, the sheets it
/// edits, cell by cell (<see cref="Edited"/>). <see cref="Changed"/> is false when the target already held it all.
/// </summary>
public sealed record MergeResult(IReadOnlyList<XlsxSheet> Sheets, IReadOnlyList<SheetChange> Changes, IReadOnlyList<SkippedItem> Skipped)
{
    public bool Changed => Changes.Any(change => change.Created || change.Added > 0 || change.Updated > 0);

    internal IReadOnlyList<EditableSheet> Edited { get; init; } = [];
}

/// <summary>
/// Merges imported targets into the input workbook (docs/workbook.md). The columns the schema marks
/// <see cref="ColumnFiller.Forms"/> (指标值, 项目金额, goals) and the 附表1 budget figures are set from the forms; the
/// clerk's columns (实际完成值, 分值, 完成情况, 得分, 偏差原因, 实际完成情况) and the whole 预算执行 sheet of an existing
/// workbook are never touched; rows are matched by key (绩效指标 by 归属 + 一级 + 二级 + 三级, the others by name),
/// so importing twice changes nothing.
/// </summary>
internal static class TargetWorkbookMerger
{
    public const string InfoSheet = WorkbookSchema.InfoSheet;
    public const string BudgetSheet = WorkbookSchema.LinesSheet;
    public const string IndicatorSheet = WorkbookSchema.IndicatorsSheet;
    public const string TaskSheet = WorkbookSchema.TasksSheet;
    public const string ProjectSheet = WorkbookSchema.TargetsSheet;
    public const string PlanSheet = WorkbookSchema.PlanSheet;

    /// <param name="guidePath">Where the clerk's guide is installed, for the 填写说明 sheet of a new workbook.</param>
    public static MergeResult Merge(WorkbookData? existing, ImportContent content, string? guidePath = null)
    {
        var sheets = new List<EditableSheet>();
        EditableSheet Sheet(string name, bool create)
        {
            var found = sheets.FirstOrDefault(sheet => TextNormalizer.Key(sheet.Name) == TextNormalizer.Key(name));
            if (found is not null)
            {
                return found;
            }

            var spec = WorkbookSchema.Sheet(name);
            var source = existing?.Find(name);
            var sheet = source is null ? EditableSheet.Create(spec) : EditableSheet.Open(source, spec, existing!.Path);
            if (source is not null || create)
            {
                sheets.Add(sheet);
            }

            return sheet;
        }

        var isNew = existing is null;
        var factor = existing is not null && UnitIsYuan(existing) ? 10000m : 1m;
        var skipped = new List<SkippedItem>();

        var infoSheet = Sheet(InfoSheet, true);
        if (isNew)
        {
            // A new workbook lists every 基本信息 item the clerk may fill, as `reportgen new` does.
            foreach (var item in WorkbookSchema.Items.Listed)
            {
                infoSheet.Append(new Dictionary<ColumnSpec, object?> { [Info.Item] = item.Name });
            }

            infoSheet.Added = 0;
        }

        FillInfo(infoSheet, content, isNew, factor);
        if (isNew)
        {
            // In a new sheet every item the forms filled is a new row for the summary, not an update.
            infoSheet.Added = infoSheet.DataRows().Count(row => infoSheet.Text(row, Info.Content).Length > 0);
            infoSheet.Updated = 0;
        }
        FillBudget(Sheet(BudgetSheet, true), content, factor, skipped);

        FillIndicators(Sheet(IndicatorSheet, true), content, skipped);
        var tasks = content.Department?.KeyTasks ?? [];
        FillTasks(Sheet(TaskSheet, isNew || tasks.Count > 0), tasks);
        FillProjects(Sheet(ProjectSheet, isNew || content.Projects.Count > 0), content, factor);
        var plans = content.Projects.Where(project => project.Plan is not null).ToList();
        FillPlans(Sheet(PlanSheet, plans.Count > 0), plans);

        var changes = sheets.Select(sheet => new SheetChange(sheet.Name, sheet.Created, sheet.Added, sheet.Updated)).ToList();
        if (!isNew)
        {
            // An existing workbook is edited in place (WorkbookPatcher): only these sheets' changed cells.
            return new MergeResult([], changes, skipped) { Edited = sheets };
        }

        IReadOnlyList<XlsxSheet> written = [WorkbookLayout.Guide(guidePath), .. sheets.Select(sheet => sheet.ToXlsx())];
        return new MergeResult(written, changes, skipped);
    }

    /// <summary>
    /// Whether the workbook's 金额单位 is 元, its item found by any name the schema gives it ("金额单位", "单位", …) and
    /// read as the workbook reader reads it (docs/workbook.md).
    /// </summary>
    private static bool UnitIsYuan(WorkbookData workbook)
    {
        if (workbook.Find(InfoSheet) is not { } info)
        {
            return false;
        }

        var sheet = EditableSheet.Open(info, WorkbookSchema.Sheet(InfoSheet), workbook.Path);
        var rows = ExecutionWorkbookReader.InfoRows(sheet.DataRows(), row => sheet.Text(row, Info.Item));
        return rows.TryGetValue(WorkbookSchema.Items.Unit.Name, out var unitRow)
               && ExecutionWorkbookReader.AmountUnit(sheet.Text(unitRow, Info.Content)) == "元";
    }

    /// <summary>The 基本信息 rows the import writes; documented in docs/import.md.</summary>
    private static void FillInfo(EditableSheet sheet, ImportContent content, bool isNew, decimal factor)
    {
        // Items are matched by every name the schema gives them: a clerk's "单位名称" row is 部门名称.
        var rows = ExecutionWorkbookReader.InfoRows(sheet.DataRows(), row => sheet.Text(row, Info.Item));

        void Put(InfoItem item, object? value, bool overwrite)
        {
            if (value is null || (value is string text && text.Length == 0))
            {
                return;
            }

            if (!rows.TryGetValue(item.Name, out var row))
            {
                rows[item.Name] = sheet.Append(new Dictionary<ColumnSpec, object?> { [Info.Item] = item.Name, [Info.Content] = value });
            }
            else if ((overwrite || sheet.Text(row, Info.Content).Length == 0) && sheet.Update(row, Info.Content, value))
            {
                sheet.Updated++;
            }
        }

        // The user's facts: filled only where the workbook has none.
        Put(Item.DepartmentName, content.DepartmentName, false);
        Put(Item.Year, content.Year, false);
        if (isNew)
        {
            Put(Item.Unit, "万元", false);
        }

        Put(Item.Duties, content.Department?.Duties, false);
        Put(Item.AnnualGoal, content.Department?.OverallGoal, false);

        // The 附表1 figures belong to the form: a corrected form updates them.
        var budget = content.Department?.Budget ?? new DepartmentBudget();
        object? Amount(decimal? value) => value is { } v ? v * factor : null;
        Put(Item.Total, Amount(budget.Total), true);
        Put(Item.General, Amount(budget.General), true);
        Put(Item.GovernmentFund, Amount(budget.GovernmentFund), true);
        Put(Item.FiscalAppropriation, Amount(budget.FiscalAppropriation), true);
        Put(Item.SpecialAccount, Amount(budget.SpecialAccount), true);
        Put(Item.OtherFunds, Amount(budget.Other), true);
        Put(Item.Basic, Amount(budget.Basic), true);
        Put(Item.Project, Amount(budget.Project), true);
    }

    /// <summary>
    /// 预算执行: one 基本支出 line (年初预算数 = 附表1 基本支出) and one line per project (支出类别 项目支出, 来源 年初预算,
    /// 年初预算数 = the project's amount, 资金来源 when the form names one source), whatever the workbook's state. A
    /// project is matched to a line by its name or the line's 别名 and updated there, never added twice; blank rows
    /// (a blank workbook's empty lines) are filled in place before rows are added below the table. The clerk's year-end
    /// columns (调整数, 实际支出数, 偏差原因, …) are never written; 来源 and 资金来源 only where blank.
    /// </summary>
    private static void FillBudget(EditableSheet sheet, ImportContent content, decimal factor, List<SkippedItem> skipped)
    {
        var byName = new Dictionary<string, int>();
        var blank = new Queue<int>();
        var splitBasic = false;
        foreach (var row in sheet.DataRows())
        {
            var name = sheet.Text(row, Line.Name);
            if (name.Length == 0)
            {
                if (BudgetRowIsBlank(sheet, row))
                {
                    blank.Enqueue(row);
                }

                continue;
            }

            byName.TryAdd(TextNormalizer.Key(name), row);
            foreach (var alias in sheet.Text(row, Line.Alias).Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                byName.TryAdd(TextNormalizer.Key(alias), row);
            }

            // 人员经费 / 公用经费 lines: the clerk split 基本支出; no 基本支出 line is added beside them.
            splitBasic |= TextNormalizer.Key(sheet.Text(row, Line.Category)) is "基本支出" or "人员经费" or "公用经费"
                          && TextNormalizer.Key(name) != "基本支出";
        }

        void PutLine(string name, string category, decimal? amount, string? funding)
        {
            var values = new Dictionary<ColumnSpec, object?>
            {
                [Line.Name] = name, [Line.Category] = category, [Line.Source] = "年初预算", [Line.InitialBudget] = amount * factor, [Line.Funding] = funding,
            };
            if (byName.TryGetValue(TextNormalizer.Key(name), out var row))
            {
                var changed = false;
                if (amount is not null)
                {
                    changed |= sheet.Update(row, Line.InitialBudget, amount * factor);
                }

                foreach (var header in new[] { Line.Category, Line.Source, Line.Funding })
                {
                    if (values[header] is { } value && sheet.Text(row, header).Length == 0)
                    {
                        changed |= sheet.Update(row, header, value);
                    }
                }

                sheet.Updated += changed ? 1 : 0;
                return;
            }

            if (blank.Count > 0)
            {
                row = blank.Dequeue();
                foreach (var (header, value) in values.Where(pair => pair.Value is not null))
                {
                    sheet.Update(row, header, value);
                }

                sheet.Added++;
            }
            else
            {
                row = sheet.Append(values);
            }

            byName[TextNormalizer.Key(name)] = row;
        }

        var basic = content.Department?.Budget.Basic;
        if (!splitBasic)
        {
            PutLine("基本支出", "基本支出", basic, null);
        }

        foreach (var project in content.Projects)
        {
            PutLine(project.Name, "项目支出", project.Amount, Funding(project, skipped));
        }
    }

    /// <summary>A budget row with no name and nothing the clerk typed in its amount and text columns.</summary>
    private static bool BudgetRowIsBlank(EditableSheet sheet, int row) =>
        new[] { Line.Name, Line.Purpose, Line.Alias, Line.Cause }.Concat(Line.Amounts).All(header => sheet.Text(row, header).Length == 0);

    /// <summary>
    /// The 资金来源 a project form states: all 财政资金 → 一般公共预算, all 其他资金 → 其他资金. A project paid from both
    /// is left blank (the column holds one source) and said in the summary.
    /// </summary>
    private static string? Funding(ImportedProject project, List<SkippedItem> skipped)
    {
        var (fiscal, other) = (project.FiscalFunds ?? 0m, project.OtherFunds ?? 0m);
        if (fiscal > 0 && other > 0)
        {
            skipped.Add(new SkippedItem(project.Location,
                $"项目“{project.Name}”的预算数分为财政资金 {Money.Format(fiscal)} 万元和其他资金 {Money.Format(other)} 万元，预算执行表的资金来源列只能填一种，未填写；"
                + $"需要分开核算时，请在“{project.Name}”下方加两行明细（其中：…）"));
            return null;
        }

        return fiscal > 0 ? "一般公共预算" : other > 0 ? "其他资金" : null;
    }

    private static void FillIndicators(EditableSheet sheet, ImportContent content, List<SkippedItem> skipped)
    {
        static string Key(string scope, FormIndicator indicator) => string.Join("\u0001",
            TextNormalizer.Key(scope), TextNormalizer.Key(indicator.Level1), TextNormalizer.Key(indicator.Level2), TextNormalizer.Key(indicator.Level3));

        var rows = new Dictionary<string, int>();
        foreach (var row in sheet.DataRows())
        {
            rows.TryAdd(string.Join("\u0001", Indicator.Identity.Select(h => TextNormalizer.Key(sheet.Text(row, h)))), row);
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
                if (sheet.Update(row, Indicator.Target, indicator.Target)
                    | (indicator.Scale is { } standard && sheet.Update(row, Indicator.Standard, standard)))
                {
                    sheet.Updated++;
                }

                continue;
            }

            var values = new Dictionary<ColumnSpec, object?>
            {
                [Indicator.Scope] = scope, [Indicator.Level1] = indicator.Level1, [Indicator.Level2] = indicator.Level2,
                [Indicator.Level3] = indicator.Level3, [Indicator.Target] = indicator.Target,
            };
            if (indicator.Scale is { } scale)
            {
                values[Indicator.Standard] = scale;
            }

            rows[key] = sheet.Append(values);
        }
    }

    private static void FillTasks(EditableSheet sheet, IReadOnlyList<FormKeyTask> tasks)
    {
        var rows = sheet.DataRows().GroupBy(row => TextNormalizer.Key(sheet.Text(row, Tasks.Item))).ToDictionary(g => g.Key, g => g.First());
        foreach (var task in tasks)
        {
            if (rows.TryGetValue(TextNormalizer.Key(task.Item), out var row))
            {
                var changed = (task.Owner is not null && sheet.Update(row, Tasks.Owner, task.Owner))
                              | (task.Goal is not null && sheet.Update(row, Tasks.Goal, task.Goal));
                sheet.Updated += changed ? 1 : 0;
                continue;
            }

            rows[TextNormalizer.Key(task.Item)] = sheet.Append(new Dictionary<ColumnSpec, object?>
            {
                [Tasks.Item] = task.Item, [Tasks.Owner] = task.Owner, [Tasks.Goal] = task.Goal,
            });
        }
    }

    private static void FillProjects(EditableSheet sheet, ImportContent content, decimal factor)
    {
        var rows = sheet.DataRows().GroupBy(row => TextNormalizer.Key(sheet.Text(row, Target.Name))).ToDictionary(g => g.Key, g => g.First());
        foreach (var project in content.Projects)
        {
            var values = new Dictionary<ColumnSpec, object?>
            {
                [Target.Name] = project.Name, [Target.Program] = project.Program, [Target.Amount] = project.Amount * factor,
                [Target.Period] = project.Period, [Target.PeriodGoal] = project.PeriodGoal, [Target.AnnualGoal] = project.AnnualGoal,
            };
            if (project.Implementer is { } implementer && implementer != content.DepartmentName)
            {
                values[Target.Implementer] = implementer;
            }

            if (!rows.TryGetValue(TextNormalizer.Key(project.Name), out var row))
            {
                rows[TextNormalizer.Key(project.Name)] = sheet.Append(values);
                continue;
            }

            var changed = false;
            foreach (var (header, value) in values.Where(pair => pair.Key != Target.Name && pair.Value is not null))
            {
                changed |= sheet.Update(row, header, value);
            }

            sheet.Updated += changed ? 1 : 0;
        }
    }

    private static void FillPlans(EditableSheet sheet, IReadOnlyList<ImportedProject> projects)
    {
        static string? Percent(decimal? value) => value is { } v ? FormText.FormatNumber(v) + "%" : null;
        var rows = sheet.DataRows().GroupBy(row => TextNormalizer.Key(sheet.Text(row, Checkpoint.Name))).ToDictionary(g => g.Key, g => g.First());
        foreach (var project in projects)
        {
            var plan = project.Plan!;
            var values = new Dictionary<ColumnSpec, object?>
            {
                [Checkpoint.Name] = project.Name, [Checkpoint.March] = Percent(plan.March), [Checkpoint.June] = Percent(plan.June),
                [Checkpoint.October] = Percent(plan.October), [Checkpoint.December] = Percent(plan.December),
            };
            if (!rows.TryGetValue(TextNormalizer.Key(project.Name), out var row))
            {
                rows[TextNormalizer.Key(project.Name)] = sheet.Append(values);
                continue;
            }

            var changed = false;
            foreach (var (header, value) in values.Where(pair => pair.Key != Checkpoint.Name))
            {
                changed |= sheet.Update(row, header, value);
            }

            sheet.Updated += changed ? 1 : 0;
        }
    }
}
