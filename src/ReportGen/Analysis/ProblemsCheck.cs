using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Analysis;

/// <summary>
/// The 存在问题 / 改进措施 texts against the problems the figures show (<see cref="ShortfallFinder"/>): RG191 when 存在问题 is
/// blank where the report asks for it; RG190, an error, when 存在问题 or 改进措施 says there is nothing ("无",
/// "没有问题", "不存在问题", "无其他问题") while rates are below 90%, a line is overspent or indicators are unmet: the
/// report would print a denial the data contradict (docs/domain.md, "Reading the actual value").
/// </summary>
internal static partial class ProblemsCheck
{
    /// <summary>The 基本信息 item the user writes section 四 in.</summary>
    public static readonly InfoItem Fact = WorkbookSchema.Items.Problems;

    /// <summary>The 基本信息 item for the 改进措施 of section 四.</summary>
    public static readonly InfoItem MeasuresFact = WorkbookSchema.Items.Measures;

    /// <summary>Every narrative finding: RG191 for a blank 存在问题, RG190 for a denial of the problems found.</summary>
    public static IReadOnlyList<Finding> FindAll(DepartmentAnalysis analysis) =>
        [.. new[] { Find(analysis) }.OfType<Finding>(), .. Denials(analysis)];

    public static Finding? Find(DepartmentAnalysis analysis)
    {
        if (analysis.Workbook.Department.Fact(Fact) is not null)
        {
            return null;
        }

        var cell = ConsistencyValidator.FactCell(analysis.Workbook, Fact);
        var shortfalls = ShortfallFinder.Find(analysis);
        if (shortfalls.Count == 0)
        {
            return new Finding(FindingCodes.ProblemsMissing, Severity.Warning, cell, $"{WorkbookSchema.InfoSheet}未填写“{Fact}”，报告第四部分的存在问题留待填写。") { Item = Fact };
        }

        return shortfalls.Any(g => g.CauseCell == cell && g.Cause is null)
            ? new Finding(FindingCodes.ProblemsMissing, Severity.Warning, cell,
                $"{WorkbookSchema.InfoSheet}未填写“{Fact}”：报告第四部分列出部门预算执行率{Money.FormatPercent(analysis.Figures.Department.ExecutionRate)}（低于90%）等事实，部门整体执行率偏低的原因留待填写。")
            { Item = Fact }
            : null;
    }

    /// <summary>
    /// RG190: 存在问题 ("无", "不存在问题", "无其他问题"…) or 改进措施 ("无", "暂无") denying the problems the analysis
    /// found; the message lists them, to be written in 存在问题.
    /// </summary>
    public static IReadOnlyList<Finding> Denials(DepartmentAnalysis analysis)
    {
        var problems = analysis.Workbook.Department.Fact(Fact);
        var measures = analysis.Workbook.Department.Fact(MeasuresFact);
        var deniesProblems = problems is not null && NoProblems().IsMatch(TextNormalizer.Key(problems));
        var deniesMeasures = measures is not null && NoMeasures().IsMatch(TextNormalizer.Key(measures));
        if (!deniesProblems && !deniesMeasures)
        {
            return [];
        }

        var found = ShortfallFinder.Find(analysis).Select(Describe).Distinct().ToList();
        if (found.Count == 0)
        {
            return [];
        }

        var list = string.Join("；", found.Select((f, i) => $"{i + 1}. {f}"));
        var findings = new List<Finding>();
        if (deniesProblems)
        {
            findings.Add(new Finding(FindingCodes.NoProblemsClaimed, Severity.Error, ConsistencyValidator.FactCell(analysis.Workbook, Fact),
                $"“存在问题”写的是“{problems!.Trim()}”，但分析发现以下问题：{list}。请在“存在问题”中如实写明这些问题及其原因。"));
        }

        if (deniesMeasures)
        {
            findings.Add(new Finding(FindingCodes.NoProblemsClaimed, Severity.Error, ConsistencyValidator.FactCell(analysis.Workbook, MeasuresFact),
                $"“改进措施”写的是“{measures!.Trim()}”，但分析发现以下问题：{list}。请在“改进措施”中写明针对这些问题的改进措施。"));
        }

        return findings;
    }

    /// <summary>One problem in a sentence, figures only: "部门预算执行率81.68%，低于90%".</summary>
    private static string Describe(Shortfall shortfall) => shortfall.Kind switch
    {
        ShortfallKind.DepartmentLowRate => $"部门预算执行率{Money.FormatPercent(shortfall.Amounts!.ExecutionRate)}，低于90%",
        ShortfallKind.Overspent => $"“{shortfall.Name}”实际支出{Money.Format(shortfall.Amounts!.Actual)}万元，超过全年预算{Money.Format(shortfall.Amounts.Final)}万元",
        ShortfallKind.LowRate => $"“{shortfall.Name}”预算执行率{Money.FormatPercent(shortfall.Amounts!.ExecutionRate)}，低于90%",
        ShortfallKind.BehindPlan => $"“{shortfall.Name}”支出进度落后于资金支出计划",
        _ => shortfall.Indicator is { } r
            ? $"{(shortfall.DepartmentScope ? "部门整体" : $"“{shortfall.Scope}”")}指标“{TextNormalizer.Clean(r.Row.Level3)}”{r.StatusName}（指标值{r.Row.Target}，实际完成值{r.ActualText}）"
            : $"指标“{shortfall.Name}”未达成",
    };

    [GeneratedRegex(@"^(绩效管理|本年度|本部门|我单位|我部门)?(无|没有|不存在|暂无|暂未发现|未发现)(其他|其它|相关|任何|明显|重大|突出)?(的)?(问题)?[。.]?$|不存在(其他|其它|相关|任何|明显)?问题|没有(其他|其它|任何|明显)?问题|^无其[他它]问题")]
    private static partial Regex NoProblems();

    [GeneratedRegex(@"^(无|没有|暂无|不需要|无需|不存在)(改进措施|改进|措施|整改措施)?[。.]?$")]
    private static partial Regex NoMeasures();
}
