using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// The report's tables, built in code from the template model and placed where a template writes
/// <c>{{table "名称"}}</c>: 预算执行差异表, 部门整体支出绩效自评表, 项目支出绩效自评表 (财预〔2020〕10号 attachment layout,
/// 一级 / 二级 indicator cells merged vertically).
/// </summary>
public static class ReportTables
{
    public const string Variance = "预算执行差异表";
    public const string DepartmentEvaluation = "部门整体支出绩效自评表";
    public const string ProjectEvaluation = "项目支出绩效自评表";
    public const string Progress = "支出进度对比表";

    public static readonly IReadOnlyList<string> Kinds = [Variance, DepartmentEvaluation, ProjectEvaluation, Progress];

    public static IEnumerable<ReportTable> Build(TemplateModel model, string kind, string? argument) => kind switch
    {
        Variance => [VarianceTable(model)],
        Progress => model.SpendingProgress.Count == 0 ? [] : [ProgressTable(model)],
        DepartmentEvaluation => [DepartmentTable(model)],
        ProjectEvaluation when argument is null => model.ProjectLines.Select(line => ProjectTable(model, line)),
        ProjectEvaluation => [ProjectTable(model, model.ProjectLines.FirstOrDefault(l => l.Name == argument || l.TargetName == argument)
            ?? throw new InputException($"模板要求的项目支出绩效自评表“{argument}”在预算执行表中没有对应的项目。"))],
        _ => throw new InputException($"模板中的表格“{kind}”不存在。可用的表格：{string.Join("、", Kinds)}。"),
    };

    private static TableCell L(string text, int span = 1, VerticalMerge merge = VerticalMerge.None, bool bold = false) =>
        new(text, span, merge, CellAlign.Left, bold);

    private static TableCell C(string text, int span = 1, VerticalMerge merge = VerticalMerge.None, bool bold = false) =>
        new(text, span, merge, CellAlign.Center, bold);

    private static TableCell R(string text, bool bold = false) => new(text, 1, VerticalMerge.None, CellAlign.Right, bold);

    private static string W(decimal? value) => value is { } v ? Money.Format(v) : "—";

    private static TableRow Row(params TableCell[] cells) => new(cells);

    /// <summary>
    /// 预算执行差异表: 基本支出 lines and their subtotal, then 项目支出 lines and theirs, then the total. The category
    /// is carried by the grouping rather than a column, so that six money columns fit 156 mm at 五号.
    /// </summary>
    public static ReportTable VarianceTable(TemplateModel model)
    {
        var rows = new List<TableRow>
        {
            Row(C("序号", bold: true), C("项目名称", bold: true), C("年初预算数", bold: true), C("调整数", bold: true),
                C("全年预算数", bold: true), C("实际支出数", bold: true), C("结余结转数", bold: true), C("执行率", bold: true), C("偏差原因", bold: true)),
        };
        var number = 0;
        foreach (var (lines, subtotal, label) in new[]
                 {
                     (model.BasicLines, model.Basic, "基本支出小计"),
                     (model.ProjectLines, model.Projects, $"项目支出小计（{model.ProjectCount}个项目）"),
                 })
        {
            foreach (var line in lines)
            {
                // The 偏差原因 every shortfall, overspend, delay and adjustment needs (RG120–RG122, RG132), at the cell check names.
                var cause = line.Overspent ? "超支原因" : line.LowRate ? "执行率偏低的原因" : line.BehindPlan ? "支出进度落后的原因"
                    : line.Adjusted ? "预算调整原因" : null;
                rows.Add(Row([C((++number).ToString(System.Globalization.CultureInfo.InvariantCulture)), L(line.Name),
                    .. Figures(line.Amounts, bold: false), L(line.Deviation ?? (cause is null ? "" : TemplateHelpers.Placeholder(cause, line.DeviationCell)))]));
            }

            rows.Add(Row([C(label, 2, bold: true), .. Figures(subtotal, bold: true), L("")]));
        }

        rows.Add(Row([C("合计", 2, bold: true), .. Figures(model.Totals, bold: true), L("")]));
        return new ReportTable($"{model.Department.Name}{model.Year}年度预算执行差异表", [0.45, 1.55, 1.2, 1.2, 1.2, 1.2, 1.2, 1.35, 1.65], rows,
            HeaderRows: 1, Note: "单位：万元。执行率 = 实际支出数 ÷ 全年预算数；全年预算数 = 年初预算数 + 调整数。");
    }

