using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Tests.Output;

/// <summary>
/// <see cref="DocxWriter"/> makes the layout's parts (styles, settings, footers, section) once per
/// <see cref="DocxLayout"/> and keeps them in a static cache, cleared when it holds 16 layouts. A batch writes its
/// reports from several threads; with more layouts than the cache holds, entries are dropped while other threads
/// read and add them. Whatever the timing, each report must be the one a lone write gives for its layout.
/// </summary>
public class FixedPartsConcurrencyTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// The default and 20 others, more than the cache's 16. The margins vary too, so that document.xml (the section,
    /// the table widths) depends on the layout as well as styles.xml.
    /// </summary>
    private static List<DocxLayout> Layouts() =>
    [
        DocxLayout.Default,
        .. Enumerable.Range(1, 20).Select(i => DocxLayout.Default with { BodyFont = "字体" + i, RightMarginMm = 26m - i % 3 }),
    ];

    private static byte[] Write(ReportDocument document, DocxLayout layout)
    {
        using var stream = new MemoryStream();
        DocxWriter.Write(document, stream, layout);
        return stream.ToArray();
    }

    /// <summary>
    /// Writes each job on a thread of its own, all released together by a barrier. Parallel.For on a two-core machine
    /// ran two or three writes at a time, and a race planted in the cache went unnoticed; sixty threads released at
    /// once overlap in the cache's lookup, clear and add.
    /// </summary>
    private static byte[][] WriteAtOnce(ReportDocument document, IReadOnlyList<DocxLayout> jobs)
    {
        var written = new byte[jobs.Count][];
        using var start = new Barrier(jobs.Count);
        var tasks = jobs.Select((layout, i) => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                written[i] = Write(document, layout);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        Task.WaitAll(tasks);
        return written;
    }

    /// <summary>Each of <paramref name="count"/> layout indexes <paramref name="copies"/> times, shuffled.</summary>
    private static int[] Shuffled(int count, int copies, Random random) =>
        Enumerable.Range(0, count * copies).Select(i => i % count).OrderBy(_ => random.Next()).ToArray();

    private static XDocument Part(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }

    [Fact]
    public void Many_layouts_written_at_once_give_each_layout_the_bytes_of_a_lone_write()
    {
        var document = SampleReports.Small();
        var layouts = Layouts();
        var expected = layouts.Select(layout => Write(document, layout)).ToList();
        Assert.Equal(layouts.Count, expected.Select(Convert.ToBase64String).Distinct().Count());

        // Each round writes every layout three times at once, in an order shuffled by a random generator with a fixed start value: a layout meets
        // itself half-built, and the cache is cleared and refilled under the other threads.
        var random = new Random(16);
        for (var round = 0; round < 10; round++)
        {
            var jobs = Shuffled(layouts.Count, copies: 3, random);

            var written = WriteAtOnce(document, jobs.Select(j => layouts[j]).ToList());

            for (var i = 0; i < jobs.Length; i++)
            {
                Assert.True(
                    expected[jobs[i]].AsSpan().SequenceEqual(written[i]),
                    $"round {round}, write {i}: the report for layout {jobs[i]} ({layouts[jobs[i]].BodyFont}) differs from a lone write");
            }
        }
    }

    [Fact]
    public void Each_report_written_at_once_carries_its_own_layouts_font_and_margin()
    {
        var document = SampleReports.Small();
        var layouts = Layouts();
        var jobs = Shuffled(layouts.Count, copies: 3, new Random(9704));

        var written = WriteAtOnce(document, jobs.Select(j => layouts[j]).ToList());

        for (var i = 0; i < jobs.Length; i++)
        {
            var layout = layouts[jobs[i]];
            var styles = Part(written[i], "word/styles.xml");
            var body = styles.Descendants(W + "style").Single(s => (string?)s.Attribute(W + "styleId") == DocxWriter.StyleIds.Body);
            Assert.Equal(layout.BodyFont, (string?)body.Descendants(W + "rFonts").Single().Attribute(W + "eastAsia"));

            // No other layout's font anywhere in the styles: the part is this layout's, not a neighbour's.
            var numbered = styles.Descendants(W + "rFonts").Select(f => (string?)f.Attribute(W + "eastAsia"))
                .Where(font => font?.StartsWith("字体", StringComparison.Ordinal) == true).Distinct();
            Assert.Equal(layout == DocxLayout.Default ? [] : [layout.BodyFont], numbered);

            var margin = Part(written[i], "word/document.xml").Descendants(W + "pgMar").Single();
            Assert.Equal(
                DocxLayout.MmToTwips(layout.RightMarginMm).ToString(CultureInfo.InvariantCulture),
                (string?)margin.Attribute(W + "right"));
        }
    }
}
