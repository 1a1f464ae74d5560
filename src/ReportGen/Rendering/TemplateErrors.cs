using System.Text.RegularExpressions;
using ReportGen.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace ReportGen.Rendering;

/// <summary>
/// Scriban's parse and run-time errors as the user reads them: in Chinese, with the file, line and column, and
/// the text at fault ("模板 t.sbn 第 3 行第 3 列：变量或函数“totls”不存在：“totls.final”。"). Scriban's own
/// (English) message is translated when it is one a template writer meets; any other is kept after a Chinese lead.
/// </summary>
internal static partial class TemplateErrors
{
    public static bool IsPartialName(string name) => PartialName().IsMatch(name);

    public static InputException FromParse(LogMessageBag messages, IReadOnlyDictionary<string, string> sources)
    {
        var error = messages.FirstOrDefault(m => m.Type == ParserMessageType.Error) ?? messages.First();
        return At(error.Span, Translate(error.Message), sources, new TemplateEngineException(error.Message));
    }

    internal static Exception From(Exception failure, ParsedTemplate parsed, TemplateLimits limits)
    {
        Dictionary<string, string> sources;
        lock (parsed.Sources)
        {
            sources = new Dictionary<string, string>(parsed.Sources, StringComparer.Ordinal);
        }

        return failure switch
        {
            InputException input => input,
            OutOfMemoryException => failure,
            ScriptAbortException => Timeout(parsed.File, limits),
            ScriptParserRuntimeException parse when parse.ParserMessages.Any() => FromParse(parse.ParserMessages, sources),
            ScriptRuntimeException runtime when OutputLimitPattern().IsMatch(runtime.OriginalMessage) => new InputException(
                $"模板 {Path.GetFileName(parsed.File)} 的输出超过上限 {limits.MaxOutputChars:N0} 个字符，已停止。"
                + (limits.Items > 0
                    ? $"上限按这份数据计算：基础 {TemplateLimits.Default.MaxOutputChars:N0} 个字符，加上 {limits.Items:N0} 个预算行、指标和重点工作各 {TemplateLimits.CharsPerItem:N0} 个字符，"
                      + "足够每项写几句话；超出说明模板在循环中重复输出，或每项写了过长的文字。请检查模板中的循环。"
                    : "请检查模板是否在循环中重复输出。"),
                new Model.SourceLocation(parsed.File, null), runtime),
            ScriptRuntimeException runtime => At(runtime.Span, Translate(runtime.OriginalMessage), sources, runtime),

            // The evaluator recursing too deep, or a conversion Scriban does not wrap: the render runs only the
            // user's template over our model, so it is a template error, never a crash (details with --verbose).
            InsufficientExecutionStackException => new InputException(
                $"模板 {Path.GetFileName(parsed.File)} 嵌套过深，无法渲染。请减少块和片段的嵌套层数。", new Model.SourceLocation(parsed.File, null), failure),
            _ => new InputException(
                $"模板 {Path.GetFileName(parsed.File)} 无法渲染，请检查最近修改的部分（加 --verbose 可看到技术细节）。", new Model.SourceLocation(parsed.File, null), failure),
        };
    }

    public static InputException Memory(string file, TemplateLimits limits) => new(
        $"模板 {Path.GetFileName(file)} 渲染时占用的内存超过上限 {limits.MaxMemoryBytes / (1024 * 1024):N0} MB，已停止（为保护这台电脑，模板中的文字和输出不能无限增长）。"
        + "请检查模板中拼接文字的表达式和循环。",
        new Model.SourceLocation(file, null));

    public static InputException Timeout(string file, TemplateLimits limits) => new(
        $"模板 {Path.GetFileName(file)} 渲染超过 {limits.Timeout.TotalSeconds:0.#} 秒仍未结束，已停止。请检查模板中的循环与片段引用。",
        new Model.SourceLocation(file, null));

    /// <summary>"模板 t.sbn 第 3 行第 3 列：message：“text at fault”。" (lines and columns 1-based).</summary>
    public static InputException At(SourceSpan span, string message, IReadOnlyDictionary<string, string> sources, Exception? original = null)
    {
        var file = span.FileName ?? "";
        var line = span.Start.Line + 1;
        var column = span.Start.Column + 1;
        var excerpt = sources.TryGetValue(file, out var source) ? Excerpt(source, span) : "";
        var quoted = excerpt.Length > 0 ? $"：“{excerpt}”" : "";
        return new InputException($"模板 {Path.GetFileName(file)} 第 {line} 行第 {column} 列：{message}{quoted}。",
            new Model.SourceLocation(file, null, line, column), original);
    }

    /// <summary>The code block <c>{{ … }}</c> around the place, or else its line, on one line and at most 60 characters.</summary>
    private static string Excerpt(string source, SourceSpan span)
    {
        var at = Math.Clamp(span.Start.Offset, 0, source.Length);
        var lineStart = at == 0 ? 0 : source.LastIndexOf('\n', at - 1) + 1;
        var lineEnd = source.IndexOf('\n', at);
        var line = source[lineStart..(lineEnd < 0 ? source.Length : lineEnd)];
        var column = at - lineStart;
        var open = line[..Math.Min(column + 2, line.Length)].LastIndexOf("{{", StringComparison.Ordinal);
        var close = open < 0 ? -1 : line.IndexOf("}}", open + 2, StringComparison.Ordinal);
        var text = open >= 0 && close >= column - 1 ? line[open..(close + 2)] : line;
        text = text.Trim();
        return text.Length > 60 ? text[..60] + "…" : text;
    }

