namespace ReportGen.Bench;

/// <summary>Paths in the repository, found by walking up from the executable to ReportGen.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");

    public static string DefaultTemplate => Path.Combine(Templates, "default.sbn");

    public static string Sample => Path.Combine(Root, "data", "sample", "石峰区委宣传部2023");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReportGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ReportGen.sln not found above " + AppContext.BaseDirectory);
    }
}
