using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Input.Forms;

/// <summary>Inputs of <c>reportgen import</c>: the form files, the workbook to fill, and whether to write it.</summary>
public sealed record ImportRequest(IReadOnlyList<string> FormPaths, string TargetPath, bool DryRun = false);

/// <summary>What an import recognised, checked and (unless a dry run, or nothing changed) wrote.</summary>
public sealed record ImportResult(
    ImportRequest Request,
    FormSet Forms,
    ImportContent Content,
    IReadOnlyList<Finding> Findings,
    MergeResult Merge,
    bool TargetExisted,
    bool Written)
{
    public bool HasErrors => Findings.Any(finding => finding.Severity == Severity.Error);

    /// <summary>Everything skipped: by the readers, by consolidation, by the merge.</summary>
    public IEnumerable<SkippedItem> Skipped => Content.Skipped.Concat(Merge.Skipped);
}

/// <summary>
/// <c>reportgen import</c>: read the forms, check them, merge them into the target workbook and write it
/// atomically (a temporary file beside the target, then a rename over it). Form files are only ever read.
/// The workbook is written even when the checks find errors: the forms say what they say, and the findings tell
/// the user what to correct in them.
/// </summary>
public static class FormImporter
{
    public static ImportResult Run(ImportRequest request)
    {
        if (request.FormPaths.Count == 0)
        {
            throw new InputException("没有指定要导入的绩效目标表文件。");
        }

        var targetExtension = Path.GetExtension(request.TargetPath).ToLowerInvariant();
        if (targetExtension != ".xlsx")
        {
            throw new InputException($"目标工作簿“{Path.GetFileName(request.TargetPath)}”必须是 .xlsx 文件（导入只写 .xlsx；.xls 请先用 Excel 另存为 .xlsx）。");
        }

        // The target is read and rewritten on purpose; no form may be it (docs/errors.md).
        new OutputGuard(request.FormPaths).CheckFile(request.TargetPath);

        var forms = TargetFormReader.Read(request.FormPaths);
        if (forms.Forms.Count == 0)
        {
            var reasons = string.Join("；", forms.Skipped.Select(item => $"{TargetFormReader.Describe(item.Location)}：{item.Reason}"));
            throw new InputException($"在输入文件中没有识别出任何绩效目标表（附表1、汇总表、附表3、项目绩效目标表）。{reasons}");
        }

        var content = ImportContent.From(forms);
        var findings = FormImportValidator.Validate(forms, content);
        var existed = File.Exists(request.TargetPath);
        var existing = existed ? WorkbookLoader.Load(request.TargetPath) : null;
        var merge = TargetWorkbookMerger.Merge(existing, content);
        var write = !request.DryRun && merge.Changed;
        if (write)
        {
            _ = AtomicFile.RemoveStale(Path.GetDirectoryName(Path.GetFullPath(request.TargetPath))!, request.TargetPath);
            WriteAtomically(request.TargetPath, merge.Sheets);
        }

        return new ImportResult(request, forms, content, findings, merge, existed, write);
    }

    private static void WriteAtomically(string target, IReadOnlyList<XlsxSheet> sheets)
    {
        try
        {
            AtomicFile.Write(target, stream => XlsxWriter.Write(stream, sheets));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"无法写入目标工作簿：{FileErrors.Describe(ex, target)}", null, ex);
        }
    }
}
