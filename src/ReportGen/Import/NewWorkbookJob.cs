using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Import;

/// <summary>What <c>new</c> is asked to make: the workbook's path and what goes into its 基本信息.</summary>
/// <param name="GuidePath">The installed clerk's guide the 填写说明 sheet points to; null when it is missing.</param>
public sealed record NewWorkbookRequest(string TargetPath, string? Department, int? Year, string Unit, string? GuidePath);

/// <summary>
/// The <c>new</c> job: a ready-to-fill workbook (<see cref="WorkbookLayout"/>) written as every output is
/// (docs/errors.md): a path checked by <see cref="OutputGuard"/>, never over an existing file, through
/// <see cref="AtomicFile"/>, so a full disk leaves no half-written workbook and is told as the file system's
/// failure, not the input's.
/// </summary>
public static class NewWorkbookJob
{
    /// <exception cref="InputException">The year or the path cannot be used, or the file exists.</exception>
    /// <exception cref="IOException">The file system refused the write (a full disk).</exception>
    public static void Run(NewWorkbookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Year is { } year && year is < 1900 or > 2099)
        {
            // The year must be one the workbook reader takes (a four-digit 19xx or 20xx), as generate requires.
            throw new InputException($"--year {year} 不是一个评价年度。请填写四位年份，如 --year 2024。");
        }

        var target = request.TargetPath;
        var name = Path.GetFileName(target);
        if (!string.Equals(Path.GetExtension(target), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"新建的工作簿“{name}”必须是 .xlsx 文件，例如 reportgen new {Path.GetFileNameWithoutExtension(name)}.xlsx。");
        }

        // The same checks as every output: a name Windows can hold, not a device or a folder.
        new OutputGuard([]).CheckFile(target);
        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new InputException($"“{target}”已经存在，reportgen new 不会覆盖它。请换一个文件名；要把目标表导入已有工作簿，用 reportgen import … --into {name}。");
        }

        var sheets = WorkbookLayout.New(request.Department, request.Year, request.Unit, request.GuidePath);
        try
        {
            AtomicFile.Write(target, stream => XlsxWriter.Write(stream, sheets));
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new InputException($"无法新建“{target}”：文件夹不存在。", new SourceLocation(target, null), ex);
        }
    }
}
