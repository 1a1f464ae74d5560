using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportGen.Rendering;

/// <summary>Bounds on a render, so that a template cannot run away (docs/errors.md).</summary>
public sealed record TemplateLimits(TimeSpan Timeout, int MaxOutputChars)
{
    public static TemplateLimits Default { get; } = new(TimeSpan.FromSeconds(20), 4_000_000);

    /// <summary>Iterations of all loops of a render together; the largest report (2,000 projects, 10,000 indicators) needs about 30,000.</summary>
    public int LoopLimit { get; init; } = 1_000_000;

    /// <summary>Nested function calls and includes (a partial that includes itself stops here).</summary>
    public int RecursiveLimit { get; init; } = 50;

    /// <summary>Nested statements and expressions, checked while parsing: a deeper template is refused before it runs.</summary>
    public int NestingLimit { get; init; } = 100;

    /// <summary>A template or partial larger than this is refused before parsing (the shipped ones are under 8 KB).</summary>
    public int MaxTemplateChars { get; init; } = 1_000_000;

    /// <summary>How much more managed memory the process may hold while a render runs (its strings, its output).</summary>
    public long MaxMemoryBytes { get; init; } = 1536L * 1024 * 1024;

    /// <summary>How many report items (lines, indicators, tasks, shortfalls) the output and loop limits were scaled for; 0 for the defaults.</summary>
    public int Items { get; init; }

    /// <summary>Output allowed per report item beyond the base allowance: a line's sentence with its name and reason.</summary>
    public const int CharsPerItem = 1_000;

    /// <summary>
    /// Limits that grow with the data (docs/errors.md, "Exit 2: templates"): a department of 100,000 budget lines
    /// writes a long report without any loop running away, so the output and loop allowances are the defaults plus
    /// a share per item; a template that repeats itself still stops, and the refusal names the limit and its reason.
    /// </summary>
    public static TemplateLimits For(TemplateModel model)
    {
        var items = model.Lines.Count + model.KeyTasks.Count + model.Shortfalls.Count + model.Indicators.Items.Count
                    + model.ProjectLines.Sum(line => line.Indicators.Items.Count);
        var chars = (long)Default.MaxOutputChars + (long)items * CharsPerItem
                    + 2L * model.Department.Facts.Values.Sum(text => (long)text.Length);
        return Default with
        {
            Items = items,
            MaxOutputChars = (int)Math.Min(chars, 200_000_000),
            LoopLimit = (int)Math.Min(Default.LoopLimit + 50L * items, 100_000_000),
        };
    }
}

/// <summary>
/// What a template may do and how long: variables must exist (strict); loops, recursion, nesting, output, time and
/// memory are bounded (<see cref="TemplateLimits"/>); <c>include</c> reads only the <c>partials</c> folder beside the
/// template, by bare name; the builtins that evaluate text as code, read the clock, make random values or pad to any
/// length are removed. A render runs on a thread with a large stack (deep but allowed nesting recurses in Scriban's
/// evaluator), watched by its caller for the timeout and the memory cap.
/// </summary>
internal static class TemplateSandbox
{
    private const int RenderStackSize = 16 * 1024 * 1024;

    /// <summary>
    /// Fills the template context (made by <see cref="Context"/>) for a render and runs <paramref name="render"/>
    /// within <paramref name="limits"/>; every failure is a located Chinese message (<see cref="TemplateErrors"/>).
    /// </summary>
    public static string Run(ParsedTemplate parsed, TemplateLimits limits, Func<CancellationToken, string> render)
    {
        using var cancel = new CancellationTokenSource(limits.Timeout);
        var memory = new MemoryWatch(limits.MaxMemoryBytes, cancel);

        // The cancellation token stops a runaway render at the timeout or the memory cap; the wait below is a last resort.
        var worker = Idle.TryTake(out var idle) ? idle : new RenderWorker();
        var finished = worker.Run(() => render(cancel.Token), limits.Timeout + TimeSpan.FromSeconds(5), memory, out var result, out var failure);
        if (finished)
        {
            Idle.Add(worker);
        }
        else
        {
            throw memory.Exceeded ? TemplateErrors.Memory(parsed.File, limits) : TemplateErrors.Timeout(parsed.File, limits);
        }

        if (failure is not null && memory.Exceeded)
        {
            throw TemplateErrors.Memory(parsed.File, limits);
        }

        return failure is null ? result! : throw TemplateErrors.From(failure, parsed, limits);
    }

    /// <summary>A context for one render of <paramref name="parsed"/>: the sandbox's settings, its partials ready-made.</summary>
    public static T Context<T>(Func<ScriptObject, T> make, ParsedTemplate parsed, TemplateLimits limits, CancellationToken cancel)
        where T : TemplateContext
    {
        var context = make(Builtins.Value);
        context.StrictVariables = true;
        context.EnableRelaxedMemberAccess = false;
        context.LoopLimit = limits.LoopLimit;
        context.RecursiveLimit = limits.RecursiveLimit;
        context.LimitToString = limits.MaxOutputChars;
        context.OutputLimit = limits.MaxOutputChars;
        context.OnOutputLimit = ScriptLimitBehavior.Throw;
        context.OnStringLimit = ScriptLimitBehavior.Throw;
        context.RegexTimeOut = TimeSpan.FromSeconds(1);
        context.CancellationToken = cancel;
        context.TemplateLoader = new PartialLoader(parsed, limits);
        context.TemplateLoaderParserOptions = TemplateCache.ParserOptions(limits);
        context.NewLine = "\n";
        foreach (var (file, partial) in parsed.Partials)
        {
            context.CachedTemplates[file] = partial;
        }

        return context;
    }