    /// <summary>支出进度对比表: planned and actual cumulative shares at each checkpoint; a share behind plan is bold.</summary>
    public static ReportTable ProgressTable(TemplateModel model)
    {
        var labels = model.SpendingProgress[0].Checkpoints.Select(c => c.Label).ToList();
        var rows = new List<TableRow>
        {
            Row([C("项目名称", merge: VerticalMerge.Restart, bold: true), .. labels.Select(l => C(l, 2, bold: true))]),
            Row([C("", merge: VerticalMerge.Continue), .. labels.SelectMany(_ => new[] { C("计划", bold: true), C("实际", bold: true) })]),
        };
        foreach (var progress in model.SpendingProgress)
        {
            rows.Add(Row([L(progress.Name), .. progress.Checkpoints.SelectMany(c => new[]
            {
                R(c.Planned is null ? "—" : Money.FormatPercent(c.Planned)),
                R(c.Share is null ? "—" : Money.FormatPercent(c.Share), bold: c.Behind),
            })]));
        }

        return new ReportTable($"{model.Department.Name}{model.Year}年度资金支出进度对比表", [2.2, .. labels.SelectMany(_ => new[] { 1.1, 1.1 })], rows,
            HeaderRows: 2, Note: "计划为资金支出计划中截至各时点累计应支出的比例；实际 = 截至该时点累计支出 ÷ 全年预算数；加粗为落后于计划的时点。");
    }

    private static TableCell[] Figures(AmountsView a, bool bold) =>
    [
        R(W(a.Initial), bold), R(W(a.Adjustment), bold), R(W(a.Final), bold), R(W(a.Actual), bold), R(W(a.CarryOver), bold),
        R(Money.FormatPercent(a.Rate), bold),
    ];

    // 分值 / 执行率 / 得分 must hold "100.00%" and "10.00" on one line at 五号, also in a font wider than Times New
    // Roman (LibreOffice without it wrapped "67.33%" at 1.1); 三级指标 and 偏差原因 wrap instead.
    private static readonly double[] EvaluationColumns = [0.9, 1.0, 1.1, 1.45, 1.25, 1.25, 1.1, 1.45, 1.5];

    public static ReportTable DepartmentTable(TemplateModel model)
    {
        var rows = new List<TableRow>
        {
            Row(C("部门名称", bold: true), L(model.Department.Name, 8)),
        };
        rows.AddRange(FundRows(model.Indicators.Score,
            ("年度资金总额", model.Totals), ("其中：基本支出", model.Basic), ("项目支出", model.Projects)));
        rows.Add(Row(C("年度总体目标", merge: VerticalMerge.Restart), C("预期目标", 4, bold: true), C("实际完成情况", 4, bold: true)));
        rows.Add(Row(C("", merge: VerticalMerge.Continue),
            L(model.Department.AnnualGoal ?? TemplateHelpers.Placeholder("年度总体目标", model.Department.AnnualGoalCell), 4),
            L(model.KeyTasks.Count > 0 ? TextJoin.Join("；", model.KeyTasks.Select(t => t.Item)) + "。" : TemplateHelpers.Placeholder("重点工作及完成情况", model.KeyTasksCell), 4)));
        rows.AddRange(IndicatorRows(model.Indicators));
        return new ReportTable($"{model.Department.Name}{model.Year}年度部门整体支出绩效自评表", EvaluationColumns, rows, HeaderRows: 1,
            Note: "金额单位：万元。");
    }

