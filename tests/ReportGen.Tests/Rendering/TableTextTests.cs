using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The tables' words come from partials/表格文字.txt beside the template: a changed heading or title changes the
/// .docx; a folder without the file uses the bundled words; a line the tool cannot read is refused with file and line.
/// </summary>
public sealed class TableTextTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly Lazy<DepartmentAnalysis> Example = new(() => GenerateJob.Analyze(Repo.ExampleCsvFolder));

    /// <summary>A copy of the bundled templates folder, with <paramref name="edit"/> applied to the table words (null: file removed).</summary>
    private string CopyTemplates(Func<string, string>? edit)
    {
        foreach (var file in Directory.GetFiles(Repo.Templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_temp.Path, Path.GetRelativePath(Repo.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var words = Path.Combine(_temp.Path, "partials", TableText.FileName);
        if (edit is null)
        {
            File.Delete(words);
        }
        else
        {
            File.WriteAllText(words, edit(File.ReadAllText(words)));
        }

        return Path.Combine(_temp.Path, "default.sbn");
    }

    private static string Dump(string template)
    {
        var document = ReportRenderer.Render(Example.Value, template);
        using var stream = new MemoryStream();
        DocxWriter.Write(document, stream, DocxLayout.Default);
        stream.Position = 0;
        return DocxDump.Dump(stream);
    }

    [Fact]
    public void A_changed_heading_and_title_change_the_docx_tables()
    {
        var bundled = Dump(Path.Combine(Repo.Templates, "default.sbn"));
        var changed = Dump(CopyTemplates(text => text
            .Replace("自评表.一级指标 = 一级指标", "自评表.一级指标 = 第一层指标", StringComparison.Ordinal)
            .Replace("差异表.表名 = {部门}{年度}年度预算执行差异表", "差异表.表名 = {年度}年{部门}预算执行偏差表", StringComparison.Ordinal)));

        Assert.Contains("| <v>绩效指标 | 一级指标 | 二级指标 |", bundled, StringComparison.Ordinal);
        Assert.DoesNotContain("第一层指标", bundled, StringComparison.Ordinal);
        Assert.Contains("| <v>绩效指标 | 第一层指标 | 二级指标 |", changed, StringComparison.Ordinal);
        Assert.DoesNotContain("| 一级指标 |", changed, StringComparison.Ordinal);
        Assert.Contains("[table] 示例县文化旅游局2024年度预算执行差异表", bundled, StringComparison.Ordinal);
        Assert.Contains("[table] 2024年示例县文化旅游局预算执行偏差表", changed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_the_file_uses_the_bundled_words()
    {
        var bundled = Dump(Path.Combine(Repo.Templates, "default.sbn"));
        Assert.Equal(bundled, Dump(CopyTemplates(null)));
    }

    [Fact]
    public void Names_missing_from_a_folder_file_take_the_bundled_words()
    {
        var bundled = Dump(Path.Combine(Repo.Templates, "default.sbn"));
        var only = Dump(CopyTemplates(_ => "# 只改一个\n自评表.总分 = 合计得分\n"));
        Assert.Equal(bundled.Replace("<span=6>总分 |", "<span=6>合计得分 |", StringComparison.Ordinal), only);
        Assert.NotEqual(bundled, only);
    }

    [Theory]
    [InlineData("自评表.一级指标 一级指标", "第 2 行应写成“名称 = 文字”")]
    [InlineData("自评表.第一级 = 一级指标", "第 2 行的名称“自评表.第一级”不存在")]
    public void A_line_that_cannot_be_read_is_refused_with_file_and_line(string line, string expected)
    {
        var template = CopyTemplates(_ => "# 注释\n" + line + "\n");
        var error = Assert.Throws<InputException>(() => ReportRenderer.Render(Example.Value, template));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(TableText.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_in_place_of_the_file_is_refused()
    {
        var template = CopyTemplates(_ => "");
        var words = Path.Combine(_temp.Path, "partials", TableText.FileName);
        File.Delete(words);
        File.WriteAllText(_temp.File("secret.txt"), "秘密内容\n");
        File.CreateSymbolicLink(words, _temp.File("secret.txt"));
        var error = Assert.Throws<InputException>(() => ReportRenderer.Render(Example.Value, template));
        Assert.Contains("符号链接", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("秘密内容", error.Message, StringComparison.Ordinal);
    }
}
