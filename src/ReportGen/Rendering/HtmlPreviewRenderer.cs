using System.Net;
using System.Text;
using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// <c>preview --format html</c>: one self-contained page (inline CSS, no script, no external file, and a
/// Content-Security-Policy that forbids loading any) holding the report as the .docx shows it, then the variance
/// table, the indicator scores with how they were scored, and the findings with their cells. Every text from the
/// workbook or the template is HTML-encoded. Printed, it gives A4 pages, each part starting a new page.
/// </summary>
internal static partial class HtmlPreviewRenderer
{
    public static string Render(DepartmentAnalysis analysis, ReportDocument report)
    {
        var department = analysis.Workbook.Department;
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode($"{department.Name}{department.Year}年度 报告预览")).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        WriteSummary(html, analysis, report);
        html.Append("<section id=\"report\">\n<h2 class=\"part\">一、报告正文</h2>\n");
        WriteDocument(html, report);
        html.Append("</section>\n");
        WriteVariance(html, analysis);
        WriteScores(html, analysis);
        WriteFindings(html, analysis.Findings);
        html.Append("<footer>由 ReportGen 生成的预览；正式报告以 .docx 为准。</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void WriteSummary(StringBuilder html, DepartmentAnalysis analysis, ReportDocument report)
    {
        var department = analysis.Workbook.Department;
        var totals = analysis.Figures.Department;
        var errors = analysis.Findings.CountOf(Severity.Error);
        var warnings = analysis.Findings.CountOf(Severity.Warning);
        var placeholders = report.Placeholders.Count;
        html.Append("<header class=\"summary\">\n<p class=\"kicker\">报告预览</p>\n<h1>")
            .Append(Encode($"{department.Name} {department.Year}年度部门整体支出绩效自评")).Append("</h1>\n<dl class=\"figures\">\n");
        Figure(html, "全年预算", Money.Format(totals.Final) + " 万元");
        Figure(html, "实际支出", Money.Format(totals.Actual) + " 万元");
        Figure(html, "预算执行率", Money.FormatPercent(totals.ExecutionRate));
        Figure(html, "结余结转", Money.Format(totals.CarryOver) + " 万元");
        Figure(html, "项目数", analysis.Figures.ProjectCount + " 个");
        if (analysis.DepartmentScore is { } score)
        {
            Figure(html, "部门整体自评得分", ScorePreview.Phrase(score));
        }

        html.Append("</dl>\n");
        if (errors > 0)
        {
            html.Append("<p class=\"alert\">工作簿有 ").Append(errors)
                .Append(" 个错误：在改正之前 generate 不会生成报告，下面的数字可能不可靠。错误见“四、检查结果”。</p>\n");
        }

        html.Append("<p>报告中有 ").Append(placeholders).Append(" 处<mark class=\"placeholder\">【待填写】</mark>内容；检查发现 ")
            .Append(errors).Append(" 个错误、").Append(warnings).Append(" 个警告。</p>\n")
            .Append("<nav><a href=\"#report\">一、报告正文</a><a href=\"#variance\">二、预算执行差异表</a>")
            .Append("<a href=\"#scores\">三、绩效指标评分</a><a href=\"#findings\">四、检查结果</a></nav>\n</header>\n");
    }

    private static void Figure(StringBuilder html, string label, string value) =>
        html.Append("<div><dt>").Append(Encode(label)).Append("</dt><dd>").Append(Encode(value)).Append("</dd></div>\n");

    private static void WriteVariance(StringBuilder html, DepartmentAnalysis analysis)
    {
        var department = analysis.Workbook.Department;
        html.Append("<section id=\"variance\">\n<h2 class=\"part\">二、预算执行差异表</h2>\n<table class=\"data\">\n<caption>")
            .Append(Encode($"{department.Name}{department.Year}年度预算执行差异表（单位：万元）")).Append("</caption>\n")
            .Append("<colgroup><col style=\"width:19%\"><col style=\"width:9%\">")
            .Append(string.Concat(Enumerable.Repeat("<col style=\"width:9%\">", 6))).Append("<col style=\"width:18%\"></colgroup>\n<thead><tr>");
        foreach (var header in VariancePreviewRenderer.Headers)
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in VariancePreviewRenderer.Rows(analysis.Figures))
        {
            var kind = row.Total ? "total"
                : row.Category.Length == 0 ? "subtotal"
                : row.Attention.Length > 0 ? "attention" : "line";
            html.Append("<tr class=\"").Append(kind).Append("\"><td class=\"l\">").Append(Encode(row.Name)).Append("</td><td class=\"c\">")
                .Append(Encode(row.Category)).Append("</td>");
            foreach (var cell in VariancePreviewRenderer.Cells(row.Amounts))
            {
                html.Append("<td class=\"r\">").Append(Encode(cell)).Append("</td>");
            }

            html.Append("<td class=\"l\">").Append(Encode(row.Attention)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"note\">“关注”标出执行率低于 90%、结余较大或超支的预算行。</p>\n</section>\n");
    }

    private static void WriteScores(StringBuilder html, DepartmentAnalysis analysis)
    {
        html.Append("<section id=\"scores\">\n<h2 class=\"part\">三、绩效指标评分</h2>\n");
        var scores = VariancePreviewRenderer.AllScores(analysis).ToList();
        if (scores.Count == 0)
        {
            html.Append("<p>工作簿的“绩效指标”中没有可评分的指标，未评分。</p>\n</section>\n");
            return;
        }

        html.Append("<table class=\"data\" id=\"score-summary\">\n<caption>自评得分</caption>\n<thead><tr>");
        foreach (var header in ScorePreview.ScoreHeaders)
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var score in scores)
        {
            html.Append("<tr><td class=\"l\">").Append(Encode(score.Scope)).Append("</td>");
            foreach (var value in ScorePreview.ScoreCells(score).Skip(1).SkipLast(1))
            {
                html.Append("<td class=\"r\">").Append(Encode(value)).Append("</td>");
            }

            html.Append("<td class=\"c\">").Append(Encode(ScorePreview.Grade(score))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<h3>评分说明（财预〔2020〕10号）</h3>\n<ul class=\"rules\">\n");
        foreach (var rule in ScorePreview.ScoringRules)
        {
            html.Append("<li>").Append(Encode(rule)).Append("</li>\n");
        }

        html.Append("</ul>\n");
        foreach (var score in scores)
        {
            html.Append("<table class=\"data indicators\">\n<caption>").Append(Encode($"{score.Scope}：绩效指标得分")).Append("</caption>\n")
                .Append(IndicatorColumns).Append("\n<thead><tr>");
            foreach (var header in ScorePreview.IndicatorHeaders.Skip(1))
            {
                html.Append("<th>").Append(Encode(header)).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var result in score.Results)
            {
                var status = result.Status switch
                {
                    IndicatorStatus.Met => "met",
                    IndicatorStatus.Undetermined => "undetermined",
                    _ => "short",
                };
                html.Append("<tr class=\"").Append(status).Append("\">");
                var cells = ScorePreview.IndicatorCells(result);
                for (var i = 1; i < cells.Length; i++)
                {
                    html.Append("<td class=\"").Append(ScorePreview.IndicatorAlignment[i]).Append("\">").Append(Encode(cells[i])).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>Widths of 一级 … 说明: the short columns (类型, 完成情况, 分值, 得分) stay on one line.</summary>
    private const string IndicatorColumns =
        "<colgroup><col style=\"width:8%\"><col style=\"width:9%\"><col style=\"width:13%\"><col style=\"width:10%\"><col style=\"width:10%\">"
        + "<col style=\"width:6%\"><col style=\"width:8%\"><col style=\"width:6%\"><col style=\"width:6%\"><col style=\"width:24%\"></colgroup>";

    private static void WriteFindings(StringBuilder html, IReadOnlyList<Finding> findings)
    {
        html.Append("<section id=\"findings\">\n<h2 class=\"part\">四、检查结果</h2>\n");
        if (findings.Count == 0)
        {
            html.Append("<p>检查没有发现问题。</p>\n</section>\n");
            return;
        }

        html.Append("<p>共 ").Append(findings.Count).Append(" 条；位置指工作簿中的单元格（工作表!列行），改正后重新运行即可。</p>\n")
            .Append("<table class=\"data\">\n<colgroup><col style=\"width:9%\"><col style=\"width:9%\"><col style=\"width:16%\"><col style=\"width:66%\"></colgroup>\n<thead><tr><th>严重程度</th><th>代码</th><th>位置</th><th>说明</th></tr></thead>\n<tbody>\n");
        foreach (var finding in findings)
        {
            html.Append("<tr class=\"").Append(finding.Severity.ToString().ToLowerInvariant()).Append("\"><td class=\"c\">")
                .Append(Encode(Finding.SeverityName(finding.Severity))).Append("</td><td class=\"c\">").Append(Encode(finding.Code))
                .Append("</td><td class=\"l\">").Append(Encode(finding.Location.ToString())).Append("</td><td class=\"l\">")
                .Append(Encode(finding.Message)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }
}
