namespace ReportGen.Model;

/// <summary>
/// Input that cannot be read at all (a missing file, not a spreadsheet, a missing sheet or required column).
/// The message is Chinese and complete, naming the file and where in it; the CLI prints it and exits with 2.
/// </summary>
public sealed class InputException(string message, SourceLocation? location = null, Exception? inner = null)
    : Exception(message, inner)
{
    public SourceLocation Location { get; } = location ?? SourceLocation.None;
}
