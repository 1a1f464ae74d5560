using System.CommandLine;

namespace ReportGen.Cli;

/// <summary>
/// <c>--pdf</c> of <c>generate</c> and <c>batch</c>: a PDF beside each .docx, converted by LibreOffice. For
/// <c>generate</c>, <c>-o 报告.pdf</c> asks for the same thing: 报告.docx and 报告.pdf side by side (README).
/// </summary>
internal static class PdfOption
{
    public static Option<bool> Create() => new("--pdf")
    {
        Description = "同时生成 PDF：与 .docx 同名、放在同一文件夹，由本机安装的 LibreOffice 转换（未安装时报错，退出码 " + ExitCodes.InputError + "）",
    };

    /// <summary>The .docx path to write and the PDF path wanted: <c>-o X.pdf</c> → X.docx and X.pdf.</summary>
    public static (string? Docx, string? Pdf, bool Wanted) Resolve(string? output, bool pdf) =>
        output is not null && Path.GetExtension(output).Equals(".pdf", StringComparison.OrdinalIgnoreCase)
            ? (Path.ChangeExtension(output, ".docx"), output, true)
            : (output, null, pdf);
}
