using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Placeholders are recorded as data when rendered (ReportDocument's fields): what is missing and which cell, at
/// the span the prompt occupies, whatever words the placeholder is printed in; nothing reads them back from the text.
/// </summary>
public sealed class FieldSpanTests
{
    private static ReportDocument Parse(string markup) => ReportMarkup.Parse(markup, (_, _) => []);

    [Fact]
    public void A_placeholder_in_a_paragraph_is_a_field_with_its_prompt_and_cell()
    {
        var placeholder = ReportMarkup.Placeholder(Vocabulary.Bundled, "偏差原因", "绩效指标!J7");

        var document = Parse("# 标题\n原因：" + placeholder + "。");

        var paragraph = Assert.IsType<Paragraph>(Assert.Single(document.Blocks));
        Assert.Equal("原因：【待填写：偏差原因（绩效指标!J7）】。", paragraph.Text);
        var field = Assert.Single(paragraph.Fields);
        Assert.Equal(new FieldSpan(3, "【待填写：偏差原因（绩效指标!J7）】".Length, "偏差原因", "绩效指标!J7", Empty: true), field);
        Assert.Equal([field], document.Placeholders);
    }

    [Fact]
    public void A_placeholder_on_the_whole_info_sheet_keeps_the_item_it_asks_for()
    {
        var placeholder = ReportMarkup.Placeholder(Vocabulary.Bundled, "部门整体执行率偏低的原因", "基本信息", WorkbookSchema.Items.Problems);

        var document = Parse("# 标题\n执行率偏低，" + placeholder + "。");

        var field = Assert.Single(document.Placeholders);
        Assert.Equal(("部门整体执行率偏低的原因", "基本信息", WorkbookSchema.Items.Problems), (field.Title, field.Cell, field.Item));
        Assert.Equal("执行率偏低，【待填写：部门整体执行率偏低的原因（基本信息）】。", Assert.IsType<Paragraph>(document.Blocks[0]).Text);
        Assert.Null(Assert.Single(Parse(ReportMarkup.Placeholder(Vocabulary.Bundled, "偏差原因", "绩效指标!J7")).Placeholders).Item);
    }

    [Fact]
    public void A_prompt_with_parentheses_keeps_its_cell_apart()
    {
        // Read back from the text, "（指标值按年初预算…）（绩效指标!J7）" was ambiguous; recorded, it is not.
        var placeholder = ReportMarkup.Placeholder(Vocabulary.Bundled, "偏差原因（指标值按年初预算）", "绩效指标!J7");

        var field = Assert.Single(Parse(placeholder).Placeholders);

        Assert.Equal(("偏差原因（指标值按年初预算）", "绩效指标!J7"), (field.Title, field.Cell));
    }

    [Fact]
    public void Fields_keep_their_place_under_heading_and_command_prefixes_and_in_the_title()
    {
        var placeholder = ReportMarkup.Placeholder(Vocabulary.Bundled, "名称", null);

        var document = Parse($"# 关于{placeholder}的报告\n## 一、{placeholder}\n@right   {placeholder}  \n");

        Assert.Equal(new FieldSpan(2, "【待填写：名称】".Length, "名称", null, Empty: true), Assert.Single(document.TitleFields));
        var heading = Assert.IsType<Heading>(document.Blocks[0]);
        Assert.Equal("一、【待填写：名称】", heading.Text);
        Assert.Equal(2, Assert.Single(heading.Fields).Start);
        var right = Assert.IsType<Paragraph>(document.Blocks[1]);
        Assert.Equal((ParagraphKind.Right, "【待填写：名称】", 0), (right.Kind, right.Text, Assert.Single(right.Fields).Start));
        Assert.Equal(3, document.Placeholders.Count);
    }

    [Fact]
    public void A_line_that_starts_with_a_field_is_no_heading_whatever_the_field_says()
    {
        var document = Parse(ReportMarkup.Field("## 主要职责", "主要职责", "基本信息!B5", empty: false));

        var paragraph = Assert.IsType<Paragraph>(Assert.Single(document.Blocks));
        Assert.Equal("## 主要职责", paragraph.Text);
        Assert.Equal(new FieldSpan(0, 7, "主要职责", "基本信息!B5", Empty: false), Assert.Single(paragraph.Fields));
        Assert.Empty(document.Placeholders);
    }

    [Fact]
    public void A_field_over_several_lines_is_a_span_on_each_paragraph()
    {
        var document = Parse("职责：" + ReportMarkup.Field("甲\n乙", "主要职责", "基本信息!B5", empty: false) + "。");

        var paragraphs = document.Blocks.Cast<Paragraph>().ToList();
        Assert.Equal(["职责：甲", "乙。"], paragraphs.Select(p => p.Text));
        // Numbered as parts, so that import joins the lines of the one cell again (docs/report-fields.md).
        Assert.Equal([new FieldSpan(3, 1, "主要职责", "基本信息!B5", false) { Part = 1 }, new FieldSpan(0, 1, "主要职责", "基本信息!B5", false) { Part = 2 }],
            paragraphs.Select(p => Assert.Single(p.Fields)));
    }

    [Fact]
    public void The_plain_narrative_has_no_marks()
    {
        var markup = "甲" + ReportMarkup.Placeholder(Vocabulary.Bundled, "原因", "基本信息!B3") + "乙";

        Assert.Equal("甲【待填写：原因（基本信息!B3）】乙", ReportMarkup.Plain(markup));
    }

    [Fact]
    public void Every_placeholder_of_the_Shifeng_report_is_recorded_with_the_cell_its_text_names()
    {
        var analysis = GenerateJob.Analyze(Repo.SampleXlsx);
        var document = ReportRenderer.Render(analysis, Path.Combine(Repo.Templates, "default.sbn"));

        var spans = Spans(document).Where(s => !s.Field.Legend && s.Field.Empty).ToList();

        Assert.True(spans.Count > 50, $"{spans.Count} placeholders");
        Assert.Equal(document.Placeholders.Count, spans.Count);
        foreach (var (text, field) in spans)
        {
            // In body text the full prompt; in a table cell a numbered marker, the prompt in the table's legend.
            Assert.Equal(field.Marker == 0 ? Vocabulary.Bundled.Placeholder(field.Title, field.Cell) : $"【待填写{ReportTables.Circled(field.Marker)}】",
                text.Substring(field.Start, field.Length));
        }

        // Every 【待填写 of the text is one of them.
        Assert.Equal(ReportTruthTests.Texts(document).Sum(t => t.Split(Vocabulary.PlaceholderMark).Length - 1), spans.Count);
    }

    [Fact]
    public void The_docx_highlights_exactly_the_recorded_placeholders()
    {
        var analysis = GenerateJob.Analyze(Repo.SampleXlsx);
        var document = ReportRenderer.Render(analysis, Path.Combine(Repo.Templates, "default.sbn"));
        using var stream = new MemoryStream(Output.DocxWriterTests.WriteBytes(document));
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);

        var highlighted = docx.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Run>()
            .Where(run => run.RunProperties?.Highlight is not null).Select(run => run.InnerText).ToList();

        Assert.Equal(Spans(document).Select(s => s.Text.Substring(s.Field.Start, s.Field.Length)), highlighted);
    }

    /// <summary>Every placeholder span with the text it is in, in the order of the document (a table's legend after its cells).</summary>
    private static IEnumerable<(string Text, FieldSpan Field)> Spans(ReportDocument document) => document.Blocks.SelectMany(block => block switch
    {
        Paragraph p => p.Fields.Select(f => (p.Text, f)),
        Heading h => h.Fields.Select(f => (h.Text, f)),
        TableBlock t => t.Table.Rows.SelectMany(r => r.Cells).Where(c => c.Merge != VerticalMerge.Continue).SelectMany(c => c.Fields.Select(f => (c.Text, f)))
            .Concat(t.Table.Legend.SelectMany(p => p.Fields.Select(f => (p.Text, f)))),
        _ => [],
    }).Where(s => s.f.Empty).Select(s => (s.Item1, s.f));
}
