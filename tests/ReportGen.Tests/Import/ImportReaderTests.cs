using System.Globalization;
using ReportGen.Import;

namespace ReportGen.Tests.Import;

/// <summary>Reading forms from Word and Excel: merges both ways, split runs, nested tables, other programs' files.</summary>
public class ImportReaderTests
{
    /// <summary>The recognised content, one line per fact, to compare one form read from different files.</summary>
    public static string Canon(FormSet set)
    {
        var lines = new List<string>();
        static string Amount(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";
        foreach (var form in set.Forms)
        {
            switch (form)
            {
                case DepartmentForm d:
                    lines.Add($"D {d.Layout} {d.Name} {d.Year} {Amount(d.Budget.Total)} {Amount(d.Budget.General)} {Amount(d.Budget.GovernmentFund)} {Amount(d.Budget.Other)} {Amount(d.Budget.Basic)} {Amount(d.Budget.Project)}");
                    lines.Add($"  duties {d.Duties}");
                    lines.AddRange(d.KeyTasks.Select(t => $"  task {t.Item} | {t.Owner} | {t.Goal}"));
                    lines.AddRange(d.Indicators.Select(i => $"  ind {i.Level1} | {i.Level2} | {i.Level3} | {i.Target} | {i.Standard}"));
                    break;
                case SummaryForm s:
                    lines.Add($"S {Amount(s.StatedTotal)}");
                    lines.AddRange(s.Entries.Select(e => $"  entry {e.Name} | {e.Program} | {Amount(e.Amount)} | {e.AnnualGoal}"));
                    break;
                case ProjectForm p:
                    lines.Add($"P {p.Layout} {p.Name} | {p.Code} | {p.Program} | {Amount(p.Amount)} | {Amount(p.FiscalFunds)} | {Amount(p.OtherFunds)} | {p.Period} | {p.AnnualGoal}");
                    if (p.Plan is { } plan)
                    {
                        lines.Add($"  plan {Amount(plan.March)} {Amount(plan.June)} {Amount(plan.October)} {Amount(plan.December)}");
                    }

                    lines.AddRange(p.Indicators.Select(i => $"  ind {i.Level1} | {i.Level2} | {i.Level3} | {i.Target} | {i.Standard} | {i.Description} | {i.Basis}"));
                    lines.AddRange(p.Details.Select(x => $"  detail {x.Content} | {x.Detail} | {x.AmountText} | {Amount(x.Amount)} | {x.Basis}"));
                    if (p.DetailTotal is { } total)
                    {
                        lines.Add($"  total {total.AmountText} | {Amount(total.Amount)}");
                    }

                    break;
            }
        }

        return string.Join("\n", lines);
    }

    [Fact]
    public void Import_reads_split_runs_and_several_paragraphs_per_cell_from_word()
    {
        using var fixture = new FormFixture();
        var table = DocxFormReader.Read(fixture.ShifengDocx());

        var duties = table.Rows.SelectMany(row => row.Cells).First(cell => cell.Text.StartsWith("（一）", StringComparison.Ordinal));
        Assert.Equal(3, duties.Text.Split('\n').Length);
        Assert.Contains(table.Rows.SelectMany(row => row.Cells), cell => cell.Text == "社会公众对宣传工作的认可度和满意度");
    }

    [Fact]
    public void Import_gives_word_vertical_merges_a_copy_and_horizontal_merges_a_span()
    {
        using var fixture = new FormFixture();
        var table = DocxFormReader.Read(fixture.ShifengDocx());
        var row = table.Rows.First(r => r.Cells.Any(cell => cell.Text == "新增规上住宿业企业"));

        Assert.Equal("产出指标", row.At(2)!.Text);
        Assert.True(row.At(2)!.IsVerticalCopy);
        var name = table.Rows.First(r => r.Cells.Any(cell => cell.Text == "部门名称")).At(2)!;
        Assert.Equal((2, 4), (name.Column, name.Span));
    }

    [Fact]
    public void Import_reads_excel_merged_ranges_like_word_merges()
    {
        using var fixture = new FormFixture();
        var tables = SpreadsheetFormReader.Read(fixture.ShifengXlsx(), new List<SkippedItem>());
        var row = tables[0].Rows.First(r => r.Cells.Any(cell => cell.Text == "新增规上住宿业企业"));

        Assert.Equal("产出指标", row.At(2)!.Text);
        Assert.True(row.At(2)!.IsVerticalCopy);
        Assert.Equal(4, tables[0].Rows.First(r => r.Cells.Any(cell => cell.Text == "部门名称")).At(2)!.Span);
    }

    [Fact]
    public void Import_recognises_the_same_forms_from_word_xlsx_and_libreoffice_xls()
    {
        using var fixture = new FormFixture();
        var word = Canon(FormFixture.Read(fixture.ShifengDocx()));
        var xlsx = Canon(FormFixture.Read(fixture.ShifengXlsx()));
        var xls = Canon(FormFixture.Read(FormFixture.TestFile("石峰目标表-libreoffice.xls")));

        Assert.Equal(word, xlsx);
        Assert.Equal(word, xls);
    }

    [Fact]
    public void Import_treats_blank_level_cells_as_same_as_above()
    {
        using var fixture = new FormFixture();
        var merged = Canon(FormFixture.Read(fixture.ShifengDocx()));
        var blank = Canon(FormFixture.Read(fixture.ShifengDocx(new DocxOptions(SplitRuns: false, BlankMeansAbove: true), "blank.docx")));

        Assert.Equal(merged, blank);
    }

    [Fact]
    public void Import_reads_an_indicator_table_nested_in_a_cell()
    {
        using var fixture = new FormFixture();
        var media = PublishedForms.Media.Rows.ToList();
        var headerIndex = media.FindIndex(row => row[1] == "一级指标");
        var outer = new List<string[]>(media.Take(headerIndex));
        outer.Add(new[] { "年度绩效指标", "", "<", "<", "<", "<" });
        outer.AddRange(media.Skip(headerIndex + 9));
        var path = fixture.PathOf("nested.docx");
        var inner = new Dictionary<(int Row, int Column), FormGrid>();
        inner.Add((headerIndex, 1), PublishedForms.MediaIndicatorTable);
        DocxFormBuilder.Write(path, new object[] { new NestedGrid(new FormGrid(outer), inner) });

        var nested = FormFixture.Read(path).Projects.Single();
        var flat = FormFixture.Read(fixture.ShifengDocx()).Projects.First();

        Assert.Equal(8, nested.Indicators.Count);
        Assert.Equal(flat.Indicators.Select(i => (i.Level1, i.Level2, i.Level3, i.Target)), nested.Indicators.Select(i => (i.Level1, i.Level2, i.Level3, i.Target)));
        Assert.Equal(30m, nested.DetailTotal!.Amount);
    }

    [Fact]
    public void Import_reads_a_hebei_form_written_by_python_docx_like_our_own()
    {
        using var fixture = new FormFixture();
        var ours = fixture.PathOf("hebei.docx");
        DocxFormBuilder.Write(ours, [PublishedForms.Hebei()]);

        var theirs = Canon(FormFixture.Read(FormFixture.TestFile("hebei-python-docx.docx")));

        Assert.Equal(Canon(FormFixture.Read(ours)), theirs);
        Assert.Contains("P HebeiProject 乡村文化振兴专项资金 | 13013124P00123456789", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_rejects_old_word_files_and_unknown_formats_with_a_chinese_message()
    {
        using var fixture = new FormFixture();
        var doc = fixture.PathOf("附表1.doc");
        File.WriteAllText(doc, "x");
        var broken = fixture.PathOf("坏文件.docx");
        File.WriteAllText(broken, "not a zip");

        Assert.Contains(".doc", Assert.Throws<ReportGen.Model.InputException>(() => FormFixture.Read(doc)).Message, StringComparison.Ordinal);
        Assert.Contains("坏文件.docx", Assert.Throws<ReportGen.Model.InputException>(() => FormFixture.Read(broken)).Message, StringComparison.Ordinal);
        Assert.Contains("找不到", Assert.Throws<ReportGen.Model.InputException>(() => FormFixture.Read(fixture.PathOf("无.xlsx"))).Message, StringComparison.Ordinal);
    }
}
