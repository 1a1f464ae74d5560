using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen;

/// <summary>
/// The one place where an exception becomes an outcome (docs/architecture.md, docs/errors.md): its kind and one
/// Chinese sentence, never the system's text. The command line prints it (<c>CliRunner</c>); a batch makes it the
/// row of the workbook that failed, and the other workbooks go on.
/// </summary>
/// <param name="Kind">What failed.</param>
/// <param name="Message">The Chinese sentence for the user.</param>
/// <param name="Location">The file, sheet and cell an input failure names, when it names one.</param>
/// <param name="Detail">The exception whose technical text <c>--verbose</c> adds, if any.</param>
public sealed record JobFailure(FailureKind Kind, string Message, SourceLocation? Location, Exception? Detail)
{
    /// <summary>The sentence the command line prints for an unexpected failure; it is the same for every command.</summary>
    public const string InternalMessage = "内部错误：ReportGen 遇到了意外问题，输入文件未被修改。请加 --verbose 重新运行，并将输出反馈给开发者。";

    /// <summary>The outcome of a failed command.</summary>
    /// <param name="outputPath">The file being written, named in a file-system message that lacks a path.</param>
    public static JobFailure Of(Exception exception, string? outputPath = null) => exception switch
    {
        InputException input => new JobFailure(input.Kind, input.Message,
            input.Location == SourceLocation.None ? null : input.Location, input.InnerException),
        IOException or UnauthorizedAccessException =>
            new JobFailure(FailureKind.FileSystem, FileErrors.Describe(exception, outputPath), null, exception),
        _ => new JobFailure(FailureKind.Internal, InternalMessage, null, exception),
    };

    /// <summary>
    /// The outcome of one workbook of a batch. An unexpected failure names its type, for the bug report, since the
    /// summary is all the user keeps of it.
    /// </summary>
    public static JobFailure OfWorkbook(Exception exception, string reportPath) => Of(exception, reportPath) switch
    {
        { Kind: FailureKind.Internal } failure => failure with
        {
            Message = $"内部错误：处理该工作簿时 ReportGen 遇到了意外问题（{exception.GetType().Name}），输入文件未被修改。请将该工作簿反馈给开发者。",
        },
        var failure => failure,
    };

    /// <summary>The line the command line prints: an input or file-system failure as 错误：…, a bug as 内部错误：….</summary>
    public string Line => Kind == FailureKind.Internal ? Message : $"错误：{Message}";
}
