using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>
/// 湖南 附表1 部门整体支出绩效目标表 (the Shifeng 2023 forms): 部门名称, 年度预算申请 by income (一般公共预算拨款 / 政府性基金拨款 /
/// 其他资金) and by expenditure (基本支出 / 项目支出), 部门职责概述, 年度重点工作计划 rows, 年度绩效指标 rows.
/// </summary>
internal static class HunanDepartmentRecognizer
{
    public static DepartmentForm Read(FormSegment segment, ICollection<SkippedItem> skipped)
    {
        var cells = new Dictionary<string, SourceLocation>();
        decimal? Amount(string key, params string[] labels) => segment.Amount(cells, key, labels);

        var budget = new DepartmentBudget
        {
            Total = Amount("资金总额", "资金总额", "年度预算申请"),
            General = Amount("一般公共预算拨款", "一般公共预算拨款", "一般公共预算"),
            GovernmentFund = Amount("政府性基金拨款", "政府性基金拨款", "政府性基金"),
            Other = Amount("其他资金", "其他资金"),
            Basic = Amount("基本支出", "基本支出"),
            Project = Amount("项目支出", "项目支出"),
            Location = segment.Find("资金总额", "年度预算申请") is { } total ? segment.Rows[total.Row].Location : segment.Location,
            Cells = cells,
        };

        var tasks = new List<FormKeyTask>();
        var indicators = new List<FormIndicator>();
        for (var i = 0; i < segment.Rows.Count;)
        {
            var row = segment.Rows[i];
            if (BlockReader.IsTaskHeader(row))
            {
                tasks.AddRange(BlockReader.Tasks(segment, ref i));
            }
            else if (BlockReader.IsIndicatorHeader(row))
            {
                indicators.AddRange(BlockReader.Indicators(segment, ref i, skipped));
            }
            else
            {
                i++;
            }
        }

        return new DepartmentForm(FormLayout.HunanDepartment, segment.Location)
        {
            Name = segment.Text("部门名称") is { } name ? FormText.OneLine(name) : segment.ReportingUnit(),
            Year = segment.Year(),
            Duties = segment.Text("部门职责概述", "部门职责") is { } duties ? FormText.Paragraphs(duties) : null,
            OverallGoal = segment.Text("年度总体目标", "部门整体支出目标") is { } goal ? FormText.Goal(goal) : null,
            Budget = budget,
            KeyTasks = tasks,
            Indicators = indicators,
        };
    }
}
