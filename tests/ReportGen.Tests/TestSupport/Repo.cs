namespace ReportGen.Tests.TestSupport;

/// <summary>Paths inside the repository, found from the test assembly's folder (no copying of fixtures).</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ReportGen.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>The Shifeng 2023 sample as a CSV folder (the source of truth).</summary>
    public static string SampleCsvFolder => Path.Combine(Root, "data", "sample", "石峰区委宣传部2023");

    /// <summary>The same sample as .xlsx, made from the CSV folder by SampleWorkbookTests.</summary>
    public static string SampleXlsx => Path.Combine(Root, "data", "sample", "石峰区委宣传部2023.xlsx");

    /// <summary>The fictional 示例县文化旅游局 2024, complete: the default sample of <c>generate</c> (data/sample/README.md).</summary>
    public static string ExampleCsvFolder => Path.Combine(Root, "data", "sample", "示例县文化旅游局2024");

    /// <summary>The same as .xlsx, made from the CSV folder by SampleWorkbookTests; the file <c>generate</c> uses by default.</summary>
    public static string ExampleXlsx => Path.Combine(Root, "data", "sample", "示例县文化旅游局2024.xlsx");

    /// <summary>The Shifeng sample as .xls (BIFF8), converted by LibreOffice once; see TestFiles/README.md.</summary>
    public static string SampleXls => Path.Combine(Root, "tests", "ReportGen.Tests", "TestFiles", "石峰区委宣传部2023.xls");

    public static string Templates => Path.Combine(Root, "templates");

    /// <summary>Report snapshot cases: each folder holds an input workbook beside its golden outputs.</summary>
    public static string ReportCases => Path.Combine(Root, "tests", "ReportGen.Tests", "TestFiles", "Reports");

    /// <summary>The input of every report case that has its own (an <c>input</c> folder), found by folder.</summary>
    public static IEnumerable<string> ReportCaseInputs => Directory.GetDirectories(ReportCases)
        .Select(folder => Path.Combine(folder, "input"))
        .Where(Directory.Exists)
        .Order(StringComparer.Ordinal);

    /// <summary>
    /// REPORTGEN_ACCEPT=1 rewrites generated fixtures instead of comparing against them. In CI it is refused: the
    /// test asking fails, so that a CI run can never pass by accepting whatever it produced.
    /// </summary>
    public static bool Accept => AcceptFrom(Environment.GetEnvironmentVariable("REPORTGEN_ACCEPT"), Ci.IsCi);

    public const string AcceptRefusedInCi =
        "REPORTGEN_ACCEPT=1 在 CI 中无效：CI 只比较快照，不改写。请在本机运行 REPORTGEN_ACCEPT=1 dotnet test，检查差异后提交快照文件。";

    /// <summary>Whether <paramref name="accept"/> (the variable's value) asks to rewrite; fails the test when in CI.</summary>
    public static bool AcceptFrom(string? accept, bool ci)
    {
        if (accept != "1")
        {
            return false;
        }

        if (ci)
        {
            Assert.Fail(AcceptRefusedInCi);
        }

        return true;
    }
}
