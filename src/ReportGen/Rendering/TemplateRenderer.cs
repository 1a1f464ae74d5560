using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Text;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;
using HandlebarsDotNet.Features;

namespace ReportGen.Rendering;

/// <summary>
/// How a template's expressions run. Compiled emits code: ~50 ms more to compile, then a render of the sample in
/// ~0.4 ms, for a batch. Interpreted skips emitting code, for a single report, where compiling is most of a cold
/// start and the render runs once (~1.1 ms). Both give the same text (issue 6, docs/performance.md).
/// </summary>
public enum TemplateExecution
{
    Interpreted,
    Compiled,
}

/// <summary>Bounds on a render, so that a template cannot run away (issue 3).</summary>
public sealed record TemplateLimits(TimeSpan Timeout, int MaxOutputChars)
{
    public static TemplateLimits Default { get; } = new(TimeSpan.FromSeconds(20), 4_000_000);
}

/// <summary>
/// Renders a report template (<c>*.hbs</c>, Handlebars.Net) into the report markup. Before running it, the
/// template and its partials are checked by <see cref="TemplateLinter"/>; errors at run time are mapped back to a
/// file, line and column. Partials come only from the <c>partials</c> folder beside the template.
/// </summary>
public sealed partial class TemplateRenderer
{
    public const string Extension = ".hbs";

    /// <summary>
    /// A template given by name ("default", "sichuan") is looked up in <paramref name="templatesDirectory"/>;
    /// anything with a path separator or the .hbs extension is a path.
    /// </summary>
    public static string Resolve(string nameOrPath, string templatesDirectory)
    {
        var isPath = nameOrPath.Contains('/') || nameOrPath.Contains('\\') || nameOrPath.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);
        var path = isPath ? Path.GetFullPath(nameOrPath) : Path.Combine(templatesDirectory, nameOrPath + Extension);
        if (File.Exists(path))
        {
            return path;
        }

        var available = Directory.Exists(templatesDirectory)
            ? string.Join("、", Directory.GetFiles(templatesDirectory, "*" + Extension).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
            : "（无）";
        throw new InputException($"找不到模板“{nameOrPath}”（{path}）。可用的模板：{available}；也可以给出 .hbs 文件的路径。");
    }

    public static string Render(string templatePath, TemplateModel model, TemplateLimits? limits = null,
        TemplateExecution execution = TemplateExecution.Interpreted)
    {
        limits ??= TemplateLimits.Default;
        var source = File.ReadAllText(templatePath);
        var compiled = Compiled(templatePath, source, PartialsDirectory(templatePath), execution);
        return RunBounded(() =>
        {
            var output = new LimitedWriter(limits.MaxOutputChars);
            compiled.Template.Value(output, model);
            return TextJoin.Clean(output.ToString());
        }, compiled.Files, limits);
    }

