using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Output;

/// <summary>
/// A file-system failure as one Chinese sentence naming the file (docs/errors.md, "Exit 2: output"). .NET's own
/// messages are English ("No space left on device", "The file … already exists"), so each common cause is named
/// here; the system's text never reaches the user (<c>--verbose</c> shows it).
/// </summary>
internal static partial class FileErrors
{
    // Unix errno values .NET passes through as HResult, and the Windows HRESULTs for the same failures.
    private const int NoSpaceErrno = 28, ReadOnlyFileSystemErrno = 30, NameTooLongErrno = 36, ExistsErrno = 17,
        NotDirectoryErrno = 20, IsDirectoryErrno = 21, BusyErrno = 16, NoEntryErrno = 2, PermissionErrno = 13;

    private const int WindowsDiskFull = unchecked((int)0x80070070), WindowsHandleDiskFull = unchecked((int)0x80070027),
        WindowsSharingViolation = unchecked((int)0x80070020), WindowsLockViolation = unchecked((int)0x80070021),
        WindowsFileExists = unchecked((int)0x80070050), WindowsAlreadyExists = unchecked((int)0x800700B7),
        WindowsPathTooLong = unchecked((int)0x800700CE);

    /// <param name="path">The file concerned; when null, the path .NET quoted in its message, if any.</param>
    public static string Describe(Exception ex, string? path = null)
    {
        if (ex is InputException)
        {
            return ex.Message;
        }

        path = AtomicFile.TargetOf(path ?? QuotedPath(ex.Message));
        var file = path is null ? "" : $"“{path}”";
        var code = ex.HResult;
        return ex switch
        {
            IOException { HResult: NoSpaceErrno or WindowsDiskFull or WindowsHandleDiskFull } =>
                $"磁盘空间不足，文件没有写完；原有文件保持不变，也没有留下临时文件（{path ?? "输出文件"}）。请清理磁盘空间或换一个输出位置后重试。",
            IOException { HResult: ReadOnlyFileSystemErrno } =>
                $"输出位置是只读的（只读磁盘或只读共享文件夹），无法写入{file}。请换一个输出位置后重试。",
            PathTooLongException or IOException { HResult: NameTooLongErrno or WindowsPathTooLong } =>
                $"路径太长，无法读写{file}（文件名超过 255 字节，或整个路径超过系统上限）。请用较短的文件名或文件夹。",
            IOException { HResult: ExistsErrno or WindowsFileExists or WindowsAlreadyExists } =>
                $"{file}已经存在，而且它是一个文件，不能当作文件夹使用。请换一个路径。",
            IOException { HResult: NotDirectoryErrno } =>
                $"路径{file}中的某一级是文件而不是文件夹。请检查路径。",
            IOException { HResult: IsDirectoryErrno } =>
                $"{file}是一个文件夹，不是文件。请换一个文件路径。",
            IOException { HResult: WindowsSharingViolation or WindowsLockViolation or BusyErrno } =>
                $"文件{file}正被其他程序打开（例如在 Excel 或 Word 中），无法写入。请关闭它后重试。",
            // Our own IOExceptions (AtomicFile's "输出文件夹不存在：…") are already Chinese.
            _ when HasChinese(Quoted().Replace(ex.Message, "")) => ex.Message,
            DirectoryNotFoundException or FileNotFoundException or IOException { HResult: NoEntryErrno } =>
                $"找不到{file}所在的文件夹或文件。请检查路径是否正确。",
            UnauthorizedAccessException or IOException { HResult: PermissionErrno } =>
                $"没有读写权限：{path}。请换一个有写入权限的输出位置，或关闭正在使用该文件的程序后重试。",
            _ => $"无法读写文件：{path}（系统错误代码 {code}）。请检查磁盘和路径后重试；加 --verbose 可查看系统给出的详细信息。",
        };
    }

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>.NET names the file in single quotes: "Could not find a part of the path '/x/y'."</summary>
    private static string? QuotedPath(string message) => Quoted().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
