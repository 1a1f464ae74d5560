using System.Text.RegularExpressions;
using ReportGen.Model;
using ReportGen.Parsing;

namespace ReportGen.Import;

/// <summary>
/// The rows of one form inside a <see cref="FormTable"/>, plus the few rows before it (title, 填报单位, 金额单位),
/// with lookups by label: a label's value is the text after its colon, else the cell on its right, else (when the
/// right is another label or nothing) the cell below. Labels are compared by <see cref="FormText.LabelKey"/>.
/// </summary>
internal sealed partial class FormSegment
{
    public FormSegment(FormTable table, IReadOnlyList<FormRow> preamble, IReadOnlyList<FormRow> rows)
    {
        Table = table;
        Preamble = preamble;
        Rows = rows;
        Unit = DetectUnit(preamble.Concat(rows.Take(4)));
    }

    public FormTable Table { get; }
    public IReadOnlyList<FormRow> Preamble { get; }
    public IReadOnlyList<FormRow> Rows { get; }

    /// <summary>Amounts beside a label that the money reader refused ("38,57"), each with its cell, for RG509.</summary>
    public List<UnreadableAmount> Unreadable { get; } = [];

    /// <summary>The unit the form states for its amounts ("金额单位：万元"), 万元 when it says nothing.</summary>
    public FormUnit Unit { get; }

    public SourceLocation Location => Rows[0].Location;

    /// <summary>Every label any layout uses; a cell holding one of these is not a value.</summary>
    private static readonly HashSet<string> KnownLabels =
    [
        "部门名称", "年度预算申请", "资金总额", "按收入性质分", "按支出性质分", "一般公共预算拨款", "政府性基金拨款",
        "其他资金", "基本支出", "项目支出", "部门职责概述", "年度重点工作计划", "事项", "责任单位/科室", "责任单位",
        "工作目标", "年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位", "支出方向", "所属专项", "名称",
        "金额", "项目金额", "项目实施期", "实施期", "实施期绩效目标", "年度绩效目标", "绩效标准", "项目编码", "项目名称",
        "主管部门", "实施单位", "项目预算数", "预算数", "财政资金", "资金支出计划", "3月底", "6月底", "10月底", "12月底",
        "绩效目标", "绩效指标", "绩效指标描述", "指标值", "指标值确定依据", "序号", "合计", "总额", "财政拨款收入",
        "财政专户管理资金", "其他收入", "任务名称", "任务的绩效目标", "主要实施项目", "年度目标", "项目概况",
    ];

    public static bool IsLabel(FormCell cell) =>
        KnownLabels.Contains(FormText.LabelKey(cell.Text))
        || (FormText.SplitInline(cell.Text) is { } inline && KnownLabels.Contains(inline.Label) && inline.Value.Length == 0);

    /// <summary>True when the cell is the label (or starts with "label：value").</summary>
    public static bool Matches(FormCell cell, IReadOnlyCollection<string> labels)
    {
        if (cell.IsVerticalCopy || cell.Text.Length == 0)
        {
            return false;
        }

        return labels.Contains(FormText.LabelKey(cell.Text))
               || (FormText.SplitInline(cell.Text) is { } inline && labels.Contains(inline.Label));
    }

    public (int Row, FormCell Cell)? Find(params string[] labels)
    {
        for (var r = 0; r < Rows.Count; r++)
        {
            foreach (var cell in Rows[r].Cells)
            {
                if (Matches(cell, labels))
                {
                    return (r, cell);
                }
            }
        }

        return null;
    }

    public bool Has(params string[] labels) => Find(labels) is not null;

