using ReportGen.Model;

namespace ReportGen.Analysis;

/// <summary>
/// RG191: 存在问题 is blank where the report asks for it: section 四 has no facts to list, or lists the
/// department's low execution rate, whose cause belongs in 存在问题 (the cell of that placeholder).
/// </summary>
public static class ProblemsCheck
{
    /// <summary>The 基本信息 item the user writes section 四 in.</summary>
    public const string Fact = "存在问题";

    public static Finding? Find(DepartmentAnalysis analysis)
    {
        if (analysis.Workbook.Department.Fact(Fact) is not null)
        {
            return null;
        }

        var cell = ConsistencyValidator.FactCell(analysis.Workbook, Fact);
        var gaps = GapFinder.Find(analysis);
        if (gaps.Count == 0)
        {
            return new Finding(FindingCodes.ProblemsMissing, Severity.Warning, cell, "基本信息未填写“存在问题”，报告第四部分的存在问题留待填写。");
        }

        return gaps.Any(g => g.CauseCell == cell && g.Cause is null)
            ? new Finding(FindingCodes.ProblemsMissing, Severity.Warning, cell,
                $"基本信息未填写“存在问题”：报告第四部分列出部门预算执行率{Money.FormatPercent(analysis.Figures.Department.ExecutionRate)}（低于90%）等事实，部门整体执行率偏低的原因留待填写。")
            : null;
    }
}
