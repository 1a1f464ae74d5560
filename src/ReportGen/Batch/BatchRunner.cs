using ReportGen.Model;
using System.Diagnostics;
using ReportGen.Rendering;

namespace ReportGen.Batch;

/// <summary>
/// Runs <see cref="ReportPipeline.Generate"/> over many workbooks in parallel. It streams: each worker
/// analyses, renders and writes one department, keeps only its <see cref="DepartmentSummary"/>, and drops the
/// document before taking the next, so memory follows the number of workers, not of departments. One workbook's
/// failure is caught and becomes its row; the others go on.
/// </summary>
public static class BatchRunner
{
    /// <summary>Processes <paramref name="items"/> (see <see cref="WorkbookFinder.Find"/>).</summary>
    /// <param name="completed">Called once per workbook, from worker threads, as soon as it is done.</param>
    /// <param name="cancellation">
    /// Stops the batch: no new workbook is started, those under way finish (a report is written whole through
    /// <see cref="Output.AtomicFile"/> or not at all), and the rest are returned as <see cref="BatchStatus.Cancelled"/>.
    /// </param>
    public static BatchSummary Run(
        BatchRequest request,
        IReadOnlyList<BatchItem> items,
        Action<DepartmentSummary>? completed = null,
        CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Jobs, 1);
        var stopwatch = Stopwatch.StartNew();

        BatchOutputs.Check(request, items);

        // Resolve the template once, so that a bad --template fails the batch at once rather than every workbook.
        var template = Rendering.TemplateRenderer.Resolve(request.Template, request.TemplatesDirectory);
        Directory.CreateDirectory(request.OutputFolder);
        var results = new DepartmentSummary[items.Count];
        var next = -1;

        // Plain threads pulling the next index: no work is queued ahead, and a cancelled token simply stops the
        // pulling (Parallel.ForEach would throw OperationCanceledException and lose the finished rows).
        void Work()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < items.Count)
            {
                if (cancellation.IsCancellationRequested)
                {
                    results[index] = DepartmentSummary.NotProcessed(items[index]);
                    continue;
                }

                results[index] = Process(request, template, items[index]);
                completed?.Invoke(results[index]);
            }
        }

        var workers = Enumerable.Range(0, Math.Min(request.Jobs, Math.Max(items.Count, 1)))
            .Select(i => new Thread(Work) { Name = $"batch-{i}", IsBackground = true })
            .ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return new BatchSummary(results, stopwatch.Elapsed);
    }

    /// <summary>The PDF beside the report; the failure's message, or null when it was written.</summary>
    private static string? ConvertToPdf(Output.PdfConverter pdf, string docx)
    {
        try
        {
            pdf.Convert(docx, Output.PdfConverter.PdfPathFor(docx));
            return null;
        }
        catch (InputException ex)
        {
            return ex.Message;
        }
    }

    private static DepartmentSummary Process(BatchRequest request, string template, BatchItem item)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(item.ReportPath)!);
            var result = ReportPipeline.Generate(new ReportRequest(item.WorkbookPath, template, request.TemplatesDirectory, item.ReportPath, request.StyleReference)
            {
                Culture = request.Culture,
                Layout = request.Layout,
                OutputChecked = true,
            });
            if (request.Pdf is { } pdf && result.OutputPath is { } docx && ConvertToPdf(pdf, docx) is { } failure)
            {
                return DepartmentSummary.Failure(item, BatchStatus.Failed, failure);
            }

            return DepartmentSummary.From(item, result.Analysis, result.OutputPath);
        }
        catch (InputException ex)
        {
            return DepartmentSummary.Failure(item, BatchStatus.Unreadable, ex.Message,
                ex.Location == Model.SourceLocation.None ? null : ex.Location);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DepartmentSummary.Failure(item, BatchStatus.Failed, Output.FileErrors.Describe(ex, item.ReportPath));
        }
        catch (Exception ex)
        {
            // A bug must not stop the other departments; the summary carries it for the bug report.
            return DepartmentSummary.Failure(item, BatchStatus.Failed,
                $"内部错误：处理该工作簿时 ReportGen 遇到了意外问题（{ex.GetType().Name}），输入文件未被修改。请将该工作簿反馈给开发者。");
        }
    }
}