    public static ReportTable ProjectTable(TemplateModel model, LineView line)
    {
        var rows = new List<TableRow>
        {
            Row(C("项目名称", bold: true), L(line.Name, 8)),
            Row(C("主管部门", bold: true), L(model.Department.Name, 3), C("实施单位", bold: true), L(model.Department.Name, 4)),
        };
        rows.AddRange(FundRows(line.Indicators.Score, ("年度资金总额", line.Amounts)));
        rows.Add(Row(C("年度总体目标", merge: VerticalMerge.Restart), C("预期目标", 4, bold: true), C("实际完成情况", 4, bold: true)));
        rows.Add(line.HasTargets
            ? Row(C("", merge: VerticalMerge.Continue), L(line.AnnualGoal ?? TemplateHelpers.Placeholder("年度目标", line.AnnualGoalCell), 4),
                L(line.Outcome ?? TemplateHelpers.Placeholder("实际完成情况", line.OutcomeCell), 4))
            : Row(C("", merge: VerticalMerge.Continue), L("未设定年度绩效目标", 4), C("—", 4)));
        rows.AddRange(IndicatorRows(line.Indicators));
        return new ReportTable($"{line.Name}项目支出绩效自评表", EvaluationColumns, rows, HeaderRows: 1, Note: "金额单位：万元。");
    }

    /// <summary>The 项目资金 block: a header row, then one row per amount line, the first scored for execution (10 points).</summary>
    private static IEnumerable<TableRow> FundRows(ScoreView? score, params (string Label, AmountsView Amounts)[] lines)
    {
        yield return Row(C("项目资金（万元）", merge: VerticalMerge.Restart), C("", 2), C("年初预算数", bold: true), C("全年预算数（A）", bold: true),
            C("全年执行数（B）", bold: true), C("分值", bold: true), C("执行率（B/A）", bold: true), C("得分", bold: true));
        for (var i = 0; i < lines.Length; i++)
        {
            var (label, a) = lines[i];
            var first = i == 0;
            yield return Row(C("", merge: VerticalMerge.Continue), L(label, 2), R(W(a.Initial)), R(W(a.Final)), R(W(a.Actual)),
                C(first ? "10" : "—"), C(Money.FormatPercent(a.Rate)), C(first && score is not null ? Money.Format(score.ExecutionRate) : "—"));
        }
    }

    /// <summary>绩效指标 rows with 一级 / 二级 merged vertically, then 总分.</summary>
    private static IEnumerable<TableRow> IndicatorRows(IndicatorSetView set)
    {
        yield return Row(C("绩效指标", merge: VerticalMerge.Restart), C("一级指标", bold: true), C("二级指标", bold: true), C("三级指标", bold: true),
            C("年度指标值（A）", bold: true), C("实际完成值（B）", bold: true), C("分值", bold: true), C("得分", bold: true),
            C("偏差原因分析及改进措施", bold: true));
        if (set.Items.Count == 0)
        {
            yield return Row(C("", merge: VerticalMerge.Continue), C("未设定绩效指标", 8));
        }

        for (var i = 0; i < set.Items.Count; i++)
        {
            var item = set.Items[i];
            var previous = i > 0 ? set.Items[i - 1] : null;
            var sameLevel1 = previous?.Level1 == item.Level1;
            var sameLevel2 = sameLevel1 && previous?.Level2 == item.Level2;
            yield return Row(
                C("", merge: VerticalMerge.Continue),
                C(item.Level1, merge: sameLevel1 ? VerticalMerge.Continue : VerticalMerge.Restart),
                C(item.Level2, merge: sameLevel2 ? VerticalMerge.Continue : VerticalMerge.Restart),
                L(item.Level3), C(item.Target), C(ActualCell(item)),
                C(item.Weight is { } w ? Money.Format(w) : "—"), C(item.Score is { } s ? Money.Format(s) : "—"),
                L(item.Deviation ?? (item.NeedsCause ? TemplateHelpers.Placeholder(item.CausePrompt, item.DeviationCell) : "")));
        }

        // 偏差原因分析及改进措施 holds only the user's text or a placeholder; the scoring explanations are in preview.
        var score = set.Score;
        yield return Row(C("总分", 6, bold: true), C("100", bold: true), C(score is null ? "—" : score.TotalText, bold: true),
            C(score is null ? "" : $"自评等级：{score.GradeText}", bold: true));
    }

    /// <summary>The user's actual, or a placeholder for the column still to fill; never a value the user did not write.</summary>
    private static string ActualCell(IndicatorView item) => item.MissingField switch
    {
        null => item.Actual ?? "",
        "实际完成值" => TemplateHelpers.Placeholder("实际完成值", item.MissingCell),
        var field => (item.Actual ?? "") + TemplateHelpers.Placeholder(field, item.MissingCell),
    };
}
