using System.Text;

namespace ReportGen.Model;

/// <summary>
/// The one place where a value the tool carries as an enum (完成情况, 指标类型, 支出类别, 资金来源, 调整方式, 自评等级,
/// severity, batch status) or a fixed mark (暂定, the 待填写 placeholder, cause prompts) becomes words. The words are
/// in <c>templates/partials/用语.txt</c>, a plain text file read by <see cref="WordsFile"/>, embedded in the assembly;
/// check, preview, batch and the CLI use these bundled words, and a report uses its template folder's copy over them
/// (templates/README.md). Every name of the file is Chinese: an enum value is <c>类别.取值</c> with the bundled word as
/// its name (<c>完成情况.部分达成 = 部分达成</c>, <see cref="Key{T}"/>), and carries a stable code for templates to
/// branch on (<see cref="Code{T}"/>: <c>partlyMet</c>), so no code compares words.
/// </summary>
public sealed class Vocabulary
{
    public const string FileName = "用语" + WordsFile.Extension;

    /// <summary>
    /// The mark every placeholder starts with. Placeholders are recorded as data when rendered (ReportDocument's
    /// fields); the mark still tells a placeholder written by hand into a custom template, and the words files must keep it.
    /// </summary>
    public const string PlaceholderMark = "【待填写";

    private readonly IReadOnlyDictionary<string, string> _words;

    private Vocabulary(IReadOnlyDictionary<string, string> words) => _words = words;

    /// <summary>The bundled words, embedded from templates/partials/用语.txt.</summary>
    public static Vocabulary Bundled { get; } = new(ParseBundled());

    /// <summary>Every name the bundled file defines (an override may only replace these).</summary>
    public IEnumerable<string> Names => _words.Keys;

    /// <summary>The text named <paramref name="key"/>, with each <c>{名字}</c> replaced by its value.</summary>
    public string this[string key, params (string Name, string Value)[] values] => Fill(_words[key], values);

    /// <summary>The words of an enum value: the entry <c>类型.成员</c>.</summary>
    public string Of<T>(T value)
        where T : struct, Enum => _words[Key(value)];

    /// <summary>The stable code of an enum value, for templates: the member's name in camelCase (PartlyMet → partlyMet).</summary>
    public static string Code<T>(T value)
        where T : struct, Enum => EnumNames<T>.Codes.TryGetValue(value, out var code) ? code : MakeCode(value);

    private static string MakeCode<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The entry name of an enum value: <c>完成情况.达成</c> for IndicatorStatus.Met.</summary>
    public static string Key<T>(T value)
        where T : struct, Enum => EnumKey<T>.Of.TryGetValue(value, out var key) ? key : typeof(T).Name + "." + value;

