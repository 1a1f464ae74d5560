using ReportGen.Model;
using ReportGen.Input;

namespace ReportGen.Batch;

/// <summary>
/// Finds the workbooks under a folder, recursively: .xlsx, .xlsm and .xls files, and folders holding one .csv per
/// sheet (recognised by a .csv named after a sheet of <see cref="WorkbookSchema"/>, so a stray .csv, such as an
/// earlier batch's summary, is not taken for a department). Skips hidden entries, Excel's "~$" lock files, the
/// output folder when it lies inside the input folder, and the summary workbook of an earlier batch written into the
/// input folder (<c>batch D -o D</c>, or an older output folder under D).
/// </summary>
public static class WorkbookFinder
{
    private static readonly string[] Extensions = [".xlsx", ".xlsm", ".xls"];

    private static readonly string[] SheetNames =
    [
        WorkbookSchema.InfoSheet, WorkbookSchema.LinesSheet, WorkbookSchema.IndicatorsSheet,
        WorkbookSchema.TasksSheet, WorkbookSchema.TargetsSheet,
    ];

    /// <summary>The workbooks in ordinal path order, each with the report path it maps to.</summary>
    /// <exception cref="InputException">The folder does not exist.</exception>
    public static IReadOnlyList<BatchItem> Find(string inputFolder, string outputFolder)
    {
        var root = Path.GetFullPath(inputFolder);
        if (!Directory.Exists(root))
        {
            throw new InputException($"找不到文件夹“{inputFolder}”，请检查路径是否正确。");
        }

        var output = Output.OutputGuard.FullPath(outputFolder);
        var found = new List<string>();
        Walk(root, output, found);
        var items = found
            .Select(path => (Path: path, Relative: Path.GetRelativePath(root, path)))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

        // Two workbooks of one folder with the same stem ("a.xlsx", "a.xls") keep their extension in the report's
        // name, so neither report overwrites the other.
        var stems = items
            .GroupBy(f => Path.Combine(Path.GetDirectoryName(f.Relative) ?? "", Stem(f.Path)), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(f => f.Path))
            .ToHashSet();
        return items.Select(f =>
        {
            var name = stems.Contains(f.Path) ? Path.GetFileName(f.Path).Replace('.', '_') : Stem(f.Path);
            var report = Path.Combine(output, Path.GetDirectoryName(f.Relative) ?? "", name + ".docx");
            return new BatchItem(f.Path, f.Relative, report);
        }).ToList();
    }

    private static void Walk(string folder, string output, List<string> found)
    {
        if (IsCsvWorkbook(folder))
        {
            found.Add(folder);
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.') && !name.StartsWith("~$", StringComparison.Ordinal)
                && !IsSummary(file, folder, output)
                && Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
            {
                found.Add(file);
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (!Path.GetFileName(sub).StartsWith('.') && !string.Equals(sub, output, StringComparison.Ordinal))
            {
                Walk(sub, output, found);
            }
        }
    }

    /// <summary>
    /// A summary workbook an earlier batch wrote: in this batch's output folder, or beside the findings CSV that
    /// every batch writes with it (a batch once run into a folder under the input folder).
    /// </summary>
    private static bool IsSummary(string file, string folder, string output) =>
        Path.GetFileName(file) == SummaryWriter.WorkbookName
        && (string.Equals(folder, output, StringComparison.Ordinal) || File.Exists(Path.Combine(folder, SummaryWriter.FindingsCsvName)));

    private static bool IsCsvWorkbook(string folder) =>
        Directory.EnumerateFiles(folder, "*.csv")
            .Any(file => SheetNames.Any(sheet => TextNormalizer.Key(sheet) == TextNormalizer.Key(Path.GetFileNameWithoutExtension(file))));

    private static string Stem(string path) =>
        Directory.Exists(path) ? Path.GetFileName(path) : Path.GetFileNameWithoutExtension(path);
}
