using System.Text;
using ReportGen.Analysis;
using ReportGen.Output;
using ReportGen.Rendering;

namespace ReportGen;

/// <summary>The formats of <c>preview</c>: the variance table on a terminal or as text, CSV, JSON, Markdown, the whole report as HTML.</summary>
public enum PreviewFormat
{
    Table,
    Csv,
    Json,
    Markdown,
    Html,
}

/// <summary>What <c>preview</c> is asked to show: which workbook, in which format, to the screen or into a file.</summary>
/// <param name="OutputPath">The file to write; null for the screen.</param>
/// <param name="Template">The outline an <see cref="PreviewFormat.Html"/> preview renders.</param>
public sealed record PreviewRequest(string WorkbookPath, PreviewFormat Format, string? OutputPath, string Template, string TemplatesDirectory);

/// <summary>What <c>preview</c> made: the analysis, and the text, unless it is the table on the screen (the caller draws it).</summary>
public sealed record PreviewResult(DepartmentAnalysis Analysis, string? Text, string? WrittenPath);

/// <summary>
/// The <c>preview</c> job: the workbook analysed, the preview made in its format and, with an output path, written as
/// every output is (docs/errors.md): checked against the inputs it reads (the workbook, an HTML preview's template)
/// before anything is read, and through <see cref="AtomicFile"/>, so it is never half-written.
/// </summary>
public static class PreviewJob
{
    /// <param name="table">
    /// The variance table as plain text (it is laid out by the command line); called for <see cref="PreviewFormat.Table"/>
    /// when the preview goes into a file.
    /// </param>
    public static PreviewResult Run(PreviewRequest request, Func<DepartmentAnalysis, string> table)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(table);
        var html = request.Format == PreviewFormat.Html;

        // The html preview reads the template too: bounded, and never to be overwritten.
        var templateFiles = html ? TemplateFiles.Check(request.Template, request.TemplatesDirectory) : [];
        var path = request.OutputPath;
        if (path is not null)
        {
            new OutputGuard([request.WorkbookPath, .. templateFiles]).CheckFile(path);
        }

        var analysis = GenerateJob.Analyze(request.WorkbookPath);
        var text = request.Format switch
        {
            PreviewFormat.Json => VariancePreviewRenderer.ToJson(analysis),
            PreviewFormat.Csv => VariancePreviewRenderer.ToCsv(analysis),
            PreviewFormat.Markdown => VariancePreviewRenderer.ToMarkdown(analysis),
            PreviewFormat.Html => Html(analysis, templateFiles[0]),
            _ => path is null ? null : table(analysis),
        };
        if (path is null)
        {
            return new PreviewResult(analysis, text, null);
        }

        // UTF-8 with BOM for CSV so that Excel on Windows opens the Chinese correctly.
        _ = AtomicFile.RemoveStale(Path.GetDirectoryName(Path.GetFullPath(path))!, path);
        var encoding = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? new UTF8Encoding(true) : new UTF8Encoding(false);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(encoding.GetPreamble());
            stream.Write(encoding.GetBytes(text!));
        });
        return new PreviewResult(analysis, text, path);
    }

    /// <summary>The whole report as a web page, its findings including the missing items only this template has (RG200).</summary>
    public static string Html(DepartmentAnalysis analysis, string templatePath)
    {
        var (checkedAnalysis, document) = GenerateJob.Render(analysis, templatePath);
        return HtmlPreviewRenderer.Render(checkedAnalysis, document);
    }
}
