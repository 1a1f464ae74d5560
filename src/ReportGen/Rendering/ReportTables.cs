using ReportGen.Analysis;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// The report's tables, built in code from the template model and placed where a template writes
/// <c>{{table "名称"}}</c>: 预算执行差异表, 部门整体支出绩效自评表, 项目支出绩效自评表 (财预〔2020〕10号 attachment layout,
/// 一级 / 二级 indicator cells merged vertically).
/// </summary>
internal static class ReportTables
{
    public const string Variance = "预算执行差异表";
    public const string DepartmentEvaluation = "部门整体支出绩效自评表";
    public const string ProjectEvaluation = "项目支出绩效自评表";
    public const string Progress = "支出进度对比表";

    public static readonly IReadOnlyList<string> Kinds = [Variance, DepartmentEvaluation, ProjectEvaluation, Progress];

    /// <summary>The tables <paramref name="kind"/> names, in the words of <paramref name="text"/> (the bundled ones by default).</summary>
    public static IEnumerable<ReportTable> Build(TemplateModel model, string kind, string? argument, TableText? text = null)
    {
        var t = text ?? TableText.Bundled;
        IEnumerable<ReportTable> tables = kind switch
        {
            Variance => [VarianceTable(model, t)],
            Progress => model.SpendingProgress.Count == 0 ? [] : [ProgressTable(model, t)],
            DepartmentEvaluation => DepartmentTable(model, t),
            ProjectEvaluation when argument is null => model.ProjectLines.SelectMany(line => ProjectTable(model, line, t)),
            ProjectEvaluation => ProjectTable(model, model.ProjectLines.FirstOrDefault(l => l.Name == argument || l.TargetName == argument)
                ?? throw new InputException($"模板要求的项目支出绩效自评表“{argument}”在预算执行表中没有对应的项目。"), t),
            _ => throw new InputException($"模板中的表格“{kind}”不存在。可用的表格：{string.Join("、", Kinds)}。"),
        };
        return WithMarkers(tables, t.Words);
    }

    /// <summary>
    /// The tables with each placeholder of their cells shown as a short numbered marker (【待填写①】) and listed, with
    /// its prompt and cell, in the table's legend: a full prompt would stretch a narrow column over many lines. The
    /// fields keep what is missing and which cell; the markers are counted, the legend is not. Tables laid out as one
    /// (<see cref="ReportTable.JoinsNext"/>) number on and share the legend under the last.
    /// </summary>
    private static IEnumerable<ReportTable> WithMarkers(IEnumerable<ReportTable> tables, Vocabulary words)
    {
        var number = 0;
        var legend = new System.Text.StringBuilder();
        var legendFields = new List<FieldSpan>();
        var separator = words["占位符.说明分隔"];
        foreach (var table in tables)
        {
            // Only the rows with a placeholder are made again: most rows of most tables have none.
            var rows = table.Rows.Select(row => row.Cells.Any(NeedsMarker) ? new TableRow([.. row.Cells.Select(Marked)]) : row).ToList();
            if (table.JoinsNext)
            {
                yield return table with { Rows = rows };
                continue;
            }

            yield return legend.Length == 0
                ? table with { Rows = rows }
                : table with { Rows = rows, Legend = [new Paragraph(legend.ToString(), ParagraphKind.Plain) { Fields = [.. legendFields] }] };
            number = 0;
            legend.Clear();
            legendFields.Clear();
        }

        static bool NeedsMarker(TableCell cell)
        {
            if (cell.Merge == VerticalMerge.Continue)
            {
                return false;
            }

            foreach (var field in cell.Fields)
            {
                if (field.Empty)
                {
                    return true;
                }
            }

            return false;
        }

        TableCell Marked(TableCell cell)
        {
            if (!NeedsMarker(cell))
            {
                return cell;
            }

            var text = new System.Text.StringBuilder(cell.Text.Length);
            var fields = new List<FieldSpan>(cell.Fields.Count);
            var position = 0;
            var shift = 0;
            foreach (var field in cell.Fields)
            {
                if (!field.Empty || field.Start < position)
                {
                    fields.Add(field with { Start = field.Start + shift });
                    continue;
                }

                text.Append(cell.Text, position, field.Start - position);
                var marker = words["占位符.标记", ("编号", Circled(++number))];
                fields.Add(field with { Start = text.Length, Length = marker.Length, Marker = number });
                text.Append(marker);
                shift += marker.Length - field.Length;
                position = field.End;

                var entry = field.Cell is null
                    ? words["占位符.说明.无单元格", ("标记", marker), ("内容", field.Title)]
                    : words["占位符.说明", ("标记", marker), ("内容", field.Title), ("单元格", field.Cell)];
                if (legend.Length > 0)
                {
                    legend.Append(separator);
                }

                legendFields.Add(new FieldSpan(legend.Length, entry.Length, field.Title, field.Cell, Empty: true, number, Legend: true));
                legend.Append(entry);
            }

            text.Append(cell.Text, position, cell.Text.Length - position);
            return cell with { Text = text.ToString(), Fields = fields };
        }
    }

