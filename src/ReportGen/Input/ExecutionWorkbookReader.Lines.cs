using ReportGen.Model;
using Line = ReportGen.Model.WorkbookSchema.Lines;

namespace ReportGen.Input;

internal sealed partial class ExecutionWorkbookReader
{
    private List<BudgetLine> ReadLines(SheetData sheet, bool isYuan, out List<StatedTotal> totals)
    {
        var header = HeaderMap.Find(sheet, _file, Line.Columns);
        ReportDuplicateHeaders(sheet, header);
        var lines = new List<BudgetLine>();
        totals = [];
        DetailGroup? parent = null;
        var groups = new List<DetailGroup>();
        for (var row = header.HeaderRow + 1; row <= sheet.Rows.Count; row++)
        {
            if (sheet.IsBlankRow(row))
            {
                continue;
            }

            var name = sheet.Text(row, header.Column(Line.Name)!.Value);
            var indent = Indent(sheet.Value(row, header.Column(Line.Name)!.Value));
            if (parent is not null && IsDetail(name, indent, parent.Indent))
            {
                parent.Details.Add((name, row, ReadAmounts(sheet, header, row, isYuan), !IsMarkedDetail(name)));
                continue;
            }

            var categoryText = Cell(sheet, header, row, Line.Category);
            if (TotalCategory(name, categoryText) is { } totalCategory)
            {
                var total = new StatedTotal(name.Length > 0 ? name : categoryText, totalCategory.Category,
                    ReadAmounts(sheet, header, row, isYuan), At(sheet, row), header.Columns);
                totals.Add(total);
                groups.Add(parent = new DetailGroup(total.Label, row, indent, total.Amounts));
                continue;
            }

            if (IsNote(name) && Line.Amounts.All(field => Cell(sheet, header, row, field).Length == 0))
            {
                Add(FindingCodes.FootnoteRow, Severity.Info, At(sheet, row, header.Column(Line.Name)), $"第 {row} 行“{name}”是注释，不作为预算行。");
                continue;
            }

            if (ReadLine(sheet, header, row, isYuan) is { } line)
            {
                lines.Add(line);
                groups.Add(parent = new DetailGroup(line.Name, row, indent, AmountsOf(line)));
            }
            else
            {
                parent = null;
            }
        }

        PromoteIndentedLines(sheet, header, groups, lines, isYuan);
        CheckDetails(sheet, header, groups);

        if (lines.Count == 0)
        {
            // A workbook not yet filled (reportgen new writes the headers only): a finding, not a stop, so that check
            // lists everything still to fill.
            Add(FindingCodes.NoBudgetLine, Severity.Error, At(sheet, header.HeaderRow + 1),
                $"预算执行尚未填写：表头（第 {header.HeaderRow} 行）之下没有任何预算行。请每个预算行填一行：基本支出，以及每个项目。");
        }

        return lines;
    }

    /// <summary>A line or a 合计 row and the detail rows under it (其中：人员经费 …), which are not lines of their own.</summary>
    private sealed record DetailGroup(string Name, int Row, int Indent, IReadOnlyDictionary<string, decimal> Amounts)
    {
        /// <summary>The rows under it; Indented when only their leading spaces, not 其中 / 含, make them details.</summary>
        public List<(string Name, int Row, Dictionary<string, decimal> Amounts, bool Indented)> Details { get; } = [];
    }

    /// <summary>
    /// Rows set apart from the row above only by leading spaces (ASCII or full-width, as clerks indent items under a
    /// heading) are a breakdown of it only when they add up to it; otherwise they are budget lines of their own,
    /// named without the spaces, so that no line silently leaves the totals (docs/workbook.md, "其中 rows").
    /// </summary>
    private void PromoteIndentedLines(SheetData sheet, HeaderMap header, List<DetailGroup> groups, List<BudgetLine> lines, bool isYuan)
    {
        var promoted = false;
        foreach (var group in groups.Where(g => g.Details.Count > 0 && g.Details.All(d => d.Indented)))
        {
            var addsUp = Line.Amounts.Select(column => column.Name).All(field =>
                !group.Details.Any(d => d.Amounts.ContainsKey(field))
                || Math.Abs(group.Details.Sum(d => d.Amounts.GetValueOrDefault(field)) - group.Amounts.GetValueOrDefault(field)) <= 0.005m);
            if (addsUp)
            {
                continue;
            }

            foreach (var detail in group.Details)
            {
                if (ReadLine(sheet, header, detail.Row, isYuan) is { } line)
                {
                    lines.Add(line);
                    promoted = true;
                }
            }

            group.Details.Clear();
        }

        if (promoted)
        {
            var ordered = lines.OrderBy(line => line.Location.Row ?? 0).ToList();
            lines.Clear();
            lines.AddRange(ordered);
        }
    }

