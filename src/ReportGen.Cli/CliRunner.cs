using ReportGen.Model;
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

    /// <summary>A file-system failure as one Chinese sentence (shared with the library: <see cref="ReportGen.Output.FileErrors"/>).</summary>
    internal static string Describe(Exception ex) => ReportGen.Output.FileErrors.Describe(ex);

    private void Detail(bool verbose, Exception? ex)
    {
        if (verbose && ex is not null)
        {
            Error.WriteLine(ex.ToString());
        }
    }
}
