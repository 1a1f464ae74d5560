using ReportGen.Model;
using Items = ReportGen.Model.WorkbookSchema.Items;
using Line = ReportGen.Model.WorkbookSchema.Lines;
using Target = ReportGen.Model.WorkbookSchema.Targets;

namespace ReportGen.Analysis;

/// <summary>
/// Texts the report needs from the user and does not have. Each is a 【待填写：…（cell）】 placeholder in the report
/// and one of these findings at the same cell (docs/workbook.md, "Missing inputs"); the report never writes 未填写 instead.
/// </summary>
internal sealed partial class ConsistencyValidator
{
    /// <summary>
    /// The codes of findings that stand for a placeholder in the report, at the finding's cell. RG191 (存在问题) is
    /// added by <see cref="GenerateJob"/> once the section 四 facts are known.
    /// </summary>
    public static readonly IReadOnlySet<string> MissingInputCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        FindingCodes.LowRateWithoutNote, FindingCodes.AdjustmentWithoutNote, FindingCodes.BehindPlan,
        FindingCodes.ProblemsMissing, FindingCodes.MeasuresMissing, FindingCodes.OtherNotesMissing,
        FindingCodes.DepartmentGoalMissing, FindingCodes.DutiesMissing, FindingCodes.ProjectGoalMissing,
        FindingCodes.ProjectOutcomeMissing, FindingCodes.TaskOutcomeMissing, FindingCodes.PurposeMissing,
        FindingCodes.UnmetWithoutNote, FindingCodes.FarAboveTarget, FindingCodes.MissingActual,
        FindingCodes.MissingUserStatus, FindingCodes.TargetBeforeAdjustment, FindingCodes.OutlineItemMissing,
        FindingCodes.ActualNotMeasured, FindingCodes.StatusDiffers, FindingCodes.NoQuarterlySpending,
    };

    private void CheckMissingTexts(ProjectNameMatcher matcher)
    {
        MissingItem(FindingCodes.DutiesMissing, Items.Duties, "报告第一部分的部门主要职责留待填写。");
        MissingItem(FindingCodes.DepartmentGoalMissing, Items.AnnualGoal, "部门整体支出绩效自评表的年度总体目标（预期目标）留待填写。");
        MissingItem(FindingCodes.MeasuresMissing, Items.Measures, "报告第四部分的下一步改进措施留待填写。");
        MissingItem(FindingCodes.OtherNotesMissing, Items.OtherNotes, "报告第五部分的其他需要说明的情况留待填写（如无，填写“无其他需要说明的情况。”）。");

        if (_workbook.KeyTasks.Count == 0)
        {
            Add(FindingCodes.TaskOutcomeMissing, Severity.Warning, new SourceLocation(_workbook.Path, WorkbookSchema.TasksSheet),
                "重点工作表没有内容：部门整体支出绩效自评表的实际完成情况留待填写。请在重点工作表逐项填写事项和完成情况。");
        }

        foreach (var task in _workbook.KeyTasks.Where(t => t.Outcome is null))
        {
            Add(FindingCodes.TaskOutcomeMissing, Severity.Warning, task.Location, $"重点工作“{task.Item}”未填写完成情况，报告中留待填写。");
        }

        // Each target and indicator scope matched once (a department may have thousands of each), not once per line.
        var targets = new Dictionary<BudgetLine, ProjectTarget>();
        foreach (var target in _workbook.ProjectTargets)
        {
            if (matcher.Match(target.Name).Line is { } matched)
            {
                targets.TryAdd(matched, target);
            }
        }

        var withIndicators = _workbook.Indicators.Where(row => !row.IsDepartment).Select(row => row.Scope).Distinct()
            .Select(scope => matcher.Match(scope).Line).OfType<BudgetLine>().ToHashSet();
        foreach (var line in _figures.ProjectLines.Select(f => f.Line))
        {
            if (line.Purpose is null)
            {
                Add(FindingCodes.PurposeMissing, Severity.Warning, line.CellOf(Line.Purpose), $"“{line.Name}”未填写主要用途，报告中留待填写。");
            }

            CheckProjectTarget(line, targets.GetValueOrDefault(line), withIndicators.Contains(line));
        }
    }

    private void CheckProjectTarget(BudgetLine line, ProjectTarget? target, bool hasIndicators)
    {
        if (target is not null)
        {
            if (target.AnnualGoal is null)
            {
                Add(FindingCodes.ProjectGoalMissing, Severity.Warning, target.CellOf(Target.AnnualGoal), $"“{line.Name}”的项目目标未填写年度目标，项目支出绩效自评表中留待填写。");
            }

            if (target.Outcome is null)
            {
                Add(FindingCodes.ProjectOutcomeMissing, Severity.Warning, target.CellOf(Target.Outcome),
                    $"“{line.Name}”的项目目标未填写实际完成情况，报告和项目支出绩效自评表中留待填写。");
            }
        }
        else if (hasIndicators)
        {
            Add(FindingCodes.ProjectGoalMissing, Severity.Warning, new SourceLocation(_workbook.Path, WorkbookSchema.TargetsSheet),
                $"“{line.Name}”有绩效指标，但项目目标表中没有它的一行：年度目标和实际完成情况留待填写。请在项目目标表新增一行填写。");
        }
    }

    /// <summary>A 基本信息 item left blank: a finding at its cell (or the sheet) that carries the item.</summary>
    private void MissingItem(string code, InfoItem item, string consequence)
    {
        if (_workbook.Department.Fact(item) is null)
        {
            _findings.Add(new Finding(code, Severity.Warning, FactCell(_workbook, item), $"{WorkbookSchema.InfoSheet}未填写“{item}”，{consequence}") { Item = item });
        }
    }

    /// <summary>The 内容 cell of a 基本信息 item, or the sheet when the item has no row.</summary>
    public static SourceLocation FactCell(ExecutionWorkbook workbook, InfoItem item) => FactCell(workbook, item.Name);

    /// <summary>The 内容 cell of the 基本信息 row with this key (<see cref="DepartmentInfo.Facts"/>), or the sheet.</summary>
    public static SourceLocation FactCell(ExecutionWorkbook workbook, string key) =>
        workbook.Department.FactRows.GetValueOrDefault(key) ?? new SourceLocation(workbook.Path, WorkbookSchema.InfoSheet);
}
