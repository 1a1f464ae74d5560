namespace ReportGen.Model;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// Where a finding points: a workbook cell (<c>预算执行!E7</c>), a whole row, a sheet, or a template line.
/// </summary>
public sealed record SourceLocation(string? File, string? Sheet, int? Row = null, int? Column = null)
{
    public static SourceLocation None { get; } = new(null, null);

    public static SourceLocation Cell(string file, string sheet, int row, int column) => new(file, sheet, row, column);

    /// <summary>Excel column letters for a 1-based index: 1 → A, 27 → AA.</summary>
    public static string ColumnLetters(int column)
    {
        var letters = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>The 1-based index of the column letters a reference starts with, in either case: "AB12" → 28, "7" → 0.</summary>
    public static int ColumnNumber(ReadOnlySpan<char> reference)
    {
        var number = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }

            number = (number * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return number;
    }

    /// <summary>
    /// The inverse of <see cref="ToString"/> for a location in <paramref name="file"/>: <c>基本信息!B12</c> → sheet, row 12,
    /// column 2; <c>基本信息!7</c> → a row; <c>基本信息</c> → the sheet.
    /// </summary>
    public static SourceLocation Parse(string file, string text)
    {
        var bang = text.IndexOf('!', StringComparison.Ordinal);
        if (bang < 0)
        {
            return new SourceLocation(file, text);
        }

        var address = text.AsSpan(bang + 1);
        var column = ColumnNumber(address);
        var row = int.Parse(address[address.IndexOfAnyInRange('0', '9')..], System.Globalization.CultureInfo.InvariantCulture);
        return new SourceLocation(file, text[..bang], row, column == 0 ? null : column);
    }

    /// <summary>The short form used in messages and JSON: <c>预算执行!E7</c>, <c>预算执行!7</c> (a row), <c>预算执行</c>.</summary>
    public override string ToString()
    {
        if (Sheet is null)
        {
            return File is null ? "" : Path.GetFileName(File);
        }

        return (Row, Column) switch
        {
            ({ } r, { } c) => $"{Sheet}!{ColumnLetters(c)}{r}",
            ({ } r, null) => $"{Sheet}!{r}",
            _ => Sheet,
        };
    }
}

/// <summary>One result of a check: a stable code (RG…), a severity, where, and a message in Chinese.</summary>
public sealed record Finding(string Code, Severity Severity, SourceLocation Location, string Message)
{
    public static string SeverityName(Severity severity) => Vocabulary.Bundled.Of(severity);

    /// <summary>
    /// The 基本信息 item the finding is about, as data: a finding on an item that has no row sits on the whole sheet,
    /// and this is what tells which item it means (<c>Rendering/MissingOutlineItems</c> matches placeholders by it; nothing
    /// reads the item back out of <see cref="Message"/>).
    /// </summary>
    public InfoItem? Item { get; init; }

    /// <summary>The line check, generate and batch print: <c>[错误] RG110 预算执行!E7  message</c>.</summary>
    public string Line => $"[{SeverityName(Severity)}] {Code} {Location}  {Message}";
}

/// <summary>Counting and selecting findings by severity, written once for every command and summary.</summary>
public static class FindingListExtensions
{
    public static int CountOf(this IEnumerable<Finding> findings, Severity severity) =>
        findings.Count(finding => finding.Severity == severity);

    public static bool HasErrors(this IEnumerable<Finding> findings) =>
        findings.Any(finding => finding.Severity == Severity.Error);

    public static IEnumerable<Finding> Errors(this IEnumerable<Finding> findings) =>
        findings.Where(finding => finding.Severity == Severity.Error);
}
