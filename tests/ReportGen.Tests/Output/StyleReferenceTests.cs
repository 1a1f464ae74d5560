using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Tests.TestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Tests.Output;

public sealed class StyleReferenceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rg-style-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// A reference document as Word would save one: Chinese style names with ids like "a3", a Normal style with id
    /// "a", a heading based on a style of its own, and Letter-size margins.
    /// </summary>
    private string BuildReference(bool withSection = true)
    {
        var path = Path.Combine(_folder, "reference.docx");
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var styles = new W.Styles(
            ParagraphStyle("a", "Normal", basedOn: null, eastAsia: "等线"),
            ParagraphStyle("a3", DocxWriter.StyleIds.Names[DocxWriter.StyleIds.Body], basedOn: "a", eastAsia: "楷体"),
            ParagraphStyle("MyBase", "我的基础样式", basedOn: "a", eastAsia: "华文中宋"),
            ParagraphStyle(DocxWriter.StyleIds.Heading1, "whatever", basedOn: "MyBase", eastAsia: null),
            ParagraphStyle("Unused", "不相干", basedOn: null, eastAsia: "隶书"));
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
        var body = new W.Body(new W.Paragraph(new W.Run(new W.Text("参考"))));
        if (withSection)
        {
            body.Append(new W.SectionProperties(
                new W.PageSize { Width = 12240, Height = 15840 },
                new W.PageMargin { Top = 1440, Right = 1440, Bottom = 1440, Left = 1440, Header = 720, Footer = 720, Gutter = 0 }));
        }

        main.Document = new W.Document(body);
        return path;
    }

    private static W.Style ParagraphStyle(string id, string name, string? basedOn, string? eastAsia)
    {
        var style = new W.Style(new W.StyleName { Val = name }) { Type = W.StyleValues.Paragraph, StyleId = id };
        if (basedOn is not null)
        {
            style.Append(new W.BasedOn { Val = basedOn });
        }

        if (eastAsia is not null)
        {
            style.Append(new W.StyleRunProperties(new W.RunFonts { EastAsia = eastAsia, EastAsiaTheme = W.ThemeFontValues.MinorEastAsia }));
        }

        return style;
    }

    private static List<W.Style> OutputStyles(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>()
            .Select(style => (W.Style)style.CloneNode(true)).ToList();
    }

    [Fact]
    public void A_style_matched_by_name_replaces_ours_under_our_id()
    {
        var bytes = DocxWriterTests.WriteBytes(SampleReports.Small(), styleReference: BuildReference());

        var styles = OutputStyles(bytes);
        var body = styles.Single(style => style.StyleId == DocxWriter.StyleIds.Body);
        Assert.Equal("楷体", body.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Null(body.StyleRunProperties.RunFonts.EastAsiaTheme); // there is no theme part to point at
        Assert.Equal("Normal", body.BasedOn!.Val!.Value); // their "a" is named Normal: it maps to ours
        Assert.DoesNotContain(styles, style => style.StyleId == "a3" || style.StyleId == "a" || style.StyleId == "Unused");
    }

    [Fact]
    public void A_style_matched_by_id_brings_its_base_style_along()
    {
        var bytes = DocxWriterTests.WriteBytes(SampleReports.Small(), styleReference: BuildReference());

        var styles = OutputStyles(bytes);
        var heading = styles.Single(style => style.StyleId == DocxWriter.StyleIds.Heading1);
        Assert.Equal("MyBase", heading.BasedOn!.Val!.Value);
        var imported = styles.Single(style => style.StyleId == "MyBase");
        Assert.Equal("华文中宋", imported.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("Normal", imported.BasedOn!.Val!.Value);
    }

    [Fact]
    public void Unmatched_styles_keep_the_layout()
    {
        var bytes = DocxWriterTests.WriteBytes(SampleReports.Small(), styleReference: BuildReference());

        var title = OutputStyles(bytes).Single(style => style.StyleId == DocxWriter.StyleIds.Title);
        Assert.Equal("方正小标宋简体", title.StyleRunProperties!.RunFonts!.EastAsia!.Value);
    }

    [Fact]
    public void The_reference_page_setup_is_used_and_the_result_is_valid()
    {
        var bytes = DocxWriterTests.WriteBytes(SampleReports.Small(), styleReference: BuildReference());

        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var section = document.MainDocumentPart!.Document!.Body!.Elements<W.SectionProperties>().Single();
        Assert.Equal(12240u, section.GetFirstChild<W.PageSize>()!.Width!.Value);
        Assert.Equal(1440u, section.GetFirstChild<W.PageMargin>()!.Left!.Value);
        Assert.Equal(2, section.Elements<W.FooterReference>().Count());
        var table = document.MainDocumentPart.Document.Body.Elements<W.Table>().Single();
        Assert.Equal(12240 - 2880, table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Sum(column => int.Parse(column.Width!.Value!, CultureInfo.InvariantCulture)));
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document));
    }

    [Fact]
    public void A_reference_without_page_setup_keeps_the_official_margins()
    {
        var bytes = DocxWriterTests.WriteBytes(SampleReports.Small(), styleReference: BuildReference(withSection: false));

        Assert.Contains("margins top 37 right 26 bottom 35 left 28 mm", DocxDump.Dump(new MemoryStream(bytes)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_reference_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => DocxWriterTests.WriteBytes(SampleReports.Small(), styleReference: Path.Combine(_folder, "无.docx")));

        Assert.Contains("找不到样式参考文档", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_that_is_not_a_docx_is_an_input_error_and_the_target_is_untouched()
    {
        var reference = Path.Combine(_folder, "参考.docx");
        File.WriteAllText(reference, "这不是 Word 文件");
        var target = Path.Combine(_folder, "报告.docx");
        File.WriteAllText(target, "旧内容");

        var error = Assert.Throws<InputException>(() => DocxWriter.WriteFile(SampleReports.Small(), target, DocxLayout.Default, reference));

        Assert.Contains("不是有效的 Word 文档", error.Message, StringComparison.Ordinal);
        Assert.Equal("旧内容", File.ReadAllText(target));
        Assert.Equal(["参考.docx", "报告.docx"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
