using System.IO.Compression;
using ReportGen.Import;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Import;

/// <summary>
/// The clerk's Word edits come back (docs/report-fields.md): the Shifeng report's placeholders and the clerk's own texts are
/// content controls in bookmarks with a stamp; generate will not overwrite an edited report; import writes the filled
/// fields into their cells (Word-style edits, a LibreOffice re-save), reports conflicts, names what it cannot trust.
/// </summary>
[Collection(ExternalProgramsCollection.Name)]
public sealed class ReportFieldsTests : IDisposable
{
    private const string Measures = "基本信息!B25";
    private const string Outcome = "项目目标!G2";
    private const string Cause = "绩效指标!J13";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Workbook()
    {
        var path = _dir.File("石峰区委宣传部2023.xlsx");
        if (!File.Exists(path))
        {
            File.Copy(Repo.SampleXlsx, path);
        }

        return path;
    }

    private string Generate(string name = "报告.docx", params string[] more)
    {
        var result = CliHarness.Run(["generate", Workbook(), "-o", _dir.File(name), .. more]);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        return _dir.File(name);
    }

    private static ReportStamp Stamp(string report)
    {
        using var zip = ZipFile.OpenRead(report);
        return ReportStampReader.ReadStamp(zip)!;
    }

    private string CellText(string cell)
    {
        var location = SourceLocation.Parse(Workbook(), cell);
        return WorkbookLoader.Load(Workbook()).Find(location.Sheet!)!.Text(location.Row!.Value, location.Column!.Value);
    }

    private static int Warnings(string workbook) =>
        GenerateJob.Analyze(workbook).Findings.Count(f => f.Severity == Severity.Warning);

    [Fact]
    public void The_Shifeng_report_has_its_placeholders_and_the_clerks_texts_as_fields_in_bookmarks_with_a_stamp()
    {
        var report = FilledReport.Open(Generate());
        var controls = report.Controls;
        var prompts = controls.Where(FilledReport.ShowsPrompt).ToList();

        Assert.Equal(67, prompts.Count);
        Assert.All(prompts, c => Assert.StartsWith("【待填写", FilledReport.Text(c), StringComparison.Ordinal));
        Assert.Contains(prompts, c => FilledReport.Tag(c) == Measures && FilledReport.Alias(c) == "下一步改进措施");
        Assert.Contains(prompts, c => FilledReport.Tag(c) == "预算执行!L4" && FilledReport.Alias(c) == "执行率偏低的原因");

        // The clerk's own texts: the duties, one field a line, tagged with their one cell.
        var duties = controls.Where(c => FilledReport.Alias(c) == "主要职责").ToList();
        Assert.NotEmpty(duties);
        Assert.All(duties, c => Assert.Matches(@"^基本信息!B\d+$", FilledReport.Tag(c)));
        Assert.All(duties, c => Assert.False(FilledReport.ShowsPrompt(c)));

        var stamp = Stamp(_dir.File("报告.docx"));
        Assert.Equal(DocxWriter.Version, stamp.Version);
        Assert.Equal("石峰区委宣传部2023.xlsx", stamp.Workbook);
        Assert.Equal(controls.Count, stamp.Fields.Count);
        Assert.Equal(Enumerable.Range(1, controls.Count), stamp.Fields.Select(f => f.Id));
        Assert.Equal(controls.Select(c => FilledReport.Tag(c) ?? ""), stamp.Fields.Select(f => f.Cell));
        Assert.Equal(Enumerable.Range(1, duties.Count), stamp.Fields.Where(f => f.Title == "主要职责").Select(f => f.Part));
        Assert.False(ReportStampReader.Read(_dir.File("报告.docx"))!.Edited);
    }

