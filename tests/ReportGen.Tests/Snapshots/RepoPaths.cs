namespace ReportGen.Tests.Snapshots;

/// <summary>Paths in the repository, found by walking up from the test binaries to ReportGen.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");
    public static string SampleCsv => Path.Combine(Root, "data", "sample", "石峰区委宣传部2023");
    public static string ReportCases => Path.Combine(Root, "tests", "ReportGen.Tests", "TestFiles", "Reports");

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
