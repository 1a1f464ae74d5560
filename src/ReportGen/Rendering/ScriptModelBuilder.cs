using ReportGen.Analysis;
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
internal sealed class ScriptModelBuilder
{
    /// <summary>
    /// The script objects of this build by the view they were made from: a line in both <c>lines</c> and
    /// <c>basicLines</c>, or an indicator set of a line and of its <c>projectLines</c> copy, is made once (making the
    /// model again for every list was a third of its cost, docs/performance.md), as indicators already are.
    /// </summary>
    private readonly Dictionary<object, ScriptObject> _made = new(ReferenceEqualityComparer.Instance);

    private ScriptModelBuilder()
    {
    }

    /// <param name="model">The report's model.</param>
    /// <param name="words">The report's vocabulary (its template folder's partials/用语.txt); the bundled one by default.</param>
    public static ScriptObject Build(TemplateModel model, Vocabulary? words = null) =>
        new ScriptModelBuilder().Root(model, words ?? Vocabulary.Bundled);

    private ScriptObject Once<T>(T view, Func<T, ScriptObject> make)
        where T : class
    {
        if (!_made.TryGetValue(view, out var made))
        {
            made = make(view);
            _made[view] = made;
        }

        return made;
    }

    // Every script object is made with room for its members (the counts below): the model is rebuilt for every
    // report, and growing the dictionaries member by member was a twentieth of a render (docs/performance.md).
    private ScriptObject Root(TemplateModel model, Vocabulary w) => new(24)
    {
        ["department"] = Department(model.Department),
        ["year"] = model.Year,
        ["totals"] = Amounts(model.Totals),
        ["basic"] = Amounts(model.Basic),
        ["projects"] = Amounts(model.Projects),
        ["projectCount"] = model.ProjectCount,
        ["lines"] = Array(model.Lines, l => Once(l, v => Line(v, w))),
        ["projectLines"] = Array(model.ProjectLines, l => Once(l, v => Line(v, w))),
        ["basicLines"] = Array(model.BasicLines, l => Once(l, v => Line(v, w))),
        ["keyTasks"] = Array(model.KeyTasks, t => new ScriptObject(6)
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
        // "gaps" is the shortfalls' name in templates clerks already wrote (templates/README.md); it stays.
        ["gaps"] = Array(model.Shortfalls, s => Shortfall(s, w)),
        ["indicators"] = Indicators(model.Indicators, w),
        ["funds"] = Funds(model.Funds, w),
        ["thresholds"] = new ScriptObject(2)
        {
            ["lowRate"] = model.Thresholds.LowRate,
            ["largeCarryOver"] = model.Thresholds.LargeCarryOver,
        },
        ["findings"] = Array(model.Findings, f => new ScriptObject(5)
        {
            ["code"] = f.Code,
            ["severity"] = w.Of(f.Severity),
            ["severityCode"] = Vocabulary.Code(f.Severity),
            ["location"] = f.Location,
            ["message"] = f.Message,
        }),
        ["spendingProgressCell"] = model.SpendingProgressCell,
        ["spendingProgress"] = Array(model.SpendingProgress, p => new ScriptObject(3)
        {
            ["name"] = p.Name,
            ["behind"] = p.Behind,
            ["checkpoints"] = Array(p.Checkpoints, Checkpoint),
        }),
    };

    private static ScriptObject Checkpoint(CheckpointProgress c) => new(5)
    {
        ["label"] = c.Label,
        ["planned"] = c.Planned,
        ["spent"] = c.Spent,
        ["share"] = c.Share,
        ["behind"] = c.Behind,
    };

    /// <summary>A section 四 fact, worded by partials/存在问题.sbn: the kind's code and the fact's figures and names.</summary>
    private static ScriptObject Shortfall(ShortfallView g, Vocabulary w) => new(9)
    {
        ["kind"] = Vocabulary.Code(g.Kind),
        ["name"] = g.Name,
        ["scope"] = g.Scope,
        ["departmentScope"] = g.DepartmentScope,
        ["amounts"] = g.Amounts is { } a ? Amounts(a) : null,
        ["behind"] = Array(g.Behind, Checkpoint),
        ["indicator"] = g.Indicator is { } i ? Indicator(i, w) : null,
        ["cause"] = Text(g.Cause),
        ["causeCell"] = g.CauseCell,
    };

    private ScriptObject Funds(FundsView f, Vocabulary w) => new(4)
    {
        ["complete"] = f.Complete,
        ["general"] = Fund(f.General, w),
        ["government"] = Fund(f.Government, w),
        ["other"] = Fund(f.Other, w),
    };

    private ScriptObject? Fund(FundView? f, Vocabulary w) => f is null ? null : new ScriptObject(9)
    {
        ["lines"] = Array(f.Lines, l => Once(l, v => Line(v, w))),
        ["basicLines"] = Array(f.BasicLines, l => Once(l, v => Line(v, w))),
        ["projectLines"] = Array(f.ProjectLines, l => Once(l, v => Line(v, w))),
        ["name"] = w.Of(f.Source),
        ["code"] = Vocabulary.Code(f.Source),
        ["amounts"] = Amounts(f.Amounts),
        ["basic"] = Amounts(f.Basic),
        ["projects"] = Amounts(f.Projects),
        ["projectCount"] = f.ProjectCount,
    };

    private static ScriptObject Department(DepartmentView d)
    {
        var facts = new ScriptObject(d.Facts.Count);
        foreach (var (key, value) in d.Facts)
        {
            facts[key] = Text(value);
        }

        return new ScriptObject(17)
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

    /// <summary>
    /// An amounts group as the analysis computed it, with two figures for the wording: the adjustment without its sign
    /// ("调减X万元") and the overspend as printed (<see cref="VarianceCalculator.Overspend"/>, 0 when not overspent).
    /// </summary>
    private static ScriptObject Amounts(Amounts a) => new(8)
    {
        ["initial"] = a.Initial,
        ["adjustment"] = a.Adjustment,
        ["absAdjustment"] = Math.Abs(a.Adjustment),
        ["final"] = a.Final,
        ["actual"] = a.Actual,
        ["carryOver"] = a.CarryOver,
        ["overspend"] = VarianceCalculator.Overspend(a.Actual, a.Final),
        ["rate"] = a.ExecutionRate,
    };

    private ScriptObject Line(LineView l, Vocabulary w) => new(32)
    {
        ["number"] = l.Number,
        ["name"] = l.Name,
        ["targetName"] = Text(l.TargetName),
        ["category"] = w.Of(l.Category),
        ["categoryCode"] = Vocabulary.Code(l.Category),
        ["isProject"] = l.IsProject,
        ["source"] = w.Of(l.Source),
        ["sourceCode"] = Vocabulary.Code(l.Source),
        ["adjustmentKind"] = w.Of(l.AdjustmentKind),
        ["adjustmentCode"] = Vocabulary.Code(l.AdjustmentKind),
        ["isMidYear"] = l.IsMidYear,
        ["isIncrease"] = l.IsIncrease,
        ["isDecrease"] = l.IsDecrease,
        ["amounts"] = Amounts(l.Amounts),
        ["funding"] = l.Funding is { } funding ? w.Of(funding) : null,
        ["fundingCode"] = l.Funding is { } code ? Vocabulary.Code(code) : null,
        ["purpose"] = Text(l.Purpose),
        ["deviation"] = Text(l.Deviation),
        ["lowRate"] = l.LowRate,
        ["overspent"] = l.Overspent,
        ["largeCarryOver"] = l.LargeCarryOver,
        ["annualGoal"] = Text(l.AnnualGoal),
        ["periodGoal"] = Text(l.PeriodGoal),
        ["outcome"] = Text(l.Outcome),
        ["indicators"] = Once(l.Indicators, set => Indicators(set, w)),
        ["hasTargets"] = l.HasTargets,
        ["behindPlan"] = l.BehindPlan,
        ["adjusted"] = l.Adjusted,
        ["purposeCell"] = l.PurposeCell,
        ["deviationCell"] = l.DeviationCell,
        ["annualGoalCell"] = l.AnnualGoalCell,
        ["outcomeCell"] = l.OutcomeCell,
    };

    private static ScriptObject Indicators(IndicatorSetView set, Vocabulary w)
    {
        // One script object per indicator, shared by the lists that hold it.
        var items = new Dictionary<IndicatorView, ScriptObject>(ReferenceEqualityComparer.Instance);
        foreach (var item in set.Items)
        {
            items[item] = Indicator(item, w);
        }

        ScriptObject Of(IndicatorView item) => items.TryGetValue(item, out var made) ? made : Indicator(item, w);
        return IndicatorSet(set, Array(set.Items, Of), Array(set.UnmetItems, Of), Array(set.UndeterminedItems, Of), w);
    }

    private static ScriptObject IndicatorSet(IndicatorSetView set, ScriptArray items, ScriptArray unmetItems, ScriptArray undeterminedItems, Vocabulary w) => new(9)
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
            ? new ScriptObject(11)
            {
                ["executionRate"] = s.ExecutionRate,
                ["output"] = s.Output,
                ["outcome"] = s.Outcome,
                ["satisfaction"] = s.Satisfaction,
                ["total"] = s.Total,
                ["ceiling"] = s.Ceiling,
                ["grade"] = s.GradeText(w),
                ["gradeCode"] = s.GradeDecided ? Vocabulary.Code(s.Grade) : "pending",
                ["gradeDecided"] = s.GradeDecided,
                ["undetermined"] = s.Undetermined,
                ["provisional"] = s.Provisional,
                ["totalText"] = s.TotalText(w),
                ["gradeText"] = s.GradeText(w),
            }
            : null,
    };

    private static ScriptObject Indicator(IndicatorView i, Vocabulary w) => new(19)
    {
        ["level1"] = i.Level1,
        ["level2"] = i.Level2,
        ["level3"] = i.Level3,
        ["target"] = i.Target,
        ["actual"] = Text(i.Actual),
        ["kind"] = w.Of(i.Kind),
        ["kindCode"] = Vocabulary.Code(i.Kind),
        ["status"] = w.Of(i.Status),
        ["statusCode"] = Vocabulary.Code(i.Status),
        ["reason"] = Text(i.Reason),
        ["weight"] = i.Weight,
        ["score"] = i.Score,
        ["deviation"] = Text(i.Deviation),
        ["isExecutionRate"] = i.IsExecutionRate,
        ["missingField"] = Text(i.MissingField),
        ["missingCell"] = i.MissingCell,
        ["needsCause"] = i.NeedsCause,
        ["causePrompt"] = i.CausePrompt(w),
        ["deviationCell"] = i.DeviationCell,
    };

    private static ScriptArray Array<T>(IEnumerable<T> items, Func<T, object?> convert)
    {
        // Sized up front: the model is rebuilt for every report, and growing its lists was a visible share of a render.
        var array = new ScriptArray(items.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var item in items)
        {
            array.Add(convert(item));
        }

        return array;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