    private static bool IsMarkedDetail(string name)
    {
        var key = TextNormalizer.Key(name);
        return key.StartsWith("其中", StringComparison.Ordinal) || key.StartsWith("含:", StringComparison.Ordinal);
    }

    /// <summary>
    /// A detail row breaks the row above down (docs/workbook.md, "其中 rows"): its name starts with 其中 or 含：, or
    /// it is indented deeper than that row with spaces. It is part of its parent, never added to the totals.
    /// </summary>
    private static bool IsDetail(string name, int indent, int parentIndent)
    {
        var key = TextNormalizer.Key(name);
        return key.StartsWith("其中", StringComparison.Ordinal) || key.StartsWith("含:", StringComparison.Ordinal)
            || (indent > parentIndent && key.Length > 0);
    }

    /// <summary>Leading spaces of the name as typed (an ideographic space counts two, as it shows).</summary>
    private static int Indent(object? value)
    {
        if (value is not string text)
        {
            return 0;
        }

        var indent = 0;
        foreach (var ch in text)
        {
            if (ch is ' ' or '\u00A0')
            {
                indent++;
            }
            else if (ch == '\u3000')
            {
                indent += 2;
            }
            else if (ch is not ('\u200B' or '\uFEFF'))
            {
                break;
            }
        }

        return indent;
    }

    private static Dictionary<string, decimal> AmountsOf(BudgetLine line)
    {
        var amounts = new Dictionary<string, decimal> { [Line.InitialBudget.Name] = line.InitialBudget, [Line.Actual.Name] = line.Actual };
        if (line.AdjustmentGiven is { } adjustment)
        {
            amounts[Line.Adjustment.Name] = adjustment;
        }

        if (line.FinalBudgetGiven is { } final)
        {
            amounts[Line.FinalBudget.Name] = final;
        }

        if (line.CarryOverGiven is { } carryOver)
        {
            amounts[Line.CarryOver.Name] = carryOver;
        }

        return amounts;
    }

    /// <summary>Detail rows are checked against their parent, column by column, instead of being added to it.</summary>
    private void CheckDetails(SheetData sheet, HeaderMap header, List<DetailGroup> groups)
    {
        foreach (var group in groups.Where(g => g.Details.Count > 0))
        {
            var names = string.Join("、", group.Details.Select(d => $"“{d.Name}”"));
            Add(FindingCodes.DetailRows, Severity.Info, At(sheet, group.Details[0].Row, header.Column(Line.Name)),
                $"{names}是第 {group.Row} 行“{group.Name}”的明细，不重复计入合计，只核对明细之和。");
            foreach (var field in Line.Amounts)
            {
                var parts = group.Details.Where(d => d.Amounts.ContainsKey(field.Name)).Select(d => d.Amounts[field.Name]).ToList();
                if (parts.Count == 0)
                {
                    continue;
                }

                var sum = parts.Sum();
                var stated = group.Amounts.GetValueOrDefault(field.Name);
                if (Math.Abs(sum - stated) > 0.005m)
                {
                    Add(FindingCodes.DetailsDoNotSum, Severity.Warning, At(sheet, group.Row, header.Column(field)),
                        $"“{group.Name}”的{field} {Money.Format(stated)} 万元 不等于其明细行（{names}）之和 {Money.Format(sum)} 万元。"
                        + "请核对明细或合计数。");
                }
            }
        }
    }

