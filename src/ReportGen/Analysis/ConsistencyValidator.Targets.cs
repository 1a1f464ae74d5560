using System.Text.RegularExpressions;
using ReportGen.Model;
using Indicator = ReportGen.Model.WorkbookSchema.Indicators;
using Line = ReportGen.Model.WorkbookSchema.Lines;
using Target = ReportGen.Model.WorkbookSchema.Targets;

namespace ReportGen.Analysis;

internal sealed partial class ConsistencyValidator
{
    private void CheckTargets(ProjectNameMatcher matcher)
    {
        var targeted = new HashSet<BudgetLine>();
        foreach (var target in _workbook.ProjectTargets)
        {
            var match = matcher.Match(target.Name);
            ReportMatch(match, target.CellOf(Target.Name), WorkbookSchema.TargetsSheet);
            if (match.Line is not { } line)
            {
                continue;
            }

            targeted.Add(line);
            if (target.Amount is { } amount)
            {
                CompareIdentity(FindingCodes.TargetAmount, target.CellOf(Target.Amount), amount, line.InitialBudget, 1,
                    $"项目目标中“{target.Name}”的项目金额 {WanYuan(amount)} 与预算执行表中“{line.Name}”的年初预算数 {WanYuan(line.InitialBudget)} 不符。");
            }
        }

        foreach (var group in _workbook.Indicators.Where(row => !row.IsDepartment).GroupBy(row => row.Scope))
        {
            var match = matcher.Match(group.Key);
            ReportMatch(match, group.First().CellOf(Indicator.Scope), WorkbookSchema.IndicatorsSheet);
            if (match.Line is { } line)
            {
                targeted.Add(line);
            }
        }

        if (_workbook.ProjectTargets.Count == 0 && !_workbook.Indicators.Any(row => !row.IsDepartment))
        {
            return;
        }

        foreach (var line in _figures.ProjectLines.Select(f => f.Line).Where(l => l.Source == LineSource.Initial && !targeted.Contains(l)))
        {
            Add(FindingCodes.ProjectWithoutTargets, Severity.Info, line.CellOf(Line.Name),
                $"年初预算项目“{line.Name}”没有对应的绩效目标（项目目标或绩效指标），其自评表将只有资金部分。");
        }
    }

    private void ReportMatch(NameMatch match, SourceLocation location, string sheet)
    {
        switch (match.Kind)
        {
            case null:
                // An error: the project's 年度目标 and indicators would silently leave the report (docs/workbook.md).
                var hint = match.SuggestedLine is { } s
                    ? $"最接近的是预算执行表中的“{s.Name}”（{s.CellOf(WorkbookSchema.Lines.Name)}）：如果是同一项目，请在{AliasCell(s)}填写“{match.TargetName}”；如果不是，请在预算执行表中补上该项目的预算行。"
                    : $"请在预算执行表中补上该项目的预算行；如果它在预算执行表中用了别的名称，请在那一行的“别名”列填写“{match.TargetName}”。";
                Add(FindingCodes.TargetNameUnmatched, Severity.Error, location,
                    $"{sheet}中的项目“{match.TargetName}”在预算执行表中找不到，它的年度目标和绩效指标将无法写入报告。{hint}");
                break;
            case MatchKind.Normalized:
                Add(FindingCodes.TargetNameNormalised, Severity.Info, location,
                    $"{sheet}中的项目“{match.TargetName}”与预算执行表中的“{match.Line!.Name}”写法略有不同（空格、全半角或年份），已视为同一项目。");
                break;
        }
    }

    /// <summary>"预算执行!K6（别名列）", or where to add the column when the sheet has none.</summary>
    private static string AliasCell(BudgetLine line) => line.Columns.ContainsKey(Line.Alias.Name)
        ? $"{line.CellOf(Line.Alias)}（别名列）"
        : $"预算执行表新增“别名”列，并在“{line.Name}”一行（{line.Location}）的别名列";

    private void CheckTexts()
    {
        foreach (var line in _workbook.Lines)
        {
            CheckLeftover(line.Purpose, line.CellOf(Line.Purpose), $"“{line.Name}”的主要用途");
            CheckLeftover(line.DeviationNote, line.CellOf(Line.Cause), $"“{line.Name}”的偏差原因");
        }

        foreach (var (key, value) in _workbook.Department.Facts)
        {
            CheckLeftover(value, FactCell(_workbook, key), $"{WorkbookSchema.InfoSheet}“{key}”");
        }

        foreach (var target in _workbook.ProjectTargets)
        {
            CheckLeftover(target.Outcome, target.CellOf(Target.Outcome), $"“{target.Name}”的实际完成情况");
            CheckLeftover(target.AnnualGoal, target.CellOf(Target.AnnualGoal), $"“{target.Name}”的年度目标");
        }

        foreach (var task in _workbook.KeyTasks)
        {
            CheckLeftover(task.Outcome, task.Location, $"重点工作“{task.Item}”的完成情况");
        }

        // Prompt rows of the blank form left in the indicator table ("指标2", "……") are only ever seen there.
        foreach (var row in _workbook.Indicators)
        {
            CheckLeftover(row.Level3, row.CellOf(WorkbookSchema.Indicators.Level3), $"绩效指标“{row.Scope}”的三级指标");
            CheckLeftover(row.Target, row.CellOf(WorkbookSchema.Indicators.Target), $"绩效指标“{row.Level3}”的指标值");
        }

        CheckCopied(_workbook.Lines.Select(l => (l.Name, l.Purpose, l.CellOf(Line.Purpose))), Line.Purpose.Name);
        CheckCopied(_workbook.ProjectTargets.Select(t => (t.Name, t.Outcome, t.CellOf(Target.Outcome))), Target.Outcome.Name);
    }

    private void CheckLeftover(string? text, SourceLocation location, string what)
    {
        if (text is not null && FormPromptText().Match(text) is { Success: true } match)
        {
            Add(FindingCodes.FormPromptLeft, Severity.Warning, location, $"{what}中含有模板提示文字“{match.Value}”，请替换为实际内容。");
        }
    }

    /// <summary>The same text under two different projects: usually one project's text pasted under another (the published Shifeng 2023 report).</summary>
    private void CheckCopied(IEnumerable<(string Name, string? Text, SourceLocation Location)> items, string field)
    {
        var seen = new Dictionary<string, string>();
        foreach (var (name, text, location) in items)
        {
            if (text is null || text.Length < 8)
            {
                continue;
            }

            var key = TextNormalizer.Key(text);
            if (!seen.TryAdd(key, name) && seen[key] != name)
            {
                Add(FindingCodes.RepeatedText, Severity.Warning, location,
                    $"“{name}”的{field}与“{seen[key]}”完全相同，可能是复制粘贴时未修改。请按本项目的实际情况填写。");
            }
        }
    }

    [GeneratedRegex(@"[（(]\s*\d+\s*字以内\s*[)）]|……|\.{6}|^指标\d+$|目标内容\d*|请填写|此处填写|XXX|xxx|××")]
    private static partial Regex FormPromptText();
}
