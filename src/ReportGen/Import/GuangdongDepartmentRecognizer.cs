using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>
/// 广东 部门整体绩效目标 (the Liwan 2023 form): "部门名称：…" style cells, 本年度部门预算收入 in 元 ("总额(元)：28,036,202.00"),
/// a department-wide indicator table, then 任务1…N each with 任务名称 | 任务的绩效目标 | 主要实施项目 and its own
/// indicator table (指标解释, 指标说明及公式, 预期达到目标, 计算单位). Tasks become 重点工作; every indicator is 部门整体,
/// and an indicator a task repeats word for word from the department-wide table is kept once.
/// </summary>
internal static class GuangdongDepartmentRecognizer
{
    public static DepartmentForm Read(FormSegment segment, ICollection<SkippedItem> skipped)
    {
        var cells = new Dictionary<string, SourceLocation>();
        decimal? Amount(string key, params string[] labels) => segment.Amount(cells, key, labels);

        var budget = new DepartmentBudget
        {
            Total = Amount("资金总额", "总额"),
            FiscalAppropriation = Amount("财政拨款收入", "财政拨款收入"),
            SpecialAccount = Amount("财政专户管理资金", "财政专户管理资金"),
            Other = Amount("其他资金", "其他收入"),
            Location = segment.Find("总额") is { } total ? segment.Rows[total.Row].Location : segment.Location,
            Cells = cells,
        };

        var tasks = new List<FormKeyTask>();
        var indicators = new List<FormIndicator>();
        for (var i = 0; i < segment.Rows.Count;)
        {
            var row = segment.Rows[i];
            if (row.Cells.Any(cell => FormSegment.Matches(cell, ["任务名称"])) && i + 1 < segment.Rows.Count)
            {
                tasks.Add(Task(row, segment.Rows[i + 1]));
                i += 2;
            }
            else if (BlockReader.IsIndicatorHeader(row))
            {
                foreach (var indicator in BlockReader.Indicators(segment, ref i, skipped))
                {
                    var same = indicators.FirstOrDefault(seen => SameIndicator(seen, indicator));
                    if (same is null)
                    {
                        indicators.Add(indicator);
                    }
                    else
                    {
                        skipped.Add(new SkippedItem(indicator.Location,
                            $"指标“{indicator.Level3}”与 {same.Location} 的指标相同（一级、二级、三级和指标值都一致），只导入一次"));
                    }
                }
            }
            else
            {
                i++;
            }
        }

        return new DepartmentForm(FormLayout.GuangdongDepartment, segment.Location)
        {
            Name = segment.Text("部门名称") is { } name ? FormText.OneLine(name) : segment.ReportingUnit(),
            Year = segment.Year(),
            Duties = segment.Text("部门职能概述", "部门职责概述") is { } duties ? FormText.Paragraphs(duties) : null,
            OverallGoal = segment.Text("部门整体支出目标", "年度目标") is { } goal ? FormText.Goal(goal) : null,
            Budget = budget,
            KeyTasks = tasks,
            Indicators = indicators,
        };
    }

    private static bool SameIndicator(FormIndicator a, FormIndicator b) =>
        TextNormalizer.Key(a.Level1) == TextNormalizer.Key(b.Level1) && TextNormalizer.Key(a.Level2) == TextNormalizer.Key(b.Level2)
        && TextNormalizer.Key(a.Level3) == TextNormalizer.Key(b.Level3) && TextNormalizer.Key(a.Target) == TextNormalizer.Key(b.Target);

    /// <summary>The row under "任务名称 | 任务的绩效目标 | 主要实施项目", read by the header's columns.</summary>
    private static FormKeyTask Task(FormRow header, FormRow values)
    {
        string Under(string label)
        {
            var cell = header.Cells.FirstOrDefault(c => FormSegment.Matches(c, [label]));
            if (cell is null)
            {
                return "";
            }

            var value = values.Cells.FirstOrDefault(c => c.Column >= cell.Column && c.Column <= cell.LastColumn) ?? values.At(cell.Column);
            return value?.Text ?? "";
        }

        var goal = FormText.Paragraphs(Under("任务的绩效目标"));
        var projects = FormText.OneLine(Under("主要实施项目"));
        if (projects.Length > 0)
        {
            goal = goal.Length > 0 ? $"{goal}\n主要实施项目：{projects}" : $"主要实施项目：{projects}";
        }

        return new FormKeyTask(FormText.OneLine(Under("任务名称")), null, goal.Length > 0 ? goal : null, values.Location);
    }
}
