using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using ReportGen.Batch;
using ReportGen.Model;
using ReportGen.Output;
using Spectre.Console;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen batch 文件夹 -o 输出文件夹 [--jobs N] [--template 名称|路径] [--style 参考.docx] [--font 角色=字体]</c>: every workbook under a folder checked
/// and rendered in parallel, one report each, and a summary ranked weakest first. Exits with
/// <see cref="ExitCodes.FindingsWithErrors"/> when some workbook was not rendered, <see cref="ExitCodes.Interrupted"/>
/// when stopped with Ctrl+C.
/// </summary>
internal static class BatchCommand
{
    public static Command Create(CliRunner runner)
    {
        var folder = new Argument<string>("文件夹") { Description = "存放各部门工作簿的文件夹（含子文件夹）：.xlsx、.xls，或每个工作表一个 .csv 的文件夹" };
        var output = new Option<string>("--output", "-o") { HelpName = "文件夹", Description = "输出文件夹：每个工作簿一份同名报告（.docx），以及批量汇总.xlsx / .csv", Required = true };
        var jobs = new Option<int>("--jobs", "-j")
        {
            HelpName = "数量",
            Description = "同时处理的工作簿数（1–256），默认等于 CPU 核数",
            DefaultValueFactory = _ => Environment.ProcessorCount,
            CustomParser = ParseJobs,
        };
        var template = new Option<string>("--template", "-t") { HelpName = "名称|路径", Description = TemplateHelp.Describe(), DefaultValueFactory = _ => "default" };
        var style = GenerateCommand.StyleOption();
        var fonts = GenerateCommand.FontOption();
        var pdf = PdfOption.Create();
        var force = new Option<bool>("--force") { Description = "输出文件夹中的报告在生成后被修改过时也覆盖；不加时列出这些报告，什么也不写" };
        var xlsx = new Option<bool>("--xlsx") { Description = "同时为每份报告写出附表的 Excel 工作簿（报告名-附表.xlsx），每表一个工作表" };
        var command = new Command("batch", "批量检查并生成报告：处理文件夹中（含子文件夹）所有部门的工作簿，有错误的不生成；输出汇总表（最弱的部门排在最前）。有工作簿未生成时退出码为 " + ExitCodes.FindingsWithErrors + "。")
        {
            folder, output, jobs, template, style, fonts, pdf, xlsx, force,
        };
        command.SetAction(parse => runner.Run(parse, () =>
        {
            using var stop = new CancellationTokenSource();
            using var signals = StopOnSignals(stop, runner);
            var request = new BatchRequest(parse.GetValue(folder)!, parse.GetValue(output)!, parse.GetValue(template)!, Bundled.TemplatesDirectory)
            {
                Jobs = parse.GetValue(jobs),
                StyleReference = parse.GetValue(style),
                Layout = FontOptions.Apply(DocxLayout.Default, parse.GetValue(fonts) ?? []),
                Pdf = parse.GetValue(pdf) ? PdfConverter.Create(runner.LocateLibreOffice) : null,
                Xlsx = parse.GetValue(xlsx),
                Cancellation = stop.Token,
                Force = parse.GetValue(force),
            };
            if (request.Pdf is not null && FontCheck.Warning(FontCheck.Check(request.Layout)) is { } missingFonts)
            {
                runner.Error.WriteLine(missingFonts);
            }

            var result = runner.IsTerminal ? RunWithBar(runner, request) : RunWithLines(runner, request);
            return Report(runner, result);
        }));
        return command;
    }

    /// <summary>The most workbooks processed at once: one thread each, so an absurd number is a typing mistake.</summary>
    public const int MaxJobs = 256;

    /// <summary>
    /// --jobs as a whole number from 1 to <see cref="MaxJobs"/>; anything else (abc, 1.5, 99999999999) is a usage
    /// error in Chinese. System.CommandLine's own int parsing would leave the value unset and a validator reading
    /// it would throw.
    /// </summary>
    private static int ParseJobs(System.CommandLine.Parsing.ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value is >= 1 and <= MaxJobs)
        {
            return value;
        }