    /// <summary>①–⑳, ㉑–㉟, ㊱–㊿, then (51), (52)…</summary>
    internal static string Circled(int n) => n switch
    {
        >= 1 and <= 20 => ((char)(0x2460 + n - 1)).ToString(),
        >= 21 and <= 35 => ((char)(0x3251 + n - 21)).ToString(),
        >= 36 and <= 50 => ((char)(0x32B1 + n - 36)).ToString(),
        _ => $"({n.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
    };

    private static TableCell Left(string text, int span = 1, VerticalMerge merge = VerticalMerge.None, bool bold = false) =>
        Cell(text, span, merge, CellAlign.Left, bold);

    private static TableCell Centered(string text, int span = 1, VerticalMerge merge = VerticalMerge.None, bool bold = false) =>
        Cell(text, span, merge, CellAlign.Center, bold);

    private static TableCell Right(string text, bool bold = false) => Cell(text, 1, VerticalMerge.None, CellAlign.Right, bold);

    /// <summary>A cell from text that may hold fields (<see cref="Placeholder"/>): the marks come out, the spans are recorded.</summary>
    private static TableCell Cell(string text, int span, VerticalMerge merge, CellAlign align, bool bold)
    {
        var (plain, fields) = ReportMarkup.Unwrap(text);
        return new TableCell(plain, span, merge, align, bold) { Fields = fields };
    }

    /// <summary>The placeholder for <paramref name="what"/> at <paramref name="cell"/>, recorded as a field of its table cell.</summary>
    private static string Placeholder(TableText t, string what, string? cell, InfoItem? item = null) => ReportMarkup.Placeholder(t.Words, what, cell, item);

    /// <summary>A text of the clerk's workbook as a field of its table cell (<see cref="ClerkTexts"/>, docs/report-fields.md).</summary>
    private static string? Clerk(ClerkTexts texts, string? text) =>
        text is not null && texts.TryGet(text, out var field) ? ReportMarkup.Field(text, field.Title, field.Cell, empty: false, field.Given, field.Part) : text;

    private static string AmountText(decimal? value) => value is { } v ? Money.Format(v) : "—";

    private static TableRow Row(params TableCell[] cells) => new(cells);

