using System.Globalization;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Batch;
using ReportGen.Cli;
using ReportGen.Input;
using ReportGen.Model;

namespace ReportGen.Tests.Batch;

public class BatchJobTests
{
    private static BatchRequest Request(BatchFolder folder, int jobs = 2) =>
        new(folder.Input, folder.Output, "default", Bundled.TemplatesDirectory) { Jobs = jobs };

    private static BatchSummary Run(BatchFolder folder, int jobs = 2, Action<DepartmentSummary>? completed = null, CancellationToken token = default) =>
        BatchJob.GenerateAll(Request(folder, jobs) with { Completed = completed, Cancellation = token }, WorkbookFinder.Find(folder.Input, folder.Output));

    [Fact]
    public void Good_workbooks_are_all_rendered_and_bad_ones_reported()
    {
        using var folder = new BatchFolder();
        var summary = Run(folder);

        var byName = summary.Departments.ToDictionary(d => d.Workbook);
        Assert.Equal(BatchFolder.Good.Concat(BatchFolder.Bad).Order(StringComparer.Ordinal), byName.Keys.Order(StringComparer.Ordinal));
        foreach (var good in BatchFolder.Good)
        {
            Assert.Equal(BatchStatus.Rendered, byName[good].Status);
            AssertCompleteDocx(byName[good].ReportPath!);
        }

        Assert.Equal(Path.Combine(folder.Output, "乡镇", "龙头铺街道.docx"), byName[BatchFolder.Good[1]].ReportPath);
        Assert.Equal(BatchStatus.HasErrors, byName[BatchFolder.WithErrors].Status);
        Assert.Contains(byName[BatchFolder.WithErrors].Findings, f => f.Code == "RG101");
        Assert.Equal(BatchStatus.Unreadable, byName[BatchFolder.Corrupt].Status);
        Assert.Equal(BatchStatus.Unreadable, byName[BatchFolder.MissingSheet].Status);
        Assert.Contains("预算执行", byName[BatchFolder.MissingSheet].Message, StringComparison.Ordinal);
        Assert.Equal(BatchStatus.Unreadable, byName[BatchFolder.Empty].Status);
        Assert.All(BatchFolder.Bad, bad => Assert.Null(byName[bad].ReportPath));
        Assert.Equal(BatchFolder.Good.Length, Directory.GetFiles(folder.Output, "*.docx", SearchOption.AllDirectories).Length);
        Assert.True(summary.AnyFailed);
    }

