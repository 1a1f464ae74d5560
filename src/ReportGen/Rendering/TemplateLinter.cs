using System.Text.RegularExpressions;

namespace ReportGen.Rendering;

/// <summary>One <c>{{…}}</c> tag of a template with where it starts (1-based line and column).</summary>
public sealed record TemplateTag(string File, int Line, int Column, string Raw, string Body)
{
    public string Where => $"{Path.GetFileName(File)} 第 {Line} 行第 {Column} 列";
}

/// <summary>
/// Reads a template's tags and rejects, before anything runs, what Handlebars.Net would report without a location
/// or not at all: unbalanced blocks, unknown helpers, wrong argument counts, partial names that leave the
/// templates folder, missing partials and partials that include themselves.
/// </summary>
public static partial class TemplateLinter
{
    /// <summary>All tags of a template source, comments skipped.</summary>
    public static List<TemplateTag> Tags(string file, string source)
    {
        var tags = new List<TemplateTag>();
        var index = 0;
        while ((index = source.IndexOf("{{", index, StringComparison.Ordinal)) >= 0)
        {
            var (line, column) = Position(source, index);
            var isLongComment = string.CompareOrdinal(source, index, "{{!--", 0, 5) == 0;
            var closer = isLongComment ? "--}}" : source.Length > index + 2 && source[index + 2] == '{' ? "}}}" : "}}";
            var end = source.IndexOf(closer, index + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                throw Fail(file, line, column, $"标签“{Excerpt(source, index)}”没有结束的 {closer}");
            }

            if (closer == "}}" && end + 2 < source.Length && source[end + 2] == '}')
            {
                throw Fail(file, line, column, $"标签“{Excerpt(source, index)}”以 {{{{ 开始却以 }}}}}} 结束，括号数目不一致");
            }

            var raw = source[index..(end + closer.Length)];
            var body = raw.Trim('{', '}').Trim().TrimStart('~').TrimEnd('~').Trim();
            if (!body.StartsWith('!'))
            {
                tags.Add(new TemplateTag(file, line, column, raw, body));
            }

            index = end + closer.Length;
        }

        return tags;
    }

    /// <summary>Checks a template and every partial it reaches; throws <see cref="InputException"/> with file, line and column.</summary>
    public static void Check(string file, string source, Func<string, (string File, string Source)?> loadPartial)
    {
        CheckFile(file, source, loadPartial, [Path.GetFileNameWithoutExtension(file)]);
    }

    private static void CheckFile(string file, string source, Func<string, (string File, string Source)?> loadPartial, List<string> chain)
    {
        var tags = Tags(file, source);
        var open = new Stack<OpenBlock>();
        foreach (var tag in tags)
        {
            var body = tag.Body;
            if (body.StartsWith('#') || body.StartsWith('^') && body.Length > 1)
            {
                var tokens = Tokenize(tag, body[1..]);
                var name = tokens.FirstOrDefault() ?? "";
                if (!TemplateHelpers.BuiltInBlocks.Contains(name))
                {
                    throw Fail(tag, $"“{tag.Raw}”使用了未知的块辅助函数“{name}”。可用的块：{string.Join("、", TemplateHelpers.BuiltInBlocks)}");
                }

                var arguments = tokens.Skip(1).TakeWhile(token => token != "as").ToList();
                if (arguments.Count != 1)
                {
                    throw Fail(tag, $"块“{tag.Raw}”需要 1 个参数（{(name == "each" ? "要遍历的列表" : name == "with" ? "对象" : "条件")}），给了 {arguments.Count} 个");
                }

                CheckArguments(tag, arguments);
                open.Push(new OpenBlock(name, tag));
            }
            else if (body.StartsWith('/'))
            {
                var name = body[1..].Trim();
                if (open.Count == 0)
                {
                    throw Fail(tag, $"“{tag.Raw}”没有对应的开始标签 {{{{#{name}}}}}");
                }

                var block = open.Pop();
                if (block.Name != name)
                {
                    throw Fail(tag, $"“{tag.Raw}”与 {block.Tag.Where}的“{block.Tag.Raw}”不匹配，应为 {{{{/{block.Name}}}}}");
                }
            }
            else if (body.StartsWith('>'))
            {
                CheckPartial(tag, body[1..].Trim(), loadPartial, chain);
            }
            else if (body == "else" || body == "^" || body.StartsWith("else ", StringComparison.Ordinal))
            {
                if (open.Count == 0)
                {
                    throw Fail(tag, $"“{tag.Raw}”不在任何块之内");
                }

                // {{else if …}} may repeat; after a plain {{else}} nothing more may follow in the block.
                var block = open.Peek();
                if (block.Else is { } plain)
                {
                    throw Fail(tag, $"“{tag.Raw}”跟在 {plain.Where}的“{plain.Raw}”之后：一个块中 {{{{else}}}} 之后不能再有 {{{{else}}}}");
                }

                if (body.StartsWith("else ", StringComparison.Ordinal))
                {
                    CheckArguments(tag, Tokenize(tag, body[5..]));
                }
                else
                {
                    block.Else = tag;
                }
            }
            else
            {
                var tokens = Tokenize(tag, body.TrimStart('&'));
                var first = tokens.FirstOrDefault() ?? "";
                if (tokens.Count > 1 || TemplateHelpers.Arity.ContainsKey(first) || TemplateHelpers.BuiltInSimple.Contains(first))
                {
                    CheckCall(tag, tokens);
                }
                else
                {
                    CheckArguments(tag, tokens);
                }
            }
        }

        if (open.Count > 0)
        {
            var block = open.Peek();
            throw Fail(block.Tag, $"块“{block.Tag.Raw}”没有结束标签 {{{{/{block.Name}}}}}");
        }
    }