    /// <summary>A footnote under the table: "注：单位为万元", "备注：…", "说明：…", "填表说明".</summary>
    private static bool IsNote(string name)
    {
        var key = TextNormalizer.Key(name);
        return key.StartsWith("注:", StringComparison.Ordinal) || key.StartsWith("备注", StringComparison.Ordinal)
            || key.StartsWith("说明:", StringComparison.Ordinal) || key.StartsWith("填表说明", StringComparison.Ordinal);
    }

    /// <summary>Recognises 合计 / 小计 rows: "合计", "总计", "基本支出小计", "项目支出合计"; null for a budget line.</summary>
    private static (ExpenseCategory? Category, bool IsTotal)? TotalCategory(string name, string category)
    {
        var key = TextNormalizer.Key(name.Length > 0 ? name : category);
        if (!(key.EndsWith("合计", StringComparison.Ordinal) || key.EndsWith("小计", StringComparison.Ordinal) || key.EndsWith("总计", StringComparison.Ordinal)))
        {
            return null;
        }

        ExpenseCategory? cat = key.StartsWith("基本支出", StringComparison.Ordinal) ? ExpenseCategory.Basic
            : key.StartsWith("项目支出", StringComparison.Ordinal) ? ExpenseCategory.Project
            : null;
        return (cat, true);
    }

    private Dictionary<string, decimal> ReadAmounts(SheetData sheet, HeaderMap header, int row, bool isYuan)
    {
        var amounts = new Dictionary<string, decimal>();
        foreach (var field in Line.Amounts)
        {
            if (ReadAmount(sheet, header, row, field, isYuan, allowNegative: true) is { } value)
            {
                amounts[field.Name] = value;
            }
        }

        return amounts;
    }

    private BudgetLine? ReadLine(SheetData sheet, HeaderMap header, int row, bool isYuan)
    {
        // Leading and trailing spaces, ASCII or full-width (an indent), are not part of the name.
        var name = sheet.Text(row, header.Column(Line.Name)!.Value).Trim();
        if (name.Length == 0)
        {
            Add(FindingCodes.NamelessRow, Severity.Error, At(sheet, row, header.Column(Line.Name)),
                $"第 {row} 行填写了金额但没有项目名称，该行未计入。请补填项目名称，或删除该行。");
            return null;
        }

        var category = ReadCategory(sheet, header, row, name);
        var initial = ReadAmount(sheet, header, row, Line.InitialBudget, isYuan, allowNegative: false) ?? 0m;
        var actual = ReadAmount(sheet, header, row, Line.Actual, isYuan, allowNegative: false) ?? 0m;
        return new BudgetLine
        {
            Name = name,
            Category = category ?? ExpenseCategory.Project,
            Source = ReadSource(sheet, header, row, name, initial),
            InitialBudget = initial,
            AdjustmentGiven = ReadAmount(sheet, header, row, Line.Adjustment, isYuan, allowNegative: true),
            FinalBudgetGiven = ReadAmount(sheet, header, row, Line.FinalBudget, isYuan, allowNegative: false),
            Actual = actual,
            ActualBlank = Cell(sheet, header, row, Line.Actual).Trim().Length == 0,
            CarryOverGiven = ReadAmount(sheet, header, row, Line.CarryOver, isYuan, allowNegative: true),
            Funding = ReadFunding(sheet, header, row, name),
            Purpose = Optional(sheet, header, row, Line.Purpose),
            Alias = Optional(sheet, header, row, Line.Alias),
            DeviationNote = Optional(sheet, header, row, Line.Cause),
            Location = At(sheet, row),
            Columns = header.Columns,
        };
    }

    private ExpenseCategory? ReadCategory(SheetData sheet, HeaderMap header, int row, string name)
    {
        var text = Cell(sheet, header, row, Line.Category);
        var key = TextNormalizer.Key(text);
        if (key.Contains("基本", StringComparison.Ordinal) || key is "人员经费" or "公用经费")
        {
            return ExpenseCategory.Basic;
        }

        if (key.Contains("项目", StringComparison.Ordinal))
        {
            return ExpenseCategory.Project;
        }

        Add(FindingCodes.BadCategory, Severity.Error, At(sheet, row, header.Column(Line.Category)),
            text.Length == 0
                ? $"“{name}”没有填写支出类别，请填写“基本支出”或“项目支出”。"
                : $"“{name}”的支出类别“{text}”无法识别，请填写“基本支出”或“项目支出”。");
        return null;
    }

