using System.Globalization;
using HandlebarsDotNet;
using HandlebarsDotNet.PathStructure;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>A helper called with arguments it cannot use; the renderer adds the template location.</summary>
public sealed class TemplateHelperException(string helper, string message) : Exception(message)
{
    public string Helper { get; } = helper;
}

/// <summary>
/// The helpers report templates may call (templates/README.md lists them with examples). Each declares how many
/// arguments it takes so that <see cref="TemplateLinter"/> can reject a wrong call before rendering.
/// </summary>
public static class TemplateHelpers
{
    /// <summary>Name → (minimum, maximum) argument count.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Arity = new Dictionary<string, (int, int)>
    {
        ["wan"] = (1, 1),
        ["pct"] = (1, 1),
        ["cn"] = (1, 1),
        ["ordinal"] = (2, 2),
        ["inc"] = (1, 1),
        ["share"] = (2, 2),
        ["eq"] = (2, 2),
        ["ne"] = (2, 2),
        ["gt"] = (2, 2),
        ["ge"] = (2, 2),
        ["lt"] = (2, 2),
        ["le"] = (2, 2),
        ["and"] = (2, 9),
        ["or"] = (2, 9),
        ["not"] = (1, 1),
        ["default"] = (2, 2),
        ["placeholder"] = (1, 2),
        ["fact"] = (1, 1),
        ["join"] = (2, 2),
        ["table"] = (1, 2),
        ["pagebreak"] = (0, 0),
    };

    /// <summary>Block helpers of Handlebars itself, plus the built-in simple ones.</summary>
    public static readonly IReadOnlySet<string> BuiltInBlocks = new HashSet<string> { "if", "unless", "each", "with" };
    public static readonly IReadOnlySet<string> BuiltInSimple = new HashSet<string> { "lookup", "log" };

    /// <summary>
    /// Registers the helpers. They hold no model of their own (<c>fact</c> reads the model being rendered from
    /// <c>@root</c>), so one compiled template serves every department (issue 6: compiling per report cost more
    /// than everything else a batch does).
    /// </summary>
    public static void Register(IHandlebars handlebars)
    {
        Value(handlebars, "wan", a => Money.Format(Decimal("wan", a[0])));
        Value(handlebars, "pct", a => Money.FormatPercent(a[0] is null ? null : Decimal("pct", a[0])));
        Value(handlebars, "cn", a => ChineseNumber((int)Decimal("cn", a[0])));
        Value(handlebars, "ordinal", a => Ordinal((int)Decimal("ordinal", a[0]), (int)Decimal("ordinal", a[1])));
        Value(handlebars, "inc", a => (int)Decimal("inc", a[0]) + 1);
        Value(handlebars, "share", a => Money.Rate(Decimal("share", a[0]), Decimal("share", a[1])));
        Value(handlebars, "eq", a => Equal(a[0], a[1]));
        Value(handlebars, "ne", a => !Equal(a[0], a[1]));
        Value(handlebars, "gt", a => Decimal("gt", a[0]) > Decimal("gt", a[1]));
        Value(handlebars, "ge", a => Decimal("ge", a[0]) >= Decimal("ge", a[1]));
        Value(handlebars, "lt", a => Decimal("lt", a[0]) < Decimal("lt", a[1]));
        Value(handlebars, "le", a => Decimal("le", a[0]) <= Decimal("le", a[1]));
        Value(handlebars, "and", a => a.All(Truthy));
        Value(handlebars, "or", a => a.Any(Truthy));
        Value(handlebars, "not", a => !Truthy(a[0]));
        Value(handlebars, "default", a => Truthy(a[0]) ? a[0] : a[1]);
        Value(handlebars, "placeholder", a => Placeholder(Convert.ToString(a[0], CultureInfo.InvariantCulture) ?? "",
            a.Length > 1 ? Convert.ToString(a[1], CultureInfo.InvariantCulture) : null));
        Value(handlebars, "fact", (a, root) => (root as TemplateModel)?.Department.Facts.GetValueOrDefault(Convert.ToString(a[0], CultureInfo.InvariantCulture) ?? "") ?? "");
        Value(handlebars, "join", a => string.Join(Convert.ToString(a[1], CultureInfo.InvariantCulture),
            (a[0] as System.Collections.IEnumerable ?? Array.Empty<object>()).Cast<object?>()));
        Value(handlebars, "table", a => !ReportTables.Kinds.Contains(Convert.ToString(a[0], CultureInfo.InvariantCulture))
            ? throw new TemplateHelperException("table", $"表格“{a[0]}”不存在，可用的表格：{string.Join("、", ReportTables.Kinds)}")
            : $"\n{ReportMarkup.TableMarker}{string.Join("|", a.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture)))}::\n");
        Value(handlebars, "pagebreak", _ => $"\n{ReportMarkup.PageBreakMarker}\n");
    }

    /// <summary>
    /// The visible mark of text the user still has to write, with the cell to write it in when known:
    /// 【待填写：偏差原因（绩效指标!J7）】. <c>check</c> reports the same cell (docs/workbook.md, "Gaps").
    /// </summary>
    public static string Placeholder(string what, string? cell = null) =>
        string.IsNullOrEmpty(cell) ? $"【待填写：{what}】" : $"【待填写：{what}（{cell}）】";

    private static void Value(IHandlebars handlebars, string name, Func<object?[], object?> body) =>
        Value(handlebars, name, (a, _) => body(a));

    /// <summary>A helper given its arguments and the root object of the render (the <see cref="TemplateModel"/>).</summary>
    private static void Value(IHandlebars handlebars, string name, Func<object?[], object?, object?> body)
    {
        var (min, max) = Arity[name];
        handlebars.RegisterHelper(name, (in HelperOptions options, in Context _, in Arguments arguments) =>
        {
            var args = arguments.ToArray();
            if (args.Length < min || args.Length > max)
            {
                throw new TemplateHelperException(name, $"辅助函数 {name} 需要 {(min == max ? $"{min}" : $"{min}–{max}")} 个参数，实际给了 {args.Length} 个");
            }

            return body(args, options.Data.Value<object?>(ChainSegment.Root));
        });
    }

    private static decimal Decimal(string helper, object? value) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double d => (decimal)d,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        null => throw new TemplateHelperException(helper, $"辅助函数 {helper} 的参数为空（变量没有值）"),
        _ => throw new TemplateHelperException(helper, $"辅助函数 {helper} 需要数字参数，实际是“{value}”"),
    };

    private static bool Equal(object? a, object? b) =>
        a is string || b is string ? Convert.ToString(a, CultureInfo.InvariantCulture) == Convert.ToString(b, CultureInfo.InvariantCulture)
        : a is null || b is null ? a is null && b is null
        : Decimal("eq", a) == Decimal("eq", b);

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        decimal d => d != 0,
        int i => i != 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

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
    public static string Ordinal(int number, int level) => level switch
    {
        1 => ChineseNumber(number) + "、",
        2 => $"（{ChineseNumber(number)}）",
        3 => $"{number}.",
        4 => $"（{number}）",
        _ => throw new TemplateHelperException("ordinal", $"ordinal 的层级只能是 1–4，实际是 {level}"),
    };
}
