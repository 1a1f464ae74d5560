using ReportGen.Batch;
using ReportGen.Cli;
using ReportGen.Tests.Hostile;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Batch;

/// <summary>One small batch (the good and bad workbooks of <see cref="BatchFolder"/>), run once for the class.</summary>
public sealed class SummaryBatch : IDisposable
{
    private readonly BatchFolder _folder = new();

    public SummaryBatch()
    {
        var request = new BatchRequest(_folder.Input, _folder.Output, "default", Bundled.TemplatesDirectory) { Jobs = 2 };
        Summary = BatchJob.GenerateAll(request, WorkbookFinder.Find(_folder.Input, _folder.Output));
    }

    public BatchSummary Summary { get; }

    public void Dispose() => _folder.Dispose();
}

/// <summary>
/// <see cref="SummaryWriter.Write"/> writes 批量汇总.xlsx on the calling thread while another writes the two CSV files,
/// each through <see cref="ReportGen.Output.AtomicFile"/>. When one of them cannot be written, the user hears about that one (the
/// workbook's failure first, as the writer promises), the files that could be written are whole, and no temp file
/// is left in the output folder.
/// </summary>
public sealed class SummaryWriterFailureTests(SummaryBatch batch) : IClassFixture<SummaryBatch>, IDisposable
{
    private static readonly string[] Names = [SummaryWriter.WorkbookName, SummaryWriter.CsvName, SummaryWriter.FindingsCsvName];

    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// The three files as a write that succeeds gives them in <paramref name="folder"/> (the 报告文件 column is relative
    /// to it), by name; the folder is left empty for the failing write.
    /// </summary>
    private Dictionary<string, byte[]> Whole(string folder)
    {
        Directory.CreateDirectory(folder);
        SummaryWriter.Write(batch.Summary, folder);
        var files = Names.ToDictionary(name => name, name => File.ReadAllBytes(Path.Combine(folder, name)));
        foreach (var name in Names)
        {
            File.Delete(Path.Combine(folder, name));
        }

        return files;
    }

    /// <summary>What the folder holds, files and folders, by name; no temp file (".name.tmp-…") among them.</summary>
    private static List<string> Entries(string folder)
    {
        var entries = Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.DoesNotContain(entries, name => name!.StartsWith('.') || name.Contains(".tmp-", StringComparison.Ordinal));
        return entries!;
    }

    [Fact]
    public void A_folder_in_the_workbooks_place_fails_with_the_workbook_error_after_both_csv_files_are_written_whole()
    {
        var folder = _temp.File("汇总");
        var whole = Whole(folder);
        var workbook = Directory.CreateDirectory(Path.Combine(folder, SummaryWriter.WorkbookName)).FullName;

        var error = Assert.Throws<IOException>(() => SummaryWriter.Write(batch.Summary, folder));

        Assert.Equal($"输出路径是一个文件夹，不是文件：{workbook}", error.Message);
        Assert.Equal(whole[SummaryWriter.CsvName], File.ReadAllBytes(Path.Combine(folder, SummaryWriter.CsvName)));
        Assert.Equal(whole[SummaryWriter.FindingsCsvName], File.ReadAllBytes(Path.Combine(folder, SummaryWriter.FindingsCsvName)));
        Assert.Empty(Directory.GetFileSystemEntries(workbook));
        Assert.Equal(Names.Order(StringComparer.Ordinal), Entries(folder));
    }

    [Fact]
    public void A_folder_in_the_summary_csvs_place_fails_with_that_error_after_the_workbook_is_written_whole()
    {
        var folder = _temp.File("汇总");
        var whole = Whole(folder);
        var csv = Directory.CreateDirectory(Path.Combine(folder, SummaryWriter.CsvName)).FullName;

        var error = Assert.Throws<IOException>(() => SummaryWriter.Write(batch.Summary, folder));

        Assert.Equal($"输出路径是一个文件夹，不是文件：{csv}", error.Message);
        Assert.Equal(whole[SummaryWriter.WorkbookName], File.ReadAllBytes(Path.Combine(folder, SummaryWriter.WorkbookName)));

        // The two CSV files are written one after the other on one task: the first failure ends it, so the
        // findings are not written at all (they are still in the workbook's 问题清单 sheet).
        Assert.Equal(new[] { SummaryWriter.WorkbookName, SummaryWriter.CsvName }.Order(StringComparer.Ordinal), Entries(folder));
        Assert.Empty(Directory.GetFileSystemEntries(csv));
    }