    private LineSource ReadSource(SheetData sheet, HeaderMap header, int row, string name, decimal initial)
    {
        var byBudget = initial > 0 ? LineSource.Initial : LineSource.MidYear;
        var text = Cell(sheet, header, row, Line.Source);
        var key = TextNormalizer.Key(text);
        if (key.Length == 0)
        {
            return byBudget;
        }

        if (key.Contains("追加", StringComparison.Ordinal) || key.Contains("年中", StringComparison.Ordinal))
        {
            if (initial > 0)
            {
                Add(FindingCodes.AddedLineWithInitialBudget, Severity.Warning, At(sheet, row, header.Column(Line.InitialBudget)),
                    $"“{name}”标为年中追加，但年初预算数为 {Money.Format(initial)} 万元；年中追加项目的年初预算应为 0。");
            }

            return LineSource.MidYear;
        }

        if (key.Contains("年初", StringComparison.Ordinal))
        {
            return LineSource.Initial;
        }

        Add(FindingCodes.BadOrigin, Severity.Warning, At(sheet, row, header.Column(Line.Source)),
            $"“{name}”的来源“{text}”无法识别（应为“年初预算”或“年中追加”），已按年初预算数判断为“{(byBudget == LineSource.Initial ? "年初预算" : "年中追加")}”。");
        return byBudget;
    }

    private FundingSource? ReadFunding(SheetData sheet, HeaderMap header, int row, string name)
    {
        var text = Cell(sheet, header, row, Line.Funding);
        var key = TextNormalizer.Key(text);
        if (key.Length == 0)
        {
            return null;
        }

        if (key.Contains("一般公共", StringComparison.Ordinal) || key.Contains("财政拨款", StringComparison.Ordinal))
        {
            return FundingSource.General;
        }

        if (key.Contains("基金", StringComparison.Ordinal))
        {
            return FundingSource.GovernmentFund;
        }

        if (key.Contains("其他", StringComparison.Ordinal))
        {
            return FundingSource.Other;
        }

        Add(FindingCodes.BadFundingSource, Severity.Warning, At(sheet, row, header.Column(Line.Funding)),
            $"“{name}”的资金来源“{text}”无法识别，应为“一般公共预算”“政府性基金”或“其他资金”。");
        return null;
    }

    private decimal? ReadAmount(SheetData sheet, HeaderMap header, int row, ColumnSpec field, bool isYuan, bool allowNegative)
    {
        if (header.Column(field) is not { } column)
        {
            return null;
        }

        var result = AmountParser.Parse(sheet.Value(row, column), header.IsYuan(column, isYuan), sheet.FormatOf(row, column));
        if (result.Problem is { } problem)
        {
            Add(FindingCodes.AmountUnreadable, Severity.Error, At(sheet, row, column), $"{field}{problem}。该金额按 0 计算，请修正后重新检查。");
            return null;
        }

        if (result.Value is < 0 && !allowNegative)
        {
            Add(FindingCodes.NegativeAmount, Severity.Error, At(sheet, row, column),
                $"{field}为负数（{Money.Format(result.Value.Value)} 万元），金额不能为负。如为调减，请填在“调整数”列。");
        }

        return result.Value;
    }

    private static string Cell(SheetData sheet, HeaderMap header, int row, ColumnSpec field) =>
        header.Column(field) is { } column ? sheet.Text(row, column) : "";

    private static string? Optional(SheetData sheet, HeaderMap header, int row, ColumnSpec field) =>
        Cell(sheet, header, row, field) is { Length: > 0 } text ? text : null;

    private void ReportDuplicateHeaders(SheetData sheet, HeaderMap header)
    {
        foreach (var field in header.Duplicates.Distinct())
        {
            Add(FindingCodes.DuplicateHeader, Severity.Warning, At(sheet, header.HeaderRow),
                $"工作表“{sheet.Name}”的表头中“{field}”出现多次，只使用第一列（{SourceLocation.ColumnLetters(header.Column(field)!.Value)} 列）。");
        }
    }
}
