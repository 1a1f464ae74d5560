using System.Text.RegularExpressions;
using ReportGen.Model;
using ReportGen.Parsing;

namespace ReportGen.Import;

/// <summary>
/// 河北 部门整体绩效目标, published as part of the department budget document rather than as a 附表1 (the Chengde
/// 2024 document, docs/import.md): headings 一、总体绩效目标 (a paragraph), 二、分项绩效目标 (one section per 科室:
/// its duties, then a 绩效指标 table whose 评价标准 columns are 优 / 良 / 中 / 差), 三、工作保障措施. Recognised by its
/// headings, whatever their numbering ("2、 分项绩效目标" after "一、" as printed). The 总体绩效目标 becomes the
/// 年度总体目标, each 科室's duties a 重点工作, each indicator a 部门整体 indicator whose 指标值 is the 优 standard and
/// which keeps the whole 评价标准.
/// </summary>
internal static partial class HebeiDepartmentRecognizer
{
    /// <summary>The document gives no 一级指标; the 科室's work measures are read as 产出 (said in the summary).</summary>
    public const string Level1 = "产出指标";

    private static readonly string[] Grades = ["优", "良", "中", "差"];

    public static bool Matches(FormTable table)
    {
        var headings = table.Rows.Where(IsParagraph).Select(row => Heading(row.Cells[0].Text)).ToList();
        return headings.Contains("总体绩效目标") && headings.Contains("分项绩效目标");
    }

    public static DepartmentForm? Read(FormTable table, ICollection<SkippedItem> skipped)
    {
        var section = "";
        var title = new List<string>();
        var overall = new List<string>();
        var offices = new List<(string Name, List<string> Duties, SourceLocation Location)>();
        var indicators = new List<FormIndicator>();
        SourceLocation? start = null;
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            if (!IsParagraph(row))
            {
                if (section == "分项绩效目标" && offices.Count > 0 && GradeColumns(row) is { } columns)
                {
                    i = ReadIndicators(table, i + 1, columns, offices[^1].Name, indicators);
                }

                continue;
            }

            var text = row.Cells[0].Text;
            if (Heading(text) is { } heading)
            {
                section = heading;
                start ??= row.Location;
                continue;
            }

            switch (section)
            {
                case "":
                    title.Add(text);
                    break;
                case "总体绩效目标":
                    overall.Add(text);
                    break;
                case "分项绩效目标" when Office().Match(TextNormalizer.FoldWidth(text).Trim()) is { Success: true } office:
                    offices.Add((Tidy(office.Groups[1].Value), [], row.Location));
                    break;
                case "分项绩效目标" when offices.Count > 0 && !IndicatorLabel().IsMatch(TextNormalizer.Key(text)):
                    offices[^1].Duties.Add(text);
                    break;
            }
        }

        if (start is null)
        {
            return null;
        }

        if (indicators.Count > 0)
        {
            skipped.Add(new SkippedItem(start,
                $"部门整体绩效目标没有写一级、二级指标：{indicators.Count} 个指标的一级指标按“{Level1}”、二级指标按所属科室导入，请在绩效指标表中核对"));
        }

