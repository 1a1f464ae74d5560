using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Tests.TestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Tests.Output;

public class DocxWriterTests
{
    internal static byte[] WriteBytes(ReportDocument document, DocxLayout? layout = null, string? styleReference = null)
    {
        using var stream = new MemoryStream();
        DocxWriter.Write(document, stream, layout ?? DocxLayout.Default, styleReference);
        return stream.ToArray();
    }

    private static T Read<T>(byte[] bytes, Func<WordprocessingDocument, T> read)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        return read(document);
    }

    private static W.Style Style(WordprocessingDocument document, string id) =>
        document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Single(style => style.StyleId == id);

    [Fact]
    public void Output_passes_the_Open_XML_validator()
    {
        var bytes = WriteBytes(SampleReports.Small());

        var errors = Read(bytes, document => new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document)
            .Select(error => $"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}").ToList());

        Assert.Empty(errors);
    }

    [Fact]
    public void Long_sample_with_a_page_crossing_table_passes_the_validator()
    {
        var bytes = WriteBytes(SampleReports.ForLooking());

        var errors = Read(bytes, document => new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document).Count());

        Assert.Equal(0, errors);
    }

    [Fact]
    public void Same_input_gives_identical_bytes()
    {
        var first = WriteBytes(SampleReports.Small());
        Thread.Sleep(1100); // a zip timestamp has two-second resolution; cross at least one tick boundary
        var second = WriteBytes(SampleReports.Small());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Package_has_fixed_relationship_ids_and_timestamps()
    {
        var bytes = WriteBytes(SampleReports.Small());

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        Assert.Equal("[Content_Types].xml", zip.Entries[0].FullName);
        Assert.All(zip.Entries, entry => Assert.Equal(2000, entry.LastWriteTime.Year));
        using var rels = new StreamReader(zip.GetEntry("_rels/.rels")!.Open());
        Assert.Contains("Id=\"rId1\"", rels.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Page_is_A4_with_official_margins_in_twips()
    {
        var bytes = WriteBytes(SampleReports.Small());

        var section = Read(bytes, document => document.MainDocumentPart!.Document!.Body!.Elements<W.SectionProperties>().Single()
            .CloneNode(true));
        var size = section.GetFirstChild<W.PageSize>()!;
        var margin = section.GetFirstChild<W.PageMargin>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.Equal(2098, margin.Top!.Value);
        Assert.Equal(1984, margin.Bottom!.Value);
        Assert.Equal(1587u, margin.Left!.Value);
        Assert.Equal(1474u, margin.Right!.Value);
        Assert.Equal(8845u, size.Width!.Value - margin.Left!.Value - margin.Right!.Value); // 156 mm
    }

    [Theory]
    [InlineData(DocxWriter.StyleIds.Title, "方正小标宋简体", "44")]
    [InlineData(DocxWriter.StyleIds.Body, "仿宋_GB2312", "32")]
    [InlineData(DocxWriter.StyleIds.Heading1, "黑体", "32")]
    [InlineData(DocxWriter.StyleIds.Heading2, "楷体_GB2312", "32")]
    [InlineData(DocxWriter.StyleIds.Heading3, "仿宋_GB2312", "32")]
    [InlineData(DocxWriter.StyleIds.TableText, "仿宋_GB2312", "21")]
    [InlineData(DocxWriter.StyleIds.PageNumber, "宋体", "28")]
    public void Styles_set_East_Asian_fonts_and_sizes(string styleId, string font, string size)
    {
        var bytes = WriteBytes(SampleReports.Small());

        var (eastAsia, ascii, halfPoints) = Read(bytes, document =>
        {
            var run = Style(document, styleId).StyleRunProperties!;
            return (run.RunFonts!.EastAsia!.Value, run.RunFonts.Ascii!.Value, run.FontSize!.Val!.Value);
        });
        Assert.Equal(font, eastAsia);
        Assert.Equal(styleId == DocxWriter.StyleIds.PageNumber ? "宋体" : "Times New Roman", ascii);
        Assert.Equal(size, halfPoints);
    }

    [Fact]
    public void Font_names_come_from_the_layout()
    {
        var layout = DocxLayout.Default with { BodyFont = "FangSong", LatinFont = "Arial" };

        var bytes = WriteBytes(SampleReports.Small(), layout);

        var fonts = Read(bytes, document => Style(document, DocxWriter.StyleIds.Body).StyleRunProperties!.RunFonts!.CloneNode(true));
        Assert.Equal(("FangSong", "Arial"), (((W.RunFonts)fonts).EastAsia!.Value, ((W.RunFonts)fonts).HighAnsi!.Value));
    }

    [Fact]
    public void Body_is_justified_with_a_two_character_indent_and_exact_line_spacing()
    {
        var bytes = WriteBytes(SampleReports.Small());

        var (indentChars, indent, line, rule, align) = Read(bytes, document =>
        {
            var paragraph = Style(document, DocxWriter.StyleIds.Body).StyleParagraphProperties!;
            return (paragraph.Indentation!.FirstLineChars!.Value, paragraph.Indentation.FirstLine!.Value,
                paragraph.SpacingBetweenLines!.Line!.Value, paragraph.SpacingBetweenLines.LineRule!.Value,
                paragraph.Justification!.Val!.Value);
        });
        Assert.Equal(200, indentChars);
        Assert.Equal("640", indent);
        Assert.Equal("578", line);
        Assert.Equal(W.LineSpacingRuleValues.Exact, rule);
        Assert.Equal(W.JustificationValues.Both, align);
    }

    [Theory]
    [InlineData(DocxWriter.StyleIds.Heading1, 0)]
    [InlineData(DocxWriter.StyleIds.Heading2, 1)]
    [InlineData(DocxWriter.StyleIds.Heading3, 2)]
    [InlineData(DocxWriter.StyleIds.Heading4, 3)]
    public void Headings_carry_outline_levels_and_are_indented_like_body_text(string styleId, int level)
    {
        var bytes = WriteBytes(SampleReports.Small());

        var (outline, indentChars) = Read(bytes, document =>
        {
            var paragraph = Style(document, styleId).StyleParagraphProperties!;
            return (paragraph.OutlineLevel!.Val!.Value, paragraph.Indentation!.FirstLineChars!.Value);
        });
        Assert.Equal(level, outline);
        Assert.Equal(200, indentChars);
    }

    [Fact]
    public void Title_is_centred()
    {
        var bytes = WriteBytes(SampleReports.Small());

        var align = Read(bytes, document => Style(document, DocxWriter.StyleIds.Title).StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(W.JustificationValues.Center, align);
    }

    /// <summary>
    /// The East Asian hint goes on the runs that need it (quotes, dashes, the middle dot: Word picks their font by the
    /// hint) and not on runs of Chinese characters and ASCII, whose font is fixed; spaces that XML would drop are kept.
    /// </summary>
    [Fact]
    public void Runs_carry_the_East_Asian_hint_only_for_characters_set_by_it_and_keep_their_spaces()
    {
        var bytes = WriteBytes(new ReportDocument("标题", [
            new Paragraph("开展“学习强国”活动—共3次"),
            new Paragraph("全年预算执行率为81.68%"),
            new Paragraph(" 前后有空格 "),
        ]));

        var runs = Read(bytes, document => document.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>()
            .Where(paragraph => paragraph.InnerText != "标题")
            .Select(paragraph => paragraph.Elements<W.Run>().Single())
            .Select(run => (Hint: run.RunProperties?.RunFonts?.Hint?.Value, Text: run.GetFirstChild<W.Text>()!))
            .ToList());

        Assert.Equal(W.FontTypeHintValues.EastAsia, runs[0].Hint);
        Assert.Null(runs[1].Hint);
        Assert.Null(runs[0].Text.Space);
        Assert.Equal(SpaceProcessingModeValues.Preserve, runs[2].Text.Space?.Value);
        Assert.Equal(" 前后有空格 ", runs[2].Text.Text);
    }

    [Fact]
    public void Placeholders_are_separate_highlighted_runs()
    {
        var bytes = WriteBytes(SampleReports.Small());

        var highlighted = Read(bytes, document => document.MainDocumentPart!.Document!.Body!.Descendants<W.Run>()
            .Where(run => run.RunProperties?.Highlight?.Val?.Value == W.HighlightColorValues.Yellow)
            .Select(run => run.InnerText).ToList());
        Assert.Equal(["【请填写偏差原因】", "【请填写改进措施】", "【请填写偏差原因】", "【请填写偏差原因】"], highlighted);
    }

    [Fact]
    public void Even_and_odd_pages_have_their_own_footer_with_a_PAGE_field()
    {
        var bytes = WriteBytes(SampleReports.Small());

        var (evenAndOdd, footers) = Read(bytes, document =>
        {
            var main = document.MainDocumentPart!;
            var section = main.Document!.Body!.Elements<W.SectionProperties>().Single();
            var found = section.Elements<W.FooterReference>().Select(reference =>
            {
                var footer = ((FooterPart)main.GetPartById(reference.Id!.Value!)).Footer!;
                var paragraph = footer.Elements<W.Paragraph>().Single();
                return (reference.Type!.Value, paragraph.ParagraphProperties!.Justification!.Val!.Value,
                    footer.Descendants<W.FieldCode>().Single().Text.Trim());
            }).ToList();
            return (main.DocumentSettingsPart!.Settings!.GetFirstChild<W.EvenAndOddHeaders>() is not null, found);
        });
        Assert.True(evenAndOdd);
        Assert.Contains((W.HeaderFooterValues.Default, W.JustificationValues.Right, "PAGE"), footers);
        Assert.Contains((W.HeaderFooterValues.Even, W.JustificationValues.Left, "PAGE"), footers);
    }

    [Fact]
    public void Tables_have_fixed_widths_over_the_text_width_borders_and_repeated_header_rows()
    {
        var bytes = WriteBytes(SampleReports.Small());

        Read(bytes, document =>
        {
            var table = document.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Single();
            var properties = table.GetFirstChild<W.TableProperties>()!;
            Assert.Equal(W.TableLayoutValues.Fixed, properties.GetFirstChild<W.TableLayout>()!.Type!.Value);
            Assert.NotNull(properties.GetFirstChild<W.TableBorders>()!.GetFirstChild<W.InsideHorizontalBorder>());
            var grid = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(column => int.Parse(column.Width!.Value!, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(8, grid.Count);
            Assert.Equal(8845, grid.Sum());
            var rows = table.Elements<W.TableRow>().ToList();
            Assert.All(rows, row => Assert.NotNull(row.TableRowProperties!.GetFirstChild<W.CantSplit>()));
            Assert.Equal([true, true, false], rows.Take(3).Select(row => row.TableRowProperties!.GetFirstChild<W.TableHeader>() is not null));
            var firstCell = rows[0].Elements<W.TableCell>().First().TableCellProperties!;
            Assert.Equal(3, firstCell.GridSpan!.Val!.Value);
            Assert.Equal(grid.Take(3).Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), firstCell.TableCellWidth!.Width!.Value);
            Assert.Equal(W.TableVerticalAlignmentValues.Center, firstCell.TableCellVerticalAlignment!.Val!.Value);
            return 0;
        });
    }

    [Fact]
    public void Column_widths_add_up_exactly()
    {
        var widths = DocxWriter.GridWidths([1, 1, 1], 8845, "表");

        Assert.Equal([2948, 2949, 2948], widths);
    }

    [Fact]
    public void A_row_wider_than_the_table_is_refused_with_its_location()
    {
        var table = new ReportTable("预算执行差异表", [1, 1], [new TableRow([new TableCell("a", ColSpan: 2), new TableCell("b")])]);

        var error = Assert.Throws<ArgumentException>(() => WriteBytes(new ReportDocument("标题", [new TableBlock(table)])));

        Assert.Contains("预算执行差异表", error.Message, StringComparison.Ordinal);
        Assert.Contains("第1行", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_break_becomes_page_break_before_on_the_next_paragraph()
    {
        var bytes = WriteBytes(SampleReports.Small());

        var flagged = Read(bytes, document => document.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>()
            .Where(paragraph => paragraph.ParagraphProperties?.PageBreakBefore is not null)
            .Select(paragraph => paragraph.InnerText).ToList());
        Assert.Equal(["附件1"], flagged);
    }

    [Fact]
    public void Line_feeds_and_tabs_become_breaks_and_tabs_and_levels_are_clamped()
    {
        var document = new ReportDocument("标题", [new Heading(7, "第一行\n第二行\t【待填】") { Fields = PlaceholderSpans.Of("第一行\n第二行\t【待填】") }]);

        var (style, breaks, tabs, highlighted) = Read(WriteBytes(document), doc =>
        {
            var paragraph = doc.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().Last();
            return (paragraph.ParagraphProperties!.ParagraphStyleId!.Val!.Value, paragraph.Descendants<W.Break>().Count(),
                paragraph.Descendants<W.TabChar>().Count(),
                paragraph.Descendants<W.Run>().Single(run => run.RunProperties?.Highlight is not null).InnerText);
        });
        Assert.Equal((DocxWriter.StyleIds.Heading4, 1, 1, "【待填】"), (style, breaks, tabs, highlighted));
    }
}
