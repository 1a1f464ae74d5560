using System.Text;
using ReportGen.Output;

namespace ReportGen.Tests.Output;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rg-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Action<Stream> WriteText(string text) => stream => stream.Write(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Writes_a_new_file()
    {
        var path = Path.Combine(_folder, "报告.docx");

        AtomicFile.Write(path, WriteText("新内容"));

        Assert.Equal("新内容", File.ReadAllText(path));
        Assert.Equal(["报告.docx"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Replaces_an_existing_file()
    {
        var path = Path.Combine(_folder, "报告.docx");
        File.WriteAllText(path, "旧内容，比新内容长得多的一段文字");

        AtomicFile.Write(path, WriteText("新内容"));

        Assert.Equal("新内容", File.ReadAllText(path));
    }

    [Fact]
    public void A_write_that_fails_midway_leaves_the_old_file_and_no_temp_file()
    {
        var path = Path.Combine(_folder, "报告.docx");
        File.WriteAllText(path, "旧内容");
        string? tempName = null;

        var error = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            tempName = Path.GetFileName(((FileStream)stream).Name);
            stream.Write(Encoding.UTF8.GetBytes("写了一半"));
            throw new InvalidOperationException("模拟失败");
        }));

        Assert.Equal("模拟失败", error.Message);
        Assert.Equal("旧内容", File.ReadAllText(path));
        Assert.Equal(["报告.docx"], Directory.GetFiles(_folder).Select(Path.GetFileName));
        Assert.StartsWith(".报告.docx.tmp-", tempName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_a_clear_error()
    {
        var missing = Path.Combine(_folder, "不存在", "报告.docx");

        var error = Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Write(missing, WriteText("x")));

        Assert.Contains("输出文件夹不存在", error.Message, StringComparison.Ordinal);
        Assert.Contains("不存在", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_a_docx_through_WriteFile_gives_the_same_bytes_as_Write()
    {
        var path = Path.Combine(_folder, "报告.docx");

        DocxWriter.WriteFile(SampleReports.Small(), path, DocxLayout.Default);

        Assert.Equal(DocxWriterTests.WriteBytes(SampleReports.Small()), File.ReadAllBytes(path));
    }
}
