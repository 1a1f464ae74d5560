using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The report states only what is true (docs/workbook.md, "Missing inputs"): no actual value the user did not write, every
/// 【待填写】 matched by a check finding at the same cell and the reverse, provisional scores marked 暂定.
/// </summary>
public sealed partial class ReportTruthTests
{
    /// <summary>A copy of the sample's CSV folder with some cells replaced; edits are (sheet, old text, new text).</summary>
    internal static string SampleCopy(TempDir dir, params (string Sheet, string Old, string New)[] edits)
    {
        var folder = dir.File("石峰区委宣传部2023");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Repo.SampleCsvFolder, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        foreach (var (sheet, old, replacement) in edits)
        {
            var path = Path.Combine(folder, sheet + ".csv");
            var text = File.ReadAllText(path);
            Assert.Contains(old, text, StringComparison.Ordinal);
            File.WriteAllText(path, text.Replace(old, replacement, StringComparison.Ordinal), new UTF8Encoding(true));
        }

        return folder;
    }

    internal static ReportDocument Render(DepartmentAnalysis analysis, string template = "default") =>
        ReportRenderer.Render(analysis, TemplateRenderer.Resolve(template, Repo.Templates));

    internal static IEnumerable<string> Texts(ReportDocument document) => ReportMarkup.Texts(document);

    private static void AssertPlaceholdersCorrespond(DepartmentAnalysis analysis) => AssertPlaceholdersCorrespond(analysis, Render(analysis));

