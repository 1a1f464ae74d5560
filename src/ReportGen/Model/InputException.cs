namespace ReportGen.Model;

/// <summary>
/// The one failure the user is told about in words of the tool: a Chinese, complete message naming the file and
/// where in it. Its <see cref="Kind"/> says what failed: an input the tool cannot use (a missing file, not a
/// spreadsheet, a missing sheet or required column; the default), or the file system refusing a read or a write
/// (<see cref="FileSystem"/>: a full disk, no permission), which is not the input's fault. The CLI prints the
/// message and exits with 2 (docs/errors.md); a batch and the workbench tell the two kinds apart.
/// </summary>
public sealed class InputException(string message, SourceLocation? location = null, Exception? inner = null)
    : Exception(message, inner)
{
    public SourceLocation Location { get; } = location ?? SourceLocation.None;

    /// <summary><see cref="FailureKind.Input"/> or <see cref="FailureKind.FileSystem"/>; never <see cref="FailureKind.Internal"/>.</summary>
    public FailureKind Kind { get; private init; } = FailureKind.Input;

    /// <summary>The file system refused a read or a write that the message describes in the tool's words.</summary>
    public static InputException FileSystem(string message, Exception inner, SourceLocation? location = null) =>
        new(message, location, inner) { Kind = FailureKind.FileSystem };
}
