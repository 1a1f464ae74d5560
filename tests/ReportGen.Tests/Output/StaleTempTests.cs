using ReportGen.Output;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Output;

/// <summary>
/// A run killed midway (kill -9) leaves its hidden temp file; later runs remove such files when their process is
/// gone and they have sat untouched for <see cref="AtomicFile.StaleAfter"/>, and never touch anything else.
/// </summary>
public sealed class StaleTempTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A process number no system hands out.</summary>
    private const int GonePid = int.MaxValue;

    private string Create(string name, TimeSpan age)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, "内容");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    [Fact]
    public void Generate_removes_stale_temp_files_of_its_report_and_nothing_else()
    {
        var old = TimeSpan.FromHours(1);
        var stale = Create($".报告.docx.tmp-{GonePid}-3", old);
        var fresh = Create($".报告.docx.tmp-{GonePid}-4", TimeSpan.Zero);
        var ours = Create($".报告.docx.tmp-{Environment.ProcessId}-9", old);
        var userNotes = Create(".报告.docx.tmp-笔记", old);
        var userFile = Create("报告.docx.tmp-1-1", old);
        var otherReport = Create($".其他.docx.tmp-{GonePid}-1", old);

        var result = CliHarness.Run("generate", Repo.SampleXlsx, "-o", _temp.File("报告.docx"));

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(stale));
        Assert.All(new[] { fresh, ours, userNotes, userFile, otherReport }, path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public void Batch_removes_stale_temp_files_anywhere_in_its_output_folder()
    {
        var input = Path.Combine(_temp.Path, "in");
        Directory.CreateDirectory(input);
        File.Copy(Repo.SampleXlsx, Path.Combine(input, "部门.xlsx"));
        var output = Path.Combine(_temp.Path, "out");
        Directory.CreateDirectory(Path.Combine(output, "乡镇"));
        var stale = Path.Combine(output, "乡镇", $".街道.docx.tmp-{GonePid}-1");
        var summary = Path.Combine(output, $".批量汇总.xlsx.tmp-{GonePid}-2");
        var user = Path.Combine(output, ".笔记.txt");
        foreach (var path in new[] { stale, summary, user })
        {
            File.WriteAllText(path, "内容");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-2));
        }

        var result = CliHarness.Run("batch", input, "-o", output);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(summary));
        Assert.True(File.Exists(user));
    }

    [Fact]
    public void A_temp_name_maps_back_to_its_file_in_messages()
    {
        Assert.Equal(Path.Combine("/x", "报告.docx"), AtomicFile.TargetOf($"/x/.报告.docx.tmp-{GonePid}-1"));
        Assert.Equal("/x/报告.docx", AtomicFile.TargetOf("/x/报告.docx"));
    }
}
