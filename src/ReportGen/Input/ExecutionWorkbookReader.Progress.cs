using ReportGen.Model;

namespace ReportGen.Input;

public sealed partial class ExecutionWorkbookReader
{
    /// <summary>
    /// Reads 支出计划 (percent: "20%", 20 or 0.2 — a number not above 1 is a ratio) or 分季度支出 (amounts in the
    /// workbook's unit) into cumulative checkpoint values.
    /// </summary>
    private List<SpendingCheckpoints> ReadCheckpoints(SheetData sheet, bool isYuan, bool percent)
    {
        var header = HeaderMap.Find(sheet, _file, WorkbookSchema.CheckpointColumns);
        var rows = new List<SpendingCheckpoints>();
        for (var row = header.HeaderRow + 1; row <= sheet.Rows.Count; row++)
        {
            var name = Cell(sheet, header, row, "项目名称");
            if (name.Length == 0 || IsNote(name))
            {
                continue;
            }

            var values = SpendingCheckpoints.Checkpoints
                .Select(label => percent ? ReadPercent(sheet, header, row, label) : ReadAmount(sheet, header, row, label, isYuan, allowNegative: false))
                .ToList();
            rows.Add(new SpendingCheckpoints(name, values, At(sheet, row)));
        }

        return rows;
    }

    private decimal? ReadPercent(SheetData sheet, HeaderMap header, int row, string field)
    {
        var column = header.Column(field)!.Value;
        var text = TextNormalizer.FoldWidth(sheet.Text(row, column));
        if (text.Length == 0)
        {
            return null;
        }

        var isPercent = text.EndsWith('%');
        var result = AmountParser.Parse(isPercent ? text[..^1] : sheet.Value(row, column), defaultUnitIsYuan: false);
        if (result.Value is not { } value || value < 0)
        {
            Add(FindingCodes.PlanNotPercent, Severity.Error, At(sheet, row, column), $"{sheet.Name}中的“{sheet.Text(row, column)}”不是有效的百分比（如 50%）。");
            return null;
        }

        return isPercent || value > 1 ? value / 100 : value;
    }
}
