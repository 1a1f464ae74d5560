using System.Text.RegularExpressions;

namespace ReportGen.Import;

/// <summary>Reads the table blocks every layout shares: indicator rows, 重点工作 rows, 支出明细 rows.</summary>
internal static partial class BlockReader
{
    private static readonly Dictionary<string, Func<string, bool>> IndicatorRoles = new()
    {
        ["一级"] = key => key is "一级指标" or "一级",
        ["二级"] = key => key is "二级指标" or "二级",
        ["三级"] = key => key is "三级指标" or "三级" or "指标名称",
        ["依据"] = key => key.StartsWith("指标值确定依据", StringComparison.Ordinal) || key == "确定依据",
        ["指标值"] = key => key is "指标值及单位" or "指标值" or "本年度预期指标" or "预期达到目标" or "年度指标值"
            or "目标值" or "预期指标值" or "预期目标值" or "年度目标值",
        ["单位"] = key => key is "计算单位" or "计量单位" or "单位" or "度量单位",
        ["标准"] = key => key is "绩效标准" or "评分标准" or "评价标准",
        ["描述"] = key => key is "指标解释" or "绩效指标描述" or "指标描述" or "指标内容",
        ["说明"] = key => key.StartsWith("指标说明", StringComparison.Ordinal) || key.StartsWith("说明及公", StringComparison.Ordinal),
    };

    private static readonly Dictionary<string, Func<string, bool>> TaskRoles = new()
    {
        ["事项"] = key => key is "事项" or "重点工作" or "工作事项",
        ["责任单位"] = key => key.StartsWith("责任单位", StringComparison.Ordinal) || key.StartsWith("责任科室", StringComparison.Ordinal),
        ["工作目标"] = key => key is "工作目标" or "目标",
    };

    private static readonly Dictionary<string, Func<string, bool>> DetailRoles = new()
    {
        ["内容"] = key => key is "支出内容简介" or "支出内容" or "项目内容" or "支出项目",
        ["明细"] = key => key is "支出明细" or "明细",
        ["金额"] = key => key is "金额" or "测算金额" or "支出金额" or "预算金额",
        ["依据"] = key => !key.StartsWith("支出明细及", StringComparison.Ordinal)
                        && (key.Contains("测算依据", StringComparison.Ordinal) || key.Contains("测算说明", StringComparison.Ordinal)
                            || key == "说明"),
    };

    public static bool IsIndicatorHeader(FormRow row)
    {
        var map = FormHeader.Of(row, IndicatorRoles);
        return map.Has("三级") && (map.Has("一级") || map.Has("二级"));
    }

    public static bool IsTaskHeader(FormRow row)
    {
        var map = FormHeader.Of(row, TaskRoles);
        return map.Has("事项") && map.Has("工作目标");
    }

    /// <summary>A row that ends a block: a signature line, another section, a Guangdong 任务 line.</summary>
    public static bool IsTerminator(FormRow row) => row.Cells.Any(cell =>
    {
        if (cell.IsVerticalCopy || cell.Text.Length == 0)
        {
            return false;
        }

        var key = FormText.LabelKey(cell.Text);
        return key.StartsWith("支出明细及", StringComparison.Ordinal) || key.StartsWith("单位负责人", StringComparison.Ordinal)
               || key.StartsWith("填表人", StringComparison.Ordinal) || key.StartsWith("填报人", StringComparison.Ordinal)
               || key.StartsWith("其他需要说明", StringComparison.Ordinal) || key.StartsWith("审核人", StringComparison.Ordinal)
               || key is "任务名称" or "其他" or "合计" or "年度重点工作计划" or "部门职责概述" or "支出明细及测算说明"
               || TaskNumber().IsMatch(key);
    });

