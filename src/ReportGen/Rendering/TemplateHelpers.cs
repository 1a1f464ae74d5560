using System.Globalization;
using ReportGen.Model;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportGen.Rendering;

/// <summary>
/// The functions report templates may call beside Scriban's safe builtins (templates/README.md lists them with
/// examples). Each is a plain <see cref="IScriptCustomFunction"/>: no reflection, so they work under Native AOT.
/// A call with the wrong number or kind of arguments fails with the call's place in the template.
/// </summary>
internal static class TemplateHelpers
{
    /// <summary>The key under which a render keeps the department's 基本信息 items for <c>fact</c>.</summary>
    public const string FactsTag = "reportgen.facts";

    /// <summary>The key under which a render keeps the cell of each 基本信息 item for <c>factCell</c>.</summary>
    public const string FactCellsTag = "reportgen.factCells";

    /// <summary>The key under which a render keeps the report's <see cref="Vocabulary"/> for <c>placeholder</c>.</summary>
    public const string WordsTag = "reportgen.words";

    /// <summary>The functions, read-only, added to a render's builtins.</summary>
    public static void Register(ScriptObject builtins)
    {
        Add(builtins, "wan", 1, 1, (c, a) => Money.Format(Decimal(c, "wan", a[0])));
        Add(builtins, "pct", 1, 1, (c, a) => Money.FormatPercent(a[0] is null ? null : Decimal(c, "pct", a[0])));
        Add(builtins, "share", 2, 2, (c, a) => Money.Rate(Decimal(c, "share", a[0]), Decimal(c, "share", a[1])));
        Add(builtins, "cn", 1, 1, (c, a) => ChineseNumber((int)Decimal(c, "cn", a[0])));
        Add(builtins, "ordinal", 2, 2, (c, a) => Ordinal(c, (int)Decimal(c, "ordinal", a[0]), (int)Decimal(c, "ordinal", a[1])));
        Add(builtins, "placeholder", 1, 3, (c, a) => ReportMarkup.Placeholder(Words(c), Text(a[0]), a.Length > 1 ? Text(a[1]) : null,
            a.Length > 2 ? ItemNamed(c, Text(a[2])) : null));
        Add(builtins, "fact", 1, 1, (c, a) => c.Context.Tags.TryGetValue(FactsTag, out var facts) && facts is IReadOnlyDictionary<string, string> map
            ? map.GetValueOrDefault(Text(a[0])) ?? "" : "");
        Add(builtins, "factCell", 1, 1, (c, a) => c.Context.Tags.TryGetValue(FactCellsTag, out var cells) && cells is IReadOnlyDictionary<string, string> map
            ? map.GetValueOrDefault(Text(a[0])) ?? Model.WorkbookSchema.InfoSheet : Model.WorkbookSchema.InfoSheet);
        Add(builtins, "table", 1, 2, (c, a) => !ReportTables.Kinds.Contains(Text(a[0]))
            ? throw c.Fail($"表格“{a[0]}”不存在，可用的表格：{string.Join("、", ReportTables.Kinds)}")
            : $"\n{ReportMarkup.TableMarker}{string.Join("|", a.Select(Text))}::\n");
        Add(builtins, "pagebreak", 0, 0, (_, _) => $"\n{ReportMarkup.PageBreakMarker}\n");
        Add(builtins, "heading", 2, 2, (c, a) => Heading(c, (int)Decimal(c, "heading", a[0]), Text(a[1])));
        Add(builtins, "relevel", 2, 2, (c, a) => Relevel(c, a[0], (int)Decimal(c, "relevel", a[1])));
    }

    /// <summary>
    /// <c>{{ relevel department.duties 3 }}</c>: the lines of a list (an array, or a text of several lines) with
    /// their numbers, whatever style they came in, replaced by those of the level given (<see cref="ListLevels"/>);
    /// nothing for an empty list.
    /// </summary>
    private static string Relevel(Call call, object? items, int level)
    {
        if (level is < 1 or > ListLevels.MaxLevel)
        {
            throw call.Fail($"relevel 的层级只能是 1–{ListLevels.MaxLevel}，实际是 {level}");
        }

        // A line of the clerk's text stays the field it was (its cell, title and part), now with its new number.
        var mark = TemplateRenderer.ClerkFieldMarker(call.Context);
        return items switch
        {
            null => "",
            string text => ListLevels.Relevel([text], level, mark),
            System.Collections.IEnumerable list => ListLevels.Relevel(list.Cast<object?>().Select(item => item as string ?? (item is null ? null : Text(item))), level, mark),
            _ => ListLevels.Relevel([Text(items)], level, mark),
        };
    }