    /// <summary>The text a label stands for, with where it was read; null when the label is absent or its value blank.</summary>
    public (string Text, SourceLocation Location)? Value(params string[] labels)
    {
        foreach (var label in labels)
        {
            if (Find(label) is { } found && ValueOf(found.Row, found.Cell) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    public string? Text(params string[] labels) => Value(labels)?.Text;

    /// <summary>The amount beside the first of <paramref name="labels"/> found, its cell recorded under <paramref name="key"/>.</summary>
    public decimal? Amount(IDictionary<string, SourceLocation> cells, string key, params string[] labels)
    {
        if (Amount(labels) is not { } found)
        {
            return null;
        }

        cells[key] = found.Location;
        return found.Amount;
    }

    /// <summary>An amount in 万元, by label; the label's own "(元)" wins over the form's unit.</summary>
    public (decimal Amount, SourceLocation Location)? Amount(params string[] labels)
    {
        foreach (var label in labels)
        {
            if (Find(label) is not { } found || ValueOf(found.Row, found.Cell) is not { } value)
            {
                continue;
            }

            var unit = FormText.UnitInLabel(found.Cell.Text) ?? Unit;
            var read = FormText.ReadAmount(value.Text, unit);
            if (read.Value is { } amount)
            {
                return (amount, value.Location);
            }

            // Only a figure the reader refuses ("38,57", "38 57") is reported; a label's value in words is no amount at all.
            if (read.Problem is { } problem && AmountShaped().IsMatch(TextNormalizer.FoldWidth(value.Text))
                && !Unreadable.Any(u => u.Location == value.Location))
            {
                Unreadable.Add(new UnreadableAmount(value.Location, FormText.LabelKey(found.Cell.Text), value.Text, problem));
            }
        }

        return null;
    }

    public (string Text, SourceLocation Location)? ValueOf(int rowIndex, FormCell label)
    {
        var row = Rows[rowIndex];
        if (FormText.SplitInline(label.Text) is { } inline && inline.Value.Length > 0
            && !KnownLabels.Contains(FormText.LabelKey(label.Text)))
        {
            return (inline.Value, row.CellLocation(label.Column));
        }

        var right = row.Cells.FirstOrDefault(cell => cell.Column > label.LastColumn);
        var restBlank = row.Cells.Where(cell => cell.Column > label.LastColumn).All(cell => cell.Text.Length == 0);
        if (right is not null && !restBlank)
        {
            if (!IsLabel(right))
            {
                return right.Text.Length > 0 ? (right.Text, row.CellLocation(right.Column)) : null;
            }
        }

        if (rowIndex + 1 < Rows.Count && Rows[rowIndex + 1].At(label.Column) is { } below
            && !below.IsVerticalCopy && below.Text.Length > 0 && !IsLabel(below))
        {
            return (below.Text, Rows[rowIndex + 1].CellLocation(below.Column));
        }

        return null;
    }

    /// <summary>All texts of the preamble and the first rows, for the title's year and the 填报单位.</summary>
    public IEnumerable<string> HeadTexts() =>
        Preamble.Concat(Rows.Take(3)).SelectMany(row => row.Filled).Select(cell => cell.Text);

    public int? Year() => HeadTexts().Where(text => text.Contains("绩效目标", StringComparison.Ordinal) || text.Contains('年', StringComparison.Ordinal))
        .Select(DateParser.Year).FirstOrDefault(year => year is not null);

    /// <summary>"填报单位：（盖章）中共株洲市石峰区委员会宣传部" → the unit's name.</summary>
    public string? ReportingUnit()
    {
        foreach (var text in HeadTexts())
        {
            if (FormText.SplitInline(text) is { Label: "填报单位" or "单位名称" or "编制单位" } inline)
            {
                var name = Stamp().Replace(inline.Value, "").Trim();
                return name.Length > 0 ? FormText.OneLine(name) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The budget unit a table's header carries as code and name, as budget systems print it (docs/import.md):
    /// "211001中共曹妃甸区委宣传部本级        单位：万元" in one paragraph, the code, the name and the amount statement
    /// in one cell or split over cells, separated by spaces, tabs or full-width spaces; "单位名称：[211001]中共曹妃甸区委宣传部本级";
    /// a "（盖章）" anywhere. The amount statement and what follows the name after a space are not part of the name.
    /// </summary>
    public (string Code, string Name)? CodedUnit()
    {
        foreach (var row in Preamble.Concat(Rows.Take(3)))
        {
            var line = string.Join(" ", row.Filled.Select(cell => cell.Text));
            line = TextNormalizer.FoldWidth(Stamp().Replace(line, " ")).Replace('\u3000', ' ').Replace('\t', ' ');
            line = AmountStatement().Replace(line, " ").Trim();
            if (FormText.SplitInline(line) is { Label: "单位名称" or "填报单位" or "预算单位" or "编制单位" or "单位" } inline)
            {
                line = inline.Value;
            }

            var match = CodedUnitPattern().Match(line.Trim());
            if (match.Success)
            {
                return (match.Groups[1].Value, FormText.OneLine(match.Groups[2].Value));
            }
        }

        return null;
    }

    private static FormUnit DetectUnit(IEnumerable<FormRow> rows)
    {
        foreach (var cell in rows.SelectMany(row => row.Filled))
        {
            var key = TextNormalizer.Key(cell.Text);
            var match = UnitStatement().Match(key);
            if (match.Success)
            {
                return match.Groups[1].Value == "元" ? FormUnit.Yuan : FormUnit.TenThousandYuan;
            }
        }

        return FormUnit.TenThousandYuan;
    }

    [GeneratedRegex(@"^[\[【(（]?(\d{6})[\]】)）]?\s*(\p{IsCJKUnifiedIdeographs}[^\s]*)(?:\s.*)?$")]
    private static partial Regex CodedUnitPattern();

    [GeneratedRegex(@"^\s*[+-]?[\d,.\s]*\d[\d,.\s]*(?:万元|万|元)?\s*$")]
    private static partial Regex AmountShaped();

    /// <summary>"单位：万元", "金额单位:元", "单位 ： 万元" inside a unit line.</summary>
    [GeneratedRegex(@"(?:金额)?单\s*位\s*[:：]\s*(?:万元|元)")]
    private static partial Regex AmountStatement();

    [GeneratedRegex(@"[（(]\s*盖\s*章\s*[)）]")]
    private static partial Regex Stamp();

    [GeneratedRegex(@"(?:金额单位|单位|金额):(万元|元)$")]
    private static partial Regex UnitStatement();
}