    /// <summary>
    /// Reads indicator rows after the header at <paramref name="index"/>; leaves <paramref name="index"/> on the
    /// first row it did not take. Blank 一级 / 二级 cells repeat the row above (the forms leave them blank).
    /// </summary>
    public static List<FormIndicator> Indicators(FormSegment segment, ref int index, ICollection<SkippedItem> skipped)
    {
        var map = FormHeader.Of(segment.Rows[index], IndicatorRoles);
        var result = new List<FormIndicator>();
        string level1 = "", level2 = "";
        for (index++; index < segment.Rows.Count; index++)
        {
            var row = segment.Rows[index];
            if (IsIndicatorHeader(row) || IsTerminator(row))
            {
                break;
            }

            var thirdCell = map.Cell(row, "三级");
            if (row.Location.Sheet == "正文段落" || (thirdCell is not null && ReferenceEquals(thirdCell, map.Cell(row, "指标值"))))
            {
                continue; // a paragraph or a title row spanning the table, between two parts of a split table
            }

            // Group names are a closed vocabulary: "可持续影响  指标" is 可持续影响指标, its spaces are layout.
            var first = Unspaced(map.Text(row, "一级"));
            var second = Unspaced(map.Text(row, "二级"));
            var third = FormText.OneLine(thirdCell?.Text);
            var target = Target(FormText.OneLine(map.Text(row, "指标值")), FormText.OneLine(map.Text(row, "单位")));
            if (third.Length == 0)
            {
                if (target.Length > 0)
                {
                    skipped.Add(new SkippedItem(row.Location, $"指标值“{target}”没有对应的三级指标，未导入"));
                }

                continue;
            }

            var firstCell = map.Cell(row, "一级");
            var inherited = firstCell is null || firstCell.IsVerticalCopy || first.Length == 0;
            if (first.Length > 0 && first != level1)
            {
                level1 = first;
                level2 = "";
            }

            if (second.Length > 0)
            {
                level2 = second;
            }

            // Hunan and Guangdong forms merge the 效益指标 cell over the 满意度 row; 10号文 makes 满意度 its own
            // 一级 group. Only an inherited (merged or blank) 一级 is corrected, a written one is kept.
            var level1Here = inherited && level2.Contains("满意度", StringComparison.Ordinal) && !level1.Contains("满意度", StringComparison.Ordinal)
                ? "满意度指标"
                : level1;

            result.Add(new FormIndicator(level1Here, level2, third, target, row.Location,
                Optional(map.Text(row, "标准")), Optional(Join(map.Text(row, "描述"), map.Text(row, "说明"))),
                Optional(map.Text(row, "依据"))));
        }

        return result;
    }

    /// <summary>年度重点工作计划 rows after the header at <paramref name="index"/>.</summary>
    public static List<FormKeyTask> Tasks(FormSegment segment, ref int index)
    {
        var map = FormHeader.Of(segment.Rows[index], TaskRoles);
        var result = new List<FormKeyTask>();
        for (index++; index < segment.Rows.Count; index++)
        {
            var row = segment.Rows[index];
            if (IsIndicatorHeader(row) || IsTerminator(row))
            {
                break;
            }

            var item = FormText.OneLine(map.Text(row, "事项"));
            if (item.Length > 0)
            {
                result.Add(new FormKeyTask(item, Optional(FormText.OneLine(map.Text(row, "责任单位"))),
                    Optional(FormText.Paragraphs(map.Text(row, "工作目标"))), row.Location));
            }
        }

        return result;
    }

