using ReportGen.Model;
using Indicator = ReportGen.Model.WorkbookSchema.Indicators;
using Target = ReportGen.Model.WorkbookSchema.Targets;
using Tasks = ReportGen.Model.WorkbookSchema.Tasks;

namespace ReportGen.Input;

internal sealed partial class ExecutionWorkbookReader
{
    private List<IndicatorRow> ReadIndicators(SheetData sheet)
    {
        var header = HeaderMap.Find(sheet, _file, Indicator.Columns);
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

            scope = Carry(sheet, header, row, Indicator.Scope, scope);
            var newLevel1 = Carry(sheet, header, row, Indicator.Level1, level1);
            level2 = newLevel1 != level1 && Cell(sheet, header, row, Indicator.Level2).Length == 0 ? "" : Carry(sheet, header, row, Indicator.Level2, level2);
            level1 = newLevel1;
            var level3 = Cell(sheet, header, row, Indicator.Level3);
            var target = Cell(sheet, header, row, Indicator.Target);
            var missing = new[] { (Indicator.Scope, scope), (Indicator.Level1, level1), (Indicator.Level2, level2), (Indicator.Level3, level3), (Indicator.Target, target) }
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
                Actual = Optional(sheet, header, row, Indicator.Actual),
                Weight = ReadNumber(sheet, header, row, Indicator.Weight),
                UserStatus = Optional(sheet, header, row, Indicator.Status),
                UserScore = ReadNumber(sheet, header, row, Indicator.Score),
                DeviationNote = Optional(sheet, header, row, Indicator.Cause),
                Standard = Optional(sheet, header, row, Indicator.Standard),
                Location = At(sheet, row),
                Columns = header.Columns,
            });
        }

        return rows;
    }

    private static string Carry(SheetData sheet, HeaderMap header, int row, ColumnSpec field, string previous) =>
        Cell(sheet, header, row, field) is { Length: > 0 } text ? text : previous;

    private decimal? ReadNumber(SheetData sheet, HeaderMap header, int row, ColumnSpec field)
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
        var header = HeaderMap.Find(sheet, _file, Tasks.Columns);
        var tasks = new List<KeyTask>();
        for (var row = header.HeaderRow + 1; row <= sheet.Rows.Count; row++)
        {
            var item = Cell(sheet, header, row, Tasks.Item);
            if (item.Length == 0)
            {
                continue;
            }

            tasks.Add(new KeyTask(item, Optional(sheet, header, row, Tasks.Owner), Optional(sheet, header, row, Tasks.Goal),
                Optional(sheet, header, row, Tasks.Outcome), At(sheet, row, header.Column(Tasks.Outcome))));
        }

        return tasks;
    }

    private List<ProjectTarget> ReadTargets(SheetData sheet, bool isYuan)
    {
        var header = HeaderMap.Find(sheet, _file, Target.Columns);
        var targets = new List<ProjectTarget>();
        for (var row = header.HeaderRow + 1; row <= sheet.Rows.Count; row++)
        {
            var name = Cell(sheet, header, row, Target.Name);
            if (name.Length == 0 || TextNormalizer.Key(name) is "合计" or "总计")
            {
                continue;
            }

            targets.Add(new ProjectTarget
            {
                Name = name,
                Program = Optional(sheet, header, row, Target.Program),
                Amount = ReadAmount(sheet, header, row, Target.Amount, isYuan, allowNegative: false),
                Period = Optional(sheet, header, row, Target.Period),
                PeriodGoal = Optional(sheet, header, row, Target.PeriodGoal),
                AnnualGoal = Optional(sheet, header, row, Target.AnnualGoal),
                Outcome = Optional(sheet, header, row, Target.Outcome),
                Implementer = Optional(sheet, header, row, Target.Implementer),
                Location = At(sheet, row),
                Columns = header.Columns,
            });
        }

        return targets;
    }
}
