using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>
/// Checks on what was imported (docs/domain.md §3), before anything is written. Codes RG5xx:
/// RG501 附表1 项目支出 vs the projects; RG502 附表1 资金总额 vs its parts; RG503 a 测算说明 at odds with its own
/// figures; RG504 支出明细 vs 项目金额; RG505 指标值 left as the blank form's prompt; RG506 汇总表 vs its 合计 and vs 附表3;
/// RG507 资金支出计划 not cumulative; RG508 预算数 vs 财政资金 + 其他资金.
/// </summary>
internal static partial class FormImportValidator
{
    public static IReadOnlyList<Finding> Validate(FormSet forms, ImportContent content)
    {
        var findings = new List<Finding>();
        if (content.Department is { } department)
        {
            CheckDepartment(department, content, findings);
        }

        foreach (var summary in forms.Summaries)
        {
            CheckSummary(summary, forms, findings);
        }

        foreach (var project in forms.Projects)
        {
            CheckProject(project, findings);
        }

        // One money reader (docs/import.md): what a workbook refuses, a form refuses too, with its cell.
        foreach (var amount in forms.Unreadable)
        {
            findings.Add(new Finding(FindingCodes.ImportUnreadableAmount, Severity.Error, amount.Location,
                $"“{amount.Label}”的金额“{amount.Text}”无法读取：{amount.Problem}。这个金额没有导入，请改正目标表后重新导入。"));
        }

        foreach (var detail in forms.Projects.SelectMany(project => project.Details.Append(project.DetailTotal)).OfType<ExpenseDetail>())
        {
            if (detail.Amount is null && FormText.ReadAmount(detail.AmountText, FormUnit.TenThousandYuan).Problem is { } problem)
            {
                findings.Add(new Finding(FindingCodes.ImportUnreadableAmount, Severity.Error, detail.Location,
                    $"支出明细“{detail.Content}”的金额“{detail.AmountText}”无法读取：{problem}。请改正目标表后重新导入。"));
            }
        }

        foreach (var form in forms.Forms)
        {
            var indicators = form switch
            {
                DepartmentForm d => d.Indicators,
                ProjectForm p => p.Indicators,
                _ => [],
            };
            var owner = form is ProjectForm pf ? $"项目“{pf.Name}”" : "部门整体";
            foreach (var indicator in indicators)
            {
                if (PromptReason(indicator) is { } reason)
                {
                    findings.Add(new Finding(FindingCodes.ImportPromptText, Severity.Warning, indicator.Location,
                        $"{owner}的指标“{indicator.Level3}”{reason}，请填写实际的指标值。"));
                }
            }
        }

        return findings;
    }

    private static void CheckDepartment(DepartmentForm department, ImportContent content, List<Finding> findings)
    {
        var budget = department.Budget;
        var location = budget.Cells.GetValueOrDefault("资金总额", budget.Location);
        if (budget.Total is { } total)
        {
            var sources = new[] { budget.General, budget.GovernmentFund, budget.Other, budget.FiscalAppropriation, budget.SpecialAccount };
            if (sources.Any(value => value is not null))
            {
                var sum = sources.Sum(value => value ?? 0m);
                if (Differs(total, sum, sources.Count(value => value is not null)))
                {
                    findings.Add(new Finding(FindingCodes.ImportDepartmentTotal, Severity.Error, location,
                        $"资金总额 {Money.Format(total)} 万元与按收入性质分的各项之和 {Money.Format(sum)} 万元不一致。"));
                }
            }

            if (budget.Basic is not null || budget.Project is not null)
            {
                var sum = (budget.Basic ?? 0m) + (budget.Project ?? 0m);
                if (Differs(total, sum, 2))
                {
                    findings.Add(new Finding(FindingCodes.ImportDepartmentTotal, Severity.Error, location,
                        $"资金总额 {Money.Format(total)} 万元与基本支出、项目支出之和 {Money.Format(sum)} 万元不一致。"));
                }
            }
        }

        var amounts = content.Projects.Where(project => project.Amount is not null).ToList();
        if (budget.Project is { } projectBudget && amounts.Count > 0)
        {
            var sum = amounts.Sum(project => project.Amount!.Value);
            if (Differs(projectBudget, sum, amounts.Count))
            {
                var parts = string.Join(" + ", amounts.Select(project => $"{project.Name} {Money.FormatCompact(project.Amount!.Value)}"));
                findings.Add(new Finding(FindingCodes.ImportProjectTotal, Severity.Error, budget.Cells.GetValueOrDefault("项目支出", budget.Location),
                    $"{department.LayoutName}的项目支出 {Money.Format(projectBudget)} 万元与导入的 {amounts.Count} 个项目金额之和 "
                    + $"{Money.Format(sum)} 万元（{parts}）不一致，请核对是否缺少项目的目标表或金额填错。"));
            }
        }
    }

