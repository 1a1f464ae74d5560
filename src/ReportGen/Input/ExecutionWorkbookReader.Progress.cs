using ReportGen.Model;
using ReportGen.Parsing;

namespace ReportGen.Input;

internal sealed partial class ExecutionWorkbookReader
{
    /// <summary>
    /// Reads 支出计划 (percent: "20%", 20 or 0.2 — a number not above 1 is a ratio) or 分季度支出 (amounts in the
    /// workbook's unit) into cumulative checkpoint values.
    /// </summary>
    private List<SpendingCheckpoints> ReadCheckpoints(SheetData sheet, bool isYuan, bool percent)
    {
        var header = HeaderMap.Find(sheet, _file, WorkbookSchema.Checkpoints.Columns);
        var rows = new List<SpendingCheckpoints>();
        for (var row = header.HeaderRow + 1; row <= sheet.Rows.Count; row++)
        {
            var name = Cell(sheet, header, row, WorkbookSchema.Checkpoints.Name);
            if (name.Length == 0 || IsNote(name))
            {
                continue;
            }

            var values = WorkbookSchema.Checkpoints.Months
                .Select(month => percent ? ReadPercent(sheet, header, row, month) : ReadAmount(sheet, header, row, month, isYuan, allowNegative: false))
                .ToList();
            rows.Add(new SpendingCheckpoints(name, values, At(sheet, row)));
        }

        return rows;
    }

    private decimal? ReadPercent(SheetData sheet, HeaderMap header, int row, ColumnSpec field)
    {
        var column = header.Column(field)!.Value;
        var text = TextNormalizer.FoldWidth(sheet.Text(row, column));
        if (text.Length == 0)
        {
            return null;
        }

        if (PercentParser.Parse(text, sheet.Value(row, column)) is not { } share)
        {
            Add(FindingCodes.PlanNotPercent, Severity.Error, At(sheet, row, column), $"{sheet.Name}中的“{sheet.Text(row, column)}”不是有效的百分比（如 50%）。");
            return null;
        }

        return share;
    }
}
