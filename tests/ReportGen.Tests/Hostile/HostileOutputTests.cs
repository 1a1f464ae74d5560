using System.Text;
using ReportGen.Output;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Output: when the report cannot be written, <c>generate</c> exits 2 with one Chinese sentence, the
/// previous report stays as it was and no temp file is left beside it.
/// </summary>
public sealed class HostileOutputTests : IDisposable
{
    private const string OldReport = "上一次生成的报告";

    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static CliResult Generate(string output)
    {
        var result = CliHarness.Run("generate", Repo.SampleXlsx, "-o", output);
        result.AssertNoStackTrace();
        return result;
    }

    /// <summary>The folder holds the old report and nothing else: no half-written file, no temp file.</summary>
    private static void AssertUntouched(string folder, string report, params string[] others)
    {
        Assert.Equal(OldReport, File.ReadAllText(report));
        Assert.Equal(others.Append(Path.GetFileName(report)).Order(StringComparer.Ordinal),
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hostile_output_folder_missing_exits_2()
    {
        var output = _temp.File("不存在的文件夹/报告.docx");
        var result = Generate(output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("输出文件夹不存在", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.File("不存在的文件夹")));
    }

    [Fact]
    public void Hostile_output_path_that_is_a_folder_exits_2()
    {
        Directory.CreateDirectory(_temp.File("报告.docx"));
        var result = Generate(_temp.File("报告.docx"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("输出路径是一个文件夹，不是文件", result.Error, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void Hostile_output_under_proc_exits_2_in_chinese()
    {
        // /proc refuses new files even to root: a stand-in for a folder nobody may write to.
        var result = Generate("/proc/报告.docx");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("错误：", result.Error, StringComparison.Ordinal);
    }

    [TmpfsFact]
    public void Hostile_read_only_output_folder_exits_2_and_keeps_the_old_report()
    {
        using var disk = Tmpfs.TryMount(1024)!;
        var report = disk.File("报告.docx");
        File.WriteAllText(report, OldReport);
        disk.MakeReadOnly();

        var result = Generate(report);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("输出位置是只读的", result.Error, StringComparison.Ordinal);
        AssertUntouched(disk.Path, report);
    }

    [TmpfsFact]
    public void Hostile_disk_full_exits_2_keeps_the_old_report_and_leaves_no_temp_file()
    {
        using var disk = Tmpfs.TryMount(64)!;
        var report = disk.File("报告.docx");
        File.WriteAllText(report, OldReport);
        disk.Fill();

        var result = Generate(report);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("磁盘空间不足，文件没有写完；原有文件保持不变", result.Error, StringComparison.Ordinal);
        AssertUntouched(disk.Path, report, "filler.bin");
    }

    [Fact]
    public void Hostile_target_held_open_by_another_program_is_replaced_whole_or_kept()
    {
        var report = _temp.File("报告.docx");
        File.WriteAllText(report, OldReport);
        CliResult result;
        using (new FileStream(report, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            result = Generate(report);
        }

        // Linux renames over an open file (the reader keeps the old inode); Windows refuses. Either way the
        // report is whole, and no temp file is left.
        if (result.ExitCode == 0)
        {
            Assert.Equal(new byte[] { (byte)'P', (byte)'K' }, File.ReadAllBytes(report)[..2]);
            Assert.Equal(["报告.docx"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
        }
        else
        {
            Assert.Equal(2, result.ExitCode);
            AssertUntouched(_temp.Path, report);
        }
    }

    [Fact]
    public void Hostile_stream_failing_with_no_space_midway_keeps_the_old_file_and_no_temp_file()
    {
        var report = _temp.File("报告.docx");
        File.WriteAllText(report, OldReport);

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(report, stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes(new string('半', 10_000)));
            throw new IOException("No space left on device", 28);
        }));

        Assert.Equal(28, error.HResult);
        AssertUntouched(_temp.Path, report);
        Assert.Contains("磁盘空间不足", JobFailure.Of(error).Message, StringComparison.Ordinal);
    }
}
