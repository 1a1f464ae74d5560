using ReportGen.Output;

namespace ReportGen;

/// <summary>What <c>generate</c> is asked to do: which workbook, which template, where to write, which styles.</summary>
public sealed record GenerateRequest(
    string WorkbookPath,
    string Template,
    string TemplatesDirectory,
    string? OutputPath,
    string? StyleReference)
{
    /// <summary>Page and fonts; GB/T 9704 unless the user changed fonts.</summary>
    public DocxLayout Layout { get; init; } = DocxLayout.Default;

    /// <summary>
    /// Set by a batch, which checks every output against every input and removes stale temp files once for all
    /// (<see cref="Batch.BatchOutputs"/>); a single report checks its own (<see cref="OutputGuard"/>).
    /// </summary>
    public bool OutputChecked { get; init; }

    /// <summary>
    /// Set by a batch: the template read once for all its reports (<see cref="Rendering.TemplateRenderer.Prepare"/>),
    /// which <see cref="Template"/> names; null for a single report, which reads it itself.
    /// </summary>
    internal Rendering.ParsedTemplate? Prepared { get; init; }

    /// <summary>
    /// <c>--force</c>: replace the report even when it was edited after ReportGen wrote it; otherwise such a report is
    /// refused (<see cref="Output.ReportStampReader.RefuseEdited"/>).
    /// </summary>
    public bool Force { get; init; }

    /// <summary><c>generate --text</c>: render the narrative only, whatever the checks found, and write nothing.</summary>
    public bool TextOnly { get; init; }

    /// <summary>Converts the written report to PDF (<c>--pdf</c>); null for .docx only.</summary>
    public PdfConverter? Pdf { get; init; }

    /// <summary>
    /// <c>--xlsx</c>: also write the attached tables as one workbook beside the report
    /// (<see cref="TablesWorkbookWriter.PathFor"/>).
    /// </summary>
    public bool Xlsx { get; init; }

    /// <summary>Where the PDF goes (<c>-o 报告.pdf</c>); null for beside the .docx, with its name.</summary>
    public string? PdfPath { get; init; }

    /// <summary>Where the report goes when no -o is given: ./out/{部门}{年度}年度部门整体支出绩效自评报告.docx.</summary>
    public static string DefaultOutputPath(string department, int year) =>
        Path.Combine("out", $"{department}{year}年度部门整体支出绩效自评报告.docx");
}
