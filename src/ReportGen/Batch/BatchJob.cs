using System.Diagnostics;
using ReportGen.Model;

namespace ReportGen.Batch;

/// <summary>What <c>batch</c> did: every workbook's row, and the summary files written.</summary>
public sealed record BatchResult(BatchSummary Summary, IReadOnlyList<string> SummaryFiles);

/// <summary>
/// The <c>batch</c> job (docs/architecture.md): find the workbooks, run the <see cref="GenerateJob"/> over them in
/// parallel, write the summary. It streams: each worker analyses, renders and writes one department, keeps only its
/// <see cref="DepartmentSummary"/>, and drops the document before taking the next, so memory follows the number of
/// workers, not of departments. One workbook's failure becomes its row (<see cref="JobFailure.OfWorkbook"/>); the
/// others go on.
/// </summary>
public static class BatchJob
{
    public static BatchResult Run(BatchRequest request)
    {
        var items = WorkbookFinder.Find(request.InputFolder, request.OutputFolder);
        if (items.Count == 0)
        {
            throw new InputException($"文件夹“{request.InputFolder}”中没有找到工作簿（.xlsx、.xls，或含“基本信息.csv”“预算执行.csv”等的文件夹）。");
        }

        request.Found?.Invoke(items.Count);
        var summary = GenerateAll(request, items);
        var files = SummaryWriter.Write(summary, request.OutputFolder);
        return new BatchResult(summary, files);
    }

    /// <summary>
    /// The parallel stage: a report for each of <paramref name="items"/> (see <see cref="WorkbookFinder.Find"/>),
    /// <see cref="BatchRequest.Completed"/> called from worker threads as each is done. A cancelled
    /// <see cref="BatchRequest.Cancellation"/> stops the batch: no new workbook is started, those under way finish (a
    /// report is written whole through <see cref="Output.AtomicFile"/> or not at all), and the rest are returned as
    /// <see cref="BatchStatus.Cancelled"/>.
    /// </summary>
    public static BatchSummary GenerateAll(BatchRequest request, IReadOnlyList<BatchItem> items)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Jobs, 1);
        var stopwatch = Stopwatch.StartNew();

        BatchOutputs.Check(request, items);

        // Resolve the template once, so that a bad --template fails the batch at once rather than every workbook.
        var template = Rendering.TemplateRenderer.Resolve(request.Template, request.TemplatesDirectory);
        var prepared = Prepare(template);
        if (request.StyleReference is not null)
        {
            Output.DocxWriter.CheckStyleReference(request.StyleReference);
        }

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
                if (request.Cancellation.IsCancellationRequested)
                {
                    results[index] = DepartmentSummary.NotProcessed(items[index]);
                    continue;
                }

                results[index] = Process(request, template, prepared, items[index]);
                request.Completed?.Invoke(results[index]);
            }
        }

        var workers = Enumerable.Range(0, Math.Min(request.Jobs, Math.Max(items.Count, 1)))
            .Select(i => new Thread(Work) { Name = $"batch-{i}", IsBackground = true })
            .ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return new BatchSummary(FlagDuplicates(results), stopwatch.Elapsed);
    }

    /// <summary>
    /// Two workbooks of one department and year (a copy, an older version left beside the new one) would be
    /// ranked as two departments: each gets a warning naming the other (RG603).
    /// </summary>
    public static DepartmentSummary[] FlagDuplicates(DepartmentSummary[] results)
    {
        var groups = results
            .Select((row, index) => (Row: row, Index: index))
            .Where(entry => entry.Row.Status is BatchStatus.Rendered or BatchStatus.HasErrors && entry.Row.Year is not null
                            && TextNormalizer.Key(entry.Row.Department).Length > 0)
            .GroupBy(entry => (TextNormalizer.Key(entry.Row.Department), entry.Row.Year))
            .Where(group => group.Count() > 1);
        foreach (var group in groups)
        {
            foreach (var (row, index) in group)
            {
                var others = string.Join("、", group.Where(other => other.Index != index).Select(other => $"“{other.Row.Workbook}”"));
                var finding = new Finding(FindingCodes.BatchDuplicate, Severity.Warning, new SourceLocation(row.Workbook, null),
                    $"工作簿“{row.Workbook}”与 {others} 都是“{row.Department}”{row.Year}年度的数据，汇总会把它们算作两个部门分别排名。"
                    + "请确认哪一个是最新的，把其余的移出这个文件夹后重新运行 batch。");
                results[index] = row with { Warnings = row.Warnings + 1, Findings = [.. row.Findings, finding] };
            }
        }

        return results;
    }

    /// <summary>
    /// The template read once for every report of the batch (<see cref="Rendering.TemplateRenderer.Prepare"/>); null
    /// when it cannot be read or does not parse, so that each workbook meets the located error as it renders.
    /// </summary>
    private static Rendering.ParsedTemplate? Prepare(string template)
    {
        try
        {
            return Rendering.TemplateRenderer.Prepare(template);
        }
        catch (InputException)
        {
            return null;
        }
    }

    private static DepartmentSummary Process(BatchRequest request, string template, Rendering.ParsedTemplate? prepared, BatchItem item)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(item.ReportPath)!);
            var result = GenerateJob.Run(new GenerateRequest(item.WorkbookPath, template, request.TemplatesDirectory, item.ReportPath, request.StyleReference)
            {
                Layout = request.Layout,
                OutputChecked = true,
                Prepared = prepared,
                Pdf = request.Pdf,
                Xlsx = request.Xlsx,
            });
            return result.PdfFailure is { } failure
                ? DepartmentSummary.Failure(item, BatchStatus.Failed, failure.Message)
                : DepartmentSummary.From(item, result.Analysis, result.OutputPath);
        }
        catch (Exception ex)
        {
            // A bug must not stop the other departments; the summary carries it for the bug report.
            var failure = JobFailure.OfWorkbook(ex, item.ReportPath);
            return DepartmentSummary.Failure(item, failure.Kind == FailureKind.Input ? BatchStatus.Unreadable : BatchStatus.Failed,
                failure.Message, failure.Location);
        }
    }
}