    /// <param name="everyFindingPrinted">
    /// Whether every missing-input finding must be a placeholder too: the default outline prints every table; an outline that
    /// leaves out the 项目支出绩效自评表 (四川) does not print the placeholders of the projects' indicators, which check still
    /// lists because scoring needs them.
    /// </param>
    private static void AssertPlaceholdersCorrespond(DepartmentAnalysis analysis, ReportDocument document, bool everyFindingPrinted = true)
    {
        // The placeholders as rendering recorded them; every 【待填写 of the text (full prompt or table marker) is one.
        var placeholders = document.Placeholders;
        var withoutCell = placeholders.Where(p => p.Cell is null).Select(p => p.Title).ToList();
        Assert.True(withoutCell.Count == 0, "placeholders without a cell: " + string.Join(" ", withoutCell));
        var reported = placeholders.Select(p => p.Cell!).ToHashSet();
        var expected = analysis.Findings.Where(f => ConsistencyValidator.MissingInputCodes.Contains(f.Code))
            .Select(f => f.Location.ToString()).ToHashSet();
        var missingInReport = expected.Except(reported).Order().ToList();
        var missingInCheck = reported.Except(expected).Order().ToList();
        Assert.True(!everyFindingPrinted || missingInReport.Count == 0, "check findings without a placeholder: " + string.Join(" ", missingInReport));
        Assert.True(missingInCheck.Count == 0, "placeholders without a check finding: " + string.Join(" ", missingInCheck));
        Assert.Equal(Texts(document).Sum(t => Count(t, "【待填写")), placeholders.Count);
        Assert.DoesNotContain(Texts(document), t => t.Contains("未填写", StringComparison.Ordinal));
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    [Fact]
    public void Every_placeholder_of_the_sample_is_a_check_finding_at_its_cell_and_the_reverse()
    {
        var analysis = GenerateJob.Analyze(Repo.SampleCsvFolder);
        AssertPlaceholdersCorrespond(analysis);
        Assert.Contains(analysis.Findings, f => f.Code == "RG309");
        Assert.Contains(analysis.Findings, f => f.Code == "RG320");
    }

    public static TheoryData<string> CaseInputs() => new(Repo.ReportCaseInputs);

    [Theory]
    [MemberData(nameof(CaseInputs))]
    public void Placeholders_and_findings_correspond_on_every_golden_case(string input) =>
        AssertPlaceholdersCorrespond(GenerateJob.Analyze(input));

    public static TheoryData<string, string> CasesByOutline()
    {
        var data = new TheoryData<string, string>();
        foreach (var input in Repo.ReportCaseInputs
                     .Append(Repo.SampleCsvFolder).Append(Path.Combine(Repo.Root, "data", "sample", "示例县文化旅游局2024.xlsx")))
        {
            foreach (var outline in new[] { "default", "sichuan", "hunan", "guangdong", "hebei" })
            {
                data.Add(input, outline);
            }
        }

        return data;
    }

    /// <summary>
    /// Whichever outline prints the report, each placeholder names its cell and is a finding there: the items only an
    /// outline has (湖南 自评结果应用情况, 四川 人员概况…) become RG200 when the report is rendered, as <c>check -t</c> lists them.
    /// The default outline asks for nothing the workbook's own checks do not already cover.
    /// </summary>
    [Theory]
    [MemberData(nameof(CasesByOutline))]
    public void Placeholders_and_findings_correspond_under_every_outline(string input, string outline)
    {
        var (analysis, document) = GenerateJob.Render(GenerateJob.Analyze(input), TemplateRenderer.Resolve(outline, Repo.Templates));
        AssertPlaceholdersCorrespond(analysis, document, everyFindingPrinted: outline is not ("sichuan" or "hebei"));
        var outlineItems = analysis.Findings.Where(f => f.Code == FindingCodes.OutlineItemMissing).ToList();
        if (outline == "default")
        {
            Assert.Empty(outlineItems);
        }

        Assert.All(outlineItems, f => Assert.NotNull(f.Location.Sheet));
        Assert.Equal(outlineItems.Count, outlineItems.Select(f => f.Location.ToString() + f.Message).Distinct().Count());
    }

    [Fact]
    public void An_item_only_the_hunan_outline_asks_for_is_a_finding_naming_the_template_and_the_sheet()
    {
        var analysis = GenerateJob.Check(Repo.SampleCsvFolder, "hunan", Repo.Templates);
        var finding = Assert.Single(analysis.Findings, f => f.Code == FindingCodes.OutlineItemMissing);
        Assert.Equal("基本信息", finding.Location.ToString());
        Assert.Contains("报告模板“hunan”要求填写“自评结果拟应用和公开情况", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GenerateJob.Check(Repo.SampleCsvFolder, "default", Repo.Templates).Findings, f => f.Code == FindingCodes.OutlineItemMissing);

        // Written in 基本信息, the item is no longer missing, and the report prints it.
        using var dir = new TempDir();
        var folder = SampleCopy(dir);
        File.AppendAllText(Path.Combine(folder, "基本信息.csv"), "\n自评结果应用情况,自评结果将作为下年预算安排的重要依据，并随部门决算公开。\n");
        var written = GenerateJob.Check(folder, "hunan", Repo.Templates);
        Assert.DoesNotContain(written.Findings, f => f.Code == FindingCodes.OutlineItemMissing);
        Assert.Equal(analysis.Findings.Count - 1, written.Findings.Count);
    }

    [Fact]
    public void A_basic_information_item_a_template_prints_with_fact_and_the_clerks_actuals_are_fields_of_their_cells()
    {
        using var dir = new TempDir();
        var folder = SampleCopy(dir);
        const string Use = "自评结果将作为下年预算安排的重要依据，并随部门决算公开。";
        File.AppendAllText(Path.Combine(folder, "基本信息.csv"), $"\n自评结果应用情况,{Use}\n");
        var analysis = GenerateJob.Analyze(folder);
        var row = analysis.Workbook.Department.FactRows["自评结果应用情况"];

        var document = ReportRenderer.Render(analysis, Path.Combine(Repo.Templates, "hunan.sbn"));

        var paragraph = document.Blocks.OfType<Paragraph>().Single(p => p.Text.Contains(Use, StringComparison.Ordinal));
        var field = Assert.Single(paragraph.Fields, f => f.Title == "自评结果应用情况");
        Assert.Equal(row.ToString(), field.Cell);
        Assert.Equal(Use, paragraph.Text.Substring(field.Start, field.Length));
        Assert.False(field.Empty);
        Assert.Equal(Fingerprint.Of(Use), field.Given);

        // The clerk's 实际完成值 is a field of its cell (绩效指标!F13 of the sample: 2886篇次); the
        // department's name, read from 基本信息 too, is not a field where the template writes it.
        var actuals = document.Fields().Where(f => f.Title == "实际完成值" && !f.Empty).ToList();
        Assert.Contains(actuals, f => f.Cell == "绩效指标!F13" && f.Given == Fingerprint.Of("2886篇次"));
        Assert.All(actuals, f => Assert.StartsWith("绩效指标!F", f.Cell, StringComparison.Ordinal));
        Assert.DoesNotContain(document.Fields(), f => f.Title == "部门名称");
    }

    [Fact]
    public void Placeholders_and_findings_correspond_when_the_user_wrote_the_problems_of_a_late_spender()
    {
        using var dir = new TempDir();
        var folder = dir.File("progress");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.ReportCases, "progress", "input")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.AppendAllText(Path.Combine(folder, "基本信息.csv"), "\n存在问题,部分项目支出进度偏慢。\n");
        var analysis = GenerateJob.Analyze(folder);
        Assert.Contains(analysis.Findings, f => f.Code == "RG132");
        AssertPlaceholdersCorrespond(analysis);
    }

