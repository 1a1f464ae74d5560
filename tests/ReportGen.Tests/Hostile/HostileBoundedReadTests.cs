using System.Diagnostics;
using System.IO.Compression;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Templates, partials, style references and target forms are read only when they are regular files within a size
/// cap (docs/errors.md, "Inputs are read within bounds"): a FIFO does not block and /dev/zero does not fill the
/// memory; each ends in exit 2 with a Chinese message naming the file.
/// </summary>
public sealed class HostileBoundedReadTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static async Task<CliResult> RunBounded(params string[] args)
    {
        var result = await Task.Run(() => CliHarness.Run(args)).WaitAsync(TimeSpan.FromSeconds(60));
        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("错误：", result.Error, StringComparison.Ordinal);
        return result;
    }

    private string Fifo(string name)
    {
        var path = _temp.File(name);
        using var mkfifo = Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        return path;
    }

    [UnixFact]
    public async Task Template_or_style_given_a_fifo_does_not_block()
    {
        var template = Fifo("管道.sbn");
        var result = await RunBounded("generate", Repo.SampleXlsx, "-t", template, "-o", _temp.File("a.docx"));
        Assert.Contains($"模板文件“{template}”不是普通文件", result.Error, StringComparison.Ordinal);

        var style = Fifo("管道.docx");
        result = await RunBounded("generate", Repo.SampleXlsx, "--style", style, "-o", _temp.File("a.docx"));
        Assert.Contains($"样式参考文档“{style}”不是普通文件", result.Error, StringComparison.Ordinal);

        result = await RunBounded("preview", Repo.SampleXlsx, "--format", "html", "-t", template, "-o", _temp.File("预览.html"));
        Assert.Contains($"模板文件“{template}”不是普通文件", result.Error, StringComparison.Ordinal);

        result = await RunBounded("generate", Repo.SampleXlsx, "-t", template, "--text");
        Assert.Contains("不是普通文件", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("a.docx")));
    }

    [UnixFact]
    public async Task A_partial_that_is_a_fifo_does_not_block()
    {
        var template = _temp.File("模板.sbn");
        File.WriteAllText(template, "# 标题\n正文\n");
        Directory.CreateDirectory(_temp.File("partials"));
        var partial = Fifo(Path.Combine("partials", "片段.sbn"));

        var result = await RunBounded("generate", Repo.SampleXlsx, "-t", template, "-o", _temp.File("a.docx"));
        Assert.Contains($"模板片段文件“{partial}”不是普通文件", result.Error, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task Template_or_style_from_dev_zero_is_refused_at_once()
    {
        var result = await RunBounded("generate", Repo.SampleXlsx, "-t", "/dev/zero", "-o", _temp.File("a.docx"));
        Assert.Contains("模板文件“/dev/zero”不是普通文件", result.Error, StringComparison.Ordinal);
        result = await RunBounded("generate", Repo.SampleXlsx, "--style", "/dev/zero", "-o", _temp.File("a.docx"));
        Assert.Contains("样式参考文档“/dev/zero”不是普通文件", result.Error, StringComparison.Ordinal);
        var form = _temp.File("附表1.docx");
        File.CreateSymbolicLink(form, "/dev/zero");
        result = await RunBounded("import", form, "--into", _temp.File("目标.xlsx"));
        Assert.Contains($"文件“{form}”不是普通文件", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_past_the_size_cap_is_refused_before_it_is_read()
    {
        var template = _temp.File("巨大.sbn");
        using (var stream = File.Create(template))
        {
            stream.SetLength(ReportGen.Rendering.TemplateFiles.MaxBytes + 1);
        }

        var result = await RunBounded("generate", Repo.SampleXlsx, "-t", template, "-o", _temp.File("a.docx"));
        Assert.Contains("超过上限 1 MB", result.Error, StringComparison.Ordinal);
        Assert.Contains(template, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_style_reference_that_is_a_zip_bomb_is_refused()
    {
        var style = _temp.File("炸弹.docx");
        using (var zip = ZipFile.Open(style, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("word/styles.xml", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var block = new byte[1024 * 1024];
            for (var i = 0; i < 600; i++)
            {
                stream.Write(block);
            }
        }

        var result = await RunBounded("generate", Repo.SampleXlsx, "--style", style, "-o", _temp.File("a.docx"));
        Assert.Contains("压缩炸弹", result.Error, StringComparison.Ordinal);
        Assert.Contains(style, result.Error, StringComparison.Ordinal);
    }
}
