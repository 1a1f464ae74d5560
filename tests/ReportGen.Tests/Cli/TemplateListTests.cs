using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli;

/// <summary><c>generate --help</c> lists the bundled outlines, one line each, from the comment each template opens with.</summary>
public sealed class TemplateListTests
{
    [Theory]
    [InlineData("generate")]
    [InlineData("batch")]
    [InlineData("preview")]
    public void Help_lists_every_bundled_template_on_a_line_of_its_own(string command)
    {
        var result = CliHarness.Run(command, "--help");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n').Select(line => line.Trim()).ToList();
        Assert.Contains(lines, line => line.StartsWith("default", StringComparison.Ordinal) && line.Contains("默认模板（株洲市石峰区格式）", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("sichuan", StringComparison.Ordinal) && line.Contains("四川省格式（四章", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("hebei", StringComparison.Ordinal) && line.Contains("河北省格式（八章", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("hunan", StringComparison.Ordinal) && line.Contains("湖南省格式（十章", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("guangdong", StringComparison.Ordinal) && line.Contains("广东省格式（六章", StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(Repo.Templates, "*.sbn"))
        {
            Assert.Contains(lines, line => line.StartsWith(Path.GetFileNameWithoutExtension(file) + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Summary_is_the_first_sentence_of_the_opening_comment_without_the_report_title()
    {
        var folder = Directory.CreateTempSubdirectory("reportgen-catalog-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "mine.sbn"), "{{~ ##\n  部门整体支出绩效自评报告：某市格式\n  （三章）。第二句不进帮助。\n## ~}}\n# {{ department.name }}\n");
            File.WriteAllText(Path.Combine(folder.FullName, "bare.sbn"), "# {{ department.name }}\n{{ ## 不是开头的注释。 ## }}\n");
            File.WriteAllText(Path.Combine(folder.FullName, "notes.txt"), "不是模板");

            var list = TemplateCatalog.List(folder.FullName);

            Assert.Equal([("bare", ""), ("mine", "某市格式（三章）")], list);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_folder_lists_nothing()
    {
        Assert.Empty(TemplateCatalog.List(Path.Combine(Path.GetTempPath(), "reportgen-no-such-folder-" + Guid.NewGuid())));
    }
}