    [Fact]
    public void The_same_workbook_gives_the_same_bytes_stamp_included()
    {
        var first = File.ReadAllBytes(Generate("a.docx"));
        var second = File.ReadAllBytes(Generate("b.docx"));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_refuses_to_replace_an_edited_report_and_replaces_it_with_force()
    {
        var report = Generate();
        FilledReport.Open(report).Type(Measures, "加强预算执行监控").Save(_dir.File("填写.docx"));
        File.Copy(_dir.File("填写.docx"), report, overwrite: true);
        var before = File.ReadAllBytes(report);

        var refused = CliHarness.Run("generate", Workbook(), "-o", report);

        Assert.Equal(2, refused.ExitCode);
        refused.AssertNoStackTrace();
        Assert.Contains("被修改过", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"reportgen import {report} --into {Workbook()}", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(report));

        var forced = CliHarness.Run("generate", Workbook(), "-o", report, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.False(ReportStampReader.Read(report)!.Edited);
    }

    [Fact]
    public void An_unedited_report_is_replaced_as_before()
    {
        var report = Generate();
        Assert.Equal(0, CliHarness.Run("generate", Workbook(), "-o", report).ExitCode);
    }

    [Fact]
    public void Batch_writes_nothing_when_a_report_in_its_folder_was_edited()
    {
        var input = Directory.CreateDirectory(_dir.File("in")).FullName;
        File.Copy(Repo.SampleXlsx, Path.Combine(input, "石峰区委宣传部2023.xlsx"));
        File.Copy(Repo.ExampleXlsx, Path.Combine(input, "示例县文化旅游局2024.xlsx"));
        var output = _dir.File("out");
        Assert.Equal(0, CliHarness.Run("batch", input, "-o", output).ExitCode);
        var report = Directory.GetFiles(output, "石峰*.docx").Single();
        FilledReport.Open(report).EditOutside("主要职责", "主要的职责").Save(_dir.File("edited.docx"));
        File.Copy(_dir.File("edited.docx"), report, overwrite: true);
        var before = Directory.GetFiles(output).ToDictionary(f => f, File.ReadAllBytes);

        var refused = CliHarness.Run("batch", input, "-o", output);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(Path.GetFileName(report), refused.Error, StringComparison.Ordinal);
        Assert.All(before, pair => Assert.Equal(pair.Value, File.ReadAllBytes(pair.Key)));
        Assert.Equal(0, CliHarness.Run("batch", input, "-o", output, "--force").ExitCode);
    }

    [Fact]
    public void Full_loop_three_fields_filled_and_a_clerk_paragraph_edited_come_back_and_the_next_report_prints_them()
    {
        var warnings = Warnings(Workbook());
        var report = Generate();
        var duty = FilledReport.Text(FilledReport.Open(report).Controls.First(c => FilledReport.Alias(c) == "主要职责"));
        var dutiesCell = FilledReport.Tag(FilledReport.Open(report).Controls.First(c => FilledReport.Alias(c) == "主要职责"))!;
        var dutiesBefore = CellText(dutiesCell);
        FilledReport.Open(report)
            .Type(Measures, "加强预算执行监控，按季度通报执行进度")
            .ReplacePrompt(Outcome, "全年发布稿件2886篇次，完成融媒体平台升级")
            .Type(Cause, "部分稿件合并发布，篇数略低于目标")
            .Append(dutiesCell, "（已修订）")
            .Save(_dir.File("填写.docx"));

        var imported = CliHarness.Run("import", _dir.File("填写.docx"), "--into", Workbook());

        Assert.True(imported.ExitCode == 0, imported.Error + imported.Output);
        Assert.Contains($"{Measures}（下一步改进措施）：“加强预算执行监控，按季度通报执行进度”", imported.Output, StringComparison.Ordinal);
        Assert.Contains($"{Outcome}（实际完成情况）", imported.Output, StringComparison.Ordinal);
        Assert.Contains($"{Cause}（", imported.Output, StringComparison.Ordinal);
        Assert.Contains($"{dutiesCell}（主要职责）", imported.Output, StringComparison.Ordinal);
        Assert.Contains("已写入 4 个单元格", imported.Output, StringComparison.Ordinal);
        Assert.Equal("加强预算执行监控，按季度通报执行进度", CellText(Measures));
        Assert.Equal("全年发布稿件2886篇次，完成融媒体平台升级", CellText(Outcome));
        Assert.Equal("部分稿件合并发布，篇数略低于目标", CellText(Cause));
        Assert.Equal(dutiesBefore.Replace(duty, duty + "（已修订）", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal), CellText(dutiesCell));

        Assert.Equal(warnings - 3, Warnings(Workbook()));
        var again = Generate("报告.docx", "--force");
        var text = string.Concat(FilledReport.Open(again).Controls.Select(FilledReport.Text));
        Assert.Contains("加强预算执行监控，按季度通报执行进度", text, StringComparison.Ordinal);
        Assert.Contains("部分稿件合并发布，篇数略低于目标", text, StringComparison.Ordinal);
        Assert.Contains(duty + "（已修订）", text, StringComparison.Ordinal);
        Assert.DoesNotContain(FilledReport.Open(again).Controls, c => FilledReport.Tag(c) == Measures && FilledReport.ShowsPrompt(c));

        // The new stamp says the cells hold what the fields show.
        var stamp = Stamp(again);
        var measures = stamp.Fields.Single(f => f.Cell == Measures);
        Assert.Equal(Fingerprint.Of("加强预算执行监控，按季度通报执行进度"), measures.Given);
        Assert.Equal(measures.Given, measures.Shown);
        Assert.All(stamp.Fields.Where(f => f.Cell == Outcome), f => Assert.Equal(Fingerprint.Of(CellText(Outcome)), f.Given));
    }

    [Fact]
    public void A_changed_actual_in_Word_comes_back_into_its_cell_and_the_next_report_shows_it()
    {
        const string Actual = "绩效指标!F13";
        var report = Generate();
        // The text as the clerk sees it: the invisible word joiners between a figure and its unit are not his.
        Assert.Equal("2886篇次", FilledReport.Text(FilledReport.Open(report).Control(Actual)).Replace("\u2060", "", StringComparison.Ordinal));
        Assert.Equal("实际完成值", FilledReport.Alias(FilledReport.Open(report).Control(Actual)));
        FilledReport.Open(report).Type(Actual, "3012篇次").Save(_dir.File("填写.docx"));

        var imported = CliHarness.Run("import", _dir.File("填写.docx"), "--into", Workbook());

        Assert.True(imported.ExitCode == 0, imported.Error + imported.Output);
        Assert.Contains($"{Actual}（实际完成值）：“3012篇次”", imported.Output, StringComparison.Ordinal);
        Assert.Equal("3012篇次", CellText(Actual));
        var again = Generate("报告.docx", "--force");
        Assert.Equal("3012篇次", FilledReport.Text(FilledReport.Open(again).Control(Actual)).Replace("\u2060", "", StringComparison.Ordinal));
        Assert.Equal(Fingerprint.Of("3012篇次"), Stamp(again).Fields.First(f => f.Cell == Actual).Given);
    }

    [Fact]
    public void A_field_whose_cell_changed_in_the_workbook_too_is_a_conflict_and_neither_text_is_overwritten()
    {
        var report = Generate();
        FilledReport.Open(report).Type(Measures, "报告中写的措施").Save(_dir.File("甲.docx"));
        FilledReport.Open(report).Type(Measures, "工作簿中后来写的措施").Save(_dir.File("乙.docx"));
        Assert.Equal(0, CliHarness.Run("import", _dir.File("乙.docx"), "--into", Workbook()).ExitCode);
        var before = File.ReadAllBytes(Workbook());

        var result = CliHarness.Run("import", _dir.File("甲.docx"), "--into", Workbook());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("冲突", result.Output, StringComparison.Ordinal);
        Assert.Contains("工作簿中：“工作簿中后来写的措施”", result.Output, StringComparison.Ordinal);
        Assert.Contains("报告中：  “报告中写的措施”", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Workbook()));
    }

    [Fact]
    public void Dry_run_lists_the_cells_and_writes_nothing()
    {
        var report = Generate();
        FilledReport.Open(report).Type(Measures, "加强预算执行监控").Save(_dir.File("填写.docx"));
        var before = File.ReadAllBytes(Workbook());

        var result = CliHarness.Run("import", _dir.File("填写.docx"), "--into", Workbook(), "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{Measures}（下一步改进措施）：“加强预算执行监控”", result.Output, StringComparison.Ordinal);
        Assert.Contains("没有写入工作簿", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Workbook()));
    }