    /// <summary>The names of one enum's values, looked up once per type rather than spelled out at every call.</summary>
    private static class EnumKey<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Of = Enum.GetValues<T>()
            .Where(value => EnumKeys.ContainsKey(typeof(T).Name + "." + value))
            .ToDictionary(value => value, value => EnumKeys[typeof(T).Name + "." + value]);
    }

    /// <summary>
    /// The words file's name of every enum value the tool words, by the value's type and member name (kept as strings:
    /// the enums live in the layers above Model). A value missing here fails <c>VocabularyTests</c>.
    /// </summary>
    private static readonly Dictionary<string, string> EnumKeys = new(StringComparer.Ordinal)
    {
        ["IndicatorStatus.Met"] = "完成情况.达成",
        ["IndicatorStatus.PartlyMet"] = "完成情况.部分达成",
        ["IndicatorStatus.NotMet"] = "完成情况.未达成",
        ["IndicatorStatus.Undetermined"] = "完成情况.无法判断",
        ["IndicatorKind.AtLeast"] = "指标类型.不少于",
        ["IndicatorKind.AtMost"] = "指标类型.不超过",
        ["IndicatorKind.Equal"] = "指标类型.等于",
        ["IndicatorKind.Deadline"] = "指标类型.时限",
        ["IndicatorKind.Qualitative"] = "指标类型.定性",
        ["IndicatorKind.Unknown"] = "指标类型.无法识别",
        ["IndicatorGroup.Output"] = "一级指标.产出指标",
        ["IndicatorGroup.Outcome"] = "一级指标.效益指标",
        ["IndicatorGroup.Satisfaction"] = "一级指标.满意度指标",
        ["IndicatorGroup.Unknown"] = "一级指标.未知",
        ["ScoreGrade.Excellent"] = "自评等级.优",
        ["ScoreGrade.Good"] = "自评等级.良",
        ["ScoreGrade.Fair"] = "自评等级.中",
        ["ScoreGrade.Poor"] = "自评等级.差",
        ["ExpenseCategory.Basic"] = "支出类别.基本支出",
        ["ExpenseCategory.Project"] = "支出类别.项目支出",
        ["LineSource.Initial"] = "预算来源.年初预算",
        ["LineSource.MidYear"] = "预算来源.年中追加",
        ["AdjustmentKind.None"] = "预算调整.无调整",
        ["AdjustmentKind.Increase"] = "预算调整.调增",
        ["AdjustmentKind.Decrease"] = "预算调整.调减",
        ["AdjustmentKind.MidYear"] = "预算调整.年中追加",
        ["FundingSource.General"] = "资金来源.一般公共预算",
        ["FundingSource.GovernmentFund"] = "资金来源.政府性基金",
        ["FundingSource.Other"] = "资金来源.其他资金",
        ["Severity.Error"] = "检查结果.错误",
        ["Severity.Warning"] = "检查结果.警告",
        ["Severity.Info"] = "检查结果.提示",
        ["BatchStatus.Unreadable"] = "批量结果.无法读取",
        ["BatchStatus.Failed"] = "批量结果.处理失败",
        ["BatchStatus.HasErrors"] = "批量结果.有错误未生成",
        ["BatchStatus.Rendered"] = "批量结果.已生成",
        ["BatchStatus.Cancelled"] = "批量结果.已中断未处理",
    };

    /// <summary>
    /// Each defined member's key and code, made once: the template model asks for them for every line and
    /// indicator of every report, and an enum's name is costly to make (docs/performance.md).
    /// </summary>
    private static class EnumNames<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Codes = Enum.GetValues<T>().Distinct().ToDictionary(v => v, MakeCode);
    }

    /// <summary>
    /// The visible mark of text the user still has to write, with the cell to write it in when known:
    /// 【待填写：偏差原因（绩效指标!J7）】. <c>check</c> reports the same cell (docs/workbook.md, "Missing inputs").
    /// </summary>
    public string Placeholder(string what, string? cell = null) => string.IsNullOrEmpty(cell)
        ? this["占位符.无单元格", ("内容", what)]
        : this["占位符", ("内容", what), ("单元格", cell)];

    /// <summary>A total or grade as every output shows it: marked while it is provisional (docs/domain.md §5).</summary>
    public string Provisional(string text, bool provisional) => provisional ? this["得分.暂定标记", ("内容", text)] : text;

    /// <summary>
    /// A total as every table and preview shows it: the total, or while provisional the range from the score with every
    /// undecided indicator at 0 to the score with each at full weight ("14.97至57.30（暂定）"; docs/domain.md).
    /// </summary>
    public string Total(string low, string high, bool provisional) =>
        provisional ? this["得分.区间", ("最低", low), ("最高", high)] : low;

    /// <summary>The grade shown while the provisional range spans two grade bands: 待定.</summary>
    public string PendingGrade => this["等级.待定"];

    /// <summary>These words with <paramref name="overrides"/> (a template folder's file) replacing some of them.</summary>
    public Vocabulary With(IEnumerable<(string Name, string Text)> overrides)
    {
        var words = new Dictionary<string, string>(_words, StringComparer.Ordinal);
        foreach (var (name, text) in overrides)
        {
            words[name] = text;
        }

        return new Vocabulary(words);
    }

    private static string Fill(string text, (string Name, string Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            // Looked for before the "{name}" is made: a text without the name is returned as it is.
            if (text.Contains(name, StringComparison.Ordinal))
            {
                text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static Dictionary<string, string> ParseBundled()
    {
        using var stream = typeof(Vocabulary).Assembly.GetManifestResourceStream("ReportGen.Vocabulary.txt")
            ?? throw new InvalidOperationException("The bundled vocabulary resource is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return WordsFile.Parse(reader.ReadToEnd(), null, null, _ => true).ToDictionary(p => p.Name, p => p.Text, StringComparer.Ordinal);
    }
}

/// <summary>
/// The reader of the words files (<c>partials/用语.txt</c>, <c>partials/表格文字.txt</c>): plain UTF-8 text, one
/// <c>名称 = 文字</c> per line, <c>#</c> lines and blank lines ignored, the name and the text after the first <c>=</c>
/// trimmed. They are not templates: nothing in them runs, and <c>include</c> cannot reach them.
/// </summary>
internal static class WordsFile
{
    /// <summary>The extension of a words file: plain text, not a template.</summary>
    public const string Extension = ".txt";

    /// <param name="source">The file's text.</param>
    /// <param name="path">The file, for messages; null for a bundled file.</param>
    /// <param name="label">What the file is called in messages (用语文件).</param>
    /// <param name="known">Whether a name exists; a user's file may not invent names.</param>
    /// <exception cref="InputException">A line has no “=”, or an unknown name.</exception>
    public static IEnumerable<(string Name, string Text)> Parse(string source, string? path, string? label, Func<string, bool> known)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InputException($"{label}“{path}”第 {i + 1} 行应写成“名称 = 文字”：{line}");
            }

            var name = line[..equals].Trim();
            if (path is not null && !known(name))
            {
                throw new InputException(
                    $"{label}“{path}”第 {i + 1} 行的名称“{name}”不存在。可用的名称见随程序附带的 templates/partials/{Path.GetFileName(path)}。");
            }

            yield return (name, line[(equals + 1)..].Trim());
        }
    }
}