    /// <summary>
    /// 预算执行差异表: 基本支出 lines and their subtotal, then 项目支出 lines and theirs, then the total. The category
    /// is carried by the grouping rather than a column, so that six money columns fit 156 mm at 五号.
    /// </summary>
    public static ReportTable VarianceTable(TemplateModel model, TableText t)
    {
        var rows = new List<TableRow>
        {
            Row(Centered(t["差异表.序号"], bold: true), Centered(t["差异表.项目名称"], bold: true), Centered(t["差异表.年初预算数"], bold: true), Centered(t["差异表.调整数"], bold: true),
                Centered(t["差异表.全年预算数"], bold: true), Centered(t["差异表.实际支出数"], bold: true), Centered(t["差异表.结余结转数"], bold: true),
                Centered(t["差异表.执行率"], bold: true), Centered(t["差异表.偏差原因"], bold: true)),
        };
        var number = 0;
        foreach (var (lines, subtotal, label) in new[]
                 {
                     (model.BasicLines, model.Basic, t["差异表.基本支出小计"]),
                     (model.ProjectLines, model.Projects, t["差异表.项目支出小计", ("项目个数", model.ProjectCount.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
                 })
        {
            foreach (var line in lines)
            {
                // The 偏差原因 every shortfall, overspend, delay and adjustment needs (RG120–RG122, RG132), at the cell check names.
                var cause = line.Overspent ? "差异表.待填写.超支" : line.LowRate ? "差异表.待填写.执行率偏低" : line.BehindPlan ? "差异表.待填写.进度落后"
                    : line.Adjusted ? "差异表.待填写.预算调整" : null;
                rows.Add(Row([Centered((++number).ToString(System.Globalization.CultureInfo.InvariantCulture)), Left(line.Name),
                    .. Figures(line.Amounts, bold: false), Left(Clerk(model.Texts, line.Deviation) ?? (cause is null ? "" : Placeholder(t, t[cause], line.DeviationCell)))]));
            }

            rows.Add(Row([Centered(label, 2, bold: true), .. Figures(subtotal, bold: true), Left("")]));
        }

        rows.Add(Row([Centered(t["差异表.合计"], 2, bold: true), .. Figures(model.Totals, bold: true), Left("")]));
        return new ReportTable(t["差异表.表名", Department(model), Year(model)], [0.45, 1.55, 1.2, 1.2, 1.2, 1.2, 1.2, 1.35, 1.65], rows,
            HeaderRows: 1, Note: t["差异表.表注"]);
    }

    /// <summary>支出进度对比表: planned and actual cumulative shares at each checkpoint; a share behind plan is bold.</summary>
    public static ReportTable ProgressTable(TemplateModel model, TableText t)
    {
        var labels = model.SpendingProgress[0].Checkpoints.Select(c => c.Label).ToList();
        var rows = new List<TableRow>
        {
            Row([Centered(t["进度表.项目名称"], merge: VerticalMerge.Restart, bold: true), .. labels.Select(l => Centered(l, 2, bold: true))]),
            Row([Centered("", merge: VerticalMerge.Continue), .. labels.SelectMany(_ => new[] { Centered(t["进度表.计划"], bold: true), Centered(t["进度表.实际"], bold: true) })]),
        };
        foreach (var progress in model.SpendingProgress)
        {
            rows.Add(Row([Left(progress.Name), .. progress.Checkpoints.SelectMany(c => new[]
            {
                Right(c.Planned is null ? "—" : Money.FormatPercent(c.Planned)),
                Right(c.Share is null ? "—" : Money.FormatPercent(c.Share), bold: c.Behind),
            })]));
        }

        return new ReportTable(t["进度表.表名", Department(model), Year(model)], [2.2, .. labels.SelectMany(_ => new[] { 1.1, 1.1 })], rows,
            HeaderRows: 2, Note: t["进度表.表注"]);
    }

    private static TableCell[] Figures(Amounts a, bool bold) =>
    [
        Right(AmountText(a.Initial), bold), Right(AmountText(a.Adjustment), bold), Right(AmountText(a.Final), bold), Right(AmountText(a.Actual), bold), Right(AmountText(a.CarryOver), bold),
        Right(Money.FormatPercent(a.ExecutionRate), bold),
    ];

    // 分值 / 执行率 / 得分 must hold "100.00%" and "10.00" on one line at 五号, also in a font wider than Times New
    // Roman (LibreOffice without it wrapped "67.33%" at 1.1); 年度指标值 and 实际完成值 hold a figure with its unit
    // ("≥3000篇", "2023.12.31前") and the short placeholder marker; 三级指标 and 偏差原因 wrap instead.
    private static readonly double[] EvaluationColumns = [0.75, 0.95, 1.05, 1.45, 1.5, 1.5, 1.0, 1.3, 1.5];

    /// <summary>
    /// 部门整体支出绩效自评表 as two tables laid out as one (<see cref="ReportTable.JoinsNext"/>): the department, funds
    /// and goals under the title, then the indicators, whose heading row (一级指标 … 偏差原因分析及改进措施) repeats on
    /// every page. A table's repeating rows can only be its first, so one table would repeat 部门名称 instead.
    /// </summary>
    public static IEnumerable<ReportTable> DepartmentTable(TemplateModel model, TableText t)
    {
        var rows = new List<TableRow>
        {
            Row(Centered(t["部门表.部门名称"], bold: true), Left(model.Department.Name, 8)),
        };
        rows.AddRange(FundRows(t, model.Indicators.Score,
            (t["部门表.年度资金总额"], model.Totals), (t["部门表.其中基本支出"], model.Basic), (t["部门表.项目支出"], model.Projects)));
        rows.Add(GoalHeader(t));
        rows.Add(Row(Centered("", merge: VerticalMerge.Continue),
            Left(Clerk(model.Texts, model.Department.AnnualGoal) ?? Placeholder(t, t["部门表.待填写.年度总体目标"], model.Department.AnnualGoalCell, WorkbookSchema.Items.AnnualGoal), 4),
            Left(model.KeyTasks.Count > 0
                ? t["部门表.重点工作", ("重点工作", TextJoin.Join(t["部门表.重点工作分隔"], model.KeyTasks.Select(k => k.Item)))]
                : Placeholder(t, t["部门表.待填写.重点工作"], model.KeyTasksCell), 4)));
        return Split(new ReportTable(t["部门表.表名", Department(model), Year(model)], EvaluationColumns, rows, HeaderRows: 0),
            IndicatorRows(t, model.Indicators, model.Texts), t["部门表.表注"]);
    }

    /// <summary>The head of a 自评表 joined to its indicator part, a table of its own whose first row is its heading.</summary>
    private static IEnumerable<ReportTable> Split(ReportTable head, IEnumerable<TableRow> indicators, string note) =>
    [
        head with { JoinsNext = true },
        new ReportTable("", head.ColumnWeights, [.. indicators], HeaderRows: 1, Note: note),
    ];

    /// <summary>项目支出绩效自评表, split like <see cref="DepartmentTable"/>.</summary>
    public static IEnumerable<ReportTable> ProjectTable(TemplateModel model, LineView line, TableText t)
    {
        var rows = new List<TableRow>
        {
            Row(Centered(t["项目表.项目名称"], bold: true), Left(line.Name, 8)),
            Row(Centered(t["项目表.主管部门"], bold: true), Left(model.Department.Name, 3), Centered(t["项目表.实施单位"], bold: true), Left(line.Implementer ?? model.Department.Name, 4)),
        };
        rows.AddRange(FundRows(t, line.Indicators.Score, (t["项目表.年度资金总额"], line.Amounts)));
        rows.Add(GoalHeader(t));
        rows.Add(line.HasTargets
            ? Row(Centered("", merge: VerticalMerge.Continue), Left(line.AnnualGoal ?? Placeholder(t, t["项目表.待填写.年度目标"], line.AnnualGoalCell), 4),
                Left(Clerk(model.Texts, line.Outcome) ?? Placeholder(t, t["项目表.待填写.实际完成情况"], line.OutcomeCell), 4))
            : Row(Centered("", merge: VerticalMerge.Continue), Left(t["项目表.未设定年度绩效目标"], 4), Centered("—", 4)));
        return Split(new ReportTable(t["项目表.表名", ("项目", line.Name)], EvaluationColumns, rows, HeaderRows: 0),
            IndicatorRows(t, line.Indicators, model.Texts), t["项目表.表注"]);
    }

    private static (string, string) Department(TemplateModel model) => ("部门", model.Department.Name);

    private static (string, string) Year(TemplateModel model) => ("年度", model.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static TableRow GoalHeader(TableText t) =>
        Row(Centered(t["自评表.年度总体目标"], merge: VerticalMerge.Restart), Centered(t["自评表.预期目标"], 4, bold: true), Centered(t["自评表.实际完成情况"], 4, bold: true));

    /// <summary>The 项目资金 block: a header row, then one row per amount line, the first scored for execution (10 points).</summary>
    private static IEnumerable<TableRow> FundRows(TableText t, ScoreView? score, params (string Label, Amounts Amounts)[] lines)
    {
        yield return Row(Centered(t["自评表.项目资金"], merge: VerticalMerge.Restart), Centered("", 2), Centered(t["自评表.年初预算数"], bold: true),
            Centered(t["自评表.全年预算数"], bold: true), Centered(t["自评表.全年执行数"], bold: true), Centered(t["自评表.资金分值"], bold: true),
            Centered(t["自评表.执行率"], bold: true), Centered(t["自评表.资金得分"], bold: true));
        for (var i = 0; i < lines.Length; i++)
        {
            var (label, a) = lines[i];
            var first = i == 0;
            yield return Row(Centered("", merge: VerticalMerge.Continue), Left(label, 2), Right(AmountText(a.Initial)), Right(AmountText(a.Final)), Right(AmountText(a.Actual)),
                Centered(first ? "10" : "—"), Centered(Money.FormatPercent(a.ExecutionRate)), Centered(first && score is not null ? Money.Format(score.ExecutionRate) : "—"));
        }
    }

    /// <summary>绩效指标 rows with 一级 / 二级 merged vertically, then 总分.</summary>
    private static IEnumerable<TableRow> IndicatorRows(TableText t, IndicatorSetView set, ClerkTexts texts)
    {
        yield return Row(Centered(t["自评表.绩效指标"], merge: VerticalMerge.Restart), Centered(t["自评表.一级指标"], bold: true),
            Centered(t["自评表.二级指标"], bold: true), Centered(t["自评表.三级指标"], bold: true), Centered(t["自评表.年度指标值"], bold: true),
            Centered(t["自评表.实际完成值"], bold: true), Centered(t["自评表.指标分值"], bold: true), Centered(t["自评表.指标得分"], bold: true),
            Centered(t["自评表.偏差原因"], bold: true));
        if (set.Items.Count == 0)
        {
            // No indicators, no score: said in words, not as 总分 100 / 得分 — (check reports it at 绩效指标).
            yield return Row(Centered("", merge: VerticalMerge.Continue), Centered(t["自评表.未设定绩效指标"], 8));
            yield return Row(Centered(t["自评表.无法计分"], 9));
            yield break;
        }

        for (var i = 0; i < set.Items.Count; i++)
        {
            var item = set.Items[i];
            var previous = i > 0 ? set.Items[i - 1] : null;
            var sameLevel1 = previous?.Level1 == item.Level1;
            var sameLevel2 = sameLevel1 && previous?.Level2 == item.Level2;
            yield return Row(
                Centered("", merge: VerticalMerge.Continue),
                Centered(item.Level1, merge: sameLevel1 ? VerticalMerge.Continue : VerticalMerge.Restart),
                Centered(item.Level2, merge: sameLevel2 ? VerticalMerge.Continue : VerticalMerge.Restart),
                Left(item.Level3), Centered(item.Target), Centered(ActualCell(t, item, texts)),
                Centered(item.Weight is { } w ? Money.Format(w) : "—"), Centered(item.Score is { } s ? Money.Format(s) : "—"),
                Left(Clerk(texts, item.Deviation) ?? (item.NeedsCause ? Placeholder(t, item.CausePrompt(t.Words), item.DeviationCell) : "")));
        }

        // 偏差原因分析及改进措施 holds only the user's text or a placeholder; the scoring explanations are in preview.
        var score = set.Score;
        yield return Row(Centered(t["自评表.总分"], 6, bold: true), Centered("100", bold: true), Centered(score is null ? "—" : score.TotalText(t.Words), bold: true),
            Centered(score is null ? "" : t["自评表.自评等级", ("等级", score.GradeText(t.Words))], bold: true));
    }

    /// <summary>
    /// The user's actual, then a placeholder for the column still to fill (实际完成值, which leaves no actual, or
    /// 完成情况); never a value the user did not write.
    /// </summary>
    private static string ActualCell(TableText t, IndicatorView item, ClerkTexts texts) => item.MissingField is { } field
        ? (Clerk(texts, item.Actual) ?? "") + Placeholder(t, t["自评表.待填写." + field], item.MissingCell)
        : (Clerk(texts, item.Actual) ?? "") + (item.StandardReached is { } grade ? t["自评表.达到标准", ("标准", grade)] : "");
}
