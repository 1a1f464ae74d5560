using ReportGen.Model;

namespace ReportGen.Cli;

/// <summary>
/// The templates and the samples that travel with the tool: beside the executable when installed or published
/// (copied by the .csproj), or in the repository when run from source.
/// </summary>
internal static class Bundled
{
    public static string TemplatesDirectory => Find("templates");

    /// <summary>
    /// The default sample: the fictional 示例县文化旅游局 2024, complete, so that <c>generate</c> without a workbook shows
    /// a finished report. The real Shifeng 2023 workbook beside it shows how placeholders look (data/sample/README.md).
    /// </summary>
    public static string SampleWorkbook => Path.Combine(Find(Path.Combine("data", "sample")), "示例县文化旅游局2024.xlsx");

    private static string Find(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InputException($"找不到随工具附带的“{relative}”文件夹，安装可能不完整。请重新安装 ReportGen，或用参数指定工作簿与模板路径。");
    }
}
