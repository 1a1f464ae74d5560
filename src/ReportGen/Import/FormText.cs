using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Input;
using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>The unit a form states for its amounts ("金额单位：万元", "总额(元)").</summary>
internal enum FormUnit
{
    TenThousandYuan,
    Yuan,
}

/// <summary>
/// Text helpers for form cells: a light tidy that keeps the user's punctuation (（一） stays full-width), label keys
/// that ignore spaces, full-width forms, a leading "其中：" and a unit in brackets, and amounts in 万元.
/// </summary>
internal static partial class FormText
{
    /// <summary>Trims, drops invisible characters and turns odd spaces into plain ones; punctuation is kept as written.</summary>
    public static string Tidy(string? text) => TextNormalizer.Clean(text);

    /// <summary>
    /// One line for names and indicator texts: lines broken inside a cell are joined (no space between Chinese
    /// characters, one space otherwise) and runs of spaces collapsed.
    /// </summary>
    public static string OneLine(string? text)
    {
        var lines = Tidy(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            if (builder.Length > 0 && IsAsciiWord(builder[^1]) && IsAsciiWord(line[0]))
            {
                builder.Append(' ');
            }

            builder.Append(line);
        }

        return MultiSpace().Replace(builder.ToString(), " ");
    }

    /// <summary>Multi-line text (duties, goals): each paragraph tidied, empty paragraphs dropped.</summary>
    public static string Paragraphs(string? text) =>
        string.Join("\n", Tidy(text).Split('\n').Select(Tidy).Where(line => line.Length > 0));

    /// <summary>
    /// A goal as the report prints it (docs/import.md): the form's own label before it ("年度绩效目标：") and each
    /// paragraph's list marker ("1.", "2、", "（1）", "一、") removed, since the report numbers and joins goals itself.
    /// "年度绩效目标：1.年满60周岁…" → "年满60周岁…".
    /// </summary>
    public static string Goal(string? text)
    {
        var paragraphs = Paragraphs(text).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            // "年度绩效目标：1.…", "1、绩效目标：…": a label and a marker, in either order.
            var line = ListMarker().Replace(GoalLabel().Replace(paragraph, ""), "");
            line = ListMarker().Replace(GoalLabel().Replace(line, ""), "").Trim();
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>
    /// The key a label is matched by: <see cref="TextNormalizer.Key"/>, without a leading "其中:", brackets holding a
    /// unit or a sub-label ("(万元)", "(子项)", "(%)"), and a trailing colon. "支出方向      （子项）" → "支出方向".
    /// </summary>
    public static string LabelKey(string? text)
    {
        var key = TextNormalizer.Key(text);
        if (key.StartsWith("其中:", StringComparison.Ordinal))
        {
            key = key[3..];
        }

        key = Bracketed().Replace(key, "");
        return key.TrimEnd(':');
    }

    /// <summary>Splits "资金总额：326.42" or "总额(元)：28,036,202.00" into its label key and the text after the colon.</summary>
    public static (string Label, string Value)? SplitInline(string text)
    {
        var tidy = Tidy(text);
        var index = tidy.IndexOfAny([':', '：']);
        if (index <= 0)
        {
            return null;
        }

        return (LabelKey(tidy[..index]), Tidy(tidy[(index + 1)..]));
    }

    /// <summary>The unit a label states in brackets: "总额(元)" → 元, "年度预算申请（万元）" → 万元, else null.</summary>
    public static FormUnit? UnitInLabel(string text)
    {
        var key = TextNormalizer.Key(text);
        if (key.Contains("(万元)", StringComparison.Ordinal))
        {
            return FormUnit.TenThousandYuan;
        }

        return key.Contains("(元)", StringComparison.Ordinal) ? FormUnit.Yuan : null;
    }

    /// <summary>
    /// An amount in 万元 read by the workbook's parser (<see cref="AmountParser"/>): "326.42", "20万", "30万元",
    /// "28,036,202.00" (with <paramref name="unit"/> 元), "2500元", full-width digits. The same text gives the same
    /// value, and the same refusal ("38,57": commas not in groups of three), in a form as in a workbook. Blank: neither.
    /// </summary>
    public static AmountResult ReadAmount(string? text, FormUnit unit) =>
        AmountParser.Parse(OneLine(text), defaultUnitIsYuan: unit == FormUnit.Yuan);

    /// <summary>True when the text is an amount and nothing else (the 金额 column of a headerless 支出明细 row).</summary>
    public static bool IsAmount(string? text) => ReadAmount(text, FormUnit.TenThousandYuan).Value is not null;

    public static string FormatNumber(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static bool IsAsciiWord(char ch) => ch < 128 && char.IsLetterOrDigit(ch);

    [GeneratedRegex(@"\([^()]{0,6}\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^\s*(?:(?:项目)?(?:年度|实施期|总体|部门整体(?:支出)?)?(?:绩效)?目标)\s*[:：]\s*")]
    private static partial Regex GoalLabel();

    [GeneratedRegex(@"^\s*(?:[（(]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[)）]|[0-9０-９]{1,3}\s*[.．、,，)）](?![0-9０-９])|[一二三四五六七八九十]{1,3}\s*[、.．]|[①-⑳])\s*")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex MultiSpace();
}
