using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Every word of the report lives in a template (templates/README.md): the C# that builds the report (Rendering, and
/// ShortfallFinder for section 四) holds no string literal with Chinese text except
/// <list type="bullet">
/// <item>names of entries of the words files (<c>t["差异表.表名"]</c>) and of the values filled into them (<c>{部门}</c>);</item>
/// <item>names of the workbook's sheets, columns and 基本信息 items where they locate data: the argument of
/// <c>CellOf("偏差原因")</c>, <c>Fact("存在问题")</c>, <c>Amount("其他资金来源")</c>, <c>FactCell(workbook, "主要职责")</c> (elsewhere, such a name used as
/// a prompt or compared is wording like any other);</item>
/// <item>the names templates give tables (<c>{{ table "预算执行差异表" }}</c>);</item>
/// <item>error messages: literals in a statement that throws or makes an exception, fails a template call
/// (<c>call.Fail(…)</c>) or names a file for InputFile's messages;</item>
/// <item>the few literals in <see cref="Allowed"/>, each with its reason.</item>
/// </list>
/// The previews (HtmlPreviewRenderer, VariancePreviewRenderer, ScorePreview) and TemplateErrors are not scanned:
/// they write preview and error output, never the .docx.
/// </summary>
public sealed partial class ReportWordingTests
{
    private static readonly string[] NotReport =
    [
        "HtmlPreviewRenderer.cs", "HtmlPreviewRenderer.Document.cs", "HtmlPreviewRenderer.Style.cs", "VariancePreviewRenderer.cs",
        "ScorePreview.cs", "TemplateErrors.cs",

        // Writes check findings (RG200) about the rendered report, not text of it.
        "MissingOutlineItems.cs",
    ];

    /// <summary>Literals allowed by name, per file, with the reason.</summary>
    private static readonly (string File, string Literal, string Reason)[] Allowed =
    [
        ("TemplateHelpers.cs", "零一二三四五六七八九", "Chinese numerals of the heading numbers (一、（一）)"),
        ("TemplateHelpers.cs", "十", "Chinese numerals of the heading numbers (十一、)"),
        ("TemplateCatalog.cs", "部门整体支出绩效自评报告：", "read from a template's opening comment for --help, never written"),
        ("TemplateFiles.cs", "（无）", "part of the missing-template error message"),
        ("TableText.cs", "表格文字", "the words file's name"),
        ("TableText.cs", "表格文字文件", "what error messages call the words file"),
        ("TableText.cs", "用语文件", "what error messages call the vocabulary file"),
        ("ListLevels.cs", @"^(?:(?<cc>[一二三四五六七八九十]{1,3}[、.．](?!\d))|(?<cp>[（(][一二三四五六七八九十]{1,3}[）)])|(?<ap>[（(]\d{1,3}[）)])|(?<a>\d{1,3}(?:[、．]|\.(?!\d)|[）)]))|(?<c>[①-⑳]))\s*",
            "recognises the numbers a typed list came with (一、（一）1、①); it writes none"),
    ];

