using System.CommandLine;
using ReportGen.Output;

namespace ReportGen.Cli;

/// <summary>
/// Runs a command's work and turns every failure into one Chinese sentence and an exit code: no stack trace ever
/// reaches the user; <c>--verbose</c> adds the technical detail.
/// </summary>
public sealed class CliRunner(TextWriter output, TextWriter error)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Finds LibreOffice for <c>--pdf</c>; tests replace it to act as a machine without LibreOffice.</summary>
    public Func<string?> LocateLibreOffice { get; init; } = LibreOfficeLocator.Find;

    /// <summary>Whether output goes to a terminal (colours, progress bars) rather than a file, a pipe or a test.</summary>
    public bool IsTerminal => ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Shared by every command: prints technical detail of failures.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "出错时显示技术细节（供排查问题）",
        Recursive = true,
    };

    public int Run(ParseResult parse, Func<int> work)
    {
        var verbose = parse.GetValue(Verbose);
        try
        {
            return work();
        }
        catch (InputException ex)
        {
            Error.WriteLine($"错误：{Input.WorkbookTemplate.WithGuideLocation(ex.Message, NewCommand.GuidePath())}");
            Detail(verbose, ex.InnerException);
            return ExitCodes.InputError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine($"错误：{Describe(ex)}");
            Detail(verbose, ex);
            return ExitCodes.InputError;
        }
        catch (Exception ex)
        {
            Error.WriteLine("内部错误：ReportGen 遇到了意外问题，输入文件未被修改。请加 --verbose 重新运行，并将输出反馈给开发者。");
            Detail(verbose, ex);
            return ExitCodes.InternalError;
        }
    }

    // Unix errno values .NET passes through as HResult, and the Windows HRESULTs for the same failures.
    private const int NoSpaceErrno = 28, ReadOnlyFileSystemErrno = 30;
    private const int WindowsDiskFull = unchecked((int)0x80070070), WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>
    /// A file-system failure as one Chinese sentence. .NET's own messages are English ("No space left on device"),
    /// so the common causes of a failed write are named here; the rest keep .NET's text after a Chinese lead.
    /// </summary>
    internal static string Describe(Exception ex) => ex switch
    {
        IOException { HResult: NoSpaceErrno or WindowsDiskFull or WindowsHandleDiskFull } =>
            "磁盘空间不足，文件没有写完；原有文件保持不变，也没有留下临时文件。请清理磁盘空间或换一个输出位置后重试。",
        IOException { HResult: ReadOnlyFileSystemErrno } =>
            "输出位置是只读的（只读磁盘或只读共享文件夹），无法写入。请换一个输出位置后重试。",
        UnauthorizedAccessException => $"没有读写权限：{ex.Message}。请换一个有写入权限的输出位置，或关闭正在使用该文件的程序后重试。",
        _ => $"无法读写文件：{ex.Message}",
    };

    private void Detail(bool verbose, Exception? ex)
    {
        if (verbose && ex is not null)
        {
            Error.WriteLine(ex.ToString());
        }
    }
}
