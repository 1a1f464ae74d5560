using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Rendering;

namespace ReportGen.Batch;

/// <summary>
/// A batch's outputs checked once before anything is written (docs/errors.md): the output folder is not a file
/// nor a folder-of-.csv workbook, no report and no summary file would overwrite an input (a workbook, a sheet
/// file, the template, the style reference), no report edited since ReportGen wrote it would be replaced, and the temp files a killed earlier run left are removed.
/// </summary>
internal static class BatchOutputs
{
    /// <exception cref="InputException">Some output would overwrite an input, or the folder cannot hold them.</exception>
    public static void Check(BatchRequest request, IReadOnlyList<BatchItem> items)
    {
        var template = TemplateFiles.Check(request.Template, request.TemplatesDirectory);
        var guard = new OutputGuard([.. items.Select(item => item.WorkbookPath), .. template, request.StyleReference]);
        guard.CheckFolder(request.OutputFolder);
        foreach (var item in items)
        {
            guard.CheckFile(item.ReportPath, named: false);
            if (request.Pdf is not null)
            {
                guard.CheckFile(PdfConverter.PdfPathFor(item.ReportPath), named: false);
            }

            if (request.Xlsx)
            {
                guard.CheckFile(TablesWorkbookWriter.PathFor(item.ReportPath), named: false);
            }
        }

        // A report edited since ReportGen wrote it is not replaced (docs/report-fields.md): all are named, nothing is written.
        if (!request.Force)
        {
            var edited = items.Where(item => ReportStampReader.Read(item.ReportPath) is { Edited: true }).Select(item => item.ReportPath).ToList();
            if (edited.Count > 0)
            {
                throw new InputException(ReportStampReader.EditedMessage(edited, edited.Count == 1 ? items.First(i => i.ReportPath == edited[0]).WorkbookPath : null),
                    new SourceLocation(edited[0], null));
            }
        }

        foreach (var name in new[] { SummaryWriter.WorkbookName, SummaryWriter.CsvName, SummaryWriter.FindingsCsvName })
        {
            guard.CheckFile(Path.Combine(request.OutputFolder, name), named: false);
        }

        _ = AtomicFile.RemoveStale(request.OutputFolder, recursive: true);
    }
}
