using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Output;

public class LookSampleTests
{
    /// <summary>
    /// Writes the long sample used to look at the layout (rendered to pages by LibreOffice) and
    /// checks that the .docx holds all of it: the title, every heading and paragraph with its style, the one page
    /// break and every row of the indicator table. When REPORTGEN_DOCX_LOOK names a folder the sample is also written
    /// there as sample.docx.
    /// </summary>
    [Fact]
    public void Writes_the_look_sample_with_every_heading_paragraph_page_break_and_table_row()
    {
        var sample = SampleReports.ForLooking();
        using var stream = new MemoryStream();
        DocxWriter.Write(sample, stream, DocxLayout.Default);
        var lines = DocxDump.Dump(new MemoryStream(stream.ToArray())).Split('\n');

        Assert.Contains($"{DocxWriter.StyleIds.Title} | {sample.Title}", lines);
        foreach (var block in sample.Blocks)
        {
            switch (block)
            {
                case Heading heading:
                    Assert.Contains($"RGHeading{heading.Level} | {heading.Text}", lines);
                    break;
                case Paragraph paragraph:
                    Assert.Contains(lines, line => line.EndsWith($" | {paragraph.Text}", StringComparison.Ordinal));
                    break;
            }
        }

        Assert.Equal(sample.Blocks.OfType<PageBreak>().Count(), lines.Count(line => line == "[page-break]"));
        var table = Assert.Single(sample.Blocks.OfType<TableBlock>()).Table;
        Assert.Equal(table.HeaderRows + 5 * 6 + 1, table.Rows.Count); // header rows, 5 groups of 6 indicators, 总分
        var rows = lines.Where(line => line.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.Equal(table.Rows.Count, rows.Count);
        Assert.Equal(5 * 6 / 3, rows.Count(row => row.Contains("【请填写偏差原因】", StringComparison.Ordinal))); // every third row

        if (Environment.GetEnvironmentVariable("REPORTGEN_DOCX_LOOK") is { Length: > 0 } folder)
        {
            var path = Path.Combine(folder, "sample.docx");
            DocxWriter.WriteFile(sample, path, DocxLayout.Default);
            Assert.True(new FileInfo(path).Length > 0);
        }
    }
}