    private static void CheckSummary(SummaryForm summary, FormSet forms, List<Finding> findings)
    {
        var amounts = summary.Entries.Where(entry => entry.Amount is not null).ToList();
        if (summary.StatedTotal is { } total && amounts.Count > 0)
        {
            var sum = amounts.Sum(entry => entry.Amount!.Value);
            if (Differs(total, sum, amounts.Count))
            {
                findings.Add(new Finding(FindingCodes.ImportSummaryTotal, Severity.Error, summary.StatedTotalLocation ?? summary.Location,
                    $"汇总表合计 {Money.Format(total)} 万元与各项目金额之和 {Money.Format(sum)} 万元不一致。"));
            }
        }

        foreach (var entry in amounts)
        {
            var form = forms.Projects.FirstOrDefault(project => TextNormalizer.Key(project.Name) == TextNormalizer.Key(entry.Name));
            if (form?.Amount is { } formAmount && Differs(formAmount, entry.Amount!.Value, 1))
            {
                findings.Add(new Finding(FindingCodes.ImportSummaryTotal, Severity.Error, entry.Location,
                    $"项目“{entry.Name}”在汇总表中为 {Money.Format(entry.Amount.Value)} 万元，在{form.LayoutName}中为 "
                    + $"{Money.Format(formAmount)} 万元，两处不一致。"));
            }
        }
    }

    private static void CheckProject(ProjectForm project, List<Finding> findings)
    {
        var unit = FormUnit.TenThousandYuan;
        foreach (var detail in project.Details)
        {
            CheckCalculation(project, detail, unit, findings);
        }

        var amounts = project.Details.Where(detail => detail.Amount is not null).ToList();
        var sum = amounts.Sum(detail => detail.Amount!.Value);
        if (project.Amount is { } amount && amounts.Count > 0 && Differs(amount, sum, amounts.Count))
        {
            findings.Add(new Finding(FindingCodes.ImportDetailSum, Severity.Error, project.AmountLocation ?? project.Location,
                $"项目“{project.Name}”的支出明细金额之和 {Money.Format(sum)} 万元与项目金额 {Money.Format(amount)} 万元不一致。"));
        }

        if (project.DetailTotal is { Amount: { } stated } total && amounts.Count > 0 && Differs(stated, sum, amounts.Count))
        {
            findings.Add(new Finding(FindingCodes.ImportDetailSum, Severity.Error, total.Location,
                $"项目“{project.Name}”支出明细的合计行写 {total.AmountText}，各行金额之和为 {Money.Format(sum)} 万元。"));
        }

        if (project.Plan is { } plan)
        {
            var values = new[] { plan.March, plan.June, plan.October, plan.December };
            var given = values.Where(value => value is not null).Select(value => value!.Value).ToList();
            var decreasing = given.Zip(given.Skip(1)).Any(pair => pair.Second < pair.First);
            if (decreasing || given.Any(value => value is < 0 or > 100))
            {
                findings.Add(new Finding(FindingCodes.ImportSpendingPlan, Severity.Warning, plan.Location,
                    $"项目“{project.Name}”的资金支出计划应为截至各时点的累计比例（0%–100%，逐期不减少），"
                    + $"表中为 {string.Join(" / ", values.Select(value => value is null ? "—" : FormText.FormatNumber(value.Value) + "%"))}。"));
            }
        }

        if (project.Amount is { } budget && (project.FiscalFunds is not null || project.OtherFunds is not null))
        {
            var parts = (project.FiscalFunds ?? 0m) + (project.OtherFunds ?? 0m);
            if (Differs(budget, parts, 2))
            {
                findings.Add(new Finding(FindingCodes.ImportFundingSplit, Severity.Error, project.AmountLocation ?? project.Location,
                    $"项目“{project.Name}”的预算数 {Money.Format(budget)} 万元与财政资金、其他资金之和 {Money.Format(parts)} 万元不一致。"));
            }
        }
    }

