using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Model;
using Scriban.Runtime;

namespace ReportGen.Rendering;

/// <summary>
/// The one place where the <see cref="TemplateModel"/> becomes what a Scriban template sees: script objects and
/// arrays filled member by member, so that nothing reflects over our types (the tool runs as a Native AOT
/// executable, where reflection-based binding fails). A member added to the model is added here and in
/// templates/README.md. Names are camelCase, as the templates write them; a text that is empty is null, so that
/// <c>{{ if x }}</c> tests "was it written" (in Scriban an empty string counts as true). An enum becomes two members:
/// its words in the report's <see cref="Vocabulary"/> (<c>status</c>: 未达成) and its stable code (<c>statusCode</c>:
/// notMet) for templates to branch on.
/// </summary>
public static class ScriptModelBuilder
{
    public static ScriptObject Build(TemplateModel model, Vocabulary? words = null) => new Builder(words ?? Vocabulary.Bundled).Build(model);

    private sealed class Builder(Vocabulary words)
    {
        public ScriptObject Build(TemplateModel model) => new()
        {
            ["department"] = Department(model.Department),
            ["year"] = model.Year,
            ["totals"] = Amounts(model.Totals),
            ["basic"] = Amounts(model.Basic),
            ["projects"] = Amounts(model.Projects),
            ["projectCount"] = model.ProjectCount,
            ["lines"] = Array(model.Lines, Line),
            ["projectLines"] = Array(model.ProjectLines, Line),
            ["basicLines"] = Array(model.BasicLines, Line),
            ["keyTasks"] = Array(model.KeyTasks, t => new ScriptObject
            {
                ["number"] = t.Number,
                ["item"] = Text(t.Item),
                ["owner"] = Text(t.Owner),
                ["goal"] = Text(t.Goal),
                ["outcome"] = Text(t.Outcome),
                ["outcomeCell"] = t.OutcomeCell,
            }),
            ["keyTasksCell"] = model.KeyTasksCell,
            ["otherFunds"] = model.OtherFunds,
            ["problems"] = Text(model.Problems),
            ["measures"] = Text(model.Measures),
            ["otherNotes"] = Text(model.OtherNotes),
            ["problemsCell"] = model.ProblemsCell,
            ["measuresCell"] = model.MeasuresCell,
            ["otherNotesCell"] = model.OtherNotesCell,
            ["gaps"] = Array(model.Gaps, Gap),
            ["indicators"] = Indicators(model.Indicators),
            ["funds"] = Funds(model.Funds),
            ["findings"] = Array(model.Findings, f => new ScriptObject
            {
                ["code"] = f.Code,
                ["severity"] = words.Of(f.Severity),
                ["severityCode"] = Vocabulary.Code(f.Severity),
                ["location"] = f.Location,
                ["message"] = f.Message,
            }),
            ["spendingProgress"] = Array(model.SpendingProgress, p => new ScriptObject
            {
                ["name"] = p.Name,
                ["behind"] = p.Behind,
                ["checkpoints"] = Array(p.Checkpoints, Checkpoint),
            }),
        };

        private static ScriptObject Checkpoint(CheckpointView c) => new()
        {
            ["label"] = c.Label,
            ["planned"] = c.Planned,
            ["spent"] = c.Spent,
            ["share"] = c.Share,
            ["behind"] = c.Behind,
        };

        /// <summary>A section 四 fact, worded by partials/存在问题.sbn: the kind's code and the fact's figures and names.</summary>
        private ScriptObject Gap(GapView g) => new()
        {
            ["kind"] = Vocabulary.Code(g.Kind),
            ["name"] = g.Name,
            ["scope"] = g.Scope,
            ["departmentScope"] = g.DepartmentScope,
            ["amounts"] = g.Amounts is { } a ? Amounts(a) : null,
            ["behind"] = Array(g.Behind, Checkpoint),
            ["indicator"] = g.Indicator is { } i ? Indicator(i) : null,
            ["cause"] = Text(g.Cause),
            ["causeCell"] = g.CauseCell,
        };

        private ScriptObject Funds(FundsView f) => new()
        {
            ["complete"] = f.Complete,
            ["general"] = Fund(f.General),
            ["government"] = Fund(f.Government),
            ["other"] = Fund(f.Other),
        };

        private ScriptObject? Fund(FundView? f) => f is null ? null : new ScriptObject
        {
            ["name"] = words.Of(f.Source),
            ["code"] = Vocabulary.Code(f.Source),
            ["amounts"] = Amounts(f.Amounts),
            ["basic"] = Amounts(f.Basic),
            ["projects"] = Amounts(f.Projects),
            ["projectCount"] = f.ProjectCount,
        };

        private static ScriptObject Department(DepartmentView d)
        {
            var facts = new ScriptObject();
            foreach (var (key, value) in d.Facts)
            {
                facts[key] = Text(value);
            }

            return new ScriptObject
            {
                ["name"] = d.Name,
                ["shortName"] = d.ShortName,
                ["duties"] = Array(d.Duties, x => x),
                ["unitCount"] = Text(d.UnitCount),
                ["establishment"] = Text(d.Establishment),
                ["adminEstablishment"] = Text(d.AdminEstablishment),
                ["institutionEstablishment"] = Text(d.InstitutionEstablishment),
                ["institutionBreakdown"] = Text(d.InstitutionBreakdown),
                ["headcount"] = Text(d.Headcount),
                ["employed"] = Text(d.Employed),
                ["retired"] = Text(d.Retired),
                ["offices"] = Text(d.Offices),
                ["subordinates"] = Text(d.Subordinates),
                ["annualGoal"] = Text(d.AnnualGoal),
                ["dutiesCell"] = d.DutiesCell,
                ["annualGoalCell"] = d.AnnualGoalCell,
                ["facts"] = facts,
            };
        }

