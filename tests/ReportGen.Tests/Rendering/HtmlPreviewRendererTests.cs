using System.Text.Json;
using System.Text.RegularExpressions;
using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.Output;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The HTML preview's markup without a browser: merges as rowspan/colspan, placeholders marked, every user string
/// encoded, nothing loaded from outside; and the scores in the Markdown and CSV previews.
/// </summary>
public sealed partial class HtmlPreviewRendererTests
{
    private const string Hostile = "<script>alert('x')</script>&\"";

    private static DepartmentAnalysis HostileAnalysis() => WorkbookBuilder.Create(department: "测试" + Hostile)
        .Basic("基本<b>支出</b>", 100m, 0m, 90m)
        .Project("项目<img src=x onerror=alert(1)>", 50m, 0m, 20m)
        .Indicator("部门整体", "产出指标", "数量指标", "培训<i>人次</i>", "≥100人次", "80人次", null, null, null, null)
        .Analyze();

    private static ReportDocument HostileDocument() => new(
        "标题" + Hostile,
        [
            new Heading(1, "一、" + Hostile),
            PlaceholderSpans.Paragraph("原因是【待填写：<偏差原因>】。"),
            new TableBlock(new ReportTable("表" + Hostile, [1, 1], [new TableRow([new TableCell(Hostile), new TableCell("【待填写】") { Fields = PlaceholderSpans.Of("【待填写】") }])])),
        ]);