    /// <summary>
    /// Starts checking and compiling a template on a thread of its own and returns at once, so that
    /// <c>generate</c> compiles the template while it reads and checks the workbook: compiling is the largest part
    /// of a cold start (issue 6, docs/performance.md). Once per template and folder in a process: a batch asks for
    /// every department. Nothing is reported here: <see cref="Render"/> meets the same errors again (the linter
    /// runs again, a compile error stays in the cached template) and reports them with their file and line. The
    /// thread has the render's large stack, since compiling a deeply nested template recurses as deeply as
    /// rendering it.
    /// </summary>
    /// <returns>A task that completes when the compile is done; it never faults.</returns>
    public static Task Precompile(string nameOrPath, string templatesDirectory, TemplateExecution execution = TemplateExecution.Interpreted)
    {
        if (Ahead.Count >= CacheLimit)
        {
            Ahead.Clear();
        }

        return Ahead.GetOrAdd((nameOrPath, templatesDirectory, execution), key => Lazy(key.Name, key.Directory, key.Execution)).Value;

        static Lazy<Task> Lazy(string nameOrPath, string templatesDirectory, TemplateExecution execution) => new(() =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    var path = Resolve(nameOrPath, templatesDirectory);
                    _ = Compiled(path, File.ReadAllText(path), PartialsDirectory(path), execution).Template.Value;
                }
                catch (Exception)
                {
                    // Reported by Render, located.
                }
                finally
                {
                    done.SetResult();
                }
            }, maxStackSize: RenderStackSize) { IsBackground = true, Name = "template-precompile" };
            thread.Start();
            return done.Task;
        });
    }

    /// <summary>The templates <see cref="Precompile"/> was asked for, so that each is compiled ahead once.</summary>
    private static readonly ConcurrentDictionary<(string Name, string Directory, TemplateExecution Execution), Lazy<Task>> Ahead = new();

    private static string PartialsDirectory(string templatePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(templatePath))!, "partials");

    private const int RenderStackSize = 64 * 1024 * 1024;

    /// <summary>A template checked and compiled once; its files are kept to map render errors to lines.</summary>
    private sealed record CompiledTemplate(Lazy<HandlebarsTemplate<TextWriter, object, object>> Template, List<(string File, string Source)> Files);

    /// <summary>
    /// Compiled templates by path and content (the template's and every partial's), so that a batch compiles each
    /// template once; an edited file gives a new key. Compiling with Handlebars.Net emits code and cost ~60 ms per
    /// report, more than all the rest (issue 6, docs/performance.md). A compiled template is safe to run on
    /// several threads at once; helpers keep no state.
    /// </summary>
    private static readonly ConcurrentDictionary<string, CompiledTemplate> Cache = new(StringComparer.Ordinal);

    private const int CacheLimit = 32;

    private static CompiledTemplate Compiled(string templatePath, string source, string partialsDirectory, TemplateExecution execution)
    {
        var partialFiles = Directory.Exists(partialsDirectory)
            ? Directory.GetFiles(partialsDirectory, "*" + Extension).Order(StringComparer.Ordinal).Select(f => (File: f, Source: File.ReadAllText(f))).ToList()
            : [];
        var key = string.Join("\0", partialFiles.SelectMany(p => new[] { p.File, p.Source })
            .Prepend(source).Prepend(Path.GetFullPath(templatePath)).Prepend(execution.ToString()));
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var partials = new Dictionary<string, (string File, string Source)>();
        (string File, string Source)? LoadPartial(string name)
        {
            if (partials.TryGetValue(name, out var known))
            {
                return known;
            }

            var file = Path.Combine(partialsDirectory, name + Extension);
            if (!File.Exists(file))
            {
                return null;
            }

            var loaded = (file, File.ReadAllText(file));
            partials[name] = loaded;
            return loaded;
        }

        // Not cached when the linter rejects it: the exception reaches the user at every attempt.
        TemplateLinter.Check(templatePath, source, LoadPartial);

        var configuration = new HandlebarsConfiguration
        {
            // The output is report markup, not HTML: nothing is escaped, but every value is marked as a field so
            // that TextJoin can join it to the template's words without doubling them.
            TextEncoder = new FieldMarkingEncoder(),
            ThrowOnUnresolvedBindingExpression = true,
        };
        if (execution == TemplateExecution.Interpreted)
        {
            configuration.CompileTimeConfiguration.Features.Add(new InterpretingFeature());
        }

        var handlebars = Handlebars.Create(configuration);
        TemplateHelpers.Register(handlebars);
        foreach (var (name, partial) in partials)
        {
            handlebars.RegisterTemplate(name, partial.Source);
        }

        var files = new List<(string File, string Source)> { (templatePath, source) };
        files.AddRange(partials.Values);

        // Lazy: compiling runs inside the bounded render, where its errors are mapped to template lines.
        var compiled = new CompiledTemplate(new Lazy<HandlebarsTemplate<TextWriter, object, object>>(() => handlebars.Compile(new StringReader(source))), files);
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(key, compiled);
    }

    private static string RunBounded(Func<string> render, List<(string File, string Source)> files, TemplateLimits limits)
    {
        string? result = null;
        Exception? failure = null;
        // A thread of its own: a runaway render is abandoned after the timeout (it cannot be killed; it is a
        // background thread, so the process still exits).
        var thread = new Thread(() =>
        {
            try
            {
                result = render();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, maxStackSize: RenderStackSize) { IsBackground = true, Name = "template-render" };
        thread.Start();
        if (!thread.Join(limits.Timeout))
        {
            throw new InputException($"模板 {Path.GetFileName(files[0].File)} 渲染超过 {limits.Timeout.TotalSeconds:0} 秒仍未结束，已停止。请检查模板中的循环与片段引用。");
        }

        return failure is null ? result! : throw Map(failure, files);
    }

    private static Exception Map(Exception failure, List<(string File, string Source)> files) => failure switch
    {
        InputException input => input,
        OutputLimitException limit => new InputException(
            $"模板 {Path.GetFileName(files[0].File)} 的输出超过 {limit.Limit:N0} 个字符，已停止。请检查模板是否在循环中重复输出。"),
        HandlebarsUndefinedBindingException undefined => Locate(files, UndefinedName(undefined.Message),
            name => $"变量“{name}”不存在。模板可用的变量见 templates/README.md"),
        TemplateHelperException helper => Locate(files, helper.Helper, _ => helper.Message),
        HandlebarsException other => new InputException($"模板 {Path.GetFileName(files[0].File)} 有错误：{other.Message}"),

        // What the linter does not foresee, Handlebars.Net may meet with whatever its compiler trips on (a
        // NullReferenceException, say): from inside it, on the user's template, that is a template error.
        _ when ThrownByHandlebars(failure) => new InputException(
            $"模板 {Path.GetFileName(files[0].File)} 有 Handlebars 无法编译的写法（{failure.Message}）。"
            + "请检查块标签 {{#if}}、{{#each}} 是否完整、参数是否齐全。"),
        _ => failure,
    };

    private static bool ThrownByHandlebars(Exception failure) =>
        failure.TargetSite?.DeclaringType?.Assembly == typeof(IHandlebars).Assembly && failure is not OutOfMemoryException;

    /// <summary>Replaces Handlebars.Net's expression compiler with one that interprets the expression trees.</summary>
    private sealed class InterpretingFeature : IFeatureFactory, IFeature
    {
        public IFeature CreateFeature() => this;

        public void OnCompiling(ICompiledHandlebarsConfiguration configuration) =>
            configuration.ExpressionCompiler = new InterpretingCompiler(configuration);

        public void CompilationCompleted()
        {
        }
    }

    /// <summary>The default compiler's steps (its middlewares), then an interpreted delegate instead of emitted code.</summary>
    private sealed class InterpretingCompiler(ICompiledHandlebarsConfiguration configuration) : IExpressionCompiler
    {
        public T Compile<T>(Expression<T> expression)
            where T : class, Delegate
        {
            foreach (var middleware in configuration.ExpressionMiddlewares)
            {
                expression = middleware.Invoke(expression);
            }

            return expression.Compile(preferInterpretation: true);
        }
    }

    /// <summary>Writes a value between <see cref="TextJoin.FieldStart"/> and <see cref="TextJoin.FieldEnd"/>, unescaped.</summary>
    private sealed class FieldMarkingEncoder : ITextEncoder
    {
        public void Encode(StringBuilder? text, TextWriter target)
        {
            target.Write(TextJoin.FieldStart);
            target.Write(text);
            target.Write(TextJoin.FieldEnd);
        }

        public void Encode(string? text, TextWriter target)
        {
            target.Write(TextJoin.FieldStart);
            target.Write(text);
            target.Write(TextJoin.FieldEnd);
        }

        public void Encode<T>(T? text, TextWriter target)
            where T : IEnumerator<char>
        {
            target.Write(TextJoin.FieldStart);
            while (text is not null && text.MoveNext())
            {
                target.Write(text.Current);
            }

            target.Write(TextJoin.FieldEnd);
        }
    }

    private static string UndefinedName(string message) => UndefinedPattern().Match(message) is { Success: true } m ? m.Groups[1].Value : message;

    /// <summary>Finds the first tag that mentions <paramref name="name"/> as a helper or a path segment.</summary>
    private static InputException Locate(List<(string File, string Source)> files, string name, Func<string, string> message)
    {
        var segment = new Regex($@"(^|[\s(#/.@])({Regex.Escape(name)})($|[\s).])");
        foreach (var (file, source) in files)
        {
            if (TemplateLinter.Tags(file, source).FirstOrDefault(tag => segment.IsMatch(tag.Body)) is { } tag)
            {
                return TemplateLinter.Fail(tag, $"“{tag.Raw}”：{message(name)}");
            }
        }

        return new InputException($"模板 {Path.GetFileName(files[0].File)}：{message(name)}。");
    }

    [GeneratedRegex(@"^(.+?) is undefined")]
    private static partial Regex UndefinedPattern();

    private sealed class OutputLimitException(int limit) : Exception
    {
        public int Limit { get; } = limit;
    }

    /// <summary>A StringWriter that stops a render whose output grows past the limit.</summary>
    private sealed class LimitedWriter(int limit) : StringWriter(new StringBuilder())
    {
        public override void Write(char value)
        {
            Guard(1);
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Guard(value?.Length ?? 0);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Guard(count);
            base.Write(buffer, index, count);
        }

        private void Guard(int adding)
        {
            if (GetStringBuilder().Length + adding > limit)
            {
                throw new OutputLimitException(limit);
            }
        }
    }
}
