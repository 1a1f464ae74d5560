using ReportGen.Analysis;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// The placeholders of a rendered report that no check finding stands behind: items only the chosen outline asks
/// for (湖南's fund chapters, 自评结果应用情况, 四川's 人员概况) and placeholders a template writes itself. Each becomes
/// one RG200 finding at the placeholder's cell, so every placeholder in the report is also a finding (docs/workbook.md,
/// "Missing inputs"), whichever template printed it.
/// </summary>
internal static class MissingOutlineItems
{
    /// <param name="templatePath">The template the report was rendered with, named in the messages.</param>
    public static IReadOnlyList<Finding> Find(DepartmentAnalysis analysis, ReportDocument document, string templatePath)
    {
        var missingInputs = analysis.Findings.Where(f => ConsistencyValidator.MissingInputCodes.Contains(f.Code))
            .ToLookup(f => f.Location.ToString(), StringComparer.Ordinal);
        var template = Path.GetFileNameWithoutExtension(templatePath);
        var findings = new List<Finding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // The placeholders as rendering recorded them (ReportDocument.Placeholders): what is missing, which cell.
        foreach (var placeholder in document.Placeholders)
        {
            var (what, cell) = (placeholder.Title, placeholder.Cell);
            if (cell is null)
            {
                if (seen.Add("|" + what))
                {
                    findings.Add(new Finding(FindingCodes.OutlineItemMissing, Severity.Warning,
                        new SourceLocation(analysis.Workbook.Path, null),
                        $"报告模板“{template}”中有一处待填写“{what}”，工作簿中没有对应的单元格，请在生成的报告中补写。"));
                }

                continue;
            }

            if (!Covered(missingInputs, cell, placeholder.Item) && seen.Add(cell + "|" + what))
            {
                findings.Add(new Finding(FindingCodes.OutlineItemMissing, Severity.Warning, SourceLocation.Parse(analysis.Workbook.Path, cell),
                    $"报告模板“{template}”要求填写“{what}”，工作簿中未填写，报告中留待填写。"));
            }
        }

        return findings;
    }

    /// <summary>
    /// Whether a finding stands behind the placeholder: one at its cell. Where the cell is a whole sheet, the item is
    /// absent: any missing-input finding on 重点工作, 项目目标 or 绩效指标 as a whole covers that sheet's placeholders, while
    /// 基本信息 holds many items, so there the finding's item (<see cref="Finding.Item"/>) must be the one the placeholder
    /// asks for (<see cref="FieldSpan.Item"/>). Neither the finding's message nor the placeholder's title is read.
    /// </summary>
    private static bool Covered(ILookup<string, Finding> missingInputs, string cell, InfoItem? item)
    {
        var atCell = missingInputs[cell];
        if (cell != WorkbookSchema.InfoSheet)
        {
            return atCell.Any();
        }

        return item is not null && atCell.Any(f => f.Item == item);
    }
}
