using ReportGen.Parsing;

namespace ReportGen.Import;

/// <summary>
/// 河北 项目绩效目标表, the layout many provinces share: 项目编码, 项目名称, 主管部门 / 实施单位, 项目预算数 as 预算数 with
/// 其中：财政资金 / 其他资金, 资金支出计划（%） by 3月底 / 6月底 / 10月底 / 12月底 (values beside or below the labels),
/// 绩效目标, and indicator rows with 绩效指标描述, 指标值, 指标值确定依据.
/// </summary>
internal static class HebeiProjectRecognizer
{
    public static ProjectForm? Read(FormSegment segment, ICollection<SkippedItem> skipped)
    {
        var name = segment.Text("项目名称");
        if (name is null)
        {
            skipped.Add(new SkippedItem(segment.Location, "项目绩效目标表没有填写项目名称，未导入"));
            return null;
        }

        var unit = segment.CodedUnit();
        var amount = segment.Amount("预算数", "项目预算数", "项目总预算", "年度预算数", "项目金额");
        var (indicators, details, total) = ProjectBlocks.Read(segment, skipped);
        return new ProjectForm(FormLayout.HebeiProject, segment.Location)
        {
            Name = FormText.OneLine(name),
            Code = segment.Text("项目编码") is { } code ? FormText.OneLine(code) : null,
            Program = segment.Text("所属专项") is { } program ? FormText.OneLine(program) : null,
            Amount = amount?.Amount,
            AmountLocation = amount?.Location,
            FiscalFunds = segment.Amount("财政资金", "财政拨款")?.Amount,
            OtherFunds = segment.Amount("其他资金")?.Amount,
            Period = segment.Text("项目实施期", "实施期", "项目期限") is { } period ? FormText.OneLine(period) : null,
            PeriodGoal = segment.Text("实施期绩效目标", "总体目标") is { } periodGoal ? FormText.Goal(periodGoal) : null,
            AnnualGoal = segment.Text("绩效目标", "年度绩效目标", "年度目标") is { } goal ? FormText.Goal(goal) : null,
            Plan = Plan(segment),
            Indicators = indicators,
            Details = details,
            DetailTotal = total,
            Year = segment.Year(),
            Implementer = segment.Text("实施单位") is { } implementer ? FormText.OneLine(implementer) : null,
            DepartmentName = segment.Text("主管部门") is { } owner ? FormText.OneLine(owner) : Department(unit) ?? segment.ReportingUnit(),
            Unit = unit,
        };
    }

    /// <summary>The department of a budget unit: "中共曹妃甸区委宣传部本级" (the department's own level) → "中共曹妃甸区委宣传部".</summary>
    private static string? Department((string Code, string Name)? unit) =>
        unit is { Name: var name } ? (name.EndsWith("本级", StringComparison.Ordinal) && name.Length > 2 ? name[..^2] : name) : null;

    private static SpendingPlan? Plan(FormSegment segment)
    {
        // In percent (25 for 25%), as the import writes the 支出计划 sheet; read by the workbook reader's parser.
        decimal? Percent(string label) => segment.Text(label) is { } text ? PercentParser.Parse(text) * 100 : null;
        var plan = new SpendingPlan(Percent("3月底"), Percent("6月底"), Percent("10月底"), Percent("12月底"),
            segment.Find("资金支出计划", "3月底") is { } found ? segment.Rows[found.Row].Location : segment.Location);
        return plan is { March: null, June: null, October: null, December: null } ? null : plan;
    }
}
