using ReportGen.Model;
using ReportGen.Rendering;
using Spectre.Console;

namespace ReportGen.Cli;

/// <summary>The variance preview drawn as a terminal table (Spectre.Console), attention lines in colour.</summary>
public static class VarianceTable
{
    public static void Write(TextWriter writer, DepartmentAnalysis analysis, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!console.Profile.Out.IsTerminal)
        {
            // Redirected output has no window width; keep rows on one line.
            console.Profile.Width = 200;
        }

        var department = analysis.Workbook.Department;
        var table = new Table()
            .Border(TableBorder.Square)
            .Title($"{Markup.Escape(department.Name)} {department.Year}年度 预算执行差异表（单位：万元）");
        foreach (var (header, index) in VariancePreviewRenderer.Headers.Select((h, i) => (h, i)))
        {
            var column = new TableColumn(header);
            table.AddColumn(index is >= 2 and <= 7 ? column.RightAligned() : column);
        }

        foreach (var row in VariancePreviewRenderer.Rows(analysis.Figures))
        {
            var style = row.Attention.Length > 0 ? "yellow" : row.Category.Length == 0 ? "bold" : "default";
            string[] cells = [row.Name, row.Category, .. VariancePreviewRenderer.Cells(row.Amounts), row.Attention];
            table.AddRow(cells.Select(c => new Markup(Markup.Escape(c), Style.Parse(style))));
        }

        console.Write(table);
        var errors = analysis.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = analysis.Findings.Count(f => f.Severity == Severity.Warning);
        console.WriteLine($"共 {analysis.Figures.ProjectCount} 个项目；检查发现 {errors} 个错误、{warnings} 个警告（运行 reportgen check 查看详情）。");
    }
}
