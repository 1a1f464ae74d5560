using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The verdicts of the actual-value reading seen where the clerk sees them (docs/domain.md, "Reading the actual
/// value"): copies of the complete example (示例县文化旅游局2024) with the actuals rewritten as a clerk might write them,
/// through check, the previews and the report of every outline.
/// </summary>
public sealed class ActualReadingReportTests
{
    private const string Indicators = "绩效指标";

    /// <summary>A copy of the example's CSV folder with (sheet, pattern, replacement) regex edits, each matching once.</summary>
    private static string ExampleCopy(TempDir dir, params (string Sheet, string Pattern, string New)[] edits)
    {
        var folder = dir.File("示例县文化旅游局2024");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Repo.ExampleCsvFolder, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        foreach (var (sheet, pattern, replacement) in edits)
        {
            var path = Path.Combine(folder, sheet + ".csv");
            var text = File.ReadAllText(path);
            Assert.Single(Regex.Matches(text, pattern));
            File.WriteAllText(path, Regex.Replace(text, pattern, replacement), new UTF8Encoding(true));
        }

        return folder;
    }

    private static IndicatorResult Row(DepartmentAnalysis analysis, string scope, string level3) =>
        VariancePreviewRenderer.AllScores(analysis).SelectMany(s => s.Results)
            .Single(r => r.Row.Scope == scope && r.Row.Level3 == level3);

    private static string ReportText(DepartmentAnalysis analysis, string template) =>
        string.Join("\n", ReportMarkup.Texts(ReportRenderer.Render(analysis, TemplateRenderer.Resolve(template, Repo.Templates))));

    [Fact]
    public void Each_misread_phrasing_gets_the_verdict_its_words_give_in_check_previews_and_every_outline()
    {
        using var dir = new TempDir();
        var folder = ExampleCopy(dir,
            (Indicators, "项目完工时间,2024年11月30日前,2024年11月25日", "项目完工时间,2024年11月30日前,2024年11月30日前未全部完工"),
            (Indicators, "村民满意度,≥90%,95%", "村民满意度,≥95%,未达95%"),
            (Indicators, "原创节目占比,≥30%,35%", "原创节目占比,≥30%,30%以下"),
            (Indicators, "部门整体,产出指标,数量指标,送戏下乡演出场次,≥120场,126场", "部门整体,产出指标,数量指标,送戏下乡演出场次,≥120场,不足120场"),
            (Indicators, "“三公”经费支出,≤8万元,7.12万元", "“三公”经费支出,≤8万元,超支1.2万元"),
            (Indicators, "经费,产出指标,数量指标,送戏下乡演出场次,≥120场,126场", "经费,产出指标,数量指标,送戏下乡演出场次,≥120场,较上年增加6场"));
        var analysis = GenerateJob.Analyze(folder);
        Assert.False(analysis.HasErrors, string.Join("\n", analysis.Findings.Errors().Select(f => f.Line)));

        var done = Row(analysis, "公共文化服务体系建设专项资金", "项目完工时间");
        Assert.Equal(IndicatorStatus.NotMet, done.Status);
        Assert.DoesNotContain("完成，未超过时限", done.Reason, StringComparison.Ordinal);
        Assert.Equal(IndicatorStatus.NotMet, Row(analysis, "公共文化服务体系建设专项资金", "村民满意度").Status);
        Assert.NotEqual(IndicatorStatus.Met, Row(analysis, "文化惠民演出及送戏下乡经费", "原创节目占比").Status);
        Assert.Equal(IndicatorStatus.NotMet, Row(analysis, IndicatorRow.DepartmentScope, "送戏下乡演出场次").Status);
        Assert.Equal(IndicatorStatus.NotMet, Row(analysis, IndicatorRow.DepartmentScope, "“三公”经费支出").Status);
        var change = Row(analysis, "文化惠民演出及送戏下乡经费", "送戏下乡演出场次");
        Assert.Equal(IndicatorStatus.Undetermined, change.Status);
        Assert.DoesNotContain("实际6场", change.Reason, StringComparison.Ordinal);

        // check: the undecided row asks for its 完成情况 at its cell, and that cell is a placeholder in the report.
        var asked = Assert.Single(analysis.Findings, f => f.Code == FindingCodes.ActualNotMeasured && f.Location == change.Row.CellOf("完成情况"));
        Assert.Contains("较上年增加6场", asked.Message, StringComparison.Ordinal);
        var bound = Row(analysis, "文化惠民演出及送戏下乡经费", "原创节目占比");
        Assert.Contains(analysis.Findings, f => f.Code == FindingCodes.ActualNotMeasured && f.Location == bound.Row.CellOf("完成情况"));

        // The previews carry the same verdicts and no 达成 for any rewritten row.
        var json = VariancePreviewRenderer.ToJson(analysis);
        Assert.DoesNotContain("于2024年11月30日完成", json, StringComparison.Ordinal);
        Assert.DoesNotContain("实际6场", json, StringComparison.Ordinal);
        var markdown = VariancePreviewRenderer.ToMarkdown(analysis);
        Assert.Contains("较上年增加6场", markdown, StringComparison.Ordinal);
        Assert.Contains("未达95%", VariancePreviewRenderer.ToCsv(analysis), StringComparison.Ordinal);

        foreach (var template in new[] { "default", "hunan", "guangdong", "sichuan" })
        {
            var text = ReportText(analysis, template);
            Assert.DoesNotContain("于2024年11月30日完成", text, StringComparison.Ordinal);
            Assert.DoesNotContain("实际6场", text, StringComparison.Ordinal);
            Assert.DoesNotContain("未超过时限", text, StringComparison.Ordinal);
            if (template == "default")
            {
                // The row check asks about is a placeholder at the same cell in the report's 自评表.
                var document = ReportRenderer.Render(analysis, TemplateRenderer.Resolve(template, Repo.Templates));
                Assert.Contains(document.Placeholders, p => p.Cell == asked.Location.ToString());
            }
        }

        var html = HtmlPreviewRenderer.Render(analysis, ReportRenderer.Render(analysis, TemplateRenderer.Resolve("default", Repo.Templates)));
        Assert.DoesNotContain("于2024年11月30日完成", html, StringComparison.Ordinal);
        Assert.Contains(asked.Location.ToString(), html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_general_formatted_fraction_against_a_percentage_stops_generate_at_its_cell()
    {
        using var dir = new TempDir();
        var folder = ExampleCopy(dir, (Indicators, "群众对公共文化服务满意度,≥90%,93.6%", "群众对公共文化服务满意度,≥90%,0.936"));
        var analysis = GenerateJob.Analyze(folder);
        var error = Assert.Single(analysis.Findings, f => f.Code == FindingCodes.BareFraction);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("0.936 是 93.6% 吗？请填写 93.6%", error.Message, StringComparison.Ordinal);
        Assert.Equal(Row(analysis, IndicatorRow.DepartmentScope, "群众对公共文化服务满意度").Row.CellOf("实际完成值"), error.Location);
        Assert.True(analysis.HasErrors);
    }

    [Fact]
    public void No_problems_written_beside_real_shortfalls_stops_generate_with_the_list()
    {
        using var dir = new TempDir();
        var folder = ExampleCopy(dir, ("基本信息", "存在问题,\"[^\"]*\"", "存在问题,无"));
        var analysis = GenerateJob.Analyze(folder);
        var error = Assert.Single(analysis.Findings, f => f.Code == FindingCodes.NoProblemsClaimed);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("“全民健身设施建设经费”预算执行率79.00%，低于90%", error.Message, StringComparison.Ordinal);
        Assert.Contains("指标“新建全民健身路径”部分达成", error.Message, StringComparison.Ordinal);

        // The example as bundled and the Shifeng sample have no such error.
        Assert.DoesNotContain(GenerateJob.Analyze(Repo.ExampleCsvFolder).Findings, f => f.Severity == Severity.Error);
        Assert.DoesNotContain(GenerateJob.Analyze(Repo.SampleCsvFolder).Findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void A_provisional_score_is_a_range_with_the_grade_pending_in_every_outline_and_preview()
    {
        var analysis = GenerateJob.Analyze(Repo.SampleCsvFolder);
        var score = analysis.DepartmentScore!;
        Assert.True(score.Provisional);
        Assert.False(score.GradeDecided);
        var low = Money.Format(score.Total);
        var high = Money.Format(score.Ceiling);
        Assert.True(score.Ceiling > score.Total);
        foreach (var template in new[] { "default", "hunan", "guangdong", "sichuan" })
        {
            var text = ReportText(analysis, template);
            Assert.Contains($"已评定指标得分{low}分", text, StringComparison.Ordinal);
            Assert.Contains($"补齐后得分在{low}至{high}分之间", text, StringComparison.Ordinal);
            Assert.DoesNotContain("“差”", text, StringComparison.Ordinal);
            Assert.DoesNotMatch("等级(暂定)?为“[优良中差]", text);
        }

        Assert.Contains($"{low}至{high}（暂定）", ScorePreview.Total(score), StringComparison.Ordinal);
        Assert.Equal("待定", ScorePreview.Grade(score));
        var json = VariancePreviewRenderer.ToJsonObject(analysis);
        var department = json["scores"]?["department"];
        Assert.NotNull(department);
        Assert.Equal("待定", (string?)department!["grade"]);
        Assert.Equal(score.Ceiling, (decimal)department["totalMax"]!);
        Assert.Contains($"{low}至{high}", HtmlPreviewRenderer.Render(analysis, ReportRenderer.Render(analysis, TemplateRenderer.Resolve("default", Repo.Templates))), StringComparison.Ordinal);

        // The complete example: one score, one grade.
        var example = GenerateJob.Analyze(Repo.ExampleCsvFolder).DepartmentScore!;
        Assert.False(example.Provisional);
        Assert.Equal(97.82m, example.Total);
        Assert.Equal(example.Total, example.Ceiling);
        Assert.Equal("优", example.Grade);
        Assert.Equal("97.82", ScorePreview.Total(example));
    }

    [Fact]
    public void A_grade_is_named_once_the_range_lies_in_one_band()
    {
        // 预算执行率 10 + 产出 50 + 效益 30 judged, 满意度 (10) without an actual: 90 … 100, all within 优.
        var rows = WorkbookBuilder.Create().Project("甲", 100m, 0m, 100m)
            .Indicator("部门整体", "产出指标", "数量指标", "活动场次", "≥10场", "12场", null, null, null, null)
            .Indicator("部门整体", "效益指标", "社会效益指标", "群众认可", "显著提升", "显著提升", null, "达成", null, null)
            .Indicator("部门整体", "满意度指标", "服务对象满意度指标", "满意度", "≥90%", null, null, null, null, null)
            .Analyze().DepartmentScore!;
        Assert.True(rows.Provisional);
        Assert.Equal(90m, rows.Total);
        Assert.Equal(100m, rows.Ceiling);
        Assert.True(rows.GradeDecided);
        Assert.Equal("优", rows.Grade);
    }
}