    /// <summary>
    /// Scriban's messages a template writer meets, in Chinese; any other is named by a Chinese sentence only (the
    /// engine's own words go with the exception, for <c>--verbose</c>), so no English reaches the user.
    /// </summary>
    public static string Translate(string message)
    {
        if (ChineseText().IsMatch(message) && !EnglishWords().IsMatch(message))
        {
            // Thrown by our own functions and template loader, already for the user.
            return message;
        }

        foreach (var (pattern, chinese) in Messages)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, chinese,
                    match.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray());
            }
        }

        return "模板这里有错误，模板引擎无法执行（加 --verbose 可看到模板引擎的原始说明）";
    }

    private static readonly (Regex Pattern, string Chinese)[] Messages =
    [
        (new(@"The variable or function `(.+?)` was not found"), "变量或函数“{0}”不存在（模板可用的变量和函数见 templates/README.md）"),
        (new(@"Cannot get the member `?(.+?)`? for a null object"), "对象为空，不能取其成员“{0}”（先用 if 判断它是否存在）"),
        (new(@"Cannot get member with name `?(.+?)`?\.?$"), "成员“{0}”不存在（模板可用的变量见 templates/README.md）"),
        (new(@"The member `?(.+?)`? was not found"), "成员“{0}”不存在（模板可用的变量见 templates/README.md）"),
        (new(@"iteration limit `(\d+)`"), "循环次数超过上限 {0}，已停止（是否写了不会结束的 while？）"),
        (new(@"exceeds LoopLimit `(\d+)`"), "循环次数超过上限 {0}，已停止"),
        (new(@"recursive depth limit `(\d+)`"), "函数或片段的嵌套调用超过 {0} 层，已停止（是否有片段引用了自身？）"),
        (new(@"depth limit `(\d+)` was reached"), "块或表达式嵌套超过 {0} 层，模板不能这样深"),
        (new(@"The <end> statement was not found"), "块（if/for/while 等）没有对应的 end"),
        (new(@"[Uu]nable to convert type `(.+?)` to `(.+?)`"), "类型不符：不能把 {0} 当作 {1} 使用"),
        (new(@"Invalid number of arguments `(\d+)` passed to `(.+?)` while expecting `(.+?)` arguments"), "函数“{1}”需要 {2} 个参数，实际给了 {0} 个"),
        (new(@"Invalid number of arguments"), "函数的参数个数不对"),
        (new(@"[Uu]nexpected token `?(.*?)`?( |$)"), "这里不能写“{0}”（语法错误）"),
        (new(@"[Ii]nvalid token"), "无法识别的写法（语法错误）"),
        (new(@"[Uu]nexpected end of file|[Uu]nexpected end of input"), "模板在块或表达式未结束时结束了"),
        (new(@"Unable to find a closing `?\}\}`?"), "代码块 {{ 没有结束的 }}"),
        (new(@"[Uu]nexpected `else`|unexpected else"), "else 不在任何 if 之内"),
        (new(@"Found <end> statement without a corresponding|without a corresponding beginning"), "end 没有对应的块开头"),
        (new(@"Expecting an <expression> to the right of the operator instead of `(.+?)`"), "运算符右边缺少表达式，却是“{0}”"),
        (new(@"Expecting .*?instead of `(.+?)`"), "这里不能写“{0}”（语法错误）"),
        (new(@"Unexpected value `(.+?)` for import"), "import 只能导入对象，这里给的是 {0}"),
        (new(@"Cannot access target .*with an indexer"), "这个值不能用 [ ] 取其中的元素"),
        (new(@"LimitToString"), "文字长度超过上限，已停止（模板是否在拼接过长的文字？）"),
        (new(@"Invalid target function"), "这里调用的不是函数（函数名写错了，或把变量当作函数使用）"),
        (new(@"Unexpected `(.*?)`\. Must be a formattable number"), "“{0}”不是数字，不能按数字格式输出"),
        (new(@"[Tt]he value cannot be an empty string"), "这里的值不能是空文字"),
        (new(@"[Rr]egex.*tim(e|ed) ?out|[Tt]imeout.*[Rr]egex|RegexMatchTimeout"), "正则表达式运行超时，已停止（请简化这个表达式）"),
        (new(@"[Dd]ivide by zero|[Dd]ivision by zero"), "除数为 0"),
    ];

    [GeneratedRegex(@"[Oo]utput limit|exceed(s|ed|ing)? .*OutputLimit")]
    private static partial Regex OutputLimitPattern();

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex ChineseText();

    [GeneratedRegex(@"[A-Za-z]{2,} [A-Za-z]{2,}")]
    private static partial Regex EnglishWords();

    [GeneratedRegex(@"^[\w\-\u4e00-\u9fff]+$")]
    private static partial Regex PartialName();
}

/// <summary>The template engine's own words for an error, kept beside the Chinese message for <c>--verbose</c>.</summary>
internal sealed class TemplateEngineException(string message) : Exception(message);