    [Fact]
    public void Placeholders_and_findings_correspond_on_variants_of_the_sample()
    {
        using var dir = new TempDir();

        // The user has answered part of it: problems, measures, some actuals and statuses, a line's note.
        var partly = SampleCopy(dir,
            ("基本信息", "存在问题,\n", "存在问题,部分项目执行率偏低。\n"),
            ("基本信息", "改进措施,\n", "改进措施,加快项目执行进度。\n"),
            ("绩效指标", "部门整体,产出指标,成本指标,不超过预算,≤326.42万元,,", "部门整体,产出指标,成本指标,不超过预算,≤326.42万元,458.04万元,"),
            ("绩效指标", "部门整体,效益指标,社会效益指标,人民生活的幸福感、获得感,不断提高,,,,", "部门整体,效益指标,社会效益指标,人民生活的幸福感、获得感,不断提高,显著提高,,达成,"),
            ("预算执行", "文明建设和文明创建工作相关业务支出,文明建设经费,", "文明建设和文明创建工作相关业务支出,文明建设经费,部分创建活动延至次年。"),
            ("项目目标", "维持融媒体中心的正常运转,提升宣传力度，树立石峰良好形象，做大做强自有宣传阵地。,", "维持融媒体中心的正常运转,提升宣传力度，树立石峰良好形象，做大做强自有宣传阵地。,全年完成宣传报道2886篇次。"));
        AssertPlaceholdersCorrespond(GenerateJob.Analyze(partly));

        // Texts missing that the sample has: duties, a purpose, a key task's outcome, 其他说明; a project without a 项目目标 row.
        using var dir2 = new TempDir();
        var sparse = SampleCopy(dir2,
            ("基本信息", "其他说明,无其他需要说明的情况。", "其他说明,"),
            ("预算执行", "秋瑾故居修复,", ","),
            ("基本信息", "主要职责,\"", "主要职责备注,\""));
        EditLines(sparse, "重点工作", line => line.StartsWith("压紧压实责任", StringComparison.Ordinal) ? "压紧压实责任，守好意识形态底线,宣传部,切实维护意识形态安全," : line);
        EditLines(sparse, "项目目标", line => line.StartsWith("融媒体中心专项经费", StringComparison.Ordinal) ? null : line);
        var analysis = GenerateJob.Analyze(sparse);
        AssertPlaceholdersCorrespond(analysis);
        Assert.Contains(analysis.Findings, f => f.Code == "RG199");
        Assert.Contains(analysis.Findings, f => f.Code == "RG193");
        Assert.Contains(analysis.Findings, f => f.Code == "RG195");
        Assert.Contains(analysis.Findings, f => f.Code == "RG198" && f.Location.ToString() == "重点工作!D6");
        Assert.Contains(analysis.Findings, f => f.Code == "RG196" && f.Location.ToString() == "项目目标");
    }

    /// <summary>Rewrites each line of a sheet's CSV (null drops the line).</summary>
    internal static void EditLines(string folder, string sheet, Func<string, string?> edit)
    {
        var path = Path.Combine(folder, sheet + ".csv");
        var lines = File.ReadAllText(path).TrimStart('\uFEFF').Split('\n').Select(edit).OfType<string>();
        File.WriteAllText(path, string.Join("\n", lines), new UTF8Encoding(true));
    }

