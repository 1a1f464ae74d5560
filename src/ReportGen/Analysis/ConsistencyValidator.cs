using ReportGen.Model;
using Items = ReportGen.Model.WorkbookSchema.Items;
using Line = ReportGen.Model.WorkbookSchema.Lines;

namespace ReportGen.Analysis;

/// <summary>
/// The budget checks of docs/domain.md §3 that the workbook allows, each a <see cref="Finding"/> with a stable code.
/// Codes: RG10x line identities, RG12x execution, RG14x typed totals, RG15x 附表1 figures, RG16x–17x targets and
/// names, RG18x text leftovers, RG19x narrative. Reading problems (RG105–RG117) come from the reader.
/// </summary>
internal sealed partial class ConsistencyValidator
{
    /// <summary>A published total may differ from the sum of its rounded parts by 0.01 万元 per part (尾差).</summary>
    public const decimal RoundingTolerancePerPart = 0.01m;

    private readonly ExecutionWorkbook _workbook;
    private readonly BudgetFigures _figures;
    private readonly List<Finding> _findings = [];

    private ConsistencyValidator(ExecutionWorkbook workbook, BudgetFigures figures)
    {
        _workbook = workbook;
        _figures = figures;
    }

    public static IReadOnlyList<Finding> Validate(ExecutionWorkbook workbook, BudgetFigures figures, ProjectNameMatcher matcher)
    {
        var validator = new ConsistencyValidator(workbook, figures);
        validator.CheckLines();
        validator.CheckDuplicates();
        validator.CheckStatedTotals();
        validator.CheckInitialForm();
        validator.CheckTargets(matcher);
        validator.CheckTexts();
        validator.CheckMissingTexts(matcher);
        return validator._findings;
    }

    private void Add(string code, Severity severity, SourceLocation location, string message) =>
        _findings.Add(new Finding(code, severity, location, message));

    private static string WanYuan(decimal value) => Money.Format(value) + "万元";

    private void CheckLines()
    {
        foreach (var figure in _figures.Lines)
        {
            var line = figure.Line;
            var a = figure.Amounts;
            if (line is { AdjustmentGiven: { } adjustment, FinalBudgetGiven: { } final })
            {
                CompareIdentity(FindingCodes.FinalBudgetIdentity, line.CellOf(Line.FinalBudget), final, line.InitialBudget + adjustment, 1,
                    $"“{line.Name}”的全年预算数 {WanYuan(final)} 不等于年初预算数 {WanYuan(line.InitialBudget)} 加调整数 {WanYuan(adjustment)}（应为 {WanYuan(line.InitialBudget + adjustment)}）。");
            }

            if (line.CarryOverGiven is { } carry)
            {
                CompareIdentity(FindingCodes.CarryOverIdentity, line.CellOf(Line.CarryOver), carry, a.Final - a.Actual, 1,
                    $"“{line.Name}”的结余结转数 {WanYuan(carry)} 不等于全年预算数 {WanYuan(a.Final)} 减实际支出数 {WanYuan(a.Actual)}（应为 {WanYuan(a.Final - a.Actual)}）。");
            }

            CheckExecution(figure);
        }
    }

    private void CheckExecution(LineFigures figure)
    {
        var line = figure.Line;
        var a = figure.Amounts;
        var hasNote = line.DeviationNote is not null;
        var noteCell = line.CellOf(Line.Cause);
        if (line.ActualBlank && a.Final != 0m)
        {
            // A blank is not a 0: the report would state 支出0.00万元 and 完成率0.00% (docs/workbook.md).
            Add(FindingCodes.ActualMissing, Severity.Error, line.CellOf(Line.Actual),
                $"“{line.Name}”全年预算数 {WanYuan(a.Final)}，实际支出数未填写。请填写全年实际支出（确无支出的填 0）。");
            return;
        }

        if (figure.Overspent)
        {
            Add(FindingCodes.Overspend, hasNote ? Severity.Warning : Severity.Error, line.CellOf(Line.Actual),
                $"“{line.Name}”实际支出 {WanYuan(a.Actual)} 超过全年预算数 {WanYuan(a.Final)}，超支 {WanYuan(VarianceCalculator.Overspend(a.Actual, a.Final))}。"
                + (hasNote ? "已填写偏差原因，请确认超支已按规定报批。" : "请核对金额，或在“偏差原因”列说明超支原因及审批情况。"));
        }
        else if (figure.LowRate && !hasNote)
        {
            Add(FindingCodes.LowRateWithoutNote, Severity.Warning, noteCell,
                $"“{line.Name}”预算执行率 {Money.FormatPercent(a.ExecutionRate)}，低于 90%，结余结转 {WanYuan(a.CarryOver)}；请在“偏差原因”列说明原因，否则报告中留待填写。");
        }

        if (figure.Adjustment != AdjustmentKind.None && !hasNote)
        {
            var what = figure.Adjustment switch
            {
                AdjustmentKind.MidYear => $"为年中追加项目（{WanYuan(a.Final)}）",
                AdjustmentKind.Increase => $"年中调增 {WanYuan(a.Adjustment)}",
                _ => $"年中调减 {WanYuan(-a.Adjustment)}",
            };
            Add(FindingCodes.AdjustmentWithoutNote, Severity.Warning, noteCell, $"“{line.Name}”{what}，未填写调整原因；请在“偏差原因”列说明预算调整的原因。");
        }
    }

