using ReportGen.Batch;
using ReportGen.Model;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// <c>batch</c> outputs never collide with each other or with an input, whatever the names; symbolic links are
/// followed once; sheet files ending in ".CSV" and names in GBK bytes are handled as elsewhere; two workbooks of one
/// department and year are flagged (docs/errors.md, "batch").
/// </summary>
public sealed class HostileBatchTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Input => Directory.CreateDirectory(_temp.File("部门")).FullName;

    private string Copy(string name, string? source = null)
    {
        var path = Path.Combine(Input, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source ?? Repo.SampleXlsx, path, overwrite: true);
        return path;
    }

    [Fact]
    public void Workbooks_whose_names_meet_get_reports_of_their_own()
    {
        Copy("a.xlsx");
        Copy("a.xls", Repo.SampleXls);
        Copy("a_xlsx.xlsx", Repo.ExampleXlsx);
        Copy("A.xlsx", Repo.ExampleXlsx);
        var items = WorkbookFinder.Find(Input, _temp.File("输出"));

        var reports = items.Select(item => item.ReportPath).ToList();
        Assert.Equal(4, reports.Count);
        Assert.Equal(reports.Count, reports.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(items, item => item.Name == "a.xls" && item.ReportPath.EndsWith("a_xls.docx", StringComparison.Ordinal));
    }

    [Fact]
    public void A_department_workbook_named_like_the_summary_is_never_overwritten()
    {
        var department = Copy(SummaryWriter.WorkbookName);
        var before = File.ReadAllBytes(department);

        var result = CliHarness.Run("batch", Input, "-o", Input);

        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(SummaryWriter.WorkbookName, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(department));
    }

    [UnixFact]
    public void A_link_to_the_parent_folder_is_followed_once()
    {
        Copy("乡镇/一.xlsx");
        Directory.CreateSymbolicLink(Path.Combine(Input, "乡镇", "上级"), Input);
        File.CreateSymbolicLink(Path.Combine(Input, "二.xlsx"), Path.Combine(Input, "乡镇", "一.xlsx"));

        var items = WorkbookFinder.Find(Input, _temp.File("输出"));

        Assert.Single(items);
    }

    [Fact]
    public void A_folder_of_upper_case_csv_sheet_files_is_a_workbook()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Input, "石峰")).FullName;
        foreach (var file in Directory.GetFiles(Repo.SampleCsvFolder, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileNameWithoutExtension(file) + ".CSV"));
        }

        var items = WorkbookFinder.Find(Input, _temp.File("输出"));

        Assert.Equal(folder, Assert.Single(items).WorkbookPath);
    }

    [LinuxFact]
    public void A_workbook_whose_name_is_gbk_bytes_is_listed_with_a_message()
    {
        // 部门.xlsx as a Windows archive names it (GBK), unzipped on Linux.
        var gbk = new byte[] { 0xB2, 0xBF, 0xC3, 0xC5 }.Concat(".xlsx"u8.ToArray()).ToArray();
        var folderBytes = System.Text.Encoding.UTF8.GetBytes(Input + "/");
        using (var python = System.Diagnostics.Process.Start("python3",
                   ["-c", "import sys,shutil; shutil.copy(sys.argv[1], bytes.fromhex(sys.argv[2]))", Repo.SampleXlsx,
                    Convert.ToHexString([.. folderBytes, .. gbk])]))
        {
            python.WaitForExit();
            Assert.Equal(0, python.ExitCode);
        }

        var output = _temp.File("输出");
        var result = CliHarness.Run("batch", Input, "-o", output);

        result.AssertNoStackTrace();
        var summary = File.ReadAllText(Path.Combine(output, SummaryWriter.FindingsCsvName));
        Assert.Contains("不是 UTF-8", summary, StringComparison.Ordinal);
        Assert.Contains("GBK", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_workbooks_of_one_department_and_year_are_flagged()
    {
        Copy("石峰.xlsx");
        Copy("旧/石峰（旧）.xlsx");
        Copy("示例.xlsx", Repo.ExampleXlsx);
        var output = _temp.File("输出");

        var result = CliHarness.Run("batch", Input, "-o", output);

        result.AssertNoStackTrace();
        var findings = File.ReadAllText(Path.Combine(output, SummaryWriter.FindingsCsvName));
        Assert.Equal(2, findings.Split('\n').Count(line => line.Contains(FindingCodes.BatchDuplicate, StringComparison.Ordinal)));
        Assert.Contains("算作两个部门", findings, StringComparison.Ordinal);
        Assert.DoesNotContain(findings.Split('\n'), line => line.Contains(FindingCodes.BatchDuplicate, StringComparison.Ordinal) && line.Contains("示例.xlsx", StringComparison.Ordinal));
    }
}
