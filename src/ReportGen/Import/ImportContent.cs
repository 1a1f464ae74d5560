using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>One project as the forms describe it: its 附表3 / Hebei form where there is one, else its 汇总表 line.</summary>
public sealed record ImportedProject(
    string Name,
    string? Program,
    decimal? Amount,
    string? Period,
    string? PeriodGoal,
    string? AnnualGoal,
    SpendingPlan? Plan,
    IReadOnlyList<FormIndicator> Indicators,
    SourceLocation Location)
{
    /// <summary>其中：财政资金 / 其他资金 of the project's 预算数, when the form states them (Hebei).</summary>
    public decimal? FiscalFunds { get; init; }

    public decimal? OtherFunds { get; init; }

    /// <summary>实施单位, when the form names one other than the department.</summary>
    public string? Implementer { get; init; }
}

/// <summary>
/// What the import writes, consolidated from all recognised forms: the department (first department form wins),
/// the projects by name (a project form wins over a 汇总表 line, which fills what the form leaves blank), the
/// department indicators and the 重点工作.
/// </summary>
public sealed record ImportContent(
    DepartmentForm? Department,
    string? DepartmentName,
    int? Year,
    IReadOnlyList<ImportedProject> Projects,
    IReadOnlyList<SkippedItem> Skipped)
{
    public static ImportContent From(FormSet forms)
    {
        RefuseSeveralUnits(forms);
        var skipped = new List<SkippedItem>(forms.Skipped);
        var departments = forms.Departments.ToList();
        foreach (var extra in departments.Skip(1))
        {
            skipped.Add(new SkippedItem(extra.Location,
                $"已从 {TargetFormReader.Describe(departments[0].Location)} 导入部门整体目标，这一份（{extra.Name}）未导入"));
        }

        var projects = new List<ImportedProject>();
        var byKey = new Dictionary<string, int>();
        foreach (var form in forms.Projects)
        {
            var key = TextNormalizer.Key(form.Name);
            if (byKey.ContainsKey(key))
            {
                skipped.Add(new SkippedItem(form.Location, $"项目“{form.Name}”已从另一份目标表导入，内容不同，这一份未导入，请核对"));
                continue;
            }

            byKey[key] = projects.Count;
            projects.Add(new ImportedProject(form.Name, form.Program, form.Amount, form.Period, form.PeriodGoal,
                form.AnnualGoal, form.Plan, form.Indicators, form.Location)
            {
                FiscalFunds = form.FiscalFunds, OtherFunds = form.OtherFunds, Implementer = form.Implementer,
            });
        }

        foreach (var entry in forms.Summaries.SelectMany(summary => summary.Entries))
        {
            var key = TextNormalizer.Key(entry.Name);
            if (byKey.TryGetValue(key, out var index))
            {
                var known = projects[index];
                projects[index] = known with
                {
                    Program = known.Program ?? entry.Program,
                    Amount = known.Amount ?? entry.Amount,
                    PeriodGoal = known.PeriodGoal ?? entry.PeriodGoal,
                    AnnualGoal = known.AnnualGoal ?? entry.AnnualGoal,
                };
                continue;
            }

            byKey[key] = projects.Count;
            projects.Add(new ImportedProject(entry.Name, entry.Program, entry.Amount, null, entry.PeriodGoal,
                entry.AnnualGoal, null, [], entry.Location));
        }

        var department = departments.FirstOrDefault();

        // 部门名称: the department form's, else a Hebei form's 主管部门.
        var name = department?.Name ?? forms.Projects.Select(project => project.DepartmentName).FirstOrDefault(n => n is not null);
        var year = department?.Year ?? forms.Projects.Select(project => project.Year).FirstOrDefault(y => y is not null);
        return new ImportContent(department, name, year, projects, skipped);
    }

    /// <summary>
    /// One workbook is one department: forms whose headers name two budget units (211001 and 211005) are refused,
    /// naming both, rather than merged into one department without a word.
    /// </summary>
    private static void RefuseSeveralUnits(FormSet forms)
    {
        var units = forms.Projects.Where(project => project.Unit is not null)
            .GroupBy(project => project.Unit!.Value.Code).ToList();
        if (units.Count < 2)
        {
            return;
        }

        var named = units.Select(group => $"{group.Key} {group.First().Unit!.Value.Name}（{TargetFormReader.Describe(group.First().Location)} 等 {group.Count()} 张表）");
        throw new InputException(
            $"目标表属于 {units.Count} 个预算单位：{string.Join("；", named)}。一个工作簿只放一个部门（单位）："
            + "请把各单位的目标表分开，分别导入各自的工作簿，例如 reportgen import <" + units[0].Key + " 的目标表> --into " + units[0].Key + ".xlsx。");
    }
}
