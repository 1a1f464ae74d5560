using ReportGen.Analysis;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Placeholders and missing-input findings as data (docs/architecture.md, "Placeholders and fields"): a placeholder belongs
/// to the cell that fills it, one cell may show in several places of the report, and a finding names the 基本信息
/// item it is about by <see cref="Finding.Item"/>, never by the words of its message.
/// </summary>
public sealed class PlaceholderCellTests
{
    private static readonly string Default = TemplateRenderer.Resolve("default", Repo.Templates);

    private static (DepartmentAnalysis Analysis, ReportDocument Document) Generate(WorkbookData data) =>
        GenerateJob.Render(GenerateJob.Analyze(ExecutionWorkbookReader.Read(data)), Default);

    private static IEnumerable<Finding> MissingInputsAt(DepartmentAnalysis analysis, string cell) =>
        analysis.Findings.Where(f => ConsistencyValidator.MissingInputCodes.Contains(f.Code) && f.Location.ToString() == cell);

    [Fact]
    public void A_missing_input_shown_twice_is_two_placeholders_at_one_cell_and_filling_the_cell_removes_both()
    {
        var data = WorkbookLoader.Load(Repo.SampleCsvFolder);
        var (analysis, document) = Generate(data);

        // The sample's report has more placeholders than cells: an unmet indicator without 偏差原因 shows in the
        // narrative and in the 自评表's 偏差原因 column, and each cell is one missing-input finding.
        var cells = document.PlaceholderCells;
        Assert.True(document.Placeholders.Count > cells.Count, $"{document.Placeholders.Count} placeholders, {cells.Count} cells");
        Assert.Equal(document.Placeholders.Count, cells.Sum(c => c.Placeholders.Count));
        var findingCells = analysis.Findings.Where(f => ConsistencyValidator.MissingInputCodes.Contains(f.Code)).Select(f => f.Location.ToString()).ToHashSet();
        Assert.Equal(findingCells.Order(StringComparer.Ordinal), cells.Select(c => c.Cell!).Order(StringComparer.Ordinal));

        var twice = cells.First(c => c.Placeholders.Count >= 2 && c.Cell!.StartsWith(WorkbookSchema.IndicatorsSheet + "!", StringComparison.Ordinal));
        Assert.Single(MissingInputsAt(analysis, twice.Cell!));

        // The clerk writes the cause into that one cell: both places are filled, and check no longer asks for it.
        var at = SourceLocation.Parse(data.Path, twice.Cell!);
        var row = data.Find(WorkbookSchema.IndicatorsSheet)!.Rows[at.Row!.Value - 1];
        Assert.True(row.Length >= at.Column, $"row {at.Row} has {row.Length} cells");
        row[at.Column!.Value - 1] = "受场地改造影响，部分活动延至次年开展。";
        var (filledAnalysis, filled) = Generate(data);

        Assert.DoesNotContain(filled.Placeholders, p => p.Cell == twice.Cell);
        Assert.Equal(document.Placeholders.Count - twice.Placeholders.Count, filled.Placeholders.Count);
        Assert.Equal(cells.Count - 1, filled.PlaceholderCells.Count);
        Assert.Empty(MissingInputsAt(filledAnalysis, twice.Cell!));
        Assert.Contains(filled.Fields(), f => f.Cell == twice.Cell && !f.Empty);
    }

    [Fact]
    public void A_whole_sheet_info_placeholder_is_covered_by_the_item_both_carry_not_by_a_message_or_title()
    {
        // Without the 存在问题 and 改进措施 rows (and the sample has no 年度总体目标 row), their placeholders and findings
        // sit on the whole 基本信息 sheet.
        using var dir = new TempDir();
        var folder = ReportTruthTests.SampleCopy(dir, ("基本信息", "存在问题,\n", ""), ("基本信息", "改进措施,\n", ""));
        var (analysis, document) = Generate(WorkbookLoader.Load(folder));
        var onSheet = document.Placeholders.Where(p => p.Cell == WorkbookSchema.InfoSheet).ToList();
        Assert.Contains(onSheet, p => p.Item == WorkbookSchema.Items.Measures);
        Assert.Contains(onSheet, p => p.Item == WorkbookSchema.Items.AnnualGoal);

        // The department's low rate: its cause belongs in 存在问题, which the placeholder carries whatever its title says.
        Assert.Contains(onSheet, p => p.Item == WorkbookSchema.Items.Problems && p.Title == "部门整体执行率偏低的原因");
        var items = analysis.Findings.Where(f => f.Location.ToString() == WorkbookSchema.InfoSheet && f.Item is not null).Select(f => f.Item).ToList();
        Assert.Contains(WorkbookSchema.Items.Problems, items);
        Assert.Contains(WorkbookSchema.Items.Measures, items);
        Assert.Contains(WorkbookSchema.Items.AnnualGoal, items);

        // A placeholder asking for an item a finding carries is covered; RG200 is left for the others only.
        var outline = analysis.Findings.Where(f => f.Code == FindingCodes.OutlineItemMissing).Select(f => f.Message).ToList();
        Assert.DoesNotContain(outline, message => items.Any(item => message.Contains($"“{item!.Name}", StringComparison.Ordinal)));
        var covered = analysis with { Findings = [.. analysis.Findings.Where(f => f.Code != FindingCodes.OutlineItemMissing)] };
        Assert.Equal(outline, MissingOutlineItems.Find(covered, document, Default).Select(f => f.Message));

        // The messages reworded: the same placeholders are covered, for the item is data.
        var reworded = covered with
        {
            Findings = [.. covered.Findings.Select(f => f.Item is null ? f : f with { Message = "（措辞已改）" })],
        };
        Assert.Equal(outline, MissingOutlineItems.Find(reworded, document, Default).Select(f => f.Message));

        // The placeholders retitled: still covered, for the item is data on both sides.
        var retitled = document with { Blocks = [.. document.Blocks.Select(Retitled)] };
        Assert.Contains(retitled.Placeholders, p => p.Title == "（标题已改）");
        Assert.Equal(outline.Count, MissingOutlineItems.Find(covered, retitled, Default).Count);

        // The items taken away: the same messages no longer cover the placeholders that ask for 改进措施 and 年度总体目标.
        var anonymous = covered with { Findings = [.. covered.Findings.Select(f => f with { Item = null })] };
        var uncovered = MissingOutlineItems.Find(anonymous, document, Default);
        Assert.Equal(onSheet.Select(p => p.Title).Distinct().Count(), uncovered.Count);
        Assert.All(uncovered, f => Assert.Equal(WorkbookSchema.InfoSheet, f.Location.ToString()));
    }

    /// <summary>A paragraph whose placeholders on the whole 基本信息 sheet have another title.</summary>
    private static Block Retitled(Block block) => block is Paragraph paragraph
        ? paragraph with { Fields = [.. paragraph.Fields.Select(f => f.Empty && f.Cell == WorkbookSchema.InfoSheet ? f with { Title = "（标题已改）" } : f)] }
        : block;

    [Fact]
    public void No_two_info_items_share_a_name_and_every_label_finds_its_item()
    {
        var keys = WorkbookSchema.Items.All.SelectMany(item => item.Keys).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(WorkbookSchema.Items.All, item => Assert.All(item.Names, name => Assert.Same(item, WorkbookSchema.FindInfoItem(name + "："))));
        Assert.Null(WorkbookSchema.FindInfoItem("备注"));
        Assert.Equal(WorkbookSchema.Items.Amounts, WorkbookSchema.Items.All.Where(item => item.IsAmount));
    }
}