    private static IEnumerable<string> ScannedFiles() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "src", "ReportGen", "Rendering"), "*.cs")
            .Where(f => !NotReport.Contains(Path.GetFileName(f)))
            .Append(Path.Combine(Repo.Root, "src", "ReportGen", "Analysis", "ShortfallFinder.cs"))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void No_report_wording_is_written_in_the_csharp_that_builds_the_report()
    {
        var offending = ScannedFiles()
            .SelectMany(file => Offending(Path.GetFileName(file), File.ReadAllText(file)))
            .ToList();
        Assert.True(offending.Count == 0,
            "Report wording belongs in templates/ (a partial, 表格文字.txt or 用语.txt), not in C#:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void A_sentence_caption_or_heading_added_back_is_found()
    {
        // The scanner sees plain, interpolated, verbatim and nested literals, and ignores comments and keys.
        const string source = """"
            // 注释中的“超支原因”不算
            /* 块注释：执行率偏低的原因 */
            var a = t["差异表.表名", ("部门", name)];
            var b = line.CellOf("偏差原因") ?? Fact("存在问题") ?? FactCell(workbook, "主要职责");
            var c = "超支原因";
            var d = $"{name}执行率{rate}";
            var e = @"预算执行""差异""";
            var f = $"{string.Join("、", items.Select(i => $"截至{i}"))}";
            throw new InputException($"模板中的表格“{kind}”不存在");
            var g = Placeholder("年度目标", cell);
            """";
        var found = Offending("Sample.cs", source).ToList();
        Assert.Equal(
            ["Sample.cs:5: 超支原因", "Sample.cs:6: {…}执行率{…}", "Sample.cs:7: 预算执行\"差异\"", "Sample.cs:8: 截至{…}", "Sample.cs:10: 年度目标"],
            found);
    }

    public static TheoryData<string> Outlines() => ["default", "sichuan", "hunan", "guangdong", "hebei"];

    [Theory]
    [MemberData(nameof(Outlines))]
    public void The_scoring_explanations_worded_in_csharp_never_reach_the_report(string outline)
    {
        // IndicatorJudge's reasons are for preview; the report says only what its template words.
        foreach (var input in new[] { Repo.SampleCsvFolder, Repo.ExampleCsvFolder })
        {
            var analysis = GenerateJob.Analyze(input);
            var document = ReportRenderer.Render(analysis, TemplateRenderer.Resolve(outline, Repo.Templates));
            var text = string.Join("\n", document.Blocks.Select(block => block switch
            {
                Paragraph p => p.Text,
                Heading h => h.Text,
                TableBlock t => string.Join("\n", t.Table.Rows.SelectMany(r => r.Cells).Select(c => c.Text)),
                _ => "",
            }));
            var reasons = new[] { analysis.DepartmentScore }.Concat(analysis.ProjectScores.Values)
                .OfType<ReportGen.Analysis.Indicators.ScopeScore>()
                .SelectMany(s => s.Results).Select(r => r.Reason).Where(r => r.Length > 0).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.DoesNotContain(reason, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_allowed_literal_is_still_there()
    {
        // An entry of the list that no longer matches is removed, so that the list stays the small one it documents.
        foreach (var (file, literal, _) in Allowed)
        {
            var source = File.ReadAllText(Path.Combine(Repo.Root, "src", "ReportGen", "Rendering", file));
            Assert.Contains(Literals(source), l => l.Text == literal);
        }
    }

    private static readonly Lazy<HashSet<string>> Keys = new(() =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in new[] { TableText.FileName, Vocabulary.FileName })
        {
            foreach (var (name, text) in WordsFile.Parse(File.ReadAllText(Path.Combine(Repo.Templates, "partials", file)), null, null, _ => true))
            {
                names.Add(name);
                for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = name.IndexOf('.', dot + 1))
                {
                    names.Add(name[..dot]);
                    names.Add(name[..(dot + 1)]);
                }

                foreach (Match fill in FillName().Matches(text))
                {
                    names.Add(fill.Groups[1].Value);
                    names.Add(fill.Value);
                }
            }
        }

        return names;
    });

    private static readonly Lazy<HashSet<string>> SchemaNames = new(() =>
        WorkbookSchema.Sheets.Select(s => s.Name)
            .Concat(WorkbookSchema.Sheets.SelectMany(s => s.Columns).Select(c => c.Name))
            .Concat(WorkbookSchema.Items.All.Select(item => item.Name))
            .Concat(WorkbookSchema.Units)
            .ToHashSet(StringComparer.Ordinal));

    private static IEnumerable<string> Offending(string file, string source)
    {
        var code = Masked(source);
        foreach (var (line, start, text) in Literals(source))
        {
            if (!Han().IsMatch(text) || Keys.Value.Contains(text) || ReportTables.Kinds.Contains(text)
                || (SchemaNames.Value.Contains(text) && LocatesData().IsMatch(code[..start]))
                || Allowed.Any(a => a.File == file && a.Literal == text))
            {
                continue;
            }

            var statementStart = code.LastIndexOfAny([';', '{', '}'], start) + 1;
            var statement = code[statementStart..start];
            if (statement.Contains("throw ", StringComparison.Ordinal) || statement.Contains("Exception", StringComparison.Ordinal)
                || statement.Contains(".Fail(", StringComparison.Ordinal) || statement.Contains("InputFile.", StringComparison.Ordinal))
            {
                continue;
            }

            yield return $"{file}:{line}: {text}";
        }
    }

    /// <summary>
    /// Code ending where a sheet, column or 基本信息 item is named to find a cell or value, or to title the field of the
    /// clerk's text at that cell by the column it is under (TemplateModelBuilder.ClerkAt, docs/report-fields.md).
    /// </summary>
    [GeneratedRegex(@"(\bCellOf\(|\bFact\(|\bAmount\(|\bFactCell\(\s*[\w.]+\s*,|\bClerkAt\([^;\n]*,)\s*$")]
    private static partial Regex LocatesData();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex FillName();

    /// <summary>The source with comments and literal contents blanked (newlines kept), to read statements around a literal.</summary>
    private static string Masked(string source)
    {
        var masked = new StringBuilder(source);
        foreach (var (from, to) in Skipped(source))
        {
            for (var i = from; i < to; i++)
            {
                if (masked[i] != '\n')
                {
                    masked[i] = ' ';
                }
            }
        }

        return masked.ToString();
    }

    /// <summary>The string literals of C# <paramref name="source"/>: line, start, and text with each interpolation hole as {…}.</summary>
    private static List<(int Line, int Start, string Text)> Literals(string source)
    {
        var found = new List<(int, int, string)>();
        Scan(source, 0, source.Length, found, []);
        return found;
    }

    /// <summary>Comment and literal spans (start, end) of <paramref name="source"/>.</summary>
    private static List<(int, int)> Skipped(string source)
    {
        var spans = new List<(int, int)>();
        Scan(source, 0, source.Length, [], spans);
        return spans;
    }

    private static int Scan(string s, int i, int end, List<(int, int, string)> literals, List<(int, int)> spans, bool untilBrace = false)
    {
        var depth = 0;
        while (i < end)
        {
            var c = s[i];
            if (untilBrace && c == '{')
            {
                depth++;
            }
            else if (untilBrace && c == '}' && depth-- == 0)
            {
                return i;
            }

            if (c == '/' && i + 1 < end && s[i + 1] == '/')
            {
                var eol = s.IndexOf('\n', i);
                var stop = eol < 0 ? end : eol;
                spans.Add((i, stop));
                i = stop;
            }
            else if (c == '/' && i + 1 < end && s[i + 1] == '*')
            {
                var stop = s.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
                spans.Add((i, stop));
                i = stop;
            }
            else if (c == '\'')
            {
                var j = i + 1;
                while (s[j] != '\'')
                {
                    j += s[j] == '\\' ? 2 : 1;
                }

                i = j + 1;
            }
            else if (c is '"' or '$' or '@' && StringStart(s, i) is { } prefix)
            {
                i = ReadString(s, i, prefix, literals, spans);
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    /// <summary>The prefix of a string literal starting at <paramref name="i"/> ("", "$", "@", "$@", "@$"), or null.</summary>
    private static string? StringStart(string s, int i)
    {
        foreach (var prefix in new[] { "$@", "@$", "$", "@", "" })
        {
            if (string.CompareOrdinal(s, i, prefix + "\"", 0, prefix.Length + 1) == 0)
            {
                return prefix;
            }
        }

        return null;
    }

    private static int ReadString(string s, int start, string prefix, List<(int, int, string)> literals, List<(int, int)> spans)
    {
        var i = start + prefix.Length;
        if (string.CompareOrdinal(s, i, "\"\"\"", 0, 3) == 0)
        {
            // A raw literal: its text up to the closing quotes (no interpolation in the scanned files).
            var close = s.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
            literals.Add((Line(s, start), start, s[(i + 3)..close]));
            spans.Add((start, close + 3));
            return close + 3;
        }

        var verbatim = prefix.Contains('@', StringComparison.Ordinal);
        var interpolated = prefix.Contains('$', StringComparison.Ordinal);
        var text = new StringBuilder();
        i++;
        var segment = i;
        while (true)
        {
            var c = s[i];
            if (verbatim && c == '"' && s[i + 1] == '"')
            {
                text.Append('"');
                i += 2;
            }
            else if (c == '"')
            {
                break;
            }
            else if (!verbatim && c == '\\')
            {
                text.Append(s[i + 1] == '"' ? "\"" : s.AsSpan(i, 2));
                i += 2;
            }
            else if (interpolated && c == '{' && s[i + 1] == '{')
            {
                text.Append('{');
                i += 2;
            }
            else if (interpolated && c == '}' && s[i + 1] == '}')
            {
                text.Append('}');
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                spans.Add((segment, i));
                i = Scan(s, i + 1, s.Length, literals, spans, untilBrace: true) + 1;
                segment = i;
                text.Append("{…}");
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        spans.Add((segment, i));
        spans.Add((start, start + prefix.Length + 1));
        literals.Add((Line(s, start), start, text.ToString()));
        return i + 1;
    }

    private static int Line(string s, int index) => s.AsSpan(0, index).Count('\n') + 1;
}
