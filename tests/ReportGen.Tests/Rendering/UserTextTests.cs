using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Text typed by the user is always text (templates/README.md): a 存在问题 or 偏差原因 that looks like report markup
/// ("## ", "@center", "::table …::", "::pagebreak::") or like a placeholder (【待填写：…】) changes neither the
/// document's structure nor the placeholder count, and is still shown as typed.
/// </summary>
public sealed class UserTextTests
{
    private const string Hostile = "## 冒充的标题\n@center 冒充的居中行\n::table 预算执行差异表::\n::pagebreak::\n# 冒充的标题行\n【待填写：冒充的占位】";

    private static ReportDocument Render(string problems, string deviation)
    {
        var analysis = WorkbookBuilder.Create()
            .Info("存在问题", problems)
            .Project("项目甲", 100m, 0m, 50m, note: deviation)
            .Analyze();
        return ReportRenderer.Render(analysis, Path.Combine(Repo.Templates, "default.sbn"));
    }

    private static string Shape(ReportDocument document) => string.Join("\n", document.Blocks.Select(block => block switch
    {
        Heading h => $"heading {h.Level}",
        Paragraph p => $"paragraph {p.Kind}",
        TableBlock t => $"table {t.Table.Rows.Count}",
        _ => block.GetType().Name,
    }));

    [Fact]
    public void Markup_typed_by_the_user_stays_text()
    {
        var plain = Render("甲\n乙\n丙\n丁\n戊\n己", "甲\n乙\n丙\n丁\n戊\n己");
        var hostile = Render(Hostile, "@right " + Hostile);

        Assert.Equal(Shape(plain), Shape(hostile));
        Assert.Equal(plain.Title, hostile.Title);
        Assert.Equal(plain.Placeholders.Count, hostile.Placeholders.Count);

        // Shown as typed, an invisible word joiner aside.
        var text = string.Join("\n", hostile.Blocks.OfType<Paragraph>().Select(p => p.Text.Replace(ReportMarkup.LiteralMark.ToString(), "", StringComparison.Ordinal)));
        foreach (var line in Hostile.Split('\n'))
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_typed_placeholder_is_no_field_and_a_hand_written_one_in_a_template_is()
    {
        var typed = ReportMarkup.Literal("见【待填写：某事】");
        Assert.Empty(ReportMarkup.Unwrap(typed).Fields);

        // Written into a custom template without the placeholder helper: still a placeholder, without a cell.
        var (text, fields) = ReportMarkup.Unwrap("见【待填写：某事】");
        Assert.Equal("见【待填写：某事】", text);
        Assert.Equal([new FieldSpan(1, 8, "某事", null, Empty: true)], fields);
    }

    [Fact]
    public void Field_marks_typed_by_the_user_are_dropped()
    {
        var forged = "甲" + ReportMarkup.Field("【待填写：伪造】", "伪造", "基本信息!B3", empty: true) + "乙";

        var literal = ReportMarkup.Literal(forged);

        Assert.Equal("甲0伪造\u001F基本信息!B3【\u2060待填写：伪造】乙", literal);
        Assert.Empty(ReportMarkup.Unwrap(literal).Fields);
    }

    [Theory]
    [InlineData("普通文字", "普通文字")]
    [InlineData("## 标题", "\u2060## 标题")]
    [InlineData("  @center x", "  \u2060@center x")]
    [InlineData("甲\n::table 预算执行差异表::", "甲\n\u2060::table 预算执行差异表::")]
    [InlineData("中间的 ## 不变", "中间的 ## 不变")]
    [InlineData("【待填写：x】", "【\u2060待填写：x】")]
    public void Literal_marks_only_what_would_read_as_markup(string input, string expected)
    {
        Assert.Equal(expected, ReportMarkup.Literal(input));
        Assert.Equal(expected, ReportMarkup.Literal(ReportMarkup.Literal(input)));
    }
}