    /// <summary>
    /// Scriban's builtins less the unsafe ones, plus ours, made once and shared by every render: building them
    /// for each context cost more than the render itself (docs/performance.md). Read-only throughout, so that
    /// no render can change what another sees.
    /// </summary>
    private static readonly Lazy<ScriptObject> Builtins = new(() =>
    {
        var builtins = new TemplateContext().BuiltinObject;
        RemoveUnsafeBuiltins(builtins);
        TemplateHelpers.Register(builtins);
        foreach (var member in builtins.Values.OfType<ScriptObject>())
        {
            member.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    });

    /// <summary>
    /// Builtins a report template must not have: evaluating text as a template (it would bypass the parse
    /// limits), the clock and random values (the same input gives the same report, byte for byte), and padding
    /// to a length the template chooses (one call could ask for gigabytes).
    /// </summary>
    private static void RemoveUnsafeBuiltins(ScriptObject builtins)
    {
        foreach (var (group, names) in new[]
        {
            ("object", new[] { "eval", "eval_template" }),
            ("date", ["now", "utc_now"]),
            ("math", ["random", "uuid"]),
            ("string", ["pad_left", "pad_right"]),
        })
        {
            if (builtins[group] is ScriptObject members)
            {
                foreach (var name in names)
                {
                    members.Remove(name);
                }
            }
        }
    }

    /// <summary>
    /// The cap on a render's memory: the caller looks at the process's managed memory while it waits and cancels the
    /// render once it has grown by more than the cap (strings built by the template, its output).
    /// </summary>
    private sealed class MemoryWatch(long maxBytes, CancellationTokenSource cancel)
    {
        private readonly long _start = GC.GetTotalMemory(forceFullCollection: false);

        public bool Exceeded { get; private set; }

        public void Check()
        {
            if (!Exceeded && GC.GetTotalMemory(forceFullCollection: false) - _start > maxBytes)
            {
                Exceeded = true;
                cancel.Cancel();
            }
        }
    }

    /// <summary>
    /// Render threads waiting for work: one is taken for a render and put back when it returns, so a batch or a
    /// server starts one per concurrent render rather than one per report (starting a thread per report cost
    /// 0.8–2.5 ms, more than the render: docs/performance.md).
    /// </summary>
    private static readonly ConcurrentBag<RenderWorker> Idle = [];

    /// <summary>
    /// A thread with a large stack that renders one template at a time. A render that never returns leaves it stuck
    /// (a background thread, so the process still exits); it is not put back, and the next render starts another.
    /// </summary>
    private sealed class RenderWorker
    {
        private readonly SemaphoreSlim _start = new(0);
        private readonly SemaphoreSlim _done = new(0);
        private Func<string>? _job;
        private string? _result;
        private Exception? _failure;

        public RenderWorker() =>
            new Thread(Loop, maxStackSize: RenderStackSize) { IsBackground = true, Name = "template-render" }.Start();

        public bool Run(Func<string> job, TimeSpan timeout, MemoryWatch memory, out string? result, out Exception? failure)
        {
            _job = job;
            _start.Release();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!_done.Wait(50))
            {
                memory.Check();
                if (clock.Elapsed > timeout)
                {
                    (result, failure) = (null, null);
                    return false;
                }
            }

            (result, failure) = (_result, _failure);
            (_job, _result, _failure) = (null, null, null);
            return true;
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                try
                {
                    _result = _job!();
                }
                catch (Exception ex)
                {
                    _failure = ex;
                }

                _done.Release();
            }
        }
    }

    /// <summary>
    /// Includes come only from the <c>partials</c> folder beside the template, by bare name
    /// (<c>{{ include '机构人员' }}</c>): no path, no <c>..</c>, no absolute path, no link leading out.
    /// </summary>
    private sealed class PartialLoader(ParsedTemplate parsed, TemplateLimits limits) : ITemplateLoader
    {
        /// <summary>The partials this render has already checked: a partial included in a loop is looked at once per report.</summary>
        private readonly Dictionary<string, string> _checked = new(StringComparer.Ordinal);

        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (_checked.TryGetValue(templateName, out var known))
            {
                return known;
            }

            var path = CheckedPath(callerSpan, templateName);
            _checked[templateName] = path;
            return path;
        }

        private string CheckedPath(SourceSpan callerSpan, string templateName)
        {
            if (!TemplateErrors.IsPartialName(templateName))
            {
                throw new ScriptRuntimeException(callerSpan, $"片段名“{templateName}”无效：只能写 partials 文件夹中片段的名字（不带路径和扩展名）");
            }

            // A partial parsed with the template was no link when its stamp was taken for this render; any other is looked at.
            var path = Path.Combine(parsed.PartialsDirectory, templateName + TemplateRenderer.Extension);
            if (!parsed.Partials.ContainsKey(path) && new FileInfo(path).LinkTarget is not null)
            {
                throw new ScriptRuntimeException(callerSpan, $"片段 {Path.GetFileName(path)} 是一个链接，为安全起见不读取");
            }

            return path;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
        {
            var info = new FileInfo(templatePath);
            if (!info.Exists)
            {
                throw new ScriptRuntimeException(callerSpan, $"找不到片段“{Path.GetFileNameWithoutExtension(templatePath)}”：应为模板旁边的 partials/{Path.GetFileName(templatePath)}");
            }

            var source = TemplateFiles.Read(templatePath, limits);
            lock (parsed.Sources)
            {
                parsed.Sources[templatePath] = source;
            }

            return source;
        }

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            new(Load(context, callerSpan, templatePath));
    }
}