    [Fact]
    public void Placeholders_and_findings_correspond_on_a_built_workbook()
    {
        var analysis = WorkbookBuilder.Create()
            .Basic("基本支出", 100m, 0m, 100m)
            .Project("甲项目", 50m, 10m, 30m)
            .Project("乙项目", 0m, 20m, 20m, source: "年中追加", purpose: "主要用于乙。")
            .Target("甲项目", 50m)
            .Indicator("部门整体", "产出指标", "数量指标", "活动场次", "≥10场", "15场", null, null, null, null)
            .Indicator("部门整体", "效益指标", "社会效益指标", "群众认可", "显著提升", "提升", null, null, null, null)
            .Indicator("甲项目", "产出指标", "成本指标", "成本控制", "≤50万元", null, null, null, null, null)
            .Indicator("甲项目", "产出指标", "数量指标", "培训人数", "≥100人", "80人", null, null, null, null)
            .Analyze();
        AssertPlaceholdersCorrespond(analysis);
        Assert.Contains(analysis.Findings, f => f.Code == "RG195");
        Assert.Contains(analysis.Findings, f => f.Code == "RG198");
        Assert.Contains(analysis.Findings, f => f.Code == "RG306");
        Assert.Contains(analysis.Findings, f => f.Code == "RG320");
    }