    [Fact]
    public void A_folder_in_the_findings_csvs_place_fails_with_that_error_after_the_other_two_are_written_whole()
    {
        var folder = _temp.File("汇总");
        var whole = Whole(folder);
        var findings = Directory.CreateDirectory(Path.Combine(folder, SummaryWriter.FindingsCsvName)).FullName;

        var error = Assert.Throws<IOException>(() => SummaryWriter.Write(batch.Summary, folder));

        Assert.Equal($"输出路径是一个文件夹，不是文件：{findings}", error.Message);
        Assert.Equal(whole[SummaryWriter.WorkbookName], File.ReadAllBytes(Path.Combine(folder, SummaryWriter.WorkbookName)));
        Assert.Equal(whole[SummaryWriter.CsvName], File.ReadAllBytes(Path.Combine(folder, SummaryWriter.CsvName)));
        Assert.Equal(Names.Order(StringComparer.Ordinal), Entries(folder));
        Assert.Empty(Directory.GetFileSystemEntries(findings));
    }

    [Fact]
    public void When_the_workbook_and_a_csv_file_both_fail_the_workbooks_error_is_the_one_thrown()
    {
        var folder = _temp.File("汇总");
        var whole = Whole(folder);
        var workbook = Directory.CreateDirectory(Path.Combine(folder, SummaryWriter.WorkbookName)).FullName;
        Directory.CreateDirectory(Path.Combine(folder, SummaryWriter.FindingsCsvName));

        var error = Assert.Throws<IOException>(() => SummaryWriter.Write(batch.Summary, folder));

        Assert.Equal($"输出路径是一个文件夹，不是文件：{workbook}", error.Message);
        Assert.Equal(whole[SummaryWriter.CsvName], File.ReadAllBytes(Path.Combine(folder, SummaryWriter.CsvName)));
        Assert.Equal(Names.Order(StringComparer.Ordinal), Entries(folder));
    }

    [Fact]
    public void A_failed_write_keeps_the_previous_summary_files_as_they_were()
    {
        var folder = _temp.File("汇总");
        Whole(folder);
        var previous = new Dictionary<string, string>
        {
            [SummaryWriter.WorkbookName] = "上一次的汇总工作簿",
            [SummaryWriter.FindingsCsvName] = "上一次的问题清单",
        };
        foreach (var (name, text) in previous)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        Directory.CreateDirectory(Path.Combine(folder, SummaryWriter.CsvName));

        Assert.Throws<IOException>(() => SummaryWriter.Write(batch.Summary, folder));

        // The workbook is replaced whole; the findings CSV, never reached, is the previous one.
        Assert.Equal([(byte)'P', (byte)'K'], File.ReadAllBytes(Path.Combine(folder, SummaryWriter.WorkbookName))[..2]);
        Assert.Equal(previous[SummaryWriter.FindingsCsvName], File.ReadAllText(Path.Combine(folder, SummaryWriter.FindingsCsvName)));
        Assert.Equal(Names.Order(StringComparer.Ordinal), Entries(folder));
    }

    [TmpfsFact]
    public void A_full_disk_fails_with_the_disk_error_and_leaves_only_what_was_there()
    {
        using var disk = Tmpfs.TryMount(64)!;
        disk.Fill();

        var error = Assert.Throws<IOException>(() => SummaryWriter.Write(batch.Summary, disk.Path));

        // ENOSPC, which the CLI names 磁盘空间不足 (JobFailure.Of), from the workbook's temp file: the CSV files'
        // failures are only waited for. Each writer removed its temp file.
        Assert.Equal(28, error.HResult);
        Assert.Contains($"{Path.DirectorySeparatorChar}.{SummaryWriter.WorkbookName}.tmp-", error.Message, StringComparison.Ordinal);
        Assert.Equal(["filler.bin"], Entries(disk.Path));
    }
}
