using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Tests.TestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Tests.Output;

public class DocxDumpTests
{
    private static string DumpOf(ReportGen.Model.ReportDocument document) =>
        DocxDump.Dump(new MemoryStream(DocxWriterTests.WriteBytes(document)));

    private static string[] Lines(string dump) => dump.Split('\n');

    [Fact]
    public void Dump_of_the_small_sample()
    {
        const string expected = """
            [section 1] A4 210×297mm (11906×16838 twips); margins top 37 right 26 bottom 35 left 28 mm (2098/1474/1984/1587 twips); header 15 footer 23 gutter 0 mm; even-odd-headers
            [footer default] RGPageNumber @right | — {PAGE} —
            [footer even] RGPageNumber @left | — {PAGE} —
            RGTitle | 某某县文化旅游局2023年度部门整体支出绩效自评报告
            RGHeading1 | 一、预算单位基本情况
            RGBody | 2023年，本部门认真贯彻落实预算法及其实施条例，坚持过紧日子的要求，统筹安排基本支出和项目支出，严格执行预算，强化绩效管理，全年预算执行总体平稳，资金使用效益进一步提高，各项工作任务顺利完成。
            RGHeading2 | （一）部门职能
            RGBody | 全年预算执行率为81.68%，原因是【请填写偏差原因】，下一步将【请填写改进措施】。
            RGHeading3 | 1.项目支出
            RGHeading4 | （1）文明建设经费
            RGRight | 某某县文化旅游局
            RGRight | 二〇二四年三月
            [page-break]
            RGPlain | 附件1
            RGCentered | （单位：万元）
            [table] 项目支出绩效自评表
            | <span=3>绩效指标 | <v>年度指标值 | <v>实际完成值 | <v>分值 | <v>得分 | <v>偏差原因分析及改进措施 | (header)
            | 一级指标 | 二级指标 | 三级指标 | ^ | ^ | ^ | ^ | ^ | (header)
            | <v>产出指标 | <v>数量指标 | 开展文化惠民演出第1项 | ≥3000篇 | 3125篇 | 10 | 10.00 | 【请填写偏差原因】 |
            | ^ | ^ | 开展文化惠民演出第2项 | ≥3000篇 | 3125篇 | 10 | 10.00 | 无 |
            | <v>效益指标 | <v>质量指标 | 开展文化惠民演出第1项 | ≥3000篇 | 3125篇 | 10 | 10.00 | 【请填写偏差原因】 |
            | ^ | ^ | 开展文化惠民演出第2项 | ≥3000篇 | 3125篇 | 10 | 10.00 | 无 |
            | <span=5>总分 | 100 | 92.40 | 优 |
            RGNote | 注：得分保留两位小数。

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), DumpOf(SampleReports.Small()));
    }

    [Fact]
    public void Dump_marks_headings_merges_header_rows_and_the_page_number_field()
    {
        var lines = Lines(DumpOf(SampleReports.Small()));

        Assert.Contains("RGHeading2 | （一）部门职能", lines);
        Assert.Contains(lines, line => line.StartsWith("| ^ | ^ | 开展文化惠民演出第2项", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("| <span=3>绩效指标", StringComparison.Ordinal) && line.EndsWith("(header)", StringComparison.Ordinal));
        Assert.Contains("[footer default] RGPageNumber @right | — {PAGE} —", lines);
        Assert.DoesNotContain(lines, line => line.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public void A_trailing_page_break_and_a_bare_table_are_dumped()
    {
        var table = new ReportGen.Model.ReportTable(string.Empty, [1, 1], [new([new("甲"), new("乙")])], HeaderRows: 0);
        var document = new ReportGen.Model.ReportDocument(string.Empty,
            [new ReportGen.Model.PageBreak(), new ReportGen.Model.TableBlock(table), new ReportGen.Model.PageBreak()]);

        var body = Lines(DumpOf(document)).SkipWhile(line => line.StartsWith('[') && !line.StartsWith("[page", StringComparison.Ordinal) && !line.StartsWith("[table", StringComparison.Ordinal));

        // The break paragraph after the table also keeps it from being the body's last element.
        Assert.Equal(["[page-break]", "[table]", "| 甲 | 乙 |", "[page-break]", string.Empty], body);
    }

    [Fact]
    public void Adjacent_tables_are_kept_apart_and_the_body_does_not_end_with_a_table()
    {
        var table = new ReportGen.Model.ReportTable(string.Empty, [1], [new([new("甲")])], HeaderRows: 0);
        var document = new ReportGen.Model.ReportDocument("标题", [new ReportGen.Model.TableBlock(table), new ReportGen.Model.TableBlock(table)]);

        var body = Lines(DumpOf(document)).SkipWhile(line => !line.StartsWith("RGTitle", StringComparison.Ordinal)).Skip(1);

        Assert.Equal(["[table]", "| 甲 |", "RGPlain |", "[table]", "| 甲 |", "RGPlain |", string.Empty], body);
    }

    /// <summary>
    /// A document as other tools write it: no styles part, LibreOffice's w:val="true" on tblHeader (not in the SDK's
    /// enum), vMerge without a value, a hyperlink, a simple field, a page break run, a deletion, a second section.
    /// </summary>
    [Fact]
    public void Dump_reads_documents_it_did_not_write()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var headerFlag = new W.TableHeader();
            headerFlag.SetAttribute(new OpenXmlAttribute("w", "val", "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "true"));
            main.Document = new W.Document(new W.Body(
                new W.Paragraph(
                    new W.Run(new W.Text("见")),
                    new W.Hyperlink(new W.Run(new W.Text("附件"))) { Anchor = "a" },
                    new W.SimpleField(new W.Run(new W.Text("3"))) { Instruction = " NUMPAGES " },
                    new W.DeletedRun(new W.Run(new W.DeletedText("删掉的"))),
                    new W.Run(new W.Break { Type = W.BreakValues.Page })),
                new W.Paragraph(
                    new W.ParagraphProperties(new W.SectionProperties(new W.PageSize { Width = 16838, Height = 11906, Orient = W.PageOrientationValues.Landscape })),
                    new W.Run(new W.Text("横向页"))),
                new W.Table(
                    new W.TableRow(new W.TableRowProperties(headerFlag), new W.TableCell(new W.Paragraph(new W.Run(new W.Text("表头"))))),
                    new W.TableRow(new W.TableCell(new W.TableCellProperties(new W.VerticalMerge()), new W.Paragraph()))),
                new W.Paragraph(),
                new W.SectionProperties(new W.PageSize { Width = 12240, Height = 15840 })));
        }

        var dump = DocxDump.Dump(new NonSeekableStream(stream.ToArray()));

        Assert.Equal(
            """
            [section 1] A4 297×210mm (16838×11906 twips); landscape
            - | 见附件{NUMPAGES}
            [page-break]
            - | 横向页
            [section-break]
            [section 2] 215.9×279.4mm (12240×15840 twips)
            [table]
            | 表头 | (header)
            | ^ |
            - |

            """.ReplaceLineEndings("\n"),
            dump);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
