using ReportGen.Model;

namespace ReportGen.Batch;

/// <summary>
/// Finds the workbooks under a folder, recursively: .xlsx, .xlsm and .xls files, and folders holding one .csv per
/// sheet (recognised by a .csv named after a sheet of <see cref="WorkbookSchema"/>, so a stray .csv, such as an
/// earlier batch's summary, is not taken for a department; the .csv in any case). Skips hidden entries, Excel's "~$"
/// lock files, the output folder when it lies inside the input folder, the summary workbook of an earlier batch
/// written into the input folder (<c>batch D -o D</c>, or an older output folder under D), and anything reached a
/// second time through a symbolic link.
/// </summary>
internal static class WorkbookFinder
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
        Walk(root, output, found, new HashSet<string>(StringComparer.Ordinal));
        var items = found
            .Select(path => (Path: path, Relative: Path.GetRelativePath(root, path)))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        return items.Zip(ReportNames(items.Select(f => f.Path).ToList()), (f, name) =>
            new BatchItem(f.Path, f.Relative, Path.Combine(output, Path.GetDirectoryName(f.Relative) ?? "", name + ".docx"))).ToList();
    }

    /// <summary>
    /// The report name of each workbook: its stem. Workbooks of one folder whose stems meet ("a.xlsx", "a.xls",
    /// "A.xlsx", a folder "a") keep their extension in the name ("a_xlsx", "a_xls"); a name still taken
    /// ("a_xlsx.xlsx" beside "a.xlsx" and "a.xls") gets "（2）", "（3）"… in path order. Names compare without case,
    /// as on Windows and on the shared folders reports are copied to, so no report ever overwrites another.
    /// </summary>
    public static IReadOnlyList<string> ReportNames(IReadOnlyList<string> paths)
    {
        static string Folder(string path) => Path.GetDirectoryName(path) ?? "";
        var stems = paths.GroupBy(path => Path.Combine(Folder(path), Stem(path)), StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group)
            .ToHashSet(StringComparer.Ordinal);
        var names = paths.Select(path => stems.Contains(path) ? Path.GetFileName(path).Replace('.', '_') : Stem(path)).ToList();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            for (var n = 2; !taken.Add(Path.Combine(Folder(paths[i]), name)); n++)
            {
                name = $"{names[i]}（{n}）";
            }

            names[i] = name;
        }

        return names;
    }

    /// <summary>
    /// Walks the tree once: a folder or file reached again through a symbolic link (a link to a parent, two links
    /// to one workbook) is skipped by its identity (device and inode), so no workbook is processed twice and a
    /// cycle ends.
    /// </summary>
    private static void Walk(string folder, string output, List<string> found, HashSet<string> seen)
    {
        if (!seen.Add(Identity(folder)))
        {
            return;
        }

        if (IsCsvWorkbook(folder))
        {
            found.Add(folder);
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.') && !name.StartsWith("~$", StringComparison.Ordinal)
                && !IsSummary(file, folder)
                && Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase)
                && seen.Add(Identity(file)))
            {
                found.Add(file);
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (!Path.GetFileName(sub).StartsWith('.') && !string.Equals(sub, output, StringComparison.Ordinal))
            {
                Walk(sub, output, found, seen);
            }
        }
    }

    private static string Identity(string path)
    {
        var identity = Files.FileIdentity.Of(path);
        return identity.Inode != 0 ? $"{identity.Device}:{identity.Inode}" : identity.FullPath;
    }

    /// <summary>
    /// A summary workbook an earlier batch wrote: beside the findings CSV that every batch writes with it. A
    /// department workbook that merely bears the name is a workbook like any other (and the batch then refuses to
    /// write its summary over it, BatchOutputs).
    /// </summary>
    private static bool IsSummary(string file, string folder) =>
        Path.GetFileName(file) == SummaryWriter.WorkbookName && File.Exists(Path.Combine(folder, SummaryWriter.FindingsCsvName));

    /// <summary>A folder holding a sheet file; ".csv" in any case ("预算执行.CSV"), as the loader reads them.</summary>
    private static bool IsCsvWorkbook(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(file => Path.GetExtension(file).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            .Any(file => SheetNames.Any(sheet => TextNormalizer.Key(sheet) == TextNormalizer.Key(Path.GetFileNameWithoutExtension(file))));

    private static string Stem(string path) =>
        Directory.Exists(path) ? Path.GetFileName(path) : Path.GetFileNameWithoutExtension(path);
}
