using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// A text field may start with the words the template writes before it and end with 。；，: the report never
/// doubles them ("主要用于主要用于…。。"). Checked for every text field the templates show, in both templates.
/// </summary>
public sealed class TextJoinTests
{
    /// <summary>Every user text a template joins into a sentence, as (name, how to set it).</summary>
    private static readonly (string Name, Action<WorkbookBuilder, string> Set)[] Fields =
    [
        ("主要职责", (b, v) => b.Info("主要职责", v)),
        ("事业编制构成", (b, v) => b.Info("事业编制构成", v)),
        ("内设机构", (b, v) => b.Info("内设机构", v)),
        ("下属单位", (b, v) => b.Info("下属单位", v)),
        ("年度总体目标", (b, v) => b.Info("年度总体目标", v)),
        ("存在问题", (b, v) => b.Info("存在问题", v)),
        ("改进措施", (b, v) => b.Info("改进措施", v)),
        ("其他说明", (b, v) => b.Info("其他说明", v)),
        ("主要用途", (b, v) => b.Project("甲项目", 50m, 0m, 20m, purpose: v)),
        ("偏差原因", (b, v) => b.Project("乙项目", 50m, 0m, 20m, note: v, purpose: "乙用途")),
        ("重点工作事项", (b, v) => b.Row("重点工作", v, "本部门", "目标", "完成情况说明")),
        ("重点工作完成情况", (b, v) => b.Row("重点工作", "另一事项", "本部门", "目标", v)),
        ("年度目标", (b, v) => b.Row("项目目标", "甲项目", "甲项目", 50m, "2023年全年", "实施期目标", v, "甲完成情况")),
        ("实际完成情况", (b, v) => b.Row("项目目标", "乙项目", "乙项目", 50m, "2023年全年", "实施期目标", "乙年度目标", v)),
        ("指标偏差原因", (b, v) => b.Indicator("甲项目", "产出指标", "数量指标", "培训人数", "≥100人", "80人", null, null, null, v)),
    ];

    private static string Render(Func<int, string> value, string template)
    {
        var builder = WorkbookBuilder.Create()
            .Info("编制数", "12").Info("事业编制数", "7").Info("预算单位数", "1")
            .Sheet("重点工作", ["事项", "责任单位", "工作目标", "完成情况"])
            .Sheet("项目目标", WorkbookBuilder.TargetHeader);
        for (var i = 0; i < Fields.Length; i++)
        {
            Fields[i].Set(builder, value(i));
        }

        var model = TemplateModelBuilder.Build(builder.Analyze());
        return ReportRenderer.RenderText(model, TemplateRenderer.Resolve(template, Repo.Templates));
    }

    /// <summary>Field contents without digits or punctuation, unique, so each is found once and not taken for a lead.</summary>
    private static string Token(int i) => "内容" + TemplateHelpers.ChineseNumber(i + 1) + "号";

    [Theory]
    [InlineData("default")]
    [InlineData("sichuan")]
    public void A_field_written_with_the_templates_own_lead_and_a_closing_mark_reads_as_without(string template)
    {
        var plain = Render(Token, template);
        var leads = new string[Fields.Length];
        var expected = plain;
        var shown = 0;
        for (var i = 0; i < Fields.Length; i++)
        {
            var token = Token(i);
            var at = plain.IndexOf(token, StringComparison.Ordinal);
            if (at < 0)
            {
                leads[i] = "";
                continue;
            }

            shown++;
            var lineStart = plain.LastIndexOf('\n', at) + 1;
            var lead = plain[Math.Max(lineStart, at - 4)..at];
            leads[i] = lead.Length >= 2 && !lead.Any(char.IsDigit) ? lead : "";
            var next = at + token.Length < plain.Length ? plain[at + token.Length] : '\n';
            if (!"。；，、".Contains(next, StringComparison.Ordinal) && next != '】')
            {
                expected = expected.Replace(token, token + "。", StringComparison.Ordinal);
            }
        }

        Assert.True(shown >= 8, $"only {shown} fields appear in {template}");
        var written = Render(i => leads[i] + Token(i) + "。", template);
        Assert.Equal(expected, written);
        Assert.DoesNotContain("。。", written, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_purpose_gives_one_lead_and_one_full_stop()
    {
        var analysis = WorkbookBuilder.Create().Project("甲项目", 50m, 0m, 50m, purpose: "主要用于宣传阵地建设。").Analyze();
        var text = ReportRenderer.RenderText(TemplateModelBuilder.Build(analysis), TemplateRenderer.Resolve("default", Repo.Templates));
        Assert.Contains("主要用于宣传阵地建设。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("主要用于主要用于", text, StringComparison.Ordinal);
        Assert.DoesNotContain("。。", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("主要用于", "主要用于甲。", "。", "甲")]
    [InlineData("主要用于", "用于甲", "。", "甲")]
    [InlineData("原因：", "原因：甲；", "。", "甲")]
    [InlineData("原因：", "甲。", "）", "甲。")]
    [InlineData("共", "共计", "。", "共计")]
    public void Clean_drops_a_repeated_lead_and_a_closing_mark_before_the_templates_own(string lead, string field, string after, string kept)
    {
        var rendered = $"{lead}{TextJoin.FieldStart}{field}{TextJoin.FieldEnd}{after}";
        Assert.Equal(lead + kept + after, TextJoin.Clean(rendered));
    }
}
