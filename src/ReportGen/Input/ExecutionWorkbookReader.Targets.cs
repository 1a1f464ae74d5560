using ReportGen.Model;

namespace ReportGen.Input;

public sealed partial class ExecutionWorkbookReader
{
    private List<IndicatorRow> ReadIndicators(SheetData sheet)
    {
        var header = HeaderMap.Find(sheet, _file, WorkbookSchema.IndicatorColumns);
        ReportDuplicateHeaders(sheet, header);
        var rows = new List<IndicatorRow>();
        // Forms leave 归属 / 一级 / 二级 blank under a merged cell: blank means "same as above".
        string scope = "", level1 = "", level2 = "";
        for (var row = header.HeaderRow + 1; row <= sheet.Rows.Count; row++)
        {
            if (sheet.IsBlankRow(row))
            {
                continue;
            }

            scope = Carry(sheet, header, row, "归属", scope);
            var newLevel1 = Carry(sheet, header, row, "一级指标", level1);
            level2 = newLevel1 != level1 && Cell(sheet, header, row, "二级指标").Length == 0 ? "" : Carry(sheet, header, row, "二级指标", level2);
            level1 = newLevel1;
            var level3 = Cell(sheet, header, row, "三级指标");
            var target = Cell(sheet, header, row, "指标值");
            var missing = new[] { ("归属", scope), ("一级指标", level1), ("二级指标", level2), ("三级指标", level3), ("指标值", target) }
                .Where(pair => pair.Item2.Length == 0).Select(pair => pair.Item1).ToList();
            if (missing.Count > 0)
            {
                Add(FindingCodes.IndicatorRowIncomplete, Severity.Error, At(sheet, row, header.Column(missing[0])),
                    $"绩效指标第 {row} 行缺少{string.Join("、", missing)}，该指标未计入。");
                continue;
            }

            rows.Add(new IndicatorRow
            {
                Scope = scope,
                Level1 = level1,
                Level2 = level2,
                Level3 = level3,
                Target = target,
                Actual = Optional(sheet, header, row, "实际完成值"),
                Weight = ReadNumber(sheet, header, row, "分值"),
                UserStatus = Optional(sheet, header, row, "完成情况"),
                UserScore = ReadNumber(sheet, header, row, "得分"),
                DeviationNote = Optional(sheet, header, row, "偏差原因"),
                Standard = Optional(sheet, header, row, "评价标准"),
                Location = At(sheet, row),
                Columns = header.Columns,
            });
        }

        return rows;
    }

    private static string Carry(SheetData sheet, HeaderMap header, int row, string field, string previous) =>
        Cell(sheet, header, row, field) is { Length: > 0 } text ? text : previous;

    private decimal? ReadNumber(SheetData sheet, HeaderMap header, int row, string field)
    {
        if (header.Column(field) is not { } column)
        {
            return null;
        }

        var result = AmountParser.Parse(sheet.Value(row, column), defaultUnitIsYuan: false, sheet.FormatOf(row, column));
        if (sheet.Value(row, column) is FormulaProblem formula)
        {
            Add(FindingCodes.IndicatorNumberInvalid, Severity.Error, At(sheet, row, column), $"{field}单元格{formula.Describe()}。该值已忽略。");
            return null;
        }

        if (result.Problem is not null || result.Value is < 0)
        {
            Add(FindingCodes.IndicatorNumberInvalid, Severity.Error, At(sheet, row, column), $"{field}“{sheet.Text(row, column)}”不是有效的非负数字，已忽略。");
            return null;
        }

        return result.Value;
    }

    private List<KeyTask> ReadTasks(SheetData sheet)
    {
        var header = HeaderMap.Find(sheet, _file, WorkbookSchema.TaskColumns);
        var tasks = new List<KeyTask>();
        for (var row = header.HeaderRow + 1; row <= sheet.Rows.Count; row++)
        {
            var item = Cell(sheet, header, row, "事项");
            if (item.Length == 0)
            {
                continue;
            }

            tasks.Add(new KeyTask(item, Optional(sheet, header, row, "责任单位"), Optional(sheet, header, row, "工作目标"),
                Optional(sheet, header, row, "完成情况"), At(sheet, row, header.Column("完成情况"))));
        }

        return tasks;
    }

    private List<ProjectTarget> ReadTargets(SheetData sheet, bool isYuan)
    {
        var header = HeaderMap.Find(sheet, _file, WorkbookSchema.TargetColumns);
        var targets = new List<ProjectTarget>();
        for (var row = header.HeaderRow + 1; row <= sheet.Rows.Count; row++)
        {
            var name = Cell(sheet, header, row, "项目名称");
            if (name.Length == 0 || TextNormalizer.Key(name) is "合计" or "总计")
            {
                continue;
            }

            targets.Add(new ProjectTarget
            {
                Name = name,
                Program = Optional(sheet, header, row, "所属专项"),
                Amount = ReadAmount(sheet, header, row, "项目金额", isYuan, allowNegative: false),
                Period = Optional(sheet, header, row, "实施期"),
                PeriodGoal = Optional(sheet, header, row, "实施期目标"),
                AnnualGoal = Optional(sheet, header, row, "年度目标"),
                Outcome = Optional(sheet, header, row, "实际完成情况"),
                Implementer = Optional(sheet, header, row, "实施单位"),
                Location = At(sheet, row),
                Columns = header.Columns,
            });
        }

        return targets;
    }
}