        var (name, year) = Title(title);
        return new DepartmentForm(FormLayout.HebeiDepartment, start)
        {
            Name = name,
            Year = year,
            OverallGoal = Join(overall) is { Length: > 0 } goal ? FormText.Goal(goal) : null,
            KeyTasks = offices.Where(office => office.Duties.Count > 0)
                .Select(office => new FormKeyTask($"{office.Name}工作", office.Name, FormText.Goal(Join(office.Duties)), office.Location))
                .ToList(),
            Indicators = indicators,
        };
    }

    /// <summary>Indicator rows after the 优 / 良 / 中 / 差 row, up to the next paragraph or table header.</summary>
    private static int ReadIndicators(FormTable table, int index, Dictionary<string, int> columns, string office, List<FormIndicator> indicators)
    {
        for (; index < table.Rows.Count; index++)
        {
            var row = table.Rows[index];
            if (IsParagraph(row) || GradeColumns(row) is not null || row.Filled.Any(cell => FormText.LabelKey(cell.Text) == "评价标准"))
            {
                return index - 1;
            }

            var first = columns.Values.Min();
            var name = Tidy(string.Join("", row.Cells.Where(cell => cell.Column < first && !cell.IsVerticalCopy).Select(cell => cell.Text)));
            var standards = Grades.Select(grade => (Grade: grade, Text: Tidy(row.TextAt(columns[grade])))).Where(pair => pair.Text.Length > 0).ToList();
            if (name.Length == 0 || standards.Count == 0)
            {
                continue;
            }

            var target = standards.FirstOrDefault(pair => pair.Grade == "优").Text ?? standards[0].Text;
            var scale = string.Join("；", standards.Select(pair => $"{pair.Grade}：{pair.Text}"));
            indicators.Add(new FormIndicator(Level1, office, name, target, row.Location, Scale: scale));
        }

        return index - 1;
    }

    /// <summary>The grid column of each grade when the row is the 优 / 良 / 中 / 差 header row.</summary>
    private static Dictionary<string, int>? GradeColumns(FormRow row)
    {
        var columns = new Dictionary<string, int>();
        foreach (var cell in row.Cells.Where(cell => !cell.IsVerticalCopy))
        {
            var key = FormText.LabelKey(cell.Text);
            if (Grades.Contains(key))
            {
                columns.TryAdd(key, cell.Column);
            }
        }

        return columns.Count == Grades.Length ? columns : null;
    }

    /// <summary>"一、总体绩效目标", "2、 分项绩效目标", "三、工作保障措施" → the heading's words; null for other text.</summary>
    private static string? Heading(string text)
    {
        var match = HeadingPattern().Match(TextNormalizer.Key(text));
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool IsParagraph(FormRow row) => row.Location.Sheet == "正文段落" && row.Cells.Count == 1;

    /// <summary>Department and year from a title before the first heading: "…宣传部2024年部门预算", "…2024年度部门整体绩效目标".</summary>
    private static (string? Name, int? Year) Title(List<string> lines)
    {
        foreach (var line in lines)
        {
            var match = TitlePattern().Match(TextNormalizer.Key(line));
            if (match.Success)
            {
                return (match.Groups[1].Value, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return (null, lines.Select(DateParser.Year).FirstOrDefault(year => year is not null));
    }

    /// <summary>
    /// Paragraphs as one text: a line that starts with a list marker starts a new paragraph; any other line continues
    /// the one before (the document breaks lines inside a sentence: "组织对全区先进典" / "型的学习推广。").
    /// </summary>
    private static string Join(List<string> lines)
    {
        var paragraphs = new List<string>();
        foreach (var line in lines.Select(Tidy).Where(line => line.Length > 0))
        {
            if (paragraphs.Count == 0 || ListStart().IsMatch(line))
            {
                paragraphs.Add(line);
            }
            else
            {
                paragraphs[^1] += line;
            }
        }

        return string.Join("\n", paragraphs);
    }

    /// <summary>One line, the spaces a PDF conversion left between Chinese characters removed ("认 真完成" → "认真完成").</summary>
    private static string Tidy(string text) => CjkGap().Replace(FormText.OneLine(text), "");

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+|\d+)[、.．]?(总体绩效目标|分项绩效目标|工作保障措施|保障措施)[:：]?$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*(.+?)\s*[:：]?$")]
    private static partial Regex Office();

    [GeneratedRegex(@"^(?:\d+|[一二三四五六七八九十]+)?[、.．]?绩效指标[:：]?$")]
    private static partial Regex IndicatorLabel();

    [GeneratedRegex(@"^\s*(?:\d{1,2}\s*[、.．](?!\d)|[（(]\s*\d{1,2}\s*[)）])")]
    private static partial Regex ListStart();

    [GeneratedRegex(@"^(.+?)(20\d\d)年度?(?:部门预算|部门整体绩效目标|部门整体支出绩效目标|绩效目标)")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}，、；。：（）])[ \t\u3000]+(?=[\p{IsCJKUnifiedIdeographs}，、；。：（）])")]
    private static partial Regex CjkGap();
}