        private static ScriptObject Amounts(AmountsView a) => new()
        {
            ["initial"] = a.Initial,
            ["adjustment"] = a.Adjustment,
            ["absAdjustment"] = a.AbsAdjustment,
            ["final"] = a.Final,
            ["actual"] = a.Actual,
            ["carryOver"] = a.CarryOver,
            ["overspend"] = a.Overspend,
            ["rate"] = a.Rate,
        };

        private ScriptObject Line(LineView l) => new()
        {
            ["number"] = l.Number,
            ["name"] = l.Name,
            ["targetName"] = Text(l.TargetName),
            ["category"] = words.Of(l.Category),
            ["categoryCode"] = Vocabulary.Code(l.Category),
            ["isProject"] = l.IsProject,
            ["source"] = words.Of(l.Source),
            ["sourceCode"] = Vocabulary.Code(l.Source),
            ["adjustmentKind"] = words.Of(l.AdjustmentKind),
            ["adjustmentCode"] = Vocabulary.Code(l.AdjustmentKind),
            ["isMidYear"] = l.IsMidYear,
            ["isIncrease"] = l.IsIncrease,
            ["isDecrease"] = l.IsDecrease,
            ["amounts"] = Amounts(l.Amounts),
            ["funding"] = l.Funding is { } funding ? words.Of(funding) : null,
            ["fundingCode"] = l.Funding is { } code ? Vocabulary.Code(code) : null,
            ["purpose"] = Text(l.Purpose),
            ["deviation"] = Text(l.Deviation),
            ["lowRate"] = l.LowRate,
            ["overspent"] = l.Overspent,
            ["largeCarryOver"] = l.LargeCarryOver,
            ["annualGoal"] = Text(l.AnnualGoal),
            ["periodGoal"] = Text(l.PeriodGoal),
            ["outcome"] = Text(l.Outcome),
            ["indicators"] = Indicators(l.Indicators),
            ["hasTargets"] = l.HasTargets,
            ["behindPlan"] = l.BehindPlan,
            ["adjusted"] = l.Adjusted,
            ["purposeCell"] = l.PurposeCell,
            ["deviationCell"] = l.DeviationCell,
            ["annualGoalCell"] = l.AnnualGoalCell,
            ["outcomeCell"] = l.OutcomeCell,
        };

        private ScriptObject Indicators(IndicatorSetView set)
        {
            // One script object per indicator, shared by the lists that hold it.
            var items = new Dictionary<IndicatorView, ScriptObject>(ReferenceEqualityComparer.Instance);
            foreach (var item in set.Items)
            {
                items[item] = Indicator(item);
            }

            ScriptObject Of(IndicatorView item) => items.TryGetValue(item, out var made) ? made : Indicator(item);
            return IndicatorSet(set, Array(set.Items, Of), Array(set.UnmetItems, Of), Array(set.UndeterminedItems, Of));
        }

        private ScriptObject IndicatorSet(IndicatorSetView set, ScriptArray items, ScriptArray unmetItems, ScriptArray undeterminedItems) => new()
        {
            ["items"] = items,
            ["count"] = set.Count,
            ["met"] = set.Met,
            ["partlyMet"] = set.PartlyMet,
            ["unmet"] = set.Unmet,
            ["undetermined"] = set.Undetermined,
            ["unmetItems"] = unmetItems,
            ["undeterminedItems"] = undeterminedItems,
            ["score"] = set.Score is { } s
                ? new ScriptObject
                {
                    ["executionRate"] = s.ExecutionRate,
                    ["output"] = s.Output,
                    ["outcome"] = s.Outcome,
                    ["satisfaction"] = s.Satisfaction,
                    ["total"] = s.Total,
                    ["grade"] = words.Of(s.Grade),
                    ["gradeCode"] = Vocabulary.Code(s.Grade),
                    ["undetermined"] = s.Undetermined,
                    ["provisional"] = s.Provisional,
                    ["totalText"] = s.TotalText(words),
                    ["gradeText"] = s.GradeText(words),
                }
                : null,
        };

        private ScriptObject Indicator(IndicatorView i) => new()
        {
            ["level1"] = i.Level1,
            ["level2"] = i.Level2,
            ["level3"] = i.Level3,
            ["target"] = i.Target,
            ["actual"] = Text(i.Actual),
            ["kind"] = words.Of(i.Kind),
            ["kindCode"] = Vocabulary.Code(i.Kind),
            ["status"] = words.Of(i.Status),
            ["statusCode"] = Vocabulary.Code(i.Status),
            ["reason"] = Text(i.Reason),
            ["weight"] = i.Weight,
            ["score"] = i.Score,
            ["deviation"] = Text(i.Deviation),
            ["isExecutionRate"] = i.IsExecutionRate,
            ["missingField"] = Text(i.MissingField),
            ["missingCell"] = i.MissingCell,
            ["needsCause"] = i.NeedsCause,
            ["causePrompt"] = i.CausePrompt(words),
            ["deviationCell"] = i.DeviationCell,
        };

        private static ScriptArray Array<T>(IEnumerable<T> items, Func<T, object?> convert)
        {
            var array = new ScriptArray();
            foreach (var item in items)
            {
                array.Add(convert(item));
            }

            return array;
        }

        private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
