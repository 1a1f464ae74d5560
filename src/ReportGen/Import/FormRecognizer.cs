using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>
/// Cuts a <see cref="FormTable"/> into forms and hands each to the recogniser of its layout. A form starts at its
/// anchor label (部门名称, 支出方向 / 项目名称 / 项目编码, or a 序号 | 名称 | 金额 header) and runs to the next
/// anchor; a second anchor of the same family before the form's indicator table belongs to the same form (a Hebei
/// form has both 项目编码 and 项目名称). The layout is then told apart by labels only the layout has.
/// </summary>
internal static class FormRecognizer
{
    private enum Family
    {
        Department,
        Project,
        Summary,
    }

    private static readonly string[] DepartmentAnchors = ["部门名称"];
    private static readonly string[] ProjectAnchors = ["支出方向", "项目名称", "项目编码", "子项名称"];

    public static IReadOnlyList<TargetForm> Recognize(FormTable table, ICollection<SkippedItem> skipped,
        ICollection<UnreadableAmount>? unreadable = null)
    {
        if (HebeiDepartmentRecognizer.Matches(table))
        {
            // A 部门整体绩效目标 document: headings, paragraphs and 评价标准 tables, read as one form.
            return HebeiDepartmentRecognizer.Read(table, skipped) is { } document ? [document] : [];
        }

        var starts = new List<(int Index, Family Family)>();
        var sawBody = false;
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            if (AnchorOf(row) is { } family)
            {
                var continues = starts.Count > 0 && starts[^1].Family == family && family != Family.Summary && !sawBody;
                if (!continues)
                {
                    starts.Add((i, family));
                    sawBody = false;
                }
            }
            else if (BlockReader.IsIndicatorHeader(row))
            {
                sawBody = true;
            }
        }

        var forms = new List<TargetForm>();
        var covered = new HashSet<FormRow>();
        for (var s = 0; s < starts.Count; s++)
        {
            var (start, family) = starts[s];
            var end = s + 1 < starts.Count ? starts[s + 1].Index : table.Rows.Count;
            var preambleStart = Math.Max(s > 0 ? starts[s - 1].Index + 1 : 0, start - 4);
            var segment = new FormSegment(
                table,
                table.Rows.Skip(preambleStart).Take(start - preambleStart).ToList(),
                table.Rows.Skip(start).Take(end - start).ToList());
            foreach (var row in segment.Rows)
            {
                covered.Add(row);
            }

            TargetForm? form = family switch
            {
                Family.Department => segment.Has("本年度部门预算收入", "财政主管处室", "任务名称", "部门职能概述")
                    ? GuangdongDepartmentRecognizer.Read(segment, skipped)
                    : HunanDepartmentRecognizer.Read(segment, skipped),
                Family.Project => segment.Has("项目编码", "资金支出计划", "绩效指标描述", "指标值确定依据", "项目预算数")
                    ? HebeiProjectRecognizer.Read(segment, skipped)
                    : HunanProjectRecognizer.Read(segment, skipped),
                _ => HunanSummaryRecognizer.Read(segment, skipped),
            };
            if (form is not null)
            {
                forms.Add(form);
            }

            foreach (var problem in segment.Unreadable)
            {
                unreadable?.Add(problem);
            }
        }

        ReportUnrecognised(table, covered, skipped);
        return forms;
    }

    private static Family? AnchorOf(FormRow row)
    {
        var keys = row.Cells.Where(cell => !cell.IsVerticalCopy).Select(cell => FormText.LabelKey(cell.Text)).ToHashSet();
        if (keys.Contains("序号") && (keys.Contains("名称") || keys.Contains("项目名称")) && keys.Contains("金额"))
        {
            return Family.Summary;
        }

        if (row.Cells.Any(cell => FormSegment.Matches(cell, DepartmentAnchors)))
        {
            return Family.Department;
        }

        return row.Cells.Any(cell => FormSegment.Matches(cell, ProjectAnchors)) ? Family.Project : null;
    }

    /// <summary>Tables (or sheets) with content that no form took: said once each, so the user knows they were seen.</summary>
    private static void ReportUnrecognised(FormTable table, HashSet<FormRow> covered, ICollection<SkippedItem> skipped)
    {
        var groups = table.Rows.Where(row => row.Location.Sheet != "正文段落").GroupBy(row => row.Location.Sheet);
        foreach (var group in groups)
        {
            if (group.Any(covered.Contains) || !group.Any(row => row.Filled.Count() >= 2))
            {
                continue;
            }

            skipped.Add(new SkippedItem(new SourceLocation(table.File, group.Key),
                "未识别为绩效目标表（没有“部门名称”“支出方向”“项目名称”“项目编码”或“序号 | 名称 | 金额”等标签）"));
        }
    }
}
