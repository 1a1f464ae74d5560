using ReportGen.Cli;
using ReportGen.Import;
using ReportGen.Model;
using ReportGen.Tests.Import;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// A full disk or a read-only folder under <c>import</c>, <c>new</c> and <c>preview -o</c>: the failure is the file
/// system's (<see cref="FailureKind.FileSystem"/>), not an input error, the message says what happened, and nothing
/// is left half-written (docs/errors.md).
/// </summary>
public sealed class HostileDiskFullJobTests
{
    [TmpfsFact]
    public void Import_into_a_new_workbook_on_a_full_disk_is_a_file_system_failure_and_leaves_nothing()
    {
        using var forms = new FormFixture();
        using var disk = Tmpfs.TryMount(64)!;
        var target = disk.File("石峰2023.xlsx");
        disk.Fill();

        var error = Assert.Throws<InputException>(() => ImportJob.Run(new ImportRequest([forms.ShifengDocx()], target)));

        Assert.Equal(FailureKind.FileSystem, error.Kind);
        Assert.Equal(FailureKind.FileSystem, JobFailure.Of(error).Kind);
        Assert.Contains("磁盘空间不足", error.Message, StringComparison.Ordinal);
        Assert.Equal(["filler.bin"], Directory.GetFiles(disk.Path).Select(Path.GetFileName));
    }

    [TmpfsFact]
    public void Import_into_a_read_only_folder_is_a_file_system_failure()
    {
        using var forms = new FormFixture();
        using var disk = Tmpfs.TryMount(64)!;
        disk.MakeReadOnly();

        var error = Assert.Throws<InputException>(() => ImportJob.Run(new ImportRequest([forms.ShifengDocx()], disk.File("石峰2023.xlsx"))));

        Assert.Equal(FailureKind.FileSystem, error.Kind);
        Assert.Contains("只读", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(disk.Path));
    }

    [TmpfsFact]
    public void New_on_a_full_disk_exits_2_with_the_disk_message_and_writes_nothing()
    {
        using var disk = Tmpfs.TryMount(64)!;
        disk.Fill();

        var result = CliHarness.Run("new", disk.File("新工作簿.xlsx"), "--department", "某部门", "--year", "2024");

        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Contains("磁盘空间不足", result.Error, StringComparison.Ordinal);
        Assert.Equal(["filler.bin"], Directory.GetFiles(disk.Path).Select(Path.GetFileName));
        var thrown = Assert.ThrowsAny<IOException>(() => NewWorkbookJob.Run(new NewWorkbookRequest(disk.File("b.xlsx"), null, null, "万元", null)));
        Assert.Equal(FailureKind.FileSystem, JobFailure.Of(thrown).Kind);
    }

    [TmpfsFact]
    public void Preview_into_a_file_on_a_full_disk_exits_2_with_the_disk_message_and_writes_nothing()
    {
        using var disk = Tmpfs.TryMount(64)!;
        disk.Fill();

        var result = CliHarness.Run("preview", Repo.SampleXlsx, "--format", "csv", "-o", disk.File("差异表.csv"));

        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Contains("磁盘空间不足", result.Error, StringComparison.Ordinal);
        Assert.Equal(["filler.bin"], Directory.GetFiles(disk.Path).Select(Path.GetFileName));
    }
}