    [Fact]
    public void Text_edited_outside_any_field_is_named_by_paragraph_and_fields_it_cannot_trust_are_left_alone()
    {
        var report = Generate();
        var doubled = FilledReport.Open(report);
        doubled.Type(Measures, "加强监控加强监控")
            .EditOutside("主要职责如下", "主要职责（2023年）如下")
            .Save(_dir.File("填写.docx"));

        var result = ReportImportJob.Run(new ReportImportRequest(_dir.File("填写.docx"), Workbook()));

        Assert.False(result.Written);
        Assert.Empty(result.Changes);
        Assert.Contains(result.Skipped, s => s.Cell == Measures && s.Reason.Contains("重复", StringComparison.Ordinal));
        var edited = Assert.Single(result.EditedParagraphs);
        Assert.Contains("主要职责（2023年）如下", edited.Text, StringComparison.Ordinal);
        Assert.Equal("", CellText(Measures));
    }

    [Fact]
    public void Import_refuses_a_workbook_other_than_the_one_the_report_was_made_from()
    {
        var report = Generate();
        var other = _dir.File("别的部门2023.xlsx");
        File.Copy(Repo.SampleXlsx, other);

        var result = CliHarness.Run("import", report, "--into", other);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("石峰区委宣传部2023.xlsx", result.Error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Repo.SampleXlsx), File.ReadAllBytes(other));
    }

    [Fact]
    public void Doubled_text_is_recognised()
    {
        Assert.True(ReportFieldReader.Doubled("会议推迟会议推迟"));
        Assert.True(ReportFieldReader.Doubled("好的好的好的"));
        Assert.False(ReportFieldReader.Doubled("会议推迟"));
        Assert.False(ReportFieldReader.Doubled("哈哈"));
    }

    [LibreOfficeFact]
    public void The_Shifeng_report_resaved_by_LibreOffice_keeps_its_fields_and_two_filled_there_come_back()
    {
        var report = Generate();

        // Opened and saved by LibreOffice unfilled: its placeholders are still fields, nothing is edited or comes back.
        var plain = FilledReport.ResaveInLibreOffice(report, Directory.CreateDirectory(_dir.File("lo1")).FullName);
        Assert.Equal(67, FilledReport.Open(plain).Controls.Count(FilledReport.ShowsPrompt));
        Assert.False(ReportStampReader.Read(plain)!.Edited);
        var nothing = ReportImportJob.Run(new ReportImportRequest(plain, Workbook(), DryRun: true));
        Assert.Empty(nothing.Changes);
        Assert.Empty(nothing.Skipped);
        Assert.Empty(nothing.EditedParagraphs);

        FilledReport.Open(report)
            .Type(Measures, "加强预算执行监控")
            .ReplacePrompt("预算执行!L4", "部分活动延至次年开展")
            .Save(_dir.File("填写.docx"));
        var resaved = FilledReport.ResaveInLibreOffice(_dir.File("填写.docx"), Directory.CreateDirectory(_dir.File("lo2")).FullName);
        Assert.DoesNotContain(FilledReport.Open(resaved).Controls, c => FilledReport.Tag(c) is not null);

        var result = CliHarness.Run("import", resaved, "--into", Workbook());

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("已写入 2 个单元格", result.Output, StringComparison.Ordinal);
        Assert.Equal("加强预算执行监控", CellText(Measures));
        Assert.Equal("部分活动延至次年开展", CellText("预算执行!L4"));
        var again = FilledReport.Open(Generate("报告.docx", "--force"));
        Assert.Contains(again.Controls, c => FilledReport.Tag(c) == "预算执行!L4" && FilledReport.Text(c) == "部分活动延至次年开展");
        Assert.DoesNotContain(again.Controls, c => FilledReport.Tag(c) is Measures or "预算执行!L4" && FilledReport.ShowsPrompt(c));
    }
}