    /// <summary>
    /// 支出明细及测算说明 from the row at <paramref name="index"/> (the one holding the section label). With a header
    /// row (支出内容简介 | 支出明细 | 金额 | 支出测算依据及过程说明) columns come from it; without one (the Shifeng 2023 forms, the first
    /// 附表3) the amount is the cell that is only an amount, the texts before it describe, the text after explains.
    /// </summary>
    public static (List<ExpenseDetail> Items, ExpenseDetail? Total) Details(FormSegment segment, int index, FormUnit unit)
    {
        var labelRow = segment.Rows[index];
        var label = labelRow.Cells.First(cell => !cell.IsVerticalCopy && FormText.LabelKey(cell.Text).StartsWith("支出明细", StringComparison.Ordinal));
        var map = FormHeader.Of(labelRow, DetailRoles);
        var start = index;
        if (!map.Has("金额") && index + 1 < segment.Rows.Count && FormHeader.Of(segment.Rows[index + 1], DetailRoles) is { } next && next.Has("金额"))
        {
            map = next;
            start = index + 1;
        }
        else if (map.Has("金额"))
        {
            start = index;
        }
        else
        {
            start = index - 1; // the label row is itself the first data row
        }

        var items = new List<ExpenseDetail>();
        ExpenseDetail? total = null;
        for (var r = start + 1; r < segment.Rows.Count; r++)
        {
            var row = segment.Rows[r];
            var isTotal = row.Cells.Any(cell => !cell.IsVerticalCopy && FormText.LabelKey(cell.Text) is "合计" or "总计");
            if (!isTotal && r > index && IsTerminator(row))
            {
                break;
            }

            var cells = row.Cells.Where(cell => !cell.IsVerticalCopy && cell.Text.Length > 0 && !label.Covers(cell.Column)
                                                && FormText.LabelKey(cell.Text) is not ("合计" or "总计")).ToList();
            if (cells.Count == 0)
            {
                if (isTotal)
                {
                    break;
                }

                continue;
            }

            var detail = map.Has("金额") ? ByHeader(map, row, unit) : ByShape(cells, row, unit);
            if (isTotal)
            {
                total = detail with { Content = "合计" };
                break;
            }

            items.Add(detail);
        }

        return (items, total);
    }

    private static ExpenseDetail ByHeader(FormHeader map, FormRow row, FormUnit unit)
    {
        var amountCell = map.Cell(row, "金额");
        var amountText = amountCell?.Text ?? "";
        if (FormText.ReadAmount(amountText, unit).Value is null
            && row.Cells.FirstOrDefault(cell => !cell.IsVerticalCopy && FormText.IsAmount(cell.Text)) is { } found)
        {
            amountCell = found; // a 合计 row whose amount sits under another column
            amountText = found.Text;
        }

        return new ExpenseDetail(
            FormText.OneLine(map.Text(row, "内容")),
            FormText.OneLine(map.Text(row, "明细")),
            FormText.OneLine(amountText),
            FormText.ReadAmount(amountText, unit).Value,
            FormText.Paragraphs(map.Text(row, "依据")),
            amountCell is null ? row.Location : row.CellLocation(amountCell.Column));
    }

    private static ExpenseDetail ByShape(List<FormCell> cells, FormRow row, FormUnit unit)
    {
        var amountIndex = cells.FindIndex(cell => FormText.IsAmount(cell.Text));
        if (amountIndex < 0)
        {
            return new ExpenseDetail(FormText.OneLine(cells[0].Text), "", "", null,
                string.Join("\n", cells.Skip(1).Select(cell => cell.Text)), row.Location);
        }

        var before = cells.Take(amountIndex).Select(cell => FormText.OneLine(cell.Text)).ToList();
        var amount = cells[amountIndex];
        return new ExpenseDetail(
            before.ElementAtOrDefault(0) ?? "",
            string.Join(" ", before.Skip(1)),
            FormText.OneLine(amount.Text),
            FormText.ReadAmount(amount.Text, unit).Value,
            FormText.Paragraphs(string.Join("\n", cells.Skip(amountIndex + 1).Select(cell => cell.Text))),
            row.CellLocation(amount.Column));
    }

    /// <summary>指标值 with its 计算单位 column when that is separate: "不少于2" + "个" → "不少于2个".</summary>
    private static string Target(string value, string unit)
    {
        if (value.Length == 0)
        {
            return unit;
        }

        return unit.Length == 0 || value.EndsWith(unit, StringComparison.Ordinal) ? value : value + unit;
    }

    private static string Join(string first, string second)
    {
        var parts = new[] { FormText.Paragraphs(first), FormText.Paragraphs(second) }.Where(part => part.Length > 0).Distinct();
        return string.Join("；", parts);
    }

    private static string? Optional(string text) => text.Length == 0 ? null : text;

    private static string Unspaced(string text) => string.Concat(FormText.OneLine(text).Where(ch => !char.IsWhiteSpace(ch)));

    [GeneratedRegex(@"^任务\d+$")]
    private static partial Regex TaskNumber();
}
