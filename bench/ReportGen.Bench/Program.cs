using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace ReportGen.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/ReportGen.Bench -- …</c>
/// <list type="bullet">
/// <item><c>large FILE.xlsx [projects]</c>: writes the large department (2,000 projects, 10,000 indicators).</item>
/// <item><c>copies DIR N [xlsx]</c>: N copies of the sample under DIR (CSV folders, or the .xlsx), for timing <c>reportgen batch</c>.</item>
/// <item><c>stages WORKBOOK [N]</c>: a quick Stopwatch split of one workbook's time by stage (no BenchmarkDotNet).</item>
/// <item><c>judge [N]</c>: the indicator judge's grammar alone on the sample's 绩效指标 rows, per report.</item>
/// <item><c>workbook [ROWS] [N]</c>: <c>XlsxWriter</c> on a batch summary's finding sheet of ROWS rows, N times, to memory.</item>
/// <item><c>content FILE.json</c> / <c>throughput SECONDS [WARMUP [slices]]</c>: the side-by-side with docxtemplater (bench/sidebyside).</item>
/// <item>anything else: BenchmarkDotNet (<c>--filter *</c>).</item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "large":
                LargeDepartment.Write(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : LargeDepartment.Projects);
                Console.WriteLine($"wrote {args[1]}");
                return 0;
            case "copies":
                Copies(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), xlsx: args.Length > 3 && args[3] == "xlsx");
                return 0;
            case "batch":
                Batch(args[1], args[2]);
                return 0;
            case "content":
                SideBySide.Content(args[1]);
                return 0;
            case "throughput":
                SideBySide.Throughput(
                    args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10,
                    args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0,
                    slices: args.Length > 3 && args[3] == "slices");
                return 0;
            case "split":
                SideBySide.Split(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500);
                return 0;
            case "workbook":
                Workbook(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 48_000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
                return 0;
            case "alloc":
                Allocations(write: args.Length > 1 && args[1] == "write");
                return 0;
            case "judge":
                Judge(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000);
                return 0;
            case "stages":
                Stages(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }

    /// <summary>
    /// A batch summary's finding sheet (1,000 departments, some 48 findings each): code, severity, department,
    /// workbook, cell and message per row, a few hundred distinct texts. Prints the mean time of a write after one
    /// to warm up, and the size.
    /// </summary>
    private static void Workbook(int rows, int runs)
    {
        var random = new Random(48);
        var data = new List<IReadOnlyList<object?>> { new object?[] { "代码", "级别", "部门", "工作簿", "位置", "金额", "说明" } };
        for (var i = 0; i < rows; i++)
        {
            data.Add(new object?[]
            {
                $"RG{100 + random.Next(60)}", random.Next(3) == 0 ? "错误" : "警告", $"部门{i / 48:0000}", $"部门{i / 48:0000}.xlsx",
                $"预算执行!G{random.Next(2, 40)}", Math.Round((decimal)random.NextDouble() * 1000, 2),
                $"项目“专项经费{random.Next(200)}”的执行率低于 90%，请在偏差原因中说明原因。",
            });
        }

        var sheets = new[] { new ReportGen.Output.XlsxSheet("问题清单", data) };
        long size = 0;
        var stopwatch = new Stopwatch();
        for (var run = 0; run <= runs; run++)
        {
            using var stream = new MemoryStream();
            if (run == 1)
            {
                stopwatch.Start();
            }

            ReportGen.Output.XlsxWriter.Write(stream, sheets);
            size = stream.Length;
        }

        stopwatch.Stop();
        Console.WriteLine($"{rows} rows: {stopwatch.Elapsed.TotalMilliseconds / runs:0.0} ms per workbook, {size / 1024} KB");
    }

    private static void Copies(string folder, int count, bool xlsx)
    {
        var sheets = Directory.GetFiles(Repository.Sample, "*.csv");
        Directory.CreateDirectory(folder);
        for (var i = 1; i <= count; i++)
        {
            if (xlsx)
            {
                File.Copy(Repository.Sample + ".xlsx", Path.Combine(folder, $"部门{i:0000}.xlsx"), overwrite: true);
                continue;
            }

            var target = Path.Combine(folder, $"部门{i:0000}");
            Directory.CreateDirectory(target);
            foreach (var sheet in sheets)
            {
                File.Copy(sheet, Path.Combine(target, Path.GetFileName(sheet)), overwrite: true);
            }
        }

        Console.WriteLine($"{count} copies of the sample{(xlsx ? " (.xlsx)" : string.Empty)} in {folder}");
    }

    /// <summary>The batch in process, with the managed heap before and after, to tell retention from GC slack.</summary>
    private static void Batch(string input, string output)
    {
        var items = ReportGen.Batch.WorkbookFinder.Find(input, output);
        var request = new ReportGen.Batch.BatchRequest(input, output, "default", Repository.Templates);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var summary = ReportGen.Batch.BatchJob.GenerateAll(request, items);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var watch = Stopwatch.StartNew();
        ReportGen.Batch.SummaryWriter.Write(summary, output);
        Console.WriteLine($"summary ({summary.Departments.Sum(d => d.Findings.Count)} findings) written in {watch.Elapsed.TotalSeconds:0.00} s");
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine($"{items.Count} workbooks in {summary.Elapsed.TotalSeconds:0.00} s wall, {cpu.TotalSeconds:0.00} s CPU");
        Console.WriteLine($"heap after: {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0.0} MB live, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB, gen0/1/2 GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, committed {info.TotalCommittedBytes / 1048576.0:0} MB");
    }

    /// <summary>
    /// What rendering (or, with <c>write</c>, writing) the sample's report allocates, by type, per report: the
    /// runtime's allocation ticks (one about every 100 KB) over 1,000 reports after 50 to warm up.
    /// </summary>
    private static void Allocations(bool write)
    {
        using var ticks = new AllocTicks();
        var analysis = GenerateJob.Analyze(Repository.Sample);
        var document = ReportGen.Rendering.ReportRenderer.Render(analysis, Repository.DefaultTemplate);
        void Once()
        {
            if (write)
            {
                ReportGen.Output.DocxWriter.Write(document, Stream.Null, ReportGen.Output.DocxLayout.Default);
            }
            else
            {
                ReportGen.Rendering.ReportRenderer.Render(analysis, Repository.DefaultTemplate);
            }
        }

        for (var i = 0; i < 50; i++)
        {
            Once();
        }

        const int Reports = 1000;
        ticks.On = true;
        for (var i = 0; i < Reports; i++)
        {
            Once();
        }

        ticks.On = false;
        foreach (var (type, bytes) in ticks.Types.OrderByDescending(p => p.Value).Take(40))
        {
            Console.WriteLine($"{bytes / 1024.0 / Reports,8:0.0} KB  {type}");
        }
    }

    /// <summary>
    /// The indicator judge's grammar alone: every 指标值 of the sample read (TargetValueParser) and every 实际完成值
    /// read against it (ActualReader), <paramref name="runs"/> times; the time per report, wall and CPU.
    /// </summary>
    private static void Judge(int runs)
    {
        var rows = ReportGen.Input.ExecutionWorkbookReader.Read(Repository.Sample).Indicators;
        void Once()
        {
            foreach (var row in rows)
            {
                var target = ReportGen.Analysis.Indicators.TargetValueParser.Parse(row.Target);
                ReportGen.Analysis.Indicators.ActualReader.Read(row.Actual, target);
            }
        }

        for (var i = 0; i < 200; i++)
        {
            Once();
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            Once();
        }

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"judge's grammar, {rows.Count} rows: {watch.Elapsed.TotalMilliseconds / runs:0.000} ms ({cpu.TotalMilliseconds / runs:0.000} ms CPU) per report");
    }

    private static void Stages(string workbook, int iterations)
    {
        var stages = new StageBenchmarks.Stages(workbook);
        var times = new double[4];
        for (var i = -2; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            var data = stages.Read();
            var read = watch.Elapsed.TotalMilliseconds;
            var analysis = stages.Compute(data);
            var compute = watch.Elapsed.TotalMilliseconds;
            var document = stages.Render(analysis);
            var render = watch.Elapsed.TotalMilliseconds;
            stages.Write(document);
            var write = watch.Elapsed.TotalMilliseconds;
            if (i >= 0)
            {
                times[0] += read;
                times[1] += compute - read;
                times[2] += render - compute;
                times[3] += write - render;
            }
        }

        // What each stage's result keeps alive, measured once more with full collections in between.
        var live = new List<string>();
        void Live(string stage) => live.Add($"{stage} {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0} MB");
        Live("start");
        var kept = stages.Read();
        Live("workbook");
        var keptAnalysis = stages.Compute(kept);
        Live("+analysis");
        var keptDocument = stages.Render(keptAnalysis);
        Live("+document");
        stages.Write(keptDocument);
        GC.KeepAlive(kept);
        GC.KeepAlive(keptAnalysis);
        GC.KeepAlive(keptDocument);
        Console.WriteLine($"live heap: {string.Join(", ", live)}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB");
        Console.WriteLine($"{Path.GetFileName(workbook)}, mean of {iterations} after 2 warm-up runs (ms):");
        Console.WriteLine($"  read {times[0] / iterations:0.00}  compute {times[1] / iterations:0.00}  render {times[2] / iterations:0.00}  write {times[3] / iterations:0.00}");
    }
}
