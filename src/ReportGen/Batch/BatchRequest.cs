using ReportGen.Output;

namespace ReportGen.Batch;

/// <summary>What <c>batch</c> is asked to do: every workbook under a folder, reports and summary into another.</summary>
public sealed record BatchRequest(
    string InputFolder,
    string OutputFolder,
    string Template,
    string TemplatesDirectory)
{
    /// <summary>Workbooks processed at once; all cores by default.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary><c>--style</c>: a reference .docx whose styles every report takes (as <c>generate --style</c>).</summary>
    public string? StyleReference { get; init; }

    /// <summary><c>--force</c>: replace reports edited since ReportGen wrote them (otherwise the batch refuses to start).</summary>
    public bool Force { get; init; }

    /// <summary>Page and fonts of every report; <c>--font</c> changes the fonts (as <c>generate --font</c>).</summary>
    public DocxLayout Layout { get; init; } = DocxLayout.Default;

    /// <summary>Converts each report to a PDF beside it (<c>batch --pdf</c>); null for .docx only.</summary>
    public PdfConverter? Pdf { get; init; }

    /// <summary>Writes each report's tables workbook beside it (<c>batch --xlsx</c>).</summary>
    public bool Xlsx { get; init; }

    /// <summary>Called once the workbooks are found, with their number (a progress bar's length).</summary>
    public Action<int>? Found { get; init; }

    /// <summary>Called once per workbook, from worker threads, as soon as it is done.</summary>
    public Action<DepartmentSummary>? Completed { get; init; }

    /// <summary>Stops the batch: workbooks under way finish, no new one starts (<see cref="BatchJob.GenerateAll"/>).</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>One workbook found under the input folder and the report it will become.</summary>
/// <param name="WorkbookPath">The .xlsx / .xls file or the folder of .csv sheets.</param>
/// <param name="Name">The workbook's path relative to the input folder, as the summary shows it.</param>
/// <param name="ReportPath">Where its report goes: the same relative folder under the output folder.</param>
public sealed record BatchItem(string WorkbookPath, string Name, string ReportPath);
