using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>
/// 湖南 区级专项资金绩效目标汇总表 (the Shifeng 2023 forms): 序号 | 名称 | 金额 | 实施期绩效目标 | 年度绩效目标. A 序号 in Chinese
/// numerals (一、二…) names a 专项; the numbered rows under it are its projects; a 专项 without rows under it is
/// itself the project. The 合计 row is kept as the stated total.
/// </summary>
internal static partial class HunanSummaryRecognizer
{
    private static readonly Dictionary<string, Func<string, bool>> Roles = new()
    {
        ["序号"] = key => key is "序号",
        ["名称"] = key => key is "名称" or "项目名称" or "专项名称",
        ["金额"] = key => key is "金额" or "项目金额",
        ["实施期目标"] = key => key is "实施期绩效目标" or "实施期目标",
        ["年度目标"] = key => key is "年度绩效目标" or "年度目标",
    };

    public static SummaryForm? Read(FormSegment segment, ICollection<SkippedItem> skipped)
    {
        var map = FormHeader.Of(segment.Rows[0], Roles);
        var entries = new List<SummaryEntry>();
        var programs = new List<(SummaryEntry Entry, int Children)>();
        decimal? total = null;
        SourceLocation? totalLocation = null;
        for (var r = 1; r < segment.Rows.Count; r++)
        {
            var row = segment.Rows[r];
            if (BlockReader.IsTerminator(row) && !row.Cells.Any(cell => FormText.LabelKey(cell.Text) == "合计"))
            {
                break;
            }

            var number = FormText.LabelKey(map.Text(row, "序号"));
            var name = FormText.OneLine(map.Text(row, "名称"));
            var amountCell = map.Cell(row, "金额");
            var amount = FormText.ReadAmount(amountCell?.Text, segment.Unit).Value;
            var location = amountCell is null ? row.Location : row.CellLocation(amountCell.Column);
            if (number == "合计" || FormText.LabelKey(name) == "合计")
            {
                total = amount;
                totalLocation = location;
                continue;
            }

            if (name.Length == 0)
            {
                continue;
            }

            var entry = new SummaryEntry(name, null, amount, Optional(map.Text(row, "实施期目标")), Optional(map.Text(row, "年度目标")), location);
            if (ChineseNumber().IsMatch(number))
            {
                programs.Add((entry, 0));
            }
            else
            {
                if (programs.Count > 0)
                {
                    programs[^1] = (programs[^1].Entry, programs[^1].Children + 1);
                    entry = entry with { Program = programs[^1].Entry.Name };
                }

                entries.Add(entry);
            }
        }

        entries.AddRange(programs.Where(program => program.Children == 0).Select(program => program.Entry));
        if (entries.Count == 0)
        {
            skipped.Add(new SkippedItem(segment.Location, "汇总表中没有项目行，未导入"));
            return null;
        }

        return new SummaryForm(FormLayout.HunanSummary, segment.Location)
        {
            Entries = entries,
            StatedTotal = total,
            StatedTotalLocation = totalLocation,
        };
    }

    private static string? Optional(string text)
    {
        var paragraphs = FormText.Goal(text);
        return paragraphs.Length == 0 ? null : paragraphs;
    }

    [GeneratedRegex(@"^[一二三四五六七八九十]+[、.]?$")]
    private static partial Regex ChineseNumber();
}
