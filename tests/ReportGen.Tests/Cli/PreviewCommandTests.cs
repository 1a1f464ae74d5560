using System.Text;
using System.Text.Json;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli;

/// <summary><c>reportgen preview</c> on the Shifeng sample: the figures the published Shifeng 2023 report prints.</summary>
public sealed class PreviewCommandTests
{
    private static readonly (string Name, string Carry, string Rate)[] Projects =
    [
        ("融媒体中心专项经费", "0.15", "99.61%"),
        ("文明经费", "40.03", "67.33%"),
        ("秋瑾故居修复提质工程经费", "3.06", "86.54%"),
        ("意识形态工作专项经费", "55.29", "56.23%"),
        ("2023年区直部门代理记账服务费", "0.00", "100.00%"),
    ];

    private static JsonElement PreviewJson(string workbook)
    {
        var result = CliHarness.Run("preview", workbook, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    private static decimal DecimalAt(JsonElement element, string name) => element.GetProperty(name).GetDecimal();

    [Fact]
    public void Json_gives_the_department_totals_of_the_published_Shifeng_report()
    {
        var json = PreviewJson(Repo.SampleCsvFolder);
        Assert.Equal("中共株洲市石峰区委员会宣传部", json.GetProperty("department").GetString());
        Assert.Equal(2023, json.GetProperty("year").GetInt32());
        Assert.Equal("万元", json.GetProperty("unit").GetString());
        var totals = json.GetProperty("totals");
        Assert.Equal(326.42m, DecimalAt(totals, "initialBudget"));
        Assert.Equal(234.33m, DecimalAt(totals, "adjustment"));
        Assert.Equal(560.75m, DecimalAt(totals, "finalBudget"));
        Assert.Equal(458.04m, DecimalAt(totals, "actual"));
        Assert.Equal(102.71m, DecimalAt(totals, "carryOver"));
        Assert.Equal(81.68m, DecimalAt(totals, "executionRatePct"));
        Assert.Equal(245.8m, DecimalAt(json.GetProperty("basic"), "actual"));
        var projects = json.GetProperty("projects");
        Assert.Equal(212.24m, DecimalAt(projects, "actual"));
        Assert.Equal(95m, DecimalAt(projects, "initialBudget"));
        Assert.Equal(310.77m, DecimalAt(projects, "finalBudget"));
        Assert.Equal(98.53m, DecimalAt(projects, "carryOver"));
        Assert.Equal(68.29m, DecimalAt(projects, "executionRatePct"));
        Assert.Equal(5, json.GetProperty("projectCount").GetInt32());
    }

    [Fact]
    public void Json_lines_give_the_per_project_carry_overs_and_target_names()
    {
        var lines = PreviewJson(Repo.SampleCsvFolder).GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(6, lines.Count);
        var projectLines = lines.Where(l => l.GetProperty("category").GetString() == "项目支出").ToList();
        Assert.Equal(Projects.Select(p => p.Name), projectLines.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(Projects.Select(p => decimal.Parse(p.Carry, System.Globalization.CultureInfo.InvariantCulture)),
            projectLines.Select(l => DecimalAt(l, "carryOver")));

        var civic = lines.Single(l => l.GetProperty("name").GetString() == "文明经费");
        Assert.Equal("文明建设经费", civic.GetProperty("targetName").GetString());
        Assert.Equal("年初预算", civic.GetProperty("source").GetString());
        Assert.Equal("调增", civic.GetProperty("adjustmentKind").GetString());
        Assert.Equal(["执行率低于90%", "结余较大"], civic.GetProperty("attention").EnumerateArray().Select(a => a.GetString()));

        var restoration = lines.Single(l => l.GetProperty("name").GetString() == "秋瑾故居修复提质工程经费");
        Assert.Equal("年中追加", restoration.GetProperty("source").GetString());
        Assert.Equal(0m, DecimalAt(restoration, "initialBudget"));
        Assert.False(restoration.TryGetProperty("targetName", out _)); // added mid-year, no 附表3

        var basic = lines[0];
        Assert.Equal("基本支出", basic.GetProperty("category").GetString());
        Assert.Equal(4.18m, DecimalAt(basic, "carryOver"));
        Assert.Equal(98.33m, DecimalAt(basic, "executionRatePct"));
    }

    [Fact]
    public void Json_lists_the_findings_with_code_severity_location_and_message()
    {
        var findings = PreviewJson(Repo.SampleCsvFolder).GetProperty("findings").EnumerateArray().ToList();
        var low = findings.Where(f => f.GetProperty("code").GetString() == "RG121").ToList();
        Assert.Equal(3, low.Count);
        Assert.All(low, f => Assert.Equal("warning", f.GetProperty("severity").GetString()));
        Assert.Equal(["预算执行!L4", "预算执行!L5", "预算执行!L6"], low.Select(f => f.GetProperty("location").GetString()));
        Assert.DoesNotContain(findings, f => f.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void Json_rate_is_null_for_a_line_without_budget()
    {
        using var temp = new TempDir();
        var path = WorkbookBuilder.Create().Project("p", 10m, 0m, 9.5m).Line("空", "项目支出", 0m, 0m, 0m, 0m, source: "年初预算").WriteXlsx(temp.File("t.xlsx"));
        var line = PreviewJson(path).GetProperty("lines")[1];
        Assert.Equal(JsonValueKind.Null, line.GetProperty("executionRatePct").ValueKind);
        Assert.Equal("无调整", line.GetProperty("adjustmentKind").GetString());
    }

    [Fact]
    public void Xlsx_and_xls_give_the_same_json_figures_as_the_csv_folder()
    {
        static string Figures(JsonElement json) => string.Join("\n",
            new[] { "totals", "basic", "projects" }.Select(k => k + " " + Amounts(json.GetProperty(k)))
                .Concat(json.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("name").GetString() + " " + Amounts(l))));
        var csv = Figures(PreviewJson(Repo.SampleCsvFolder));
        Assert.Equal(csv, Figures(PreviewJson(Repo.SampleXlsx)));
        Assert.Equal(csv, Figures(PreviewJson(Repo.SampleXls)));
    }

    private static string Amounts(JsonElement e) => string.Join("/",
        new[] { "initialBudget", "adjustment", "finalBudget", "actual", "carryOver", "executionRatePct" }
            .Select(k => e.GetProperty(k).ValueKind == JsonValueKind.Null ? "null" : e.GetProperty(k).GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Csv_shows_the_same_figures()
    {
        var result = CliHarness.Run("preview", Repo.SampleCsvFolder, "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        // The variance table comes first; the scores follow after a blank line (HtmlPreviewRendererTests).
        var rows = result.Output.Split('\n').TakeWhile(r => r.Length > 0).Select(r => r.Split(',')).ToList();
        Assert.Equal(["项目名称", "支出类别", "年初预算数", "调整数", "全年预算数", "实际支出数", "结余结转数", "执行率", "关注"], rows[0]);
        Assert.Equal(["合计", "", "326.42", "234.33", "560.75", "458.04", "102.71", "81.68%", ""], rows[^1]);
        Assert.Equal(["基本支出小计", "", "231.42", "18.56", "249.98", "245.80", "4.18", "98.33%", ""], rows[^3]);
        Assert.Equal(["项目支出小计（5个项目）", "", "95.00", "215.77", "310.77", "212.24", "98.53", "68.29%", ""], rows[^2]);
        foreach (var (name, carry, rate) in Projects)
        {
            var row = rows.Single(r => r[0] == name);
            Assert.Equal((carry, rate), (row[6], row[7]));
        }
    }

    [Fact]
    public void Markdown_shows_the_same_figures()
    {
        var result = CliHarness.Run("preview", Repo.SampleCsvFolder, "--format", "md");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# 中共株洲市石峰区委员会宣传部2023年度预算执行差异表", result.Output, StringComparison.Ordinal);
        Assert.Contains("| 合计 |  | 326.42 | 234.33 | 560.75 | 458.04 | 102.71 | 81.68% |  |", result.Output, StringComparison.Ordinal);
        Assert.Contains("| 基本支出小计 |  | 231.42 | 18.56 | 249.98 | 245.80 | 4.18 | 98.33% |  |", result.Output, StringComparison.Ordinal);
        foreach (var (name, carry, rate) in Projects)
        {
            // In the variance table, before the scores' sections (whose rows also start with the project's name).
            var variance = result.Output[..result.Output.IndexOf("\n## ", StringComparison.Ordinal)];
            var row = variance.Split('\n').Single(l => l.StartsWith($"| {name} |", StringComparison.Ordinal));
            Assert.Contains($"| {carry} | {rate} |", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Table_shows_the_same_figures()
    {
        var result = CliHarness.Run("preview", Repo.SampleCsvFolder);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal); // not a terminal: no colour codes, whatever TERM says
        var lines = result.Output.Split('\n');
        var total = lines.Single(l => l.Contains(" 合计 ", StringComparison.Ordinal));
        foreach (var figure in new[] { "326.42", "234.33", "560.75", "458.04", "102.71", "81.68%" })
        {
            Assert.Contains(figure, total, StringComparison.Ordinal);
        }

        Assert.Contains(lines, l => l.Contains("项目支出小计", StringComparison.Ordinal) && l.Contains("212.24", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("基本支出小计", StringComparison.Ordinal) && l.Contains("245.80", StringComparison.Ordinal));
        foreach (var (name, carry, rate) in Projects)
        {
            // The variance table's row (the indicator table below it names projects too).
            var row = lines.Single(l => l.Contains(name, StringComparison.Ordinal) && l.Contains("项目支出", StringComparison.Ordinal));
            Assert.Contains(carry, row, StringComparison.Ordinal);
            Assert.Contains(rate, row, StringComparison.Ordinal);
        }

        Assert.Contains("共 5 个项目", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("md")]
    [InlineData("table")]
    public void The_xlsx_previews_exactly_like_the_csv_folder(string format)
    {
        Assert.Equal(
            CliHarness.Run("preview", Repo.SampleCsvFolder, "--format", format).Output,
            CliHarness.Run("preview", Repo.SampleXlsx, "--format", format).Output);
    }

    [Fact]
    public void Output_file_gets_the_text_csv_with_a_bom()
    {
        using var temp = new TempDir();
        var result = CliHarness.Run("preview", Repo.SampleCsvFolder, "--format", "csv", "-o", temp.File("差异表.csv"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("已写入", result.Output, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(temp.File("差异表.csv"));
        Assert.Equal(new UTF8Encoding(true).GetPreamble(), bytes[..3]);
        Assert.Contains("合计,,326.42,234.33,560.75,458.04,102.71,81.68%,", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path, ".*tmp*")); // the atomic write leaves no temp file
    }

    [Fact]
    public void Output_table_to_a_file_is_plain_text()
    {
        using var temp = new TempDir();
        var result = CliHarness.Run("preview", Repo.SampleCsvFolder, "-o", temp.File("表.txt"));
        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(temp.File("表.txt"));
        Assert.Contains("560.75", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }
}
