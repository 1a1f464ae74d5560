using ReportGen.Model;

namespace ReportGen.Cli;

/// <summary>Process exit codes, documented in README (CLI reference): every one the CLI returns is named here.</summary>
internal static class ExitCodes
{
    /// <summary>Done; no finding at error level.</summary>
    public const int Ok = 0;

    /// <summary>The input was read, and checks found errors (or some workbooks of a batch failed).</summary>
    public const int FindingsWithErrors = 1;

    /// <summary>The input cannot be read or the output cannot be written (missing file, sheet, column…).</summary>
    public const int InputError = 2;

    /// <summary>An internal error of ReportGen: a bug to report.</summary>
    public const int InternalError = 3;

    /// <summary>Stopped by Ctrl+C or SIGTERM (<c>batch</c>): the shell's code for it, 128 + SIGINT.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code of a failed job: an input or the file system 2, a bug of ReportGen 3.</summary>
    public static int Of(FailureKind kind) => kind == FailureKind.Internal ? InternalError : InputError;
}
