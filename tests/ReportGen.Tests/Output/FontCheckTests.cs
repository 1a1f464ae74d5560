using ReportGen.Output;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Output;

/// <summary><c>--pdf</c> on a machine without the official fonts says which are missing and what LibreOffice uses instead.</summary>
[Collection(ExternalProgramsCollection.Name)]
public sealed class FontCheckTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_warning_names_each_missing_font_and_its_stand_in()
    {
        var warning = FontCheck.Warning([new("仿宋_GB2312", "Noto Sans CJK SC"), new("方正小标宋简体", null)]);

        Assert.Equal("警告：本机没有报告使用的字体 仿宋_GB2312（LibreOffice 将改用 Noto Sans CJK SC）、方正小标宋简体，"
            + "PDF 的字形和分页会与在 Word 中不同。安装这些字体的方法见 README“PDF”一节。", warning);
        Assert.Null(FontCheck.Warning([]));
    }

    [LibreOfficeFact]
    public void Generate_pdf_warns_of_the_fonts_this_machine_lacks_and_still_succeeds()
    {
        var missing = FontCheck.Check(DocxLayout.Default);

        var result = CliHarness.Run("generate", Repo.ExampleXlsx, "-o", _dir.File("报告.docx"), "--pdf");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(_dir.File("报告.pdf")));
        foreach (var font in missing)
        {
            Assert.Contains(font.Font, result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(missing.Count > 0, result.Error.Contains("警告：本机没有报告使用的字体", StringComparison.Ordinal));
    }
}
