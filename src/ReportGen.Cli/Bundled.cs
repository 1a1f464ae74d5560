namespace ReportGen.Cli;

/// <summary>
/// The templates and the sample that travel with the tool: beside the executable when installed or published
/// (copied by the .csproj), or in the repository when run from source.
/// </summary>
public static class Bundled
{
    public static string TemplatesDirectory => Find("templates");

    public static string SampleWorkbook => Path.Combine(Find(Path.Combine("data", "sample")), "石峰区委宣传部2023.xlsx");

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
