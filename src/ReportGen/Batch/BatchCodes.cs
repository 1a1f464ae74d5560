namespace ReportGen.Batch;

/// <summary>
/// Finding codes of the batch (RG6xx): a workbook that yields no analysis still gets one row in the summary's
/// finding sheet, so the bureau sees why.
/// </summary>
public static class BatchCodes
{
    /// <summary>The workbook cannot be read (corrupt, not a spreadsheet, a missing sheet or required column).</summary>
    public const string Unreadable = "RG601";

    /// <summary>An unexpected failure while processing it (a bug, or the report could not be written).</summary>
    public const string Failed = "RG602";
}
