using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Rendering;

namespace ReportGen.Bench;

/// <summary>
/// ReportGen's half of the side-by-side with docxtemplater (bench/sidebyside/README.md). <c>content DIR</c> writes
/// what docxtemplater needs to produce the same report: a template .docx in ReportGen's own styles whose loops
/// place each paragraph with its style and each table row by row, the report content as JSON, and ReportGen's
/// report for the comparison. <c>throughput SECONDS</c> renders and writes the sample's report on one thread for
/// that long and prints documents per second.
/// </summary>
internal static class SideBySide
{
    /// <summary>Paragraph styles, each a section of the template: the block's flag names its style.</summary>
    private static readonly (string Flag, Func<string, Block> Make)[] ParagraphKinds =
    [
        ("h1", t => new Heading(1, t)), ("h2", t => new Heading(2, t)), ("h3", t => new Heading(3, t)), ("h4", t => new Heading(4, t)),
        ("body", t => new Paragraph(t)), ("centered", t => new Paragraph(t, ParagraphKind.Centered)),
        ("right", t => new Paragraph(t, ParagraphKind.Right)), ("plain", t => new Paragraph(t, ParagraphKind.Plain)),
    ];

    public static void Content(string folder)
    {
        Directory.CreateDirectory(folder);
        var document = SampleDocument();
        using (var stream = File.Create(Path.Combine(folder, "reportgen.docx")))
        {
            DocxWriter.Write(document, stream, DocxLayout.Default);
        }

        var blocks = new JsonArray();
        var shapes = new SortedDictionary<string, ReportTable>(StringComparer.Ordinal);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    blocks.Add(new JsonObject { ["h" + Math.Clamp(h.Level, 1, 4)] = true, ["text"] = h.Text });
                    break;
                case Paragraph p:
                    blocks.Add(new JsonObject { [FlagOf(p.Kind)] = true, ["text"] = p.Text });
                    break;
                case TableBlock { Table: var table }:
                    var columns = table.ColumnWeights.Count;
                    var shape = $"t{columns}{(string.IsNullOrWhiteSpace(table.Title) ? "" : "t")}{(string.IsNullOrWhiteSpace(table.Note) ? "" : "n")}";
                    shapes.TryAdd(shape, table);

                    // Spans and vertical merges are spelled out as cells: docxtemplater's free edition has no
                    // merge; a covered cell is empty, as ReportGen writes it.
                    var rows = new JsonArray();
                    foreach (var row in table.Rows)
                    {
                        var cells = row.Cells.SelectMany(c => Enumerable.Repeat(c.Merge == VerticalMerge.Continue ? "" : c.Text, 1)
                            .Concat(Enumerable.Repeat("", Math.Max(1, c.ColSpan) - 1))).ToList();
                        var json = new JsonObject();
                        for (var i = 0; i < columns; i++)
                        {
                            json["c" + i] = i < cells.Count ? cells[i] : "";
                        }

                        rows.Add(json);
                    }

                    // The legend of a table's placeholder markers (at most one paragraph) comes between the table and its note.
                    var legend = new JsonArray();
                    foreach (var entry in table.Legend)
                    {
                        legend.Add(new JsonObject { ["text"] = entry.Text });
                    }

                    blocks.Add(new JsonObject { [shape] = true, ["title"] = table.Title, ["note"] = table.Note, ["legend"] = legend, ["rows"] = rows });
                    break;
                case PageBreak:
                    // A page break is a property of the next paragraph in ReportGen's output, not content; the
                    // comparison leaves it out.
                    break;
            }
        }

        var data = new JsonObject { ["title"] = document.Title, ["blocks"] = blocks };
        File.WriteAllText(Path.Combine(folder, "data.json"),
            data.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        using var template = File.Create(Path.Combine(folder, "template.docx"));
        DocxWriter.Write(Template(shapes), template, DocxLayout.Default);
        Console.WriteLine($"wrote template.docx, data.json ({blocks.Count} blocks; table shapes {string.Join(", ", shapes.Keys)}) and reportgen.docx to {folder}");
    }

    /// <summary>
    /// One section per paragraph style and per table shape (columns, with or without title and note), inside a
    /// loop over the blocks; a table's row is looped by tags in its first and last cells.
    /// </summary>
    private static ReportDocument Template(IReadOnlyDictionary<string, ReportTable> shapes)
    {
        var blocks = new List<Block> { new Paragraph("{#blocks}", ParagraphKind.Plain) };
        foreach (var (flag, make) in ParagraphKinds)
        {
            blocks.Add(new Paragraph($"{{#{flag}}}", ParagraphKind.Plain));
            blocks.Add(make("{text}"));
            blocks.Add(new Paragraph($"{{/{flag}}}", ParagraphKind.Plain));
        }

        foreach (var (shape, table) in shapes)
        {
            var columns = table.ColumnWeights.Count;
            blocks.Add(new Paragraph($"{{#{shape}}}", ParagraphKind.Plain));
            var cells = Enumerable.Range(0, columns).Select(i =>
                new TableCell((i == 0 ? "{#rows}" : "") + $"{{c{i}}}" + (i == columns - 1 ? "{/rows}" : ""))).ToList();
            blocks.Add(new TableBlock(new ReportTable(
                string.IsNullOrWhiteSpace(table.Title) ? "" : "{title}", table.ColumnWeights, [new TableRow(cells)], 0,
                string.IsNullOrWhiteSpace(table.Note) ? null : "{note}")
            {
                Legend = [new Paragraph("{#legend}{text}{/legend}", ParagraphKind.Plain)],
            }));
            blocks.Add(new Paragraph($"{{/{shape}}}", ParagraphKind.Plain));
        }

        blocks.Add(new Paragraph("{/blocks}", ParagraphKind.Plain));
        return new ReportDocument("{title}", blocks);
    }

    private static string FlagOf(ParagraphKind kind) => kind switch
    {
        ParagraphKind.Centered => "centered",
        ParagraphKind.Right => "right",
        ParagraphKind.Plain => "plain",
        _ => "body",
    };

    private static ReportDocument SampleDocument() =>
        ReportRenderer.Render(GenerateJob.Analyze(Repository.Sample), Repository.DefaultTemplate);

    /// <summary>The throughput's two halves apart: template and tables (render), then the .docx in memory (write).</summary>
    public static void Split(int runs)
    {
        var analysis = GenerateJob.Analyze(Repository.Sample);
        var model = TemplateModelBuilder.Build(analysis);
        var document = ReportRenderer.Render(analysis, Repository.DefaultTemplate);
        var parts = new (string Name, Action Once)[]
        {
            ("model", () => TemplateModelBuilder.Build(analysis)),
            ("template text", () => ReportRenderer.RenderText(model, Repository.DefaultTemplate)),
            ("render (model, text, tables)", () => ReportRenderer.Render(analysis, Repository.DefaultTemplate)),
            ("write .docx", () => DocxWriter.Write(document, new MemoryStream(), DocxLayout.Default)),
        };
        foreach (var (name, once) in parts)
        {
            for (var i = 0; i < 50; i++)
            {
                once();
            }

            // CPU time beside wall time: on a shared machine another process's work stretches the wall clock, not this one's CPU.
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++)
            {
                once();
            }

            var elapsed = watch.Elapsed.TotalMilliseconds;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine($"{name}: {elapsed / runs:0.000} ms ({cpu.TotalMilliseconds / runs:0.000} ms CPU, {allocated / 1024.0 / runs:0} KB allocated)");
        }
    }

    /// <summary>
    /// The sample's analysis rendered (template and tables) and written as .docx, on one thread: documents per second
    /// once warm. The warm-up is by time, not by count: pinned to one core the runtime counts
    /// as a single-processor machine and waits ten times longer before it compiles hot methods optimised
    /// (TC_DelaySingleProcMultiplier), so twenty documents measured unoptimised code (docs/performance.md).
    /// </summary>
    /// <param name="slices">
    /// After the warm-up, print <c>ready</c> and then time one slice for each line read from standard input (its
    /// number of seconds), printing each as a line of JSON, until the input ends: the side-by-side alternates the two
    /// engines slice by slice, so that both meet the machine in the same state (bench/sidebyside/README.md).
    /// </param>
    public static void Throughput(double seconds, double warmupSeconds, bool slices = false)
    {
        var analysis = GenerateJob.Analyze(Repository.Sample);

        // As a batch renders its reports: the template read once for all of them (TemplateRenderer.Prepare), as
        // docxtemplater's side reads its template file once.
        var template = TemplateRenderer.Prepare(Repository.DefaultTemplate);
        void Once()
        {
            var document = ReportRenderer.Render(analysis, template);
            using var stream = new MemoryStream();
            DocxWriter.Write(document, stream, DocxLayout.Default);
        }

        var warmup = Stopwatch.StartNew();
        var warm = 0;
        while (warm < 20 || warmup.Elapsed.TotalSeconds < warmupSeconds)
        {
            Once();
            warm++;
        }

        if (!slices)
        {
            Console.WriteLine(Timed(seconds, Once));
            return;
        }

        Console.WriteLine("ready");
        while (Console.ReadLine() is { } line)
        {
            Console.WriteLine(Timed(double.Parse(line, CultureInfo.InvariantCulture), Once));
        }
    }

    /// <summary>Documents written in <paramref name="seconds"/>, as a line of JSON with the time, CPU time and the collector's share.</summary>
    private static string Timed(double seconds, Action once)
    {
        var count = 0;
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            once();
            count++;
        }

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return JsonSerializer.Serialize(new
        {
            documents = count,
            seconds = watch.Elapsed.TotalSeconds,
            cpuSeconds = cpu.TotalSeconds,
            perSecond = count / watch.Elapsed.TotalSeconds,
            kbPerDocument = Math.Round((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / count),
            gen0PerDocument = Math.Round((GC.CollectionCount(0) - collections) / (double)count, 3),
            gcPauseMsPerDocument = Math.Round((GC.GetTotalPauseDuration() - paused).TotalMilliseconds / count, 3),
        });
    }
}