    [Fact]
    public void The_sample_states_no_actual_value_the_workbook_does_not_hold()
    {
        var analysis = GenerateJob.Analyze(Repo.SampleCsvFolder);
        var document = Render(analysis);
        var written = analysis.Workbook.Indicators.Where(r => r.Actual is not null).Select(r => r.Actual!).ToHashSet();
        var computed = new[] { analysis.Figures.Department.ExecutionRate }
            .Concat(analysis.Figures.ProjectLines.Select(l => l.Amounts.ExecutionRate))
            .Select(Money.FormatPercent).ToHashSet();
        // A 自评表's indicators are the untitled table joined to its head.
        var tables = document.Blocks.OfType<TableBlock>().Select(b => b.Table).Where(t => t.Title.Length == 0 || t.Title.EndsWith("绩效自评表", StringComparison.Ordinal));
        var actualCells = tables.SelectMany(t => t.Rows).Where(r => r.Cells.Count == 9 && r.Cells[4].Text != "年度指标值（A）" && r.Cells[3].Text.Length > 0)
            .Select(r => Regex.Replace(r.Cells[5].Text, "【待填写[^】]*】", "")).ToList();
        Assert.Equal(analysis.Workbook.Indicators.Count, actualCells.Count);
        Assert.All(actualCells, text => Assert.True(text.Length == 0 || written.Contains(text) || computed.Contains(text), $"actual “{text}” is in no cell of the workbook"));

        // The spending is offered by check as a suggestion naming the cell, never printed as the indicator's actual.
        var all = string.Join("\n", Texts(document));
        Assert.DoesNotContain("实际完成458.04万元", all, StringComparison.Ordinal);
        Assert.DoesNotContain("实际完成38.57万元", all, StringComparison.Ordinal);
        var suggestion = Assert.Single(analysis.Findings, f => f.Code == "RG309" && f.Location.ToString() == "绩效指标!F16");
        Assert.Contains("“38.57万元”（预算执行!G3）", suggestion.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cost_target_set_at_the_start_of_year_amount_is_reported_and_its_placeholder_names_the_adjustment()
    {
        var analysis = GenerateJob.Analyze(Repo.SampleCsvFolder);
        var finding = Assert.Single(analysis.Findings, f => f.Code == "RG320" && f.Location.ToString() == "绩效指标!J7");
        Assert.Contains("年初预算326.42万元", finding.Message, StringComparison.Ordinal);
        Assert.Contains("560.75万元", finding.Message, StringComparison.Ordinal);
        Assert.Contains(("偏差原因，指标值按年初预算326.42万元设定，全年预算已调整为560.75万元", "绩效指标!J7"),
            Render(analysis).Placeholders.Select(p => (p.Title, p.Cell!)));

        // Written with its reason, the finding goes and the report shows the user's text.
        using var dir = new TempDir();
        var noted = GenerateJob.Analyze(SampleCopy(dir,
            ("绩效指标", "部门整体,产出指标,成本指标,不超过预算,≤326.42万元,,,,,", "部门整体,产出指标,成本指标,不超过预算,≤326.42万元,,,,,追加预算未同步调整目标")));
        Assert.DoesNotContain(noted.Findings, f => f.Code == "RG320" && f.Location.ToString() == "绩效指标!J7");

        // No adjustment, no finding.
        var plain = WorkbookBuilder.Create().Project("甲", 50m, 0m, 40m)
            .Indicator("甲", "产出指标", "成本指标", "成本控制", "≤50万元", "40万元", null, null, null, null).Analyze();
        Assert.DoesNotContain(plain.Findings, f => f.Code == "RG320");
    }

    [Fact]
    public void Scores_resting_on_unjudged_indicators_are_provisional_everywhere_in_the_report()
    {
        var analysis = GenerateJob.Analyze(Repo.SampleCsvFolder);
        Assert.True(analysis.DepartmentScore!.Provisional);
        var document = Render(analysis);
        var totals = document.Blocks.OfType<TableBlock>().SelectMany(b => b.Table.Rows).Where(r => r.Cells[0].Text == "总分" && r.Cells[2].Text != "—").ToList();
        Assert.Equal(1 + analysis.ProjectScores.Count, totals.Count);
        // A range (undecided indicators at 0 … at full weight), and no grade while the range spans two bands.
        Assert.All(totals, r => Assert.Matches(@"^\d+\.\d\d至\d+\.\d\d（暂定）$", r.Cells[2].Text));
        Assert.All(totals, r => Assert.EndsWith("待定", r.Cells[3].Text, StringComparison.Ordinal));
        var narrative = string.Join("\n", document.Blocks.OfType<Paragraph>().Select(p => p.Text));
        var d = analysis.DepartmentScore;
        Assert.Contains($"自评得分尚未确定：已评定指标得分{Money.Format(d.Total)}分，尚有{d.Undetermined}项指标无法判断，补齐后得分在{Money.Format(d.Total)}至{Money.Format(d.Ceiling)}分之间，等级待定。", narrative, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"自评得分\d", narrative);
        Assert.DoesNotContain("“差”", narrative, StringComparison.Ordinal);

        // Everything judged: the same sentences without 暂定.
        var complete = WorkbookBuilder.Create().Project("甲", 50m, 0m, 50m)
            .Indicator("部门整体", "产出指标", "数量指标", "活动场次", "≥10场", "12场", null, null, null, null)
            .Indicator("部门整体", "效益指标", "社会效益指标", "群众认可", "显著提升", "显著提升", null, "达成", null, null)
            .Analyze();
        Assert.False(complete.DepartmentScore!.Provisional);
        var text = string.Join("\n", Texts(Render(complete)));
        Assert.DoesNotContain("暂定", text, StringComparison.Ordinal);
        Assert.Contains("自评得分", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_four_lists_execution_shortfalls_only_below_ninety_percent_and_names_projects_as_budget_lines_do()
    {
        var analysis = GenerateJob.Analyze(Repo.SampleCsvFolder);
        var document = Render(analysis);
        var paragraphs = document.Blocks.ToList();
        var four = paragraphs.FindIndex(b => b is Heading { Text: var t } && t.StartsWith("四、", StringComparison.Ordinal));
        var five = paragraphs.FindIndex(b => b is Heading { Text: var t } && t.StartsWith("五、", StringComparison.Ordinal));
        var section = string.Join("\n", paragraphs[four..five].OfType<Paragraph>().Select(p => p.Text));
        Assert.DoesNotContain("99.61%", section, StringComparison.Ordinal);
        Assert.DoesNotContain("预算资金使用率", section, StringComparison.Ordinal);
        foreach (var line in analysis.Figures.Lines.Where(l => l.Amounts.ExecutionRate < VarianceCalculator.LowRateThreshold))
        {
            Assert.Contains($"“{line.Name}”全年预算", section, StringComparison.Ordinal);
        }

        // One name per project: the alias of 文明经费 (its 附表3 name) appears nowhere in the report.
        Assert.DoesNotContain(Texts(document), t => t.Contains("文明建设经费", StringComparison.Ordinal));
    }

    [Fact]
    public void A_budget_line_without_targets_is_allowed_and_the_report_says_so()
    {
        var analysis = GenerateJob.Analyze(Repo.SampleCsvFolder);
        Assert.False(analysis.HasErrors);
        var tables = Render(analysis).Blocks.OfType<TableBlock>().Select(b => b.Table).ToList();
        var head = tables.FindIndex(t => t.Title.StartsWith("秋瑾故居", StringComparison.Ordinal));
        Assert.True(tables[head].JoinsNext);
        Assert.Contains(tables[head].Rows, r => r.Cells.Any(c => c.Text == "未设定年度绩效目标"));
        Assert.Contains(tables[head + 1].Rows, r => r.Cells.Any(c => c.Text == "未设定绩效指标"));
    }

    [GeneratedRegex(@"【待填写：(?<what>[^】]*?)(（(?<cell>\p{IsCJKUnifiedIdeographs}+(![A-Z]+\d+)?)）)?】")]
    internal static partial Regex Placeholder();
}
