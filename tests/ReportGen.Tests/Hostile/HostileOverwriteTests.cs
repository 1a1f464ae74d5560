using System.Diagnostics;
using ReportGen.Files;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// No output ever replaces an input (docs/errors.md, "Outputs never overwrite inputs"): the same path, a symbolic
/// or hard link to it, a sheet file of a folder-of-.csv workbook, a device or a FIFO are refused with exit 2 before
/// anything is written, and the input keeps its bytes and its modification time.
/// </summary>
public sealed class HostileOverwriteTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Workbook()
    {
        var path = _temp.File("部门.xlsx");
        File.Copy(Repo.SampleXlsx, path, overwrite: true);
        File.SetLastWriteTimeUtc(path, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        return path;
    }

    /// <summary>Runs, expects exit 2 with the "就是输入文件" refusal, and checks the input did not change at all.</summary>
    private static CliResult Refused(string input, string expected, params string[] args)
    {
        var before = File.ReadAllBytes(input);
        var time = File.GetLastWriteTimeUtc(input);
        var result = CliHarness.Run(args);
        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("错误：", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
        Assert.Equal(time, File.GetLastWriteTimeUtc(input));
        return result;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        Assert.Equal(FileKind.Special, FileIdentity.Of(path).Kind);
    }

    [Fact]
    public void Generate_into_its_own_workbook_is_refused()
    {
        var workbook = Workbook();
        // generate refuses any output that is not .docx first (docs/errors.md); either refusal names the file.
        Refused(workbook, Path.GetFileName(workbook), "generate", workbook, "-o", workbook);
    }

    [Fact]
    public void Preview_into_its_own_workbook_is_refused()
    {
        var workbook = Workbook();
        foreach (var format in new[] { "table", "csv", "json", "md" })
        {
            Refused(workbook, "就是输入文件", "preview", workbook, "--format", format, "-o", workbook);
        }
    }

    [UnixFact]
    public void Output_through_a_symbolic_link_or_a_hard_link_to_the_workbook_is_refused()
    {
        var workbook = Workbook();
        var symbolic = _temp.File("链接.docx");
        File.CreateSymbolicLink(symbolic, workbook);
        var hard = _temp.File("硬链接.docx");
        using (var ln = Process.Start("ln", [workbook, hard]))
        {
            ln.WaitForExit();
        }

        Refused(workbook, "就是输入文件", "generate", workbook, "-o", symbolic);
        Refused(workbook, "就是输入文件", "generate", workbook, "-o", hard);
        Refused(workbook, "就是输入文件", "preview", workbook, "-o", hard);
        Assert.Equal(workbook, File.ResolveLinkTarget(symbolic, returnFinalTarget: true)!.FullName);
    }

    [Fact]
    public void Generate_over_its_template_or_style_reference_is_refused()
    {
        var workbook = Workbook();
        var template = _temp.File("我的模板.sbn");
        File.Copy(Path.Combine(Repo.Templates, "default.sbn"), template);
        Refused(template, Path.GetFileName(template), "generate", workbook, "-t", template, "-o", template);

        var style = _temp.File("参考.docx");
        Assert.Equal(0, CliHarness.Run("generate", workbook, "-o", style).ExitCode);
        Refused(style, "就是输入文件", "generate", workbook, "--style", style, "-o", style);
    }

    [Fact]
    public void Html_preview_over_its_template_is_refused()
    {
        var workbook = Workbook();
        var template = _temp.File("我的模板.sbn");
        File.Copy(Path.Combine(Repo.Templates, "default.sbn"), template);
        Refused(template, "就是输入文件", "preview", workbook, "--format", "html", "-t", template, "-o", template);
    }

    [Fact]
    public void Output_into_a_csv_folder_workbook_is_refused()
    {
        var folder = Path.Combine(_temp.Path, "部门");
        WorkbookBuilder.Create().Project("项目甲", 10m, 0m, 9.5m).WriteCsvFolder(folder);
        var sheet = Path.Combine(folder, "预算执行.csv");

        Refused(sheet, "就是输入文件", "preview", folder, "--format", "csv", "-o", sheet);
        // A new .csv there would be read as a sheet next time.
        Refused(sheet, "按工作表拆分的工作簿文件夹", "preview", folder, "--format", "csv", "-o", Path.Combine(folder, "差异.csv"));
        Assert.False(File.Exists(Path.Combine(folder, "差异.csv")));
    }

    [UnixFact]
    public void Output_linked_to_a_sheet_file_from_elsewhere_is_refused()
    {
        var folder = Path.Combine(_temp.Path, "部门");
        WorkbookBuilder.Create().Project("项目甲", 10m, 0m, 9.5m).WriteCsvFolder(folder);
        var sheet = Path.Combine(folder, "预算执行.csv");
        var hard = _temp.File("硬链接.csv");
        using (var ln = Process.Start("ln", [sheet, hard]))
        {
            ln.WaitForExit();
        }

        var symbolic = _temp.File("链接.docx");
        File.CreateSymbolicLink(symbolic, sheet);

        Refused(sheet, "就是输入文件", "preview", folder, "--format", "csv", "-o", hard);
        Refused(sheet, "就是输入文件", "preview", folder, "--format", "md", "-o", symbolic);
        Refused(sheet, "就是输入文件", "generate", folder, "-o", symbolic);
    }

    [LinuxFact]
    public void Device_output_is_refused_and_stays_a_device()
    {
        var workbook = Workbook();
        Refused(workbook, "/dev/null", "generate", workbook, "-o", "/dev/null");
        Refused(workbook, "不是普通文件", "preview", workbook, "-o", "/dev/null");
        Assert.Equal(FileKind.Special, FileIdentity.Of("/dev/null").Kind);
    }

    [UnixFact]
    public async Task Fifo_output_is_refused_without_blocking()
    {
        var workbook = Workbook();
        var fifo = _temp.File("管道.docx");
        MakeFifo(fifo);
        var result = await Task.Run(() => Refused(workbook, "不是普通文件", "generate", workbook, "-o", fifo)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains(fifo, result.Error, StringComparison.Ordinal);
        Assert.Equal(FileKind.Special, FileIdentity.Of(fifo).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Blank_output_is_exit_2_in_chinese(string output)
    {
        var workbook = Workbook();
        Refused(workbook, "输出", "generate", workbook, "-o", output);
        Refused(workbook, "输出路径是空的", "preview", workbook, "-o", output);
        Refused(workbook, "输出路径是空的", "batch", _temp.Path, "-o", output);
    }

    [Theory]
    [InlineData("报告:1*?<>|.docx", "Windows 不允许的字符（: * ? < > |）")]
    [InlineData("con.docx", "在 Windows 中不能使用")]
    [InlineData("NUL.docx", "在 Windows 中不能使用")]
    public void Names_windows_cannot_hold_are_refused(string name, string expected)
    {
        var workbook = Workbook();
        Refused(workbook, expected, "generate", workbook, "-o", _temp.File(name));
        Assert.False(File.Exists(_temp.File(name)));
    }

    [Fact]
    public void A_too_long_output_name_is_refused_in_chinese()
    {
        var workbook = Workbook();
        Refused(workbook, "太长", "generate", workbook, "-o", _temp.File(new string('长', 80) + ".docx"));
    }

    [UnixFact]
    public void Import_into_one_of_its_forms_through_a_link_is_refused()
    {
        var form = Workbook();
        var link = _temp.File("目标.xlsx");
        File.CreateSymbolicLink(link, form);
        Refused(form, "就是输入文件", "import", form, "--into", link);
    }

    [Fact]
    public void Batch_into_a_file_is_refused_in_chinese()
    {
        var input = Path.Combine(_temp.Path, "in");
        Directory.CreateDirectory(input);
        File.Copy(Repo.SampleXlsx, Path.Combine(input, "部门.xlsx"));
        var file = _temp.File("已有文件");
        File.WriteAllText(file, "用户的文件");

        var result = Refused(file, "已经存在，但它是一个文件，不是文件夹", "batch", input, "-o", file);
        Assert.Contains(file, result.Error, StringComparison.Ordinal);
        Assert.Equal("用户的文件", File.ReadAllText(file));
    }

    [Fact]
    public void Batch_into_a_csv_folder_workbook_is_refused()
    {
        var input = Path.Combine(_temp.Path, "in");
        var department = Path.Combine(input, "部门");
        WorkbookBuilder.Create().Project("项目甲", 10m, 0m, 9.5m).WriteCsvFolder(department);
        var sheets = Directory.GetFiles(department).Order(StringComparer.Ordinal).ToList();

        Refused(sheets[0], "按工作表拆分的工作簿文件夹", "batch", department, "-o", department);
        Assert.Equal(sheets, Directory.GetFiles(department).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Batch_into_its_own_input_folder_does_not_read_its_summary_next_time()
    {
        var input = Path.Combine(_temp.Path, "in");
        Directory.CreateDirectory(input);
        File.Copy(Repo.SampleXlsx, Path.Combine(input, "部门.xlsx"));

        var first = CliHarness.Run("batch", input, "-o", input);
        var second = CliHarness.Run("batch", input, "-o", input);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("共 1 个工作簿", second.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(input, "批量汇总.xlsx")));

        // An earlier output folder under the input folder is not a department either, whatever -o says now.
        var third = CliHarness.Run("batch", input, "-o", Path.Combine(_temp.Path, "另一个输出"));
        Assert.Equal(0, third.ExitCode);
        Assert.Contains("共 1 个工作簿", third.Output, StringComparison.Ordinal);
    }
}
