using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Import;

/// <summary>
/// Inputs of <c>reportgen import</c>: the form files, the workbook to fill, whether to write it, and where the
/// clerk's guide is installed (named in the 填写说明 sheet of a new workbook).
/// </summary>
/// <param name="Force">Import forms whose department or year differs from the workbook's (ImportIdentityCheck).</param>
public sealed record ImportRequest(IReadOnlyList<string> FormPaths, string TargetPath, bool DryRun = false, string? GuidePath = null, bool Force = false);

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
    public bool HasErrors => Findings.HasErrors();

    /// <summary>Everything skipped: by the readers, by consolidation, by the merge.</summary>
    public IEnumerable<SkippedItem> Skipped => Content.Skipped.Concat(Merge.Skipped)
        .Concat(FormulaCells.Select(cell => new SkippedItem(cell, "这个格是公式，导入没有改写它；请核对公式的结果是否与目标表一致")));

    /// <summary>Cells of an existing workbook the import would have set but left alone, since they hold a formula.</summary>
    public IReadOnlyList<SourceLocation> FormulaCells { get; init; } = [];
}

/// <summary>
/// The <c>import</c> job (docs/architecture.md): read the forms, check them, merge them into the target workbook
/// and write it atomically (a temporary file beside the target, then a rename over it). Form files are only ever
/// read. The workbook is written even when the checks find errors: the forms say what they say, and the findings
/// tell the user what to correct in them.
/// </summary>
public static class ImportJob
{
    public static ImportResult Run(ImportRequest request)
    {
        if (request.FormPaths.Count == 0)
        {
            throw new InputException("没有指定要导入的绩效目标表文件。");
        }

        CheckTarget(request.TargetPath);

        // The target is read and rewritten on purpose; no form may be it (docs/errors.md).
        new OutputGuard(request.FormPaths).CheckFile(request.TargetPath);

        // --into a symbolic link updates the workbook it points to; the link stays a link.
        var target = FollowLink(request.TargetPath);
        if (!request.DryRun && File.Exists(target))
        {
            TargetLock.RefuseOpenElsewhere(target);
        }

        var forms = TargetFormReader.Read(request.FormPaths);
        if (forms.Forms.Count == 0)
        {
            var reasons = string.Join("；", forms.Skipped.Select(item => $"{TargetFormReader.Describe(item.Location)}：{item.Reason}"));
            throw new InputException($"在输入文件中没有识别出任何绩效目标表（附表1、汇总表、附表3、项目绩效目标表）。{reasons}");
        }

        var content = ImportContent.From(forms);
        ImportIdentityCheck.CheckForms(forms);
        var findings = FormImportValidator.Validate(forms, content);
        // One writer at a time: a second import waits and then reads what the first wrote (TargetLock).
        using var writerLock = request.DryRun ? null : TargetLock.Acquire(target);
        var existed = File.Exists(target);
        var existing = existed ? WorkbookLoader.Load(target) : null;
        if (existing is not null)
        {
            ImportIdentityCheck.CheckTarget(existing, content, request.Force);
        }

        var merge = TargetWorkbookMerger.Merge(existing, content, request.GuidePath);
        if (!existed)
        {
            var write = !request.DryRun && merge.Changed;
            if (write)
            {
                WriteAtomically(target, stream => XlsxWriter.Write(stream, merge.Sheets));
            }

            return new ImportResult(request, forms, content, findings, merge, existed, write);
        }

        // An existing workbook is edited in place: the cells the merge set, nothing else (WorkbookPatcher).
        var patch = merge.Changed ? Patch(target, merge) : new PatchResult(null, []);
        var written = !request.DryRun && patch.Package is not null;
        if (written)
        {
            WriteAtomically(target, stream => stream.Write(patch.Package));
        }

        return new ImportResult(request, forms, content, findings, merge, existed, written) { FormulaCells = patch.FormulaCells };
    }

    /// <summary>
    /// The import writes only .xlsx. An .xls workbook or a folder of CSV files is never overwritten (it would lose
    /// its format, or become something else): the message suggests a new .xlsx beside it.
    /// </summary>
    private static void CheckTarget(string target)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(target));
        var suggestion = Path.GetFileNameWithoutExtension(name) + ".xlsx";
        if (Directory.Exists(target))
        {
            throw new InputException(
                $"目标“{name}”是一个文件夹（CSV 工作簿），导入不会改写它。请用 --into 指定一个新的 .xlsx 文件，例如 --into {suggestion}，"
                + "导入后把各 CSV 中已填写的内容复制到对应的工作表。");
        }

        var extension = Path.GetExtension(target).ToLowerInvariant();
        if (extension == ".xlsx")
        {
            return;
        }

        throw new InputException(extension is ".xls" or ".xlsm" or ".csv" or ".et"
            ? $"目标工作簿“{name}”是 {extension} 文件，导入只写 .xlsx，不会覆盖它。请用 --into 指定一个新的 .xlsx 文件，例如 --into {suggestion}"
              + $"（或先在 Excel / WPS 中把“{name}”另存为 .xlsx，再导入到那个文件）。"
            : $"目标工作簿“{name}”必须是 .xlsx 文件。请用 --into 指定一个 .xlsx 文件，例如 --into {suggestion}。");
    }

    /// <summary>
    /// The file a symbolic link at <paramref name="path"/> finally points to (the atomic rename would otherwise
    /// replace the link with a regular file and leave the linked workbook as it was); a dangling link is refused.
    /// </summary>
    internal static string FollowLink(string path)
    {
        string? link;
        try
        {
            link = new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            link = null;
        }

        if (link is null)
        {
            return path;
        }

        FileSystemInfo? final;
        try
        {
            final = File.ResolveLinkTarget(path, returnFinalTarget: true);
        }
        catch (IOException ex)
        {
            throw new InputException($"--into 的“{Path.GetFileName(path)}”是一个符号链接，但无法解析它指向的文件（可能是循环链接），导入没有写入任何内容。", new SourceLocation(path, null), ex);
        }

        if (final is null)
        {
            return path;
        }

        if (!final.Exists)
        {
            throw new InputException(
                $"--into 的“{Path.GetFileName(path)}”是一个符号链接，指向的“{final.FullName}”不存在，导入没有写入任何内容。"
                + "请用 --into 直接指定工作簿文件。", new SourceLocation(path, null));
        }

        CheckTarget(final.FullName);
        return final.FullName;
    }

    private static PatchResult Patch(string target, MergeResult merge)
    {
        try
        {
            return WorkbookPatcher.Apply(ReadTarget(target), merge.Edited, target);
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException
                                       or System.Xml.XmlException or InvalidOperationException or FormatException
                                       or IOException)
        {
            throw new InputException(
                $"目标工作簿“{Path.GetFileName(target)}”的文件结构无法按部件编辑，导入没有改动它。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试，"
                + "或用 --into 指定一个新的 .xlsx 文件。", new SourceLocation(target, null), ex);
        }
    }

    private static byte[] ReadTarget(string target)
    {
        try
        {
            return File.ReadAllBytes(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw InputException.FileSystem($"无法读取目标工作簿：{FileErrors.Describe(ex, target)}", ex);
        }
    }

    private static void WriteAtomically(string target, Action<Stream> write)
    {
        _ = AtomicFile.RemoveStale(Path.GetDirectoryName(Path.GetFullPath(target))!, target);
        try
        {
            AtomicFile.Write(target, write);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw InputException.FileSystem($"无法写入目标工作簿：{FileErrors.Describe(ex, target)}", ex);
        }
    }
}
