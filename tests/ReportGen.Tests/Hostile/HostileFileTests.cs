using System.Diagnostics;
using System.Text;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Files: every file that is not a readable workbook ends in exit 2 and one Chinese sentence that says
/// what is wrong with it, through the whole CLI, without a stack trace and within seconds.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Runs <c>check</c> and asserts exit 2, a message naming the file, no stack trace.</summary>
    private static string Refused(string path, string expected)
    {
        var result = CliHarness.Run("check", path);
        Assert.Equal(2, result.ExitCode);
        result.AssertNoStackTrace();
        Assert.StartsWith("错误：", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        return result.Error;
    }

    [Fact]
    public void Hostile_empty_file_says_it_is_empty() =>
        Refused(Write("空.xlsx", []), "“空.xlsx”是空的（0 字节）");

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.01)]
    public void Hostile_truncated_workbook_is_not_readable(double keep)
    {
        var sample = HostileFiles.Sample();
        Refused(Write("截断.xlsx", sample[..(int)(sample.Length * keep)]), "“截断.xlsx”不是可读取的 Excel 工作簿");
    }

    [Fact]
    public void Hostile_random_bytes_are_not_a_workbook()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        Refused(Write("随机.xlsx", bytes), "不是可读取的 Excel 工作簿");
    }

    [Fact]
    public void Hostile_zip_that_is_not_a_workbook_says_so() =>
        Refused(Write("压缩包.xlsx", HostileFiles.Zip(("readme.txt", "你好"u8.ToArray()))), "“压缩包.xlsx”是普通压缩包，其中没有 Excel 工作簿");

    [Fact]
    public void Hostile_docx_given_as_workbook_is_named_a_word_document()
    {
        var docx = File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "ReportGen.Tests", "Import", "TestFiles", "hebei-python-docx.docx"));
        Refused(Write("目标表.xlsx", docx), "“目标表.xlsx”是Word 文档（.docx），不是 Excel 工作簿");
    }

    [Fact]
    public void Hostile_password_protected_xls_from_libreoffice_asks_to_remove_the_password()
    {
        var path = _temp.File("加密.xls");
        File.Copy(HostileFiles.FixturePath("密码保护-libreoffice.xls"), path);
        Refused(path, "“加密.xls”设置了打开密码（已加密），无法读取");
    }

    [Fact]
    public void Hostile_encrypted_xlsx_asks_to_remove_the_password() =>
        Refused(Write("加密.xlsx", HostileFiles.EncryptedXlsx()), "“加密.xlsx”设置了打开密码（已加密），无法读取");

    [Fact]
    public void Hostile_zip_bomb_is_refused_before_inflating()
    {
        var bomb = Write("炸弹.xlsx", HostileFiles.ZipBomb(600));
        Assert.True(new FileInfo(bomb).Length < 2 * 1024 * 1024, "the bomb should be small on disk");
        Refused(bomb, "“炸弹.xlsx”解压后将达到 6");
    }

    [Fact]
    public void Hostile_zip_with_too_many_entries_is_refused() =>
        Refused(Write("条目.xlsx", HostileFiles.ManyEntries(10_001)), "包含 10002 个压缩条目");

    [Fact]
    public void Hostile_folder_named_like_a_workbook_is_not_read_as_csv()
    {
        Directory.CreateDirectory(_temp.File("预算.xlsx"));
        Refused(_temp.File("预算.xlsx"), "是一个文件夹，不是工作簿文件");
    }

    [UnixFact]
    public async Task Hostile_fifo_named_like_a_workbook_does_not_hang()
    {
        var fifo = _temp.File("管道.xlsx");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        // Opening a FIFO for reading blocks until a writer comes: the run must be refused before it opens.
        var result = await Task.Run(() => CliHarness.Run("check", fifo)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("是空的（0 字节），或不是普通文件", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_file_locked_by_another_program_says_so()
    {
        var path = _temp.File("已打开.xlsx");
        File.Copy(Repo.SampleXlsx, path);
        // FileShare.None takes an exclusive lock (flock on Unix), as Excel holds an open workbook on Windows.
        using var held = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Refused(path, "无法打开文件“已打开.xlsx”：文件可能正被其他程序独占打开");
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Hostile_unreadable_file_says_permission_or_reads_as_root()
    {
        var path = _temp.File("无权限.xlsx");
        File.Copy(Repo.SampleXlsx, path);
        File.SetUnixFileMode(path, UnixFileMode.None);
        var result = CliHarness.Run("check", path);
        result.AssertNoStackTrace();
        // Root (CI) reads through chmod 000, so the sample is checked as usual; anyone else is refused.
        if (result.ExitCode == 2)
        {
            Assert.Contains("没有读取权限", result.Error, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(0, result.ExitCode);
        }
    }

    [Fact]
    public void Hostile_path_with_spaces_and_chinese_reads_and_writes()
    {
        var folder = _temp.File("2023 年 预算（终稿） 副本");
        Directory.CreateDirectory(folder);
        var workbook = Path.Combine(folder, "石峰 区委宣传部 2023 .xlsx");
        File.Copy(Repo.SampleXlsx, workbook);
        var report = Path.Combine(folder, "自评 报告 （草稿）.docx");

        var check = CliHarness.Run("check", workbook);
        var generate = CliHarness.Run("generate", workbook, "-o", report);

        Assert.Equal(0, check.ExitCode);
        Assert.Equal(0, generate.ExitCode);
        Assert.Contains(report, generate.Output, StringComparison.Ordinal);
        Assert.True(new FileInfo(report).Length > 0);
    }

    [Fact]
    public void Hostile_missing_file_in_a_chinese_folder_is_named_in_full()
    {
        var path = _temp.File("不存在 的 文件夹/预算 .xlsx");
        Refused(path, $"找不到文件“{path}”");
    }

    [Fact]
    public void Hostile_csv_text_named_xlsx_is_not_readable() =>
        Refused(Write("文本.xlsx", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("项目名称,支出类别\n文明经费,项目支出\n")).ToArray()), "不是可读取的 Excel 工作簿");
}
