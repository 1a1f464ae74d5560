using System.Text.RegularExpressions;
using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Both bundled samples in every outline read as a person would write them (docs/outlines.md, "What a reviewer
/// sees"): one numbering hierarchy, no zero counts, no value said twice in one sentence, no sentence twice in one
/// section, no empty 原因 before a placeholder, no placeholder with a second pair of parentheses, one word per grade.
/// Each pattern has its own check, and a test below shows each check finds the pattern it is for.
/// </summary>
public sealed partial class ReportReadingTests
{
    public static TheoryData<string, string> SamplesByOutline()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in new[] { "示例县文化旅游局2024.xlsx", "石峰区委宣传部2023.xlsx" })
        {
            foreach (var (outline, _) in TemplateCatalog.List(Repo.Templates))
            {
                data.Add(sample, outline);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesByOutline))]
    public void Every_outline_reads_as_written_by_a_person(string sample, string outline)
    {
        var analysis = GenerateJob.Analyze(Path.Combine(Repo.Root, "data", "sample", sample));
        var (_, document) = GenerateJob.Render(analysis, TemplateRenderer.Resolve(outline, Repo.Templates));

        var problems = Problems(document);

        Assert.True(problems.Count == 0, $"{outline} × {sample}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_outline_list_holds_hebei_and_sichuan()
    {
        var names = TemplateCatalog.List(Repo.Templates).Select(t => t.Name).ToList();
        Assert.Contains("hebei", names);
        Assert.Contains("sichuan", names);
        Assert.True(names.Count >= 5);
    }

    [Fact]
    public void Each_check_finds_its_pattern()
    {
        Assert.Single(Problems(Doc(ParagraphOf("效益指标（经济效益指标）：无直接经济效益，指标值无直接经济效益。"))), p => p.Contains("said twice", StringComparison.Ordinal));
        Assert.Single(Problems(Doc(ParagraphOf("绩效指标共11项，其中达成0项、部分达成1项。"))), p => p.Contains("zero count", StringComparison.Ordinal));
        Assert.Single(Problems(Doc(ParagraphOf("执行率偏低。原因：【待填写：执行率偏低的原因（预算执行!L4）】。"))), p => p.Contains("empty 原因", StringComparison.Ordinal));
        Assert.Single(Problems(Doc(ParagraphOf("【待填写：偏差原因（指标值按年初预算15.00万元设定）（绩效指标!J7）】"))), p => p.Contains("parentheses", StringComparison.Ordinal));
        Assert.Single(Problems(Doc(ParagraphOf("自评得分97.82分，等级为“优”。"), ParagraphOf("自评等次为“优秀”。"))), p => p.Contains("grade", StringComparison.Ordinal));
        Assert.Single(Problems(Doc(new Heading(1, "一、情况"), ParagraphOf("全部共有人员15人，在职12人。"), ParagraphOf("全部共有人员15人，在职12人。"))),
            p => p.Contains("twice in", StringComparison.Ordinal));
        Assert.Empty(Problems(Doc(new Heading(2, "（一）甲项目"), ParagraphOf("绩效指标共6项，全部达成。"), new Heading(2, "（二）乙项目"), ParagraphOf("绩效指标共6项，全部达成。"))));
        Assert.Single(Problems(Doc(new Heading(2, "（一）部门职能"), ParagraphOf("（一）指导全区工作。"), ParagraphOf("（二）组织宣传。"))), p => p.Contains("numbering", StringComparison.Ordinal));
        Assert.Single(Problems(Doc(new Heading(1, "一、基本情况"), ParagraphOf("1、推进工作。"))), p => p.Contains("1、", StringComparison.Ordinal));
        Assert.Single(Problems(Doc(ParagraphOf("人员经费支出498.70万元。"), ParagraphOf("公用经费支出56.92万元。"))), p => p.Contains("same shape", StringComparison.Ordinal));
        Assert.Single(Problems(Doc(ParagraphOf("执行率98.33%。### （二）项目支出"))), p => p.Contains("markup", StringComparison.Ordinal));
        Assert.Empty(Problems(Doc(new Heading(1, "一、基本情况"), ParagraphOf("（一）指导全区工作。"), ParagraphOf("1.学习。"), ParagraphOf("（二）组织宣传。"),
            new Heading(2, "（一）职能"), ParagraphOf("1.指导。"), ParagraphOf("实际支出0.48万元，结余结转0.00万元，全年预算0.48万元。"))));
    }

    private static ReportDocument Doc(params Block[] blocks) => new("标题", blocks);

    private static Paragraph ParagraphOf(string text) => new(text);

    /// <summary>Every pattern found in a report, one line each.</summary>
    public static List<string> Problems(ReportDocument document)
    {
        var problems = new List<string>();
        var texts = ReportMarkup.Texts(document).Select(t => t.Replace(ReportDocument.LiteralMark.ToString(), "", StringComparison.Ordinal)).ToList();
        foreach (var text in texts)
        {
            foreach (Match m in ZeroCount().Matches(text))
            {
                problems.Add($"zero count “{m.Value}” in: {text}");
            }

            if (text.Contains("## ", StringComparison.Ordinal) || text.Contains("::", StringComparison.Ordinal))
            {
                problems.Add($"markup inside a paragraph (a line break lost in the template): {text}");
            }

            if (EmptyCause().IsMatch(text))
            {
                problems.Add($"empty 原因 followed by a placeholder in: {text}");
            }

            foreach (Match m in TwoParentheses().Matches(text))
            {
                problems.Add($"placeholder with two parentheses: {m.Value}");
            }

            foreach (var sentence in Sentences(text))
            {
                if (RepeatedValue(sentence) is { } value)
                {
                    problems.Add($"value “{value}” said twice in one sentence: {sentence}");
                }
            }
        }

        var grades = string.Join("\n", texts);
        foreach (var (word, longer) in new[] { ("优", "优秀"), ("良", "良好") })
        {
            if (grades.Contains($"“{longer}”", StringComparison.Ordinal) && (grades.Contains($"“{word}”", StringComparison.Ordinal) || grades.Contains($"自评等级：{word}", StringComparison.Ordinal)))
            {
                problems.Add($"two grade words for one grade: “{word}” and “{longer}”");
            }
        }

        problems.AddRange(SectionProblems(document));
        return problems;
    }

    /// <summary>
    /// Numbering and repetition, section by section (a section runs from a heading to the next heading of any level):
    /// a numbered paragraph sits below its heading's level, the first list of a section one level below it; no
    /// sentence twice; no two unnumbered one-sentence paragraphs in a row that differ only in names and figures.
    /// </summary>
    private static IEnumerable<string> SectionProblems(ReportDocument document)
    {
        var level = 0;
        string heading = "(start)";
        var sectionSentences = new HashSet<string>(StringComparer.Ordinal);
        var firstListLevel = 0;
        var clash = false;
        string? previousShape = null;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    sectionSentences.Clear();
                    clash = false;
                    level = h.Level;
                    heading = h.Text;
                    firstListLevel = 0;
                    previousShape = null;
                    break;
                case Paragraph p when p.Kind == ParagraphKind.Body:
                    var text = p.Text.Replace(ReportDocument.LiteralMark.ToString(), "", StringComparison.Ordinal);
                    var listLevel = ListLevel(text);
                    if (listLevel == -1)
                    {
                        yield return $"numbering “1、” beside “1.” under “{heading}”: {text}";
                    }
                    else if (listLevel > 0 && !clash)
                    {
                        if (listLevel <= level)
                        {
                            clash = true;
                            yield return $"numbering clash: a level-{listLevel} item under the level-{level} heading “{heading}”: {text}";
                        }
                        else if (firstListLevel == 0 && listLevel != level + 1)
                        {
                            clash = true;
                            yield return $"numbering skips a level: a level-{listLevel} item first under “{heading}”: {text}";
                        }

                        firstListLevel = firstListLevel == 0 ? listLevel : firstListLevel;
                    }

                    foreach (var sentence in Sentences(text).Where(s => s.Length >= 8 && !s.Contains('【', StringComparison.Ordinal)))
                    {
                        if (!sectionSentences.Add(sentence))
                        {
                            yield return $"sentence twice in one section (under “{heading}”): {sentence}";
                        }
                    }

                    // Two unnumbered one-sentence paragraphs in a row that differ only in names and figures.
                    var shape = listLevel == 0 && Sentences(text).Count() == 1 ? Shape(text) : null;
                    if (shape is not null && shape == previousShape)
                    {
                        yield return $"two paragraphs of the same shape in a row under “{heading}”: {text}";
                    }

                    previousShape = shape;
                    break;
                default:
                    previousShape = null;
                    break;
            }
        }
    }

    /// <summary>The level of a paragraph's leading number: 1 一、, 2 （一）, 3 1., 4 （1）; -1 for "1、"; 0 for none.</summary>
    private static int ListLevel(string text) =>
        Regex.IsMatch(text, @"^[一二三四五六七八九十]{1,3}、") ? 1
        : Regex.IsMatch(text, @"^（[一二三四五六七八九十]{1,3}）") ? 2
        : Regex.IsMatch(text, @"^\d{1,3}\.(?!\d)") ? 3
        : Regex.IsMatch(text, @"^（\d{1,3}）") ? 4
        : Regex.IsMatch(text, @"^\d{1,3}、") ? -1
        : 0;

    private static IEnumerable<string> Sentences(string text) =>
        Regex.Split(text, "(?<=[。；！？])").Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>A sentence with its figures and quoted names masked, and the first clause's subject dropped.</summary>
    private static string Shape(string text)
    {
        var masked = Regex.Replace(text, @"\d+(\.\d+)?", "#");
        masked = Regex.Replace(masked, "“[^”]*”", "“”");
        return Regex.Replace(masked, "^[^#“，]{0,6}", "");
    }

    /// <summary>
    /// A value of four or more characters (not figures, not a template's fixed words) that occurs twice in one
    /// sentence, as in “无直接经济效益，指标值无直接经济效益”.
    /// </summary>
    private static string? RepeatedValue(string sentence)
    {
        foreach (var clause in sentence.Split('，', '：', '、'))
        {
            var value = Regex.Replace(clause, "^(指标值|实际完成|年度指标值|其中|指标)", "").Trim('。', '；', '“', '”');
            if (value.Length < 4 || Regex.IsMatch(value, @"[\d#%]") || value.Contains('【', StringComparison.Ordinal))
            {
                continue;
            }

            var first = sentence.IndexOf(value, StringComparison.Ordinal);
            if (first >= 0 && sentence.IndexOf(value, first + value.Length, StringComparison.Ordinal) >= 0)
            {
                return value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![\d.])0项")]
    private static partial Regex ZeroCount();

    [GeneratedRegex(@"原因[：:]\s*【待填写")]
    private static partial Regex EmptyCause();

    /// <summary>A placeholder whose prompt ends in parentheses of its own before the cell's: “…（…）（绩效指标!J7）】”.</summary>
    [GeneratedRegex(@"【待填写[^】]*）（[^）】]*）】")]
    private static partial Regex TwoParentheses();
}