    /// <summary>Reports a difference beyond the rounding tolerance as an error, a smaller one as a 尾差 note.</summary>
    private void CompareIdentity(string code, SourceLocation location, decimal stated, decimal computed, int parts, string message)
    {
        var difference = Math.Abs(stated - computed);
        if (difference == 0)
        {
            return;
        }

        if (difference <= RoundingTolerancePerPart * parts)
        {
            Add(FindingCodes.RoundingDifference, Severity.Info, location, $"尾差：{message[..^1]}，相差 {Money.Format(difference)} 万元，在四舍五入误差范围内。");
            return;
        }

        Add(code, Severity.Error, location, message);
    }

    private void CheckDuplicates()
    {
        var seen = new Dictionary<string, BudgetLine>();
        foreach (var line in _workbook.Lines)
        {
            var key = ProjectNameMatcher.Normalize(line.Name);
            if (!seen.TryAdd(key, line))
            {
                Add(FindingCodes.DuplicateProject, Severity.Error, line.CellOf(Line.Name),
                    $"“{line.Name}”重复出现（与 {seen[key].Location} 同名），金额会被重复计算。请合并为一行，或改用能区分的名称。");
            }
        }
    }

    private void CheckStatedTotals()
    {
        foreach (var total in _workbook.StatedTotals)
        {
            var (computed, parts, scope) = total.Category switch
            {
                ExpenseCategory.Basic => (_figures.Basic, _figures.BasicLines.Count(), "基本支出各行"),
                ExpenseCategory.Project => (_figures.Projects, _figures.ProjectCount, "项目支出各行"),
                _ => (_figures.Department, _figures.Lines.Count, "基本支出与项目支出各行"),
            };
            foreach (var (field, stated) in total.Amounts)
            {
                var value = field == Line.InitialBudget.Name ? computed.Initial
                    : field == Line.Adjustment.Name ? computed.Adjustment
                    : field == Line.FinalBudget.Name ? computed.Final
                    : field == Line.Actual.Name ? computed.Actual
                    : computed.CarryOver;
                var location = total.Columns.TryGetValue(field, out var column) ? total.Location with { Column = column } : total.Location;
                CompareIdentity(FindingCodes.TypedTotal, location, stated, value, parts,
                    $"“{total.Label}”行的{field} {WanYuan(stated)} 与{scope}之和 {WanYuan(value)} 不符。");
            }
        }
    }

    private decimal? Fact(InfoItem item)
    {
        if (_workbook.Department.Amount(item) is not { } amount)
        {
            return null;
        }

        if (amount.Problem is { } problem)
        {
            Add(FindingCodes.AmountUnreadable, Severity.Error, amount.Cell, $"{WorkbookSchema.InfoSheet}“{item}”{problem}。");
        }

        return amount.Value;
    }

    private SourceLocation FactLocation(InfoItem item) => FactCell(_workbook, item);

    /// <summary>附表1: 资金总额 = the funding sources = 基本支出 + 项目支出, and those equal the lines' 年初预算数.</summary>
    private void CheckInitialForm()
    {
        var total = Fact(Items.Total);

        // By nature of income: Hunan's 附表1 splits 一般公共预算拨款 / 政府性基金拨款 / 其他资金; Guangdong's form gives
        // 财政拨款收入 / 财政专户管理资金 / 其他收入 (docs/import.md). Whichever the workbook states are summed.
        var sourceItems = new[] { Items.General, Items.GovernmentFund, Items.FiscalAppropriation, Items.SpecialAccount, Items.OtherFunds };
        var stated = sourceItems.Select(item => (item.Name, Value: Fact(item))).Where(source => source.Value is not null).ToList();
        var basic = Fact(Items.Basic);
        var projects = Fact(Items.Project);
        if (total is { } t)
        {
            if (stated.Count > 0)
            {
                var sources = stated.Sum(source => source.Value!.Value);
                CompareIdentity(FindingCodes.FundingSources, FactLocation(Items.Total), t, sources, Math.Max(3, stated.Count),
                    $"年初资金总额 {WanYuan(t)} 不等于按收入性质各项之和 {WanYuan(sources)}（{string.Join("、", stated.Select(source => source.Name))}）。");
            }

            if (basic is { } b && projects is { } p)
            {
                CompareIdentity(FindingCodes.FundingParts, FactLocation(Items.Total), t, b + p, 2,
                    $"年初资金总额 {WanYuan(t)} 不等于基本支出 {WanYuan(b)} 与项目支出 {WanYuan(p)} 之和 {WanYuan(b + p)}。");
            }
        }

        if (basic is { } basicStated)
        {
            CompareIdentity(FindingCodes.BasicTotal, FactLocation(Items.Basic), basicStated, _figures.Basic.Initial, _figures.BasicLines.Count(),
                $"附表1基本支出 {WanYuan(basicStated)} 与预算执行表中基本支出的年初预算数之和 {WanYuan(_figures.Basic.Initial)} 不符。");
        }

        if (projects is { } projectStated)
        {
            CompareIdentity(FindingCodes.ProjectsTotal, FactLocation(Items.Project), projectStated, _figures.Projects.Initial, _figures.ProjectCount,
                $"附表1项目支出 {WanYuan(projectStated)} 与预算执行表中项目支出的年初预算数之和 {WanYuan(_figures.Projects.Initial)} 不符。");
        }
    }
}