    /// <summary>A block not yet closed, and its plain {{else}} once met.</summary>
    private sealed class OpenBlock(string name, TemplateTag tag)
    {
        public string Name { get; } = name;

        public TemplateTag Tag { get; } = tag;

        public TemplateTag? Else { get; set; }
    }

    private static void CheckPartial(TemplateTag tag, string spec, Func<string, (string File, string Source)?> loadPartial, List<string> chain)
    {
        var name = spec.Split(' ', 2)[0].Trim('"', '\'');
        if (!PartialName().IsMatch(name))
        {
            throw Fail(tag, $"片段名“{name}”无效：只能引用模板目录 partials 文件夹中的片段，名称不能含路径");
        }

        if (chain.Contains(name))
        {
            throw Fail(tag, $"片段“{name}”引用了自身（{string.Join(" → ", chain.Append(name))}），渲染将无法结束");
        }

        if (loadPartial(name) is not { } partial)
        {
            throw Fail(tag, $"找不到片段“{name}”：应为模板目录下的 partials/{name}.hbs");
        }

        CheckFile(partial.File, partial.Source, loadPartial, [.. chain, name]);
    }

    /// <summary>A helper call: the name must be a helper, and its argument count must fit.</summary>
    private static void CheckCall(TemplateTag tag, IReadOnlyList<string> tokens)
    {
        var name = tokens[0];
        var arguments = tokens.Skip(1).Where(t => !t.Contains('=') || t.StartsWith('"')).ToList();
        if (TemplateHelpers.Arity.TryGetValue(name, out var arity))
        {
            if (arguments.Count < arity.Min || arguments.Count > arity.Max)
            {
                var expected = arity.Min == arity.Max ? $"{arity.Min}" : $"{arity.Min}–{arity.Max}";
                throw Fail(tag, $"辅助函数“{name}”需要 {expected} 个参数，“{tag.Raw}”给了 {arguments.Count} 个");
            }
        }
        else if (!TemplateHelpers.BuiltInSimple.Contains(name))
        {
            throw Fail(tag, $"“{tag.Raw}”使用了未知的辅助函数“{name}”。可用的辅助函数见 templates/README.md");
        }
        else if (name == "lookup" && arguments.Count is < 2 or > 3)
        {
            throw Fail(tag, $"辅助函数“lookup”需要 2–3 个参数（对象和键），“{tag.Raw}”给了 {arguments.Count} 个");
        }

        CheckArguments(tag, tokens.Skip(1));
    }

    /// <summary>Sub-expressions "(gt a b)" inside arguments are calls too.</summary>
    private static void CheckArguments(TemplateTag tag, IEnumerable<string> tokens)
    {
        foreach (var token in tokens.Where(t => t.StartsWith('(')))
        {
            CheckCall(tag, Tokenize(tag, token[1..^1]));
        }
    }

    /// <summary>Splits "a (gt b 1) "x y"" into tokens, keeping strings and sub-expressions whole.</summary>
    private static List<string> Tokenize(TemplateTag tag, string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            if (text[i] is '"' or '\'')
            {
                var quote = text[i];
                i = text.IndexOf(quote, i + 1);
                if (i < 0)
                {
                    throw Fail(tag, $"“{tag.Raw}”中的字符串没有结束引号");
                }

                i++;
            }
            else if (text[i] == '(')
            {
                var depth = 0;
                for (; i < text.Length; i++)
                {
                    depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
                    if (depth == 0)
                    {
                        break;
                    }
                }

                if (depth != 0)
                {
                    throw Fail(tag, $"“{tag.Raw}”中的括号不配对");
                }

                i++;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    // A [segment literal] may hold spaces; it must be closed.
                    if (text[i] == '[')
                    {
                        i = text.IndexOf(']', i + 1);
                        if (i < 0)
                        {
                            throw Fail(tag, $"“{tag.Raw}”中的 [ 没有配对的 ]");
                        }
                    }

                    i++;
                }
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    public static (int Line, int Column) Position(string source, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static string Excerpt(string source, int index) =>
        source.Substring(index, Math.Min(40, source.Length - index)).Split('\n')[0].TrimEnd();

    public static InputException Fail(TemplateTag tag, string message) => Fail(tag.File, tag.Line, tag.Column, message);

    public static InputException Fail(string file, int line, int column, string message) =>
        new($"模板 {Path.GetFileName(file)} 第 {line} 行第 {column} 列：{message}。",
            new Model.SourceLocation(file, null, line, column));

    [GeneratedRegex(@"^[\w\-\u4e00-\u9fff]+$")]
    private static partial Regex PartialName();
}
