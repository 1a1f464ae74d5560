using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// A list the clerk typed or the import brought takes the numbers of the level it sits at (docs/outlines.md,
/// "Numbering"), whatever style it came in, keeping its nesting; lines without a number stay as they are.
/// </summary>
public sealed class ListLevelsTests
{
    [Theory]
    [InlineData("（一）指导工作\n（二）组织宣传", 3, "1.指导工作\n2.组织宣传")]
    [InlineData("1、指导工作\n2、组织宣传", 3, "1.指导工作\n2.组织宣传")]
    [InlineData("1.指导工作\n2.组织宣传", 2, "（一）指导工作\n（二）组织宣传")]
    [InlineData("一、指导工作\n二、组织宣传", 4, "（1）指导工作\n（2）组织宣传")]
    [InlineData("(1) 指导工作\n(2) 组织宣传", 1, "一、指导工作\n二、组织宣传")]
    [InlineData("①指导工作\n②组织宣传", 3, "1.指导工作\n2.组织宣传")]
    public void Any_style_becomes_the_levels_numbers(string text, int level, string expected) =>
        Assert.Equal(expected, ListLevels.Relevel([text], level));

    [Fact]
    public void Nesting_is_kept_one_level_further_down_each()
    {
        var text = "主要问题如下：\n（一）预算编制不够精准\n1、调整频繁\n2、测算粗略\n（二）执行偏慢\n1、项目前期不足";

        Assert.Equal("主要问题如下：\n1.预算编制不够精准\n（1）调整频繁\n（2）测算粗略\n2.执行偏慢\n（1）项目前期不足",
            ListLevels.Relevel([text], 3));
        Assert.Equal("主要问题如下：\n（一）预算编制不够精准\n1.调整频繁\n2.测算粗略\n（二）执行偏慢\n1.项目前期不足",
            ListLevels.Relevel([text], 2));
        Assert.Contains("①调整频繁", ListLevels.Relevel([text], 4), StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_dates_and_unnumbered_lines_are_not_numbers()
    {
        string[] items = ["1.5万元用于设备购置", "12.31前完成验收", "一是加强学习，二是规范管理", "2023年完成修缮"];

        Assert.Equal(string.Join("\n", items), ListLevels.Relevel(items, 3));
    }

    [Fact]
    public void Numbers_are_counted_again_in_order()
    {
        Assert.Equal("1.甲\n2.乙\n3.丙", ListLevels.Relevel(["（一）甲", "（一）乙", "（五）丙"], 3));
        Assert.Equal("", ListLevels.Relevel([], 3));
        Assert.Equal("1.甲", ListLevels.Relevel(["  （一）  甲  ", "", null], 3));
    }

    [Fact]
    public void The_template_helper_relevels_an_array_or_a_text()
    {
        var model = TemplateModelBuilder.Build(WorkbookBuilder.Create()
            .Info("主要职责", "（一）指导全区工作。\n（二）组织宣传。")
            .Info("存在问题", "1、预算编制不够精准。\n2、执行偏慢。")
            .Analyze());
        using var dir = new TempDir();
        var template = Path.Combine(dir.Path, "t.sbn");
        File.WriteAllText(template, "{{ relevel department.duties 3 }}\n{{ relevel problems 2 }}\n");

        var text = ReportRenderer.RenderText(model, template);

        Assert.Equal("1.指导全区工作。\n2.组织宣传。\n（一）预算编制不够精准。\n（二）执行偏慢。", text.Trim());
    }
}
