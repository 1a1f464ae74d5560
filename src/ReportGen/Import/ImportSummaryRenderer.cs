using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>The Chinese account of an import that the CLI prints: what was recognised, skipped, found and written.</summary>
public static class ImportSummaryRenderer
{
    public static void Render(ImportResult result, TextWriter output)
    {
        var content = result.Content;
        output.WriteLine($"识别出 {result.Forms.Forms.Count} 张绩效目标表：");
        foreach (var form in result.Forms.Forms)
        {
            output.WriteLine($"  {TargetFormReader.Describe(form.Location)}：{form.LayoutName}{Detail(form)}");
        }

        output.WriteLine($"部门：{content.DepartmentName ?? "（未识别）"}{(content.Year is { } year ? $"，{year}年度" : "")}");
        if (content.Department?.Budget is { } budget && budget.Total is not null)
        {
            var parts = new List<string>();
            if (budget.Basic is { } basic)
            {
                parts.Add($"基本支出 {Money.Format(basic)} 万元");
            }

            if (budget.Project is { } project)
            {
                parts.Add($"项目支出 {Money.Format(project)} 万元");
            }

            output.WriteLine($"年初资金总额 {Money.Format(budget.Total.Value)} 万元{(parts.Count > 0 ? "（" + string.Join("，", parts) + "）" : "")}");
        }

        var amounts = content.Projects.Where(project => project.Amount is not null).Sum(project => project.Amount!.Value);
        output.WriteLine($"项目 {content.Projects.Count} 个，金额合计 {Money.Format(amounts)} 万元：");
        foreach (var project in content.Projects)
        {
            output.WriteLine($"  {project.Name}：{(project.Amount is { } amount ? Money.Format(amount) + " 万元" : "金额未填")}");
        }

        var scopes = new List<(string Scope, int Count)>();
        if (content.Department is { } department)
        {
            scopes.Add((IndicatorRow.DepartmentScope, department.Indicators.Count));
        }

        scopes.AddRange(content.Projects.Where(project => project.Indicators.Count > 0).Select(project => (project.Name, project.Indicators.Count)));
        output.WriteLine($"绩效指标 {scopes.Sum(scope => scope.Count)} 个：{string.Join("；", scopes.Select(scope => $"{scope.Scope} {scope.Count} 个"))}");
        if (content.Department?.KeyTasks.Count > 0)
        {
            output.WriteLine($"重点工作 {content.Department.KeyTasks.Count} 项");
        }

        var skipped = result.Skipped.ToList();
        if (skipped.Count > 0)
        {
            output.WriteLine($"跳过 {skipped.Count} 处：");
            foreach (var item in skipped)
            {
                output.WriteLine($"  {TargetFormReader.Describe(item.Location)}：{item.Reason}");
            }
        }

        if (result.Findings.Count > 0)
        {
            output.WriteLine($"检查发现 {result.Findings.Count} 个问题：");
            foreach (var finding in result.Findings)
            {
                output.WriteLine($"  [{Finding.SeverityName(finding.Severity)}] {finding.Code} {TargetFormReader.Describe(finding.Location)}：{finding.Message}");
            }
        }
        else
        {
            output.WriteLine("检查未发现问题。");
        }

        var target = Path.GetFileName(result.Request.TargetPath);
        var changes = string.Join("；", result.Merge.Changes.Where(change => change.Created || change.Added > 0 || change.Updated > 0)
            .Select(change => $"{change.Sheet}{(change.Created ? "（新建）" : "")} 新增 {change.Added} 行、更新 {change.Updated} 行"));
        if (result.Request.DryRun)
        {
            output.WriteLine(result.Merge.Changed
                ? $"试运行，未写入“{target}”。将会：{changes}。"
                : $"试运行，未写入“{target}”：工作簿已包含全部导入内容，无需改动。");
        }
        else if (result.Written)
        {
            output.WriteLine($"已{(result.TargetExisted ? "更新" : "新建")}“{target}”：{changes}。");
            if (!result.TargetExisted)
            {
                output.WriteLine("  黄色格由您填写（年终执行数据、实际完成值、完成情况、得分、偏差原因），蓝色格来自目标表。");
                if (result.Request.GuidePath is { } guide)
                {
                    output.WriteLine($"  填写说明：{guide}");
                }
            }
        }
        else
        {
            output.WriteLine($"“{target}”已包含全部导入内容，未改动。");
        }

        if (result.HasErrors && !result.Request.DryRun)
        {
            // Exit code 1 with a written workbook: say plainly what is in it and what is not.
            var errors = result.Findings.Count(finding => finding.Severity == Severity.Error);
            var unread = result.Forms.Unreadable.Count;
            var notWritten = unread > 0 ? $"无法读取的 {unread} 个金额没有写入工作簿（对应的格保持原样）；" : "";
            output.WriteLine($"目标表有 {errors} 个错误（见上）：{notWritten}其余内容已按目标表原样{(result.Written ? "写入" : "保留在工作簿中")}。"
                + "请改正目标表后重新导入，工作簿中由目标表填写的格会随之更新，您填写的格不受影响。");
        }
    }

    private static string Detail(TargetForm form) => form switch
    {
        DepartmentForm d => $"（{d.Name ?? "部门名称未填"}，指标 {d.Indicators.Count} 个，重点工作 {d.KeyTasks.Count} 项）",
        ProjectForm p => $"（{p.Name}，{(p.Amount is { } a ? Money.Format(a) + " 万元" : "金额未填")}，指标 {p.Indicators.Count} 个）",
        SummaryForm s => $"（项目 {s.Entries.Count} 个{(s.StatedTotal is { } t ? $"，合计 {Money.Format(t)} 万元" : "")}）",
        _ => "",
    };
}