    [Fact]
    public void Every_user_string_is_encoded_and_nothing_is_loaded_from_outside()
    {
        var html = HtmlPreviewRenderer.Render(HostileAnalysis(), HostileDocument());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>支出", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>人次", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;", html, StringComparison.Ordinal);
        Assert.Contains("项目&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"placeholder\">【待填写：&lt;偏差原因&gt;】</mark>", html, StringComparison.Ordinal);

        // Self-contained: no link, script, frame, image or URL to fetch; a policy forbids loading anything.
        Assert.DoesNotMatch("(?i)<(link|script|iframe|img|object|embed)\\b|src=|url\\(|@import|https?:", html.Replace("项目&lt;img src=x onerror=alert(1)&gt;", "", StringComparison.Ordinal));
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Merged_cells_become_one_cell_with_rowspan_and_colspan()
    {
        // Two groups of three rows: 一级 and 二级 each merge three rows down; 总分 spans five columns.
        var html = HtmlPreviewRenderer.Render(HostileAnalysis(), new ReportDocument("表", [new TableBlock(SampleReports.IndicatorTable(groups: 2, perGroup: 3))]));
        var table = html[html.IndexOf("<table class=\"report-table\">", StringComparison.Ordinal)..];
        table = table[..(table.IndexOf("</table>", StringComparison.Ordinal) + 8)];
        Assert.Equal(5, Regex.Count(table, "<th rowspan=\"2\""));   // 年度指标值 … 偏差原因 over both header rows
        Assert.Contains("<td rowspan=\"3\" class=\"c\">产出指标</td><td rowspan=\"3\" class=\"c\">数量指标</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td rowspan=\"3\" class=\"c\">效益指标</td><td rowspan=\"3\" class=\"c\">质量指标</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td colspan=\"5\" class=\"c b\">总分</td>", table, StringComparison.Ordinal);
        Assert.Contains("<th colspan=\"3\" class=\"c b\">绩效指标</th>", table, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(table, "<thead>|</thead>"));

        // Every row covers the eight columns once the cells merged from above are counted.
        Assert.All(RowWidths(table), width => Assert.Equal(8, width));
    }

    /// <summary>The columns each row covers, counting cells that rowspans from rows above bring down.</summary>
    private static List<int> RowWidths(string table)
    {
        var widths = new List<int>();
        var pending = new List<(int Rows, int Cols)>();
        foreach (Match row in RowPattern().Matches(table))
        {
            var width = pending.Sum(p => p.Cols);
            pending = pending.Select(p => (p.Rows - 1, p.Cols)).Where(p => p.Item1 > 0).ToList();
            foreach (Match cell in CellPattern().Matches(row.Value))
            {
                var rows = cell.Groups["r"].Success ? int.Parse(cell.Groups["r"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                var cols = cell.Groups["c"].Success ? int.Parse(cell.Groups["c"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                width += cols;
                if (rows > 1)
                {
                    pending.Add((rows - 1, cols));
                }
            }

            widths.Add(width);
        }

        return widths;
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[dh](?: rowspan=\"(?<r>\\d+)\")?(?: colspan=\"(?<c>\\d+)\")?")]
    private static partial Regex CellPattern();

    [Fact]
    public void The_page_holds_the_variance_table_the_scores_with_their_rules_and_the_findings_with_their_cells()
    {
        var analysis = HostileAnalysis();
        var html = HtmlPreviewRenderer.Render(analysis, new ReportDocument("标题", []));
        Assert.Contains("<tr class=\"total\"><td class=\"l\">合计</td><td class=\"c\"></td><td class=\"r\">150.00</td><td class=\"r\">0.00</td><td class=\"r\">150.00</td><td class=\"r\">110.00</td><td class=\"r\">40.00</td><td class=\"r\">73.33%</td>", html, StringComparison.Ordinal);
        Assert.Contains("评分说明（财预〔2020〕10号）", html, StringComparison.Ordinal);
        var score = analysis.DepartmentScore!;
        Assert.Contains($"<td class=\"l\">部门整体</td><td class=\"r\">{Money.Format(score.ExecutionRate)}</td>", html, StringComparison.Ordinal);
        Assert.Contains("80人次", html, StringComparison.Ordinal);
        Assert.NotEmpty(analysis.Findings);
        foreach (var finding in analysis.Findings)
        {
            Assert.Contains($"<td class=\"c\">{finding.Code}</td><td class=\"l\">{System.Net.WebUtility.HtmlEncode(finding.Location.ToString())}</td>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_workbook_with_errors_is_still_previewed_with_a_warning_and_the_error_cells()
    {
        using var dir = new TempDir();
        var folder = WorkbookBuilder.Create()
            .Basic("基本支出", 100m, 0m, 90m)
            .Line("项目甲", "项目支出", 50m, 0m, 50m, 20m, carryOver: 99m)
            .WriteCsvFolder(dir.File("工作簿"));
        var path = dir.File("预览.html");
        var result = CliHarness.Run("preview", folder, "--format", "html", "-o", path);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal($"已写入 {path}\n", result.Output.ReplaceLineEndings("\n"));
        var html = File.ReadAllText(path);
        Assert.Matches("<p class=\"alert\">工作簿有 [1-9]\\d* 个错误：在改正之前 generate 不会生成报告", html);
        Assert.Matches("<tr class=\"error\"><td class=\"c\">错误</td><td class=\"c\">RG\\d+</td><td class=\"l\">预算执行!H3</td>", html);
        Assert.Contains("<article class=\"report\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("csv")]
    public void Markdown_and_csv_previews_carry_the_scores_as_json_gives_them(string format)
    {
        var json = JsonDocument.Parse(CliHarness.Run("preview", Repo.SampleCsvFolder, "--format", "json").Output).RootElement;
        var department = json.GetProperty("scores").GetProperty("department");
        var result = CliHarness.Run("preview", Repo.SampleCsvFolder, "--format", format);
        Assert.Equal(0, result.ExitCode);
        var separator = format == "md" ? " | " : ",";
        // While provisional the total is the range from total to totalMax, and the grade is JSON's (待定 while undecided).
        var range = department.GetProperty("provisional").GetBoolean()
            ? "至" + department.GetProperty("totalMax").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "（暂定）"
            : "";
        var expected = string.Join(separator, "部门整体", department.GetProperty("executionRate").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            department.GetProperty("output").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            department.GetProperty("outcome").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            department.GetProperty("satisfaction").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            department.GetProperty("total").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + range,
            department.GetProperty("grade").GetString());
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        foreach (var project in json.GetProperty("scores").GetProperty("projects").EnumerateArray())
        {
            Assert.Contains(project.GetProperty("name").GetString() + separator, result.Output, StringComparison.Ordinal);
        }

        // One row per judged indicator.
        var indicators = json.GetProperty("indicators").GetArrayLength();
        var lines = result.Output.Split('\n');
        var first = Array.FindIndex(lines, l => l.Contains("一级指标", StringComparison.Ordinal));
        Assert.Equal(indicators, lines.Skip(first + (format == "md" ? 2 : 1)).TakeWhile(l => l.Length > 0).Count());
    }
}