    /// <summary>
    /// <c>{{ heading 2 "整体支出绩效情况" }}</c> → <c>### （一）整体支出绩效情况</c>: the heading line of that level
    /// with its GB/T 9704 number, counted per render; a heading resets the numbers of the levels below it.
    /// </summary>
    private static string Heading(Call call, int level, string text)
    {
        if (level is < 1 or > 4)
        {
            throw call.Fail($"heading 的层级只能是 1–4，实际是 {level}");
        }

        if (!call.Context.Tags.TryGetValue(HeadingsTag, out var state) || state is not int[] numbers)
        {
            call.Context.Tags[HeadingsTag] = numbers = new int[5];
        }

        numbers[level]++;
        Array.Clear(numbers, level + 1, numbers.Length - level - 1);
        return $"{new string('#', level + 1)} {Ordinal(call, numbers[level], level)}{text}";
    }

    private const string HeadingsTag = "reportgen.headings";

    /// <summary>The report's words (partials/用语.txt), or the bundled ones when the render was given none.</summary>
    private static Vocabulary Words(Call call) =>
        call.Context.Tags.TryGetValue(WordsTag, out var words) && words is Vocabulary v ? v : Vocabulary.Bundled;

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (ordinals in headings go up to 99).</summary>
    public static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 0 or > 99 => n.ToString(CultureInfo.InvariantCulture),
            < 10 => digits[n].ToString(),
            < 20 => "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
        };
    }

    /// <summary>GB/T 9704 heading ordinals: level 1 "一、", 2 "（一）", 3 "1.", 4 "（1）".</summary>
    private static string Ordinal(Call call, int number, int level) => level is >= 1 and <= ListLevels.MaxLevel
        ? ListLevels.Ordinal(number, level)
        : throw call.Fail($"ordinal 的层级只能是 1–4，实际是 {level}");

    /// <summary>
    /// The 基本信息 item a placeholder asks for, by its name or another name (docs/workbook.md): what tells which item
    /// a placeholder on the whole sheet means. A name that is no item is the template's error, at its line.
    /// </summary>
    private static InfoItem ItemNamed(Call call, string name) => Model.WorkbookSchema.FindInfoItem(name)
        ?? throw call.Fail($"placeholder 的第三个参数应是基本信息中的一项（如“存在问题”），“{name}”不是基本信息的项目");

    /// <summary>Where a function was called, to locate its errors.</summary>
    private readonly record struct Call(TemplateContext Context, ScriptNode? Node, string Name)
    {
        public ScriptRuntimeException Fail(string message) => new(Node?.Span ?? Context.CurrentNode?.Span ?? default, message);
    }

    private static void Add(ScriptObject builtins, string name, int min, int max, Func<Call, object?[], object?> body) =>
        builtins.SetValue(name, new Function(name, min, max, body), readOnly: true);

    private sealed class Function(string name, int min, int max, Func<Call, object?[], object?> body) : IScriptCustomFunction
    {
        /// <summary>Scriban asks for a parameter's description at every call: the names are made once.</summary>
        private static readonly string[] ArgumentNames = ["arg0", "arg1", "arg2", "arg3"];

        public int RequiredParameterCount => min;

        public int ParameterCount => max;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) =>
            new(typeof(object), index < ArgumentNames.Length ? ArgumentNames[index] : $"arg{index}");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var call = new Call(context, callerContext, name);
            if (arguments.Count < min || arguments.Count > max)
            {
                throw call.Fail($"函数 {name} 需要 {(min == max ? $"{min}" : $"{min}–{max}")} 个参数，实际给了 {arguments.Count} 个");
            }

            // Scriban fills optional parameters it was not given with null: beyond the required ones, drop them.
            var count = arguments.Count;
            while (count > min && arguments[count - 1] is null)
            {
                count--;
            }

            var given = count == 0 ? [] : new object?[count];
            for (var i = 0; i < count; i++)
            {
                given[i] = arguments[i];
            }

            return body(call, given);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }

    private static decimal Decimal(Call call, string function, object? value) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double d => (decimal)d,
        float f => (decimal)f,
        null => throw call.Fail($"函数 {function} 的参数为空（变量没有值）"),
        _ => throw call.Fail($"函数 {function} 需要数字参数，实际是“{value}”"),
    };

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