    private static void CheckCalculation(ProjectForm project, ExpenseDetail detail, FormUnit unit, List<Finding> findings)
    {
        var text = CalculationTextParser.Parse(detail.Basis, unit);
        var label = detail.Detail.Length > 0 ? detail.Detail : detail.Content;
        var problems = new List<string>();
        if (text.StatedTotal is { } stated && detail.Amount is { } amount && Math.Abs(stated - amount) > 0.005m)
        {
            problems.Add($"测算说明写“{text.StatedTotalText}”，但本行金额为 {detail.AmountText}");
        }

        if (text.StatedTotal is { } total && text.Items.Count > 0 && Math.Abs(text.Items.Sum() - total) > 0.005m)
        {
            problems.Add($"说明中所列各项合计 {FormText.FormatNumber(text.Items.Sum())} 万元"
                         + $"（{string.Join(" + ", text.Items.Select(FormText.FormatNumber))}），与“{text.StatedTotalText}”不符");
        }

        foreach (var (expression, computed, statedResult) in text.WrongProducts)
        {
            problems.Add($"算式“{expression}”应得 {FormText.FormatNumber(computed)} 万元，而不是 {FormText.FormatNumber(statedResult)} 万元");
        }

        if (problems.Count > 0)
        {
            findings.Add(new Finding(FindingCodes.ImportCalculationText, Severity.Error, detail.Location,
                $"项目“{project.Name}”支出明细“{label}”：{string.Join("；", problems)}。"));
        }
    }

    /// <summary>Why a 指标值 looks like the form's prompt rather than a target, or null.</summary>
    public static string? PromptReason(FormIndicator indicator)
    {
        var target = TextNormalizer.Key(indicator.Target);
        if (target.Length == 0)
        {
            return "没有填写指标值";
        }

        // "无直接经济效益 | 无直接经济效益" (the Shifeng 2023 forms) is a real answer, not a prompt left in place.
        if (target == TextNormalizer.Key(indicator.Level3) && !target.StartsWith('无'))
        {
            return $"的指标值与指标名称相同（“{indicator.Target}”），像是未改的模板文字";
        }

        if (Prompt().IsMatch(target) || Prompt().IsMatch(TextNormalizer.Key(indicator.Level3)))
        {
            return $"的内容“{(Prompt().IsMatch(target) ? indicator.Target : indicator.Level3)}”是模板提示文字";
        }

        return null;
    }

    /// <summary>A sum that differs from its total by more than 0.01 万元 per part (more is not a 尾差).</summary>
    private static bool Differs(decimal total, decimal sum, int parts) => Math.Abs(total - sum) > 0.01m * Math.Max(1, parts);

    [GeneratedRegex(@"^(目标内容|指标内容|指标名称|三级指标|指标值|指标|内容|目标)\d*$|^[.。…·]+$|字以内|^请(填写|输入)|^xx+$|^××+$")]
    private static partial Regex Prompt();
}