        result.AddError($"--jobs 的值“{token}”无效：必须是 1 到 {MaxJobs} 之间的整数。");
        return 0;
    }

    /// <summary>
    /// The first Ctrl+C (or SIGTERM) stops the batch cleanly: workbooks under way finish, no new one starts. A
    /// second Ctrl+C is left to the default handler and ends the process at once.
    /// </summary>
    private static IDisposable StopOnSignals(CancellationTokenSource stop, CliRunner runner)
    {
        void Handle(PosixSignalContext context)
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            context.Cancel = true;
            runner.Error.WriteLine("正在停止：等待处理中的工作簿完成（已生成的报告均完整）……再按一次 Ctrl+C 立即退出。");
            stop.Cancel();
        }

        return new Registrations(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));
    }

    private sealed class Registrations(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }

    /// <summary>
    /// A terminal: a progress bar, shown once the workbooks are found (a folder without any shows only the error).
    /// The bar runs on a thread of its own while the job runs on this one.
    /// </summary>
    private static BatchResult RunWithBar(CliRunner runner, BatchRequest request)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(runner.Output) });
        using var shown = new ManualResetEventSlim();
        using var finished = new ManualResetEventSlim();
        ProgressTask? task = null;
        Thread? display = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? displayFailure = null;
        void Show(int count)
        {
            try
            {
                console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(context =>
                    {
                        task = context.AddTask($"生成报告（{count} 个工作簿，{request.Jobs} 路并行）", maxValue: count);
                        shown.Set();
                        finished.Wait();
                    });
            }
            catch (Exception ex)
            {
                displayFailure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                shown.Set();
            }
        }

        BatchResult result;
        try
        {
            result = BatchJob.Run(request with
            {
                Found = count =>
                {
                    display = new Thread(() => Show(count)) { Name = "batch-progress", IsBackground = true };
                    display.Start();
                    shown.Wait();
                },
                Completed = _ => task?.Increment(1),
            });
        }
        finally
        {
            finished.Set();
            display?.Join();
        }

        displayFailure?.Throw();
        return result;
    }

    /// <summary>Redirected output (a log, CI): one plain line per workbook as it completes.</summary>
    private static BatchResult RunWithLines(CliRunner runner, BatchRequest request)
    {
        var done = 0;
        var total = 0;
        var gate = new object();
        return BatchJob.Run(request with
        {
            Found = count => total = count,
            Completed = department =>
            {
                lock (gate)
                {
                    done++;
                    var width = total.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
                    var position = $"[{done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{total}]";
                    runner.Output.WriteLine($"{position} {DepartmentSummary.StatusName(department.Status)} {department.Workbook}");
                }
            },
        });
    }

    private static int Report(CliRunner runner, BatchResult result)
    {
        var (summary, files) = (result.Summary, result.SummaryFiles);
        foreach (var department in summary.Departments.Where(d => d.Status is BatchStatus.Unreadable or BatchStatus.Failed or BatchStatus.HasErrors))
        {
            var errors = department.Findings.Errors().ToList();
            runner.Error.WriteLine($"未生成 {department.Workbook}：{(department.Message ?? $"{errors.Count} 个错误")}");
            foreach (var finding in errors.Take(3).Where(_ => department.Message is null))
            {
                runner.Error.WriteLine($"  {finding.Line}");
            }

            if (department.Message is null && errors.Count > 3)
            {
                runner.Error.WriteLine($"  ……另有 {errors.Count - 3} 个错误，见 {SummaryWriter.FindingsCsvName}");
            }
        }

        var rendered = summary.Count(BatchStatus.Rendered);
        var failed = summary.Count(BatchStatus.Unreadable) + summary.Count(BatchStatus.Failed);
        runner.Output.WriteLine(
            $"共 {summary.Departments.Count} 个工作簿：已生成 {rendered} 份报告，{summary.Count(BatchStatus.HasErrors)} 个有错误未生成，{failed} 个无法处理；用时 {summary.Elapsed.TotalSeconds:0.0} 秒。");
        runner.Output.WriteLine($"汇总（最弱的部门排在最前）：{string.Join("、", files)}");
        if (summary.Cancelled)
        {
            runner.Output.WriteLine($"已中断：{summary.Count(BatchStatus.Cancelled)} 个工作簿未处理，已生成的报告均完整。重新运行即可补齐。");
            return ExitCodes.Interrupted;
        }

        return summary.AnyFailed ? ExitCodes.FindingsWithErrors : ExitCodes.Ok;
    }
}
