using ReportGen.Model;

namespace ReportGen.Input;

/// <summary>
/// What the file's layout hides from a reader of its values: hidden sheets and rows, which are read like
/// any other (RG104, so the user knows a figure they cannot see was counted), formula cells without a usable
/// value outside the amount columns (RG118; amounts report them as RG110), and merged amount cells (RG119).
/// </summary>
internal sealed partial class ExecutionWorkbookReader
{
    private static readonly string[] ReadSheets =
    [
        WorkbookSchema.InfoSheet, WorkbookSchema.LinesSheet, WorkbookSchema.IndicatorsSheet, WorkbookSchema.TasksSheet,
        WorkbookSchema.TargetsSheet, WorkbookSchema.PlanSheet, WorkbookSchema.QuarterlySheet,
    ];

    private void ReportLayout(WorkbookData data)
    {
        foreach (var sheet in ReadSheets.Select(data.Find).OfType<SheetData>())
        {
            ReportHidden(sheet);
            ReportFormulaProblems(sheet);
        }

        if (data.Find(WorkbookSchema.LinesSheet) is { } lines)
        {
            ReportMergedAmounts(lines);
        }
    }

    private void ReportHidden(SheetData sheet)
    {
        if (sheet.Hidden)
        {
            Add(FindingCodes.HiddenContent, Severity.Info, new SourceLocation(_file, sheet.Name),
                $"工作表“{sheet.Name}”是隐藏的工作表，已照常读取。如果其中的数据不应使用，请删除该工作表。");
        }

        var rows = sheet.HiddenRows.Where(row => row <= sheet.Rows.Count && !sheet.IsBlankRow(row)).Order().ToList();
        if (rows.Count > 0)
        {
            var listed = string.Join("、", rows.Take(10)) + (rows.Count > 10 ? $" 等 {rows.Count} 行" : " 行");
            Add(FindingCodes.HiddenContent, Severity.Info, At(sheet, rows[0]),
                $"工作表“{sheet.Name}”的第 {listed}是隐藏行，已照常读取并计入。如果这些行不应计入，请删除它们。");
        }
    }

    private void ReportFormulaProblems(SheetData sheet)
    {
        var reported = _findings.Select(f => f.Location).ToHashSet();
        for (var row = 1; row <= sheet.Rows.Count; row++)
        {
            var cells = sheet.Rows[row - 1];
            for (var column = 1; column <= cells.Length; column++)
            {
                if (cells[column - 1] is FormulaProblem problem && reported.Add(At(sheet, row, column)))
                {
                    Add(FindingCodes.FormulaProblem, Severity.Error, At(sheet, row, column), $"单元格{problem.Describe()}。该单元格按空白读取。");
                }
            }
        }
    }

    private void ReportMergedAmounts(SheetData sheet)
    {
        HeaderMap header;
        try
        {
            header = HeaderMap.Find(sheet, _file, WorkbookSchema.Lines.Columns);
        }
        catch (InputException)
        {
            return;
        }

        var amountColumns = WorkbookSchema.Lines.Amounts.Select(header.Column).OfType<int>().ToHashSet();
        foreach (var merge in sheet.Merges.Where(m => m.ToRow > m.FromRow && m.FromRow > header.HeaderRow))
        {
            if (Enumerable.Range(merge.FromColumn, merge.ToColumn - merge.FromColumn + 1).Any(amountColumns.Contains))
            {
                Add(FindingCodes.MergedAmount, Severity.Warning, At(sheet, merge.FromRow, merge.FromColumn),
                    $"金额单元格 {merge} 跨 {merge.ToRow - merge.FromRow + 1} 行合并，金额只计入第 {merge.FromRow} 行。"
                    + "请取消合并，在每一行填写该行自己的金额。");
            }
        }
    }
}
