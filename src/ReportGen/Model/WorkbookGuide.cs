namespace ReportGen.Model;

/// <summary>
/// The clerk's guide shipped beside the templates (templates/工作簿填写说明.md): how messages name it, and the
/// 填写说明 sheet of the workbooks the tool writes.
/// </summary>
public static class WorkbookGuide
{
    public const string GuideSheet = "填写说明";

    /// <summary>The name of the clerk's guide shipped beside the templates.</summary>
    public const string GuideFile = "工作簿填写说明.md";

    /// <summary>
    /// How messages name the guide; the command line adds its installed location after it
    /// (<see cref="WithGuideLocation"/>).
    /// </summary>
    public const string GuideTitle = "《工作簿填写说明》";

    /// <summary>A message naming the guide, with the guide's installed path after its title.</summary>
    public static string WithGuideLocation(string message, string? guidePath) =>
        guidePath is null || !message.Contains(GuideTitle, StringComparison.Ordinal)
            ? message
            : message.Replace(GuideTitle, $"{GuideTitle}（{guidePath}）", StringComparison.Ordinal);
}