    [Fact]
    public void Summary_figures_equal_each_departments_own_preview()
    {
        using var folder = new BatchFolder();
        var summary = Run(folder);
        SummaryWriter.Write(summary, folder.Output);

        var csv = File.ReadAllLines(Path.Combine(folder.Output, SummaryWriter.CsvName));
        Assert.Equal(string.Join(",", SummaryWriter.Headers), csv[0].TrimStart('\uFEFF'));
        var rows = csv.Skip(1).Select(line => line.Split(',')).ToDictionary(cells => cells[3]);
        var xlsx = WorkbookLoader.Load(Path.Combine(folder.Output, SummaryWriter.WorkbookName));
        var sheet = xlsx.Sheets.Single(s => s.Name == "汇总");
        foreach (var good in BatchFolder.Good)
        {
            var preview = Preview(Path.Combine(folder.Input, good));
            var totals = preview["totals"]!;
            var score = preview["scores"]!["department"]!;
            string[] expected =
            [
                Fixed(totals["finalBudget"]), Fixed(totals["actual"]), Fixed(totals["carryOver"]), Fixed(totals["executionRatePct"]),
                Fixed(score["total"]), (string)score["grade"]!,
            ];
            var row = rows[good];
            Assert.Equal((string)preview["department"]!, row[1]);
            Assert.Equal(expected, row[5..11]);

            // The .xlsx holds the same numbers as numbers.
            var xlsxRow = Enumerable.Range(2, sheet.Rows.Count - 1).Single(r => sheet.Text(r, 4) == good);
            Assert.Equal(expected[..5], Enumerable.Range(6, 5).Select(c => Convert.ToDecimal(sheet.Value(xlsxRow, c), CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture)).ToArray());
        }

        // Weakest first: the unreadable, then the one with errors, then the rendered ones by score.
        var ranked = csv.Skip(1).Select(line => line.Split(',')[4]).ToList();
        Assert.Equal<string>(["无法读取", "无法读取", "无法读取", "有错误未生成", "已生成", "已生成"], ranked);
        var scores = csv.Skip(1).Select(line => line.Split(',')).Where(c => c[4] == "已生成").Select(c => decimal.Parse(c[9], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.Order(), scores);

        // Every finding is on the second sheet, with the unreadable workbooks' reasons.
        var findings = xlsx.Sheets.Single(s => s.Name == "问题清单");
        Assert.Equal(summary.Departments.Sum(d => d.Findings.Count) + 1, findings.Rows.Count);
        Assert.Contains(Enumerable.Range(2, findings.Rows.Count - 1), r => findings.Text(r, 2) == BatchFolder.Corrupt && findings.Text(r, 4) == FindingCodes.BatchUnreadable);
    }

    [Fact]
    public void Cancelling_stops_new_work_and_leaves_only_complete_reports()
    {
        using var folder = new BatchFolder(withBad: false, copies: 8);
        using var stop = new CancellationTokenSource();
        var summary = Run(folder, jobs: 1, completed: _ => stop.Cancel(), token: stop.Token);

        Assert.Equal(1, summary.Count(BatchStatus.Rendered));
        Assert.Equal(summary.Departments.Count - 1, summary.Count(BatchStatus.Cancelled));
        Assert.True(summary.Cancelled);
        Assert.False(summary.AnyFailed);
        AssertOnlyCompleteFiles(folder.Output, expectedReports: 1);
    }

    [Fact]
    public void Cancelling_at_any_moment_never_leaves_a_partial_file()
    {
        using var folder = new BatchFolder(withBad: false, copies: 10);
        var items = WorkbookFinder.Find(folder.Input, folder.Output);
        foreach (var delay in new[] { 0, 5, 40, 120 })
        {
            if (Directory.Exists(folder.Output))
            {
                Directory.Delete(folder.Output, recursive: true);
            }

            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay));
            var summary = BatchJob.GenerateAll(Request(folder, jobs: 2) with { Cancellation = stop.Token }, items);
            AssertOnlyCompleteFiles(folder.Output, summary.Count(BatchStatus.Rendered));
        }
    }

    [Fact]
    public void Finder_skips_the_output_folder_lock_files_and_stray_csv_and_keeps_same_named_reports_apart()
    {
        using var folder = new BatchFolder(withBad: false);
        var output = Path.Combine(folder.Input, "报告");
        Directory.CreateDirectory(output);
        File.Copy(Path.Combine(BatchFolder.Sample, "基本信息.csv"), Path.Combine(output, "基本信息.csv"));
        File.WriteAllText(Path.Combine(folder.Input, "~$龙头铺街道.xlsx"), "lock");
        File.WriteAllText(Path.Combine(folder.Input, "批量汇总.csv"), "部门,年度");
        File.Copy(Path.Combine(folder.Input, BatchFolder.Good[1]), Path.Combine(folder.Input, "乡镇", "龙头铺街道.xls"));

        var items = WorkbookFinder.Find(folder.Input, output);

        Assert.Equal<string>([Path.Combine("乡镇", "龙头铺街道.xls"), BatchFolder.Good[1], BatchFolder.Good[0]], items.Select(i => i.Name));
        Assert.Equal(3, items.Select(i => i.ReportPath).Distinct().Count());
        Assert.All(items, item => Assert.StartsWith(output, item.ReportPath, StringComparison.Ordinal));
    }

    [Fact]
    public void Command_reports_failures_on_stderr_and_exits_1()
    {
        using var folder = new BatchFolder();
        var (code, output, error) = Cli("batch", folder.Input, "-o", folder.Output, "--jobs", "2");

        Assert.Equal(ExitCodes.FindingsWithErrors, code);
        Assert.Contains($"已生成 {BatchFolder.Good[0]}", output, StringComparison.Ordinal);
        Assert.Contains("共 6 个工作簿：已生成 2 份报告，1 个有错误未生成，3 个无法处理", output, StringComparison.Ordinal);
        Assert.Contains($"未生成 {BatchFolder.Corrupt}", error, StringComparison.Ordinal);
        Assert.Contains("RG101", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Output, SummaryWriter.WorkbookName)));
        Assert.True(File.Exists(Path.Combine(folder.Output, SummaryWriter.FindingsCsvName)));
    }

    [Fact]
    public void Command_exits_0_when_all_render_and_2_for_a_folder_without_workbooks()
    {
        using var folder = new BatchFolder(withBad: false);
        Assert.Equal(ExitCodes.Ok, Cli("batch", folder.Input, "-o", folder.Output).Code);

        var empty = Directory.CreateDirectory(Path.Combine(folder.Root, "空文件夹")).FullName;
        var (code, _, error) = Cli("batch", empty, "-o", folder.Output);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("没有找到工作簿", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Style_and_font_options_reach_every_report()
    {
        using var folder = new BatchFolder(withBad: false);
        Assert.Equal(ExitCodes.Ok, Cli("batch", folder.Input, "-o", folder.Output, "--font", "正文=楷体_GB2312").Code);

        var reports = Directory.GetFiles(folder.Output, "*.docx", SearchOption.AllDirectories);
        Assert.Equal(BatchFolder.Good.Length, reports.Length);
        foreach (var report in reports)
        {
            using var document = WordprocessingDocument.Open(report, false);
            Assert.Contains("楷体_GB2312", document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.OuterXml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_bad_style_reference_stops_the_batch_before_any_report()
    {
        using var folder = new BatchFolder(withBad: false);
        var style = Path.Combine(folder.Root, "样式.docx");
        File.WriteAllText(style, "不是 Word 文档");

        var (code, _, error) = Cli("batch", folder.Input, "-o", folder.Output, "--style", style);

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("样式参考文档无法读取", error, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(folder.Output) ? Directory.GetFiles(folder.Output, "*.docx", SearchOption.AllDirectories) : []);
    }

    private static (int Code, string Output, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static JsonNode Preview(string workbook)
    {
        var (code, output, error) = Cli("preview", workbook, "--format", "json");
        Assert.True(code == 0, error);
        return JsonNode.Parse(output)!;
    }

    private static string Fixed(JsonNode? value) => ((decimal)value!).ToString("0.00", CultureInfo.InvariantCulture);

    private static void AssertCompleteDocx(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        Assert.NotEmpty(document.MainDocumentPart!.Document.Body!.ChildElements);
    }

    /// <summary>No temp file is left, and every report there opens as a whole Word document.</summary>
    private static void AssertOnlyCompleteFiles(string output, int expectedReports)
    {
        var files = Directory.Exists(output) ? Directory.GetFiles(output, "*", SearchOption.AllDirectories) : [];
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith('.') || f.Contains(".tmp-", StringComparison.Ordinal));
        Assert.Equal(expectedReports, files.Length);
        Assert.All(files, AssertCompleteDocx);
    }
}
