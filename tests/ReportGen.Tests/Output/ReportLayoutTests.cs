using DocumentFormat.OpenXml.Packaging;
using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Tests.Output;

/// <summary>
/// The Shifeng report's tables read on every page: each 自评表's indicator part is a table whose first row, the
/// indicator headings, repeats; table cells hold short numbered markers, listed with prompt and cell under the table.
/// </summary>
public sealed class ReportLayoutTests
{
    private static readonly Lazy<ReportDocument> Shifeng = new(() =>
        ReportRenderer.Render(GenerateJob.Analyze(Repo.SampleXlsx), Path.Combine(Repo.Templates, "default.sbn")));

    [Fact]
    public void Each_evaluation_tables_indicator_part_starts_with_its_repeating_headings()
    {
        using var stream = new MemoryStream(DocxWriterTests.WriteBytes(Shifeng.Value));
        using var docx = WordprocessingDocument.Open(stream, false);

        var tables = docx.MainDocumentPart!.Document!.Body!.Elements<W.Table>().ToList();
        var withIndicators = tables.Where(t => t.Descendants<W.TableCell>().Any(c => c.InnerText == "一级指标")).ToList();

        Assert.Equal(6, withIndicators.Count);
        foreach (var table in withIndicators)
        {
            var first = table.Elements<W.TableRow>().First();
            Assert.NotNull(first.TableRowProperties!.GetFirstChild<W.TableHeader>());
            Assert.Contains(first.Descendants<W.TableCell>(), c => c.InnerText == "一级指标");
            Assert.Contains(first.Descendants<W.TableCell>(), c => c.InnerText == "偏差原因分析及改进措施");
            Assert.All(table.Elements<W.TableRow>(), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<W.CantSplit>()));
        }
    }

    [Fact]
    public void No_table_cell_holds_a_long_placeholder_and_every_marker_is_listed_under_its_table()
    {
        var tables = Shifeng.Value.Blocks.OfType<TableBlock>().Select(b => b.Table).ToList();
        var cells = tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).ToList();

        Assert.DoesNotContain(cells, c => c.Text.Contains("【待填写：", StringComparison.Ordinal));
        var markers = cells.SelectMany(c => c.Fields).Where(f => f.Empty).ToList();
        Assert.True(markers.Count > 40, $"{markers.Count} markers");
        Assert.All(markers, m => Assert.True(m.Marker > 0));
        var listed = tables.SelectMany(t => t.Legend).SelectMany(p => p.Fields).ToList();
        Assert.Equal(markers.Select(m => (m.Marker, m.Title, m.Cell)), listed.Select(l => (l.Marker, l.Title, l.Cell)));
        Assert.All(listed, l => Assert.True(l.Legend));

        // The legend is highlighted, but only the markers are counted.
        Assert.Equal(Shifeng.Value.Placeholders.Count, Shifeng.Value.Fields().Count(f => f.Empty && !f.Legend));
        var legend = tables.First(t => t.Legend.Count > 0).Legend[0];
        Assert.StartsWith("【待填写①】", legend.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_text_keeps_the_full_prompt()
    {
        var paragraphs = Shifeng.Value.Blocks.OfType<Paragraph>().ToList();

        Assert.Contains(paragraphs, p => p.Text.Contains("【待填写：", StringComparison.Ordinal) && p.Fields.Any(f => f.Empty && f.Marker == 0));
    }

    [Theory]
    [InlineData("2023.12.31前", "2023.12.31\u2060前")]
    [InlineData("326.42万元", "326.42\u2060万\u2060元")]
    [InlineData("≥3000篇", "≥\u20603000\u2060篇")]
    [InlineData("81.68%，", "81.68%，")]
    [InlineData("全年预算", "全年预算")]
    public void Numbers_are_joined_to_their_units_and_signs(string text, string written)
    {
        using var stream = new MemoryStream(DocxWriterTests.WriteBytes(new ReportDocument("标题", [new Paragraph(text)])));
        using var docx = WordprocessingDocument.Open(stream, false);

        var paragraph = Assert.Single(docx.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>(),
            p => p.InnerText.Replace("\u2060", "", StringComparison.Ordinal) == text);
        Assert.Equal(written, paragraph.InnerText);
    }
}
