using Microsoft.AspNetCore.Http;

namespace ReportGen.Cli.Serve;

/// <summary>One kind of file 生成 returns: its id (the query flag that asks for it), its label, whether this machine can make it.</summary>
internal sealed record ReportOutput(string Id, string Label, bool Available, string? Note = null);

/// <summary>
/// The files 生成 offers. <c>/api/info</c> lists them and the page shows one button for each, so a new output is
/// added here and in <see cref="WorkbenchEndpoints"/>' generate handler only. The tables workbook of
/// <c>generate --xlsx</c> is meant to join as the third: <c>Xlsx = new("xlsx", "附表工作簿（.xlsx）", true)</c> in
/// <see cref="All"/>, asked for with <c>?xlsx=1</c>, its flag set on the <see cref="GenerateRequest"/> and its file
/// returned like the PDF.
/// </summary>
internal static class ReportOutputs
{
    public static readonly ReportOutput Docx = new("docx", "Word 报告（.docx）", true);

    public static readonly ReportOutput Pdf = new("pdf", "PDF", true);

    public static IReadOnlyList<ReportOutput> All(Func<string?> locateLibreOffice) =>
    [
        Docx,
        locateLibreOffice() is null
            ? Pdf with { Available = false, Note = "本机未安装 LibreOffice，无法生成 PDF；可生成 Word 报告后用 Word 或 WPS 另存为 PDF。" }
            : Pdf,
    ];

    /// <summary>The output a generate request asks for: <c>?pdf=1</c> the PDF, otherwise the .docx.</summary>
    public static ReportOutput Requested(IQueryCollection query) => Flag(query, Pdf.Id) ? Pdf : Docx;

    private static bool Flag(IQueryCollection query, string name) =>
        query[name].ToString() is "1" or "true" or "yes";
}
