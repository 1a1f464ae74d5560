using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Model;
using ReportGen.Rendering;
using Spectre.Console;

namespace ReportGen.Cli;

/// <summary>The variance preview drawn as a terminal table (Spectre.Console), attention lines in colour.</summary>
internal static class VarianceTable
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
        WriteIndicators(console, analysis);
        var errors = analysis.Findings.CountOf(Severity.Error);
        var warnings = analysis.Findings.CountOf(Severity.Warning);
        console.WriteLine($"共 {analysis.Figures.ProjectCount} 个项目；检查发现 {errors} 个错误、{warnings} 个警告（运行 reportgen check 查看详情）。");
    }

    private static void WriteIndicators(IAnsiConsole console, DepartmentAnalysis analysis)
    {
        var scores = VariancePreviewRenderer.AllScores(analysis).ToList();
        if (scores.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Square).Title("绩效指标评分（财预〔2020〕10号）");
        string[] headers = ["归属", "一级", "二级", "三级指标", "指标值", "实际完成值", "类型", "完成情况", "分值", "得分", "说明"];
        for (var i = 0; i < headers.Length; i++)
        {
            table.AddColumn(ScorePreview.IndicatorAlignment[i] == 'r' ? new TableColumn(headers[i]).RightAligned() : new TableColumn(headers[i]));
        }

        foreach (var result in scores.SelectMany(s => s.Results))
        {
            var style = result.Status switch { IndicatorStatus.Met => "default", IndicatorStatus.Undetermined => "grey", _ => "yellow" };
            string[] cells =
            [
                result.Row.Scope, result.Row.Level1, result.Row.Level2, result.Row.Level3, result.Row.Target, result.ActualText,
                result.KindName, result.StatusName, Money.Format(result.Weight), Money.Format(result.Score), result.Reason,
            ];
            table.AddRow(cells.Select(c => new Markup(Markup.Escape(c), Style.Parse(style))));
        }

        console.Write(table);
        var summary = new Table().Border(TableBorder.Square).Title("自评得分");
        for (var i = 0; i < ScorePreview.ScoreHeaders.Length; i++)
        {
            // 归属 and 等级 are words; the scores between them are numbers.
            var header = ScorePreview.ScoreHeaders[i];
            summary.AddColumn(i == 0 || i == ScorePreview.ScoreHeaders.Length - 1 ? new TableColumn(header) : new TableColumn(header).RightAligned());
        }

        foreach (var score in scores)
        {
            summary.AddRow(Markup.Escape(score.Scope), Money.Format(score.ExecutionRate), Money.Format(score.Output), Money.Format(score.Outcome),
                Money.Format(score.Satisfaction), ScorePreview.Total(score),
                ScorePreview.Grade(score));
        }

        console.Write(summary);
        var undetermined = scores.Sum(s => s.Undetermined);
        if (undetermined > 0)
        {
            console.WriteLine($"{undetermined} 个指标无法判断（缺少实际完成值或完成情况），暂按0分计：标有“暂定”的得分写成补齐后可能的区间，区间跨两个等级时等级“待定”。");
        }
    }
}
