using ReportGen.Output;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// File-system failures reach the user as our Chinese sentences naming the file (docs/errors.md), never as .NET's
/// English: a too-long name, a folder that is a file, a full disk in <c>import</c> (without the misleading
/// "close it in Excel" hint).
/// </summary>
public sealed class HostileMessageTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [Fact]
    public void A_too_long_name_is_described_in_chinese_with_its_file()
    {
        var path = _temp.File(new string('a', 300) + ".docx");
        var error = Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, stream => stream.WriteByte(1)));

        var message = FileErrors.Describe(error, path);
        Assert.StartsWith("路径太长", message, StringComparison.Ordinal);
        Assert.Contains(path, message, StringComparison.Ordinal);
    }

    [Fact]
    public void System_text_never_shows_and_the_quoted_path_is_named()
    {
        var message = FileErrors.Describe(new IOException("Something odd happened to '/x/.报告.docx.tmp-77-1'", 5));
        Assert.True(HasChinese(message));
        Assert.DoesNotContain("Something", message, StringComparison.Ordinal);
        Assert.Contains("/x/报告.docx", message, StringComparison.Ordinal);

        var exists = FileErrors.Describe(new IOException("The file '/x/out' already exists.", 17));
        Assert.Equal("“/x/out”已经存在，而且它是一个文件，不能当作文件夹使用。请换一个路径。", exists);
    }

    [Fact]
    public void A_csv_sheet_mixing_encodings_is_named_without_system_text()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var folder = Path.Combine(_temp.Path, "部门");
        WorkbookBuilder.Create().Project("项目甲", 10m, 0m, 9m).WriteCsvFolder(folder);
        var utf8 = new System.Text.UTF8Encoding(true);
        byte[] bytes = [.. utf8.GetPreamble(), .. utf8.GetBytes("项目,内容\n部门名称,测试部门\n"),
            .. System.Text.Encoding.GetEncoding("GB18030").GetBytes("年度,2023\n金额单位,万元\n")];
        File.WriteAllBytes(Path.Combine(folder, "基本信息.csv"), bytes);

        var result = CliHarness.Run("check", folder);

        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CSV 文件“基本信息.csv”", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unable", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("bytes", result.Error, StringComparison.Ordinal);
    }

    [TmpfsFact]
    public void Import_on_a_full_disk_says_so_without_the_excel_hint()
    {
        using var forms = new ReportGen.Tests.Import.FormFixture();
        var form = forms.ShifengDocx();
        using var disk = Tmpfs.TryMount(64)!;
        disk.Fill();

        var result = CliHarness.Run("import", form, "--into", disk.File("目标.xlsx"));

        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("磁盘空间不足", result.Error, StringComparison.Ordinal);
        Assert.Contains("目标.xlsx", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Excel", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(disk.File("目标.xlsx")));
    }
}
