using System.Security.Cryptography;
using ReportGen.Import;
using ReportGen.Input;

namespace ReportGen.Tests.Import;

/// <summary>A temporary folder with the published start-of-year forms written into it, removed after the test.</summary>
public sealed class FormFixture : IDisposable
{
    public FormFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "reportgen-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string name) => System.IO.Path.Combine(Folder, name);

    /// <summary>All Shifeng forms in one Word file: vMerge, gridSpan, runs split every three characters.</summary>
    public string ShifengDocx(DocxOptions? options = null, string name = "石峰目标表.docx")
    {
        var path = PathOf(name);
        var blocks = new List<object>();
        foreach (var grid in PublishedForms.Shifeng)
        {
            blocks.Add(grid);
            blocks.Add("");
        }

        DocxFormBuilder.Write(path, blocks, options);
        return path;
    }

    /// <summary>The Shifeng forms in a workbook: 附表1 and the 汇总表 stacked on one sheet, each 附表3 on its own sheet.</summary>
    public string ShifengXlsx(string name = "石峰目标表.xlsx")
    {
        var path = PathOf(name);
        XlsxFormBuilder.Write(path, [
            ("附表1", [PublishedForms.Table1, PublishedForms.Summary]),
            ("融媒体", [PublishedForms.Media]),
            ("文明建设", [PublishedForms.Civil]),
            ("意识形态", [PublishedForms.Ideology]),
        ]);
        return path;
    }

    public string LiwanDocx()
    {
        var path = PathOf("荔湾目标.docx");
        DocxFormBuilder.Write(path, PublishedForms.LiwanBlocks);
        return path;
    }

    /// <summary>
    /// A committed fixture, found from the test binaries up to the source tree (the test project does not copy
    /// this folder to its output, and the project file belongs to the solution's owner).
    /// </summary>
    public static string TestFile(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "tests", "ReportGen.Tests", "Import", "TestFiles", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Test file {name} not found above {AppContext.BaseDirectory}");
    }

    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Every sheet of a workbook as "sheet | cell | cell" lines, for comparing content.</summary>
    public static string Dump(string path)
    {
        var workbook = WorkbookLoader.Load(path);
        return string.Join("\n", workbook.Sheets.SelectMany(sheet =>
            sheet.Rows.Select(row => sheet.Name + " | " + string.Join(" | ", row.Select(CellText.Of)).TrimEnd(' ', '|'))));
    }

    public static FormSet Read(params string[] paths) => TargetFormReader.Read(paths);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
