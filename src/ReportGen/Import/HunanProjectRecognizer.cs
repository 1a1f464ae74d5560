namespace ReportGen.Import;

/// <summary>
/// 湖南 附表3 专项资金支出方向绩效目标表 (the Shifeng 2023 forms): 支出方向（子项）, 所属专项 (名称 / 金额), 项目金额, 项目实施期,
/// 实施期绩效目标, 年度绩效目标, indicator rows with 绩效标准, and 支出明细及测算说明 rows ending in 合计.
/// </summary>
internal static class HunanProjectRecognizer
{
    public static ProjectForm? Read(FormSegment segment, ICollection<SkippedItem> skipped)
    {
        var name = segment.Text("支出方向", "项目名称", "子项名称");
        if (name is null)
        {
            skipped.Add(new SkippedItem(segment.Location, "专项资金支出方向绩效目标表没有填写支出方向（项目名称），未导入"));
            return null;
        }

        var amount = segment.Amount("项目金额", "金额");
        var (indicators, details, total) = ProjectBlocks.Read(segment, skipped);
        return new ProjectForm(FormLayout.HunanProject, segment.Location)
        {
            Name = FormText.OneLine(name),
            Program = Program(segment),
            Amount = amount?.Amount,
            AmountLocation = amount?.Location,
            Period = segment.Text("项目实施期", "实施期") is { } period ? FormText.OneLine(period) : null,
            PeriodGoal = segment.Text("实施期绩效目标", "实施期目标") is { } periodGoal ? FormText.Goal(periodGoal) : null,
            AnnualGoal = segment.Text("年度绩效目标", "年度目标") is { } goal ? FormText.Goal(goal) : null,
            Indicators = indicators,
            Details = details,
            DetailTotal = total,
        };
    }

    /// <summary>所属专项: the text after its "名称" sub-label when the form has one ("所属专项 | 名称 | 融媒体中心专项经费").</summary>
    private static string? Program(FormSegment segment)
    {
        if (segment.Find("所属专项") is not { } found)
        {
            return null;
        }

        var row = segment.Rows[found.Row];
        var subLabel = row.Cells.FirstOrDefault(cell => cell.Column > found.Cell.Column && FormSegment.Matches(cell, ["名称"]));
        var value = subLabel is null ? segment.ValueOf(found.Row, found.Cell) : segment.ValueOf(found.Row, subLabel);
        return value is { } text ? FormText.OneLine(text.Text) : null;
    }
}

/// <summary>The indicator and 支出明细 blocks of a project form, wherever they sit in it.</summary>
internal static class ProjectBlocks
{
    public static (List<FormIndicator> Indicators, List<ExpenseDetail> Details, ExpenseDetail? Total) Read(
        FormSegment segment, ICollection<SkippedItem> skipped)
    {
        var indicators = new List<FormIndicator>();
        var details = new List<ExpenseDetail>();
        ExpenseDetail? total = null;
        for (var i = 0; i < segment.Rows.Count;)
        {
            var row = segment.Rows[i];
            if (BlockReader.IsIndicatorHeader(row))
            {
                indicators.AddRange(BlockReader.Indicators(segment, ref i, skipped));
            }
            else if (details.Count == 0 && total is null && row.Cells.Any(cell => !cell.IsVerticalCopy
                         && FormText.LabelKey(cell.Text).StartsWith("支出明细", StringComparison.Ordinal)))
            {
                (details, total) = BlockReader.Details(segment, i, segment.Unit);
                i++;
            }
            else
            {
                i++;
            }
        }

        return (indicators, details, total);
    }
}
