using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Output;

/// <summary>Report models built in code for the writer tests: every block type, merges, spans, placeholders.</summary>
internal static class SampleReports
{
    public const string LongParagraph =
        "2023年，本部门认真贯彻落实预算法及其实施条例，坚持过紧日子的要求，统筹安排基本支出和项目支出，"
        + "严格执行预算，强化绩效管理，全年预算执行总体平稳，资金使用效益进一步提高，各项工作任务顺利完成。";

    public static ReportDocument Small() => new(
        "某某县文化旅游局2023年度部门整体支出绩效自评报告",
        [
            new Heading(1, "一、预算单位基本情况"),
            new Paragraph(LongParagraph),
            new Heading(2, "（一）部门职能"),
            PlaceholderSpans.Paragraph("全年预算执行率为81.68%，原因是【请填写偏差原因】，下一步将【请填写改进措施】。"),
            new Heading(3, "1.项目支出"),
            new Heading(4, "（1）文明建设经费"),
            new Paragraph("某某县文化旅游局", ParagraphKind.Right),
            new Paragraph("二〇二四年三月", ParagraphKind.Right),
            new PageBreak(),
            new Paragraph("附件1", ParagraphKind.Plain),
            new Paragraph("（单位：万元）", ParagraphKind.Centered),
            new TableBlock(IndicatorTable(groups: 2, perGroup: 2)),
        ]);

    /// <summary>A 项目支出绩效自评表-like table: two header rows, a spanned title row, 一级 / 二级 cells merged down.</summary>
    public static ReportTable IndicatorTable(int groups, int perGroup)
    {
        var rows = new List<TableRow>
        {
            new([
                new TableCell("绩效指标", ColSpan: 3, Bold: true),
                new TableCell("年度指标值", Merge: VerticalMerge.Restart, Bold: true),
                new TableCell("实际完成值", Merge: VerticalMerge.Restart, Bold: true),
                new TableCell("分值", Merge: VerticalMerge.Restart, Bold: true),
                new TableCell("得分", Merge: VerticalMerge.Restart, Bold: true),
                new TableCell("偏差原因分析及改进措施", Merge: VerticalMerge.Restart, Bold: true),
            ]),
            new([
                new TableCell("一级指标", Bold: true),
                new TableCell("二级指标", Bold: true),
                new TableCell("三级指标", Bold: true),
                new TableCell(string.Empty, Merge: VerticalMerge.Continue),
                new TableCell(string.Empty, Merge: VerticalMerge.Continue),
                new TableCell(string.Empty, Merge: VerticalMerge.Continue),
                new TableCell(string.Empty, Merge: VerticalMerge.Continue),
                new TableCell(string.Empty, Merge: VerticalMerge.Continue),
            ]),
        };
        string[] first = ["产出指标", "效益指标", "满意度指标"];
        string[] second = ["数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度"];
        for (var g = 0; g < groups; g++)
        {
            for (var i = 0; i < perGroup; i++)
            {
                var merge = i == 0 ? VerticalMerge.Restart : VerticalMerge.Continue;
                rows.Add(new TableRow([
                    new TableCell(first[g % first.Length], Merge: merge),
                    new TableCell(second[g % second.Length], Merge: merge),
                    new TableCell($"开展文化惠民演出第{i + 1}项", Align: CellAlign.Left),
                    new TableCell("≥3000篇"),
                    new TableCell("3125篇"),
                    new TableCell("10", Align: CellAlign.Right),
                    new TableCell("10.00", Align: CellAlign.Right),
                    new TableCell(i % 3 == 0 ? "【请填写偏差原因】" : "无", Align: CellAlign.Left) { Fields = PlaceholderSpans.Of(i % 3 == 0 ? "【请填写偏差原因】" : "无") },
                ]));
            }
        }

        rows.Add(new TableRow([new TableCell("总分", ColSpan: 5, Bold: true), new TableCell("100"), new TableCell("92.40"), new TableCell("优")]));
        return new ReportTable("项目支出绩效自评表", [1.1, 1.1, 2.2, 1.3, 1.2, 0.7, 0.9, 2], rows, HeaderRows: 2,
            Note: "注：得分保留两位小数。");
    }

    /// <summary>The document to look at in LibreOffice: long enough to wrap and for the table to cross a page.</summary>
    public static ReportDocument ForLooking()
    {
        var blocks = new List<Block>
        {
            new Heading(1, "一、预算单位基本情况"),
            new Paragraph(LongParagraph + LongParagraph),
            new Heading(2, "（一）部门职能"),
            new Paragraph(LongParagraph),
            new Heading(3, "1.机构设置"),
            new Paragraph("本部门内设机构5个，下属单位2个，编制人数45人，实有人数43人。" + LongParagraph),
            new Heading(1, "二、预算收支情况"),
            PlaceholderSpans.Paragraph("全年预算收入560.75万元，全年支出458.04万元，预算执行率81.68%，低于90%的原因是【请填写偏差原因】。"),
            new Heading(4, "（1）基本支出"),
            new Paragraph(LongParagraph + LongParagraph + LongParagraph),
            new Paragraph("某某县文化旅游局", ParagraphKind.Right),
            new Paragraph("2024年3月15日", ParagraphKind.Right),
            new PageBreak(),
            new Paragraph("附件1", ParagraphKind.Plain),
            new TableBlock(IndicatorTable(groups: 5, perGroup: 6)),
            new Paragraph(LongParagraph),
        };
        return new ReportDocument("某某县文化旅游局2023年度部门整体支出绩效自评报告", blocks);
    }
}
