using System.CommandLine;
using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Cli;

/// <summary>
/// Runs a command's work and prints every failure as the outcome <see cref="JobFailure"/> makes of it, one Chinese
/// sentence and an exit code (docs/architecture.md): no stack trace ever reaches the user; <c>--verbose</c> adds
/// the technical detail.
/// </summary>
internal sealed class CliRunner(TextWriter output, TextWriter error)
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
        try
        {
            return work();
        }
        catch (Exception ex)
        {
            return Fail(JobFailure.Of(ex), parse.GetValue(Verbose));
        }
    }

    /// <summary>
    /// Prints a failure (<see cref="JobFailure"/>, the one place exceptions become outcomes) and returns its exit
    /// code; a message naming the clerk's guide gets the guide's installed path.
    /// </summary>
    public int Fail(JobFailure failure, bool verbose)
    {
        Error.WriteLine((failure with { Message = WorkbookGuide.WithGuideLocation(failure.Message, NewCommand.GuidePath()) }).Line);
        Detail(verbose, failure.Detail);
        return ExitCodes.Of(failure.Kind);
    }

    private void Detail(bool verbose, Exception? ex)
    {
        if (verbose && ex is not null)
        {
            Error.WriteLine(ex.ToString());
        }
    }
}
