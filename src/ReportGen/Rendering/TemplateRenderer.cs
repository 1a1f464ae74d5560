using ReportGen.Model;
using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using ReportGen.Files;

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

    /// <summary>A template or partial larger than this is refused before parsing (the shipped ones are under 5 KB).</summary>
    public int MaxTemplateChars { get; init; } = 1_000_000;

    /// <summary>How much more managed memory the process may hold while a render runs (its strings, its output).</summary>
    public long MaxMemoryBytes { get; init; } = 1536L * 1024 * 1024;

    /// <summary>How many report items (lines, indicators, tasks, gaps) the output and loop limits were scaled for; 0 for the defaults.</summary>
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
        var items = model.Lines.Count + model.KeyTasks.Count + model.Gaps.Count + model.Indicators.Items.Count
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
/// Renders a report template (<c>*.sbn</c>, Scriban) into the report markup. The model reaches the template as
/// script objects (<see cref="ScriptModelBuilder"/>); variables must exist (strict), loops, recursion, nesting,
/// output and time are bounded (<see cref="TemplateLimits"/>); <c>include</c> reads only the <c>partials</c>
/// folder beside the template; the builtins that evaluate text as code, read the clock or make random values are
/// removed. Every error reaches the user in Chinese with its file, line, column and the text at fault
/// (<see cref="TemplateErrors"/>).
/// </summary>
public static class TemplateRenderer
{
    public const string Extension = ".sbn";

    /// <summary>
    /// A template given by name ("default", "sichuan") is looked up in <paramref name="templatesDirectory"/>;
    /// anything with a path separator or the .sbn extension is a path.
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
        throw new InputException($"找不到模板“{nameOrPath}”（{path}）。可用的模板：{available}；也可以给出 .sbn 文件的路径。");
    }

    public static string Render(string templatePath, TemplateModel model, TemplateLimits? limits = null)
    {
        limits ??= TemplateLimits.For(model);
        var parsed = Parsed(Path.GetFullPath(templatePath), limits);
        using var cancel = new CancellationTokenSource(limits.Timeout);
        var memory = new MemoryWatch(limits.MaxMemoryBytes, cancel);
        return RunBounded(parsed, limits, memory, () =>
        {
            var context = Context(parsed, limits, cancel.Token);
            context.Tags[TemplateHelpers.FactsTag] = model.Department.Facts;
            context.Tags[TemplateHelpers.FactCellsTag] = model.Department.FactCells;
            var words = TableText.For(parsed.File).Words;
            context.Tags[TemplateHelpers.WordsTag] = words;
            ((FieldMarkingContext)context).Texts = model.Texts;
            context.PushGlobal(ScriptModelBuilder.Build(model, words));
            return TextJoin.Clean(parsed.Template.Render(context));
        });
    }

    /// <summary>
    /// Starts reading and parsing a template on a thread of its own and returns at once, so that
    /// <c>generate</c> parses the template while it reads and checks the workbook. Nothing is reported here:
    /// <see cref="Render"/> meets the same errors again and reports them located.
    /// </summary>
    /// <returns>A task that completes when the parse is done; it never faults.</returns>
    public static Task Precompile(string nameOrPath, string templatesDirectory)
    {
        if (Ahead.Count >= CacheLimit)
        {
            Ahead.Clear();
        }

        return Ahead.GetOrAdd((nameOrPath, templatesDirectory), key => new Lazy<Task>(() => Task.Run(() =>
        {
            try
            {
                _ = Parsed(Path.GetFullPath(Resolve(key.Name, key.Directory)), TemplateLimits.Default);
            }
            catch (Exception)
            {
                // Reported by Render, located.
            }
        }))).Value;
    }

    private static readonly ConcurrentDictionary<(string Name, string Directory), Lazy<Task>> Ahead = new();

    private const int RenderStackSize = 16 * 1024 * 1024;
    private const int CacheLimit = 32;

    /// <summary>A template and the partials beside it, parsed; their sources are kept to quote the text at fault.</summary>
    internal sealed record ParsedTemplate(string File, Template Template, Dictionary<string, string> Sources, Dictionary<string, Template> Partials)
    {
        public string PartialsDirectory => Path.Combine(Path.GetDirectoryName(File)!, "partials");
    }

    /// <summary>
    /// Parsed templates by each file's path, size and time of change (the template's and every partial's), so that a batch parses each
    /// template once; an edited file gives a new key. A parsed Scriban template is safe to render on several
    /// threads at once, each with its own context.
    /// </summary>
    private static readonly ConcurrentDictionary<string, ParsedTemplate> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The last parse of each template (by path and parse limits) with the stamps of the files it was parsed from:
    /// a render whose files all still carry those stamps takes it without building the key of <see cref="Cache"/>
    /// (that key, made for every report, was a twentieth of a render: docs/performance.md).
    /// </summary>
    private static readonly ConcurrentDictionary<(string Path, int Nesting, int MaxChars), (string[] Files, FileStamp[] Stamps, ParsedTemplate Parsed, long Checked)> Latest = new();

    /// <summary>
    /// How long a look at a template's files holds: a render within this many milliseconds of the last look takes
    /// the same parse without looking again (a batch renders hundreds of reports a second, and looking at a dozen
    /// files for each was a twentieth of a render, docs/performance.md); an edit shows in the next render after it.
    /// </summary>
    internal const int FreshMilliseconds = 1000;

    /// <summary>The partial files of a folder, listed again only when the folder itself changes (a file added, removed or renamed).</summary>
    private static readonly ConcurrentDictionary<string, (FileStamp Folder, string[] Files)> Listings = new(StringComparer.Ordinal);

    /// <summary>A file's size and time of last change; <see cref="Missing"/> when it does not exist.</summary>
    private readonly record struct FileStamp(long Length, long Ticks)
    {
        public static FileStamp Missing { get; } = new(-1, -1);

        public static FileStamp Of(string file)
        {
            var info = new FileInfo(file);
            return info.Exists ? new(info.Length, info.LastWriteTimeUtc.Ticks) : Missing;
        }

        public static FileStamp OfFolder(string folder)
        {
            var info = new DirectoryInfo(folder);
            return info.Exists ? new(0, info.LastWriteTimeUtc.Ticks) : Missing;
        }
    }

    /// <summary>The template first, then its partials in ordinal order.</summary>
    private static string[] TemplateFilesOf(string templatePath, string partialsDirectory)
    {
        var folder = FileStamp.OfFolder(partialsDirectory);
        string[] partials;
        if (Listings.TryGetValue(partialsDirectory, out var listed) && listed.Folder == folder && folder != FileStamp.Missing)
        {
            partials = listed.Files;
        }
        else
        {
            partials = folder == FileStamp.Missing
                ? []
                : [.. Directory.GetFiles(partialsDirectory, "*" + Extension).Select(Path.GetFullPath).Order(StringComparer.Ordinal)];
            if (Listings.Count >= CacheLimit)
            {
                Listings.Clear();
            }

            Listings[partialsDirectory] = (folder, partials);
        }

        return [templatePath, .. partials];
    }

    /// <summary>
    /// No link anywhere inside a template folder (docs/errors.md): a partials folder that is a symbolic link would
    /// let includes read a folder elsewhere, so it is refused as a linked partial is.
    /// </summary>
    internal static void RefuseLinkedFolder(string partialsDirectory)
    {
        string? link;
        try
        {
            link = new DirectoryInfo(partialsDirectory).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            link = null;
        }

        if (link is not null)
        {
            throw new InputException(
                $"模板旁边的 partials 文件夹“{partialsDirectory}”是一个符号链接（指向“{link}”），为安全起见不读取。请把片段文件本身放在模板旁边的 partials 文件夹中。",
                new Model.SourceLocation(partialsDirectory, null));
        }
    }

    private static ParsedTemplate Parsed(string templatePath, TemplateLimits limits)
    {
        var latestKey = (templatePath, limits.NestingLimit, limits.MaxTemplateChars);
        var now = Environment.TickCount64;
        if (Latest.TryGetValue(latestKey, out var latest) && now - latest.Checked is >= 0 and < FreshMilliseconds)
        {
            return latest.Parsed;
        }

        var partialsDirectory = Path.Combine(Path.GetDirectoryName(templatePath)!, "partials");
        RefuseLinkedFolder(partialsDirectory);
        var files = TemplateFilesOf(templatePath, partialsDirectory);
        var stamps = Array.ConvertAll(files, FileStamp.Of);
        if (latest.Parsed is not null && latest.Files.AsSpan().SequenceEqual(files) && latest.Stamps.AsSpan().SequenceEqual(stamps))
        {
            Latest[latestKey] = latest with { Checked = now };
            return latest.Parsed;
        }

        var parsed = ParsedFresh(templatePath, [.. files], limits);
        if (Latest.Count >= CacheLimit)
        {
            Latest.Clear();
        }

        Latest[latestKey] = (files, stamps, parsed, now);
        return parsed;
    }

    private static ParsedTemplate ParsedFresh(string templatePath, List<string> files, TemplateLimits limits)
    {
        // The key is every file's path, size and time of last change: an edited file gives a new key, and a
        // batch does not read the files again for every department.
        var key = string.Join("\0", files.Select(Stamp).Prepend(limits.NestingLimit.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Prepend(limits.MaxTemplateChars.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var source = Read(templatePath, limits);
        var partialFiles = files.Skip(1).Select(f => (File: f, Source: SafeRead(f, limits))).Where(p => p.Source is not null).ToList();

        var template = Template.Parse(source, templatePath, ParserOptions(limits));
        var sources = new Dictionary<string, string>(StringComparer.Ordinal) { [templatePath] = source };
        if (template.HasErrors)
        {
            // Not cached: the error reaches the user at every attempt.
            throw TemplateErrors.FromParse(template.Messages, sources);
        }

        // Partials that parse are handed to every render ready-made; one that does not is left to `include`,
        // which meets its error when (and only if) the template includes it, and reports it located.
        var partials = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var (file, partialSource) in partialFiles)
        {
            sources[file] = partialSource!;
            var partial = Template.Parse(partialSource!, file, ParserOptions(limits));
            if (!partial.HasErrors)
            {
                partials[file] = partial;
            }
        }

        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(key, new ParsedTemplate(templatePath, template, sources, partials));
    }

    private static string Stamp(string file)
    {
        var info = new FileInfo(file);
        return info.Exists
            ? $"{file}|{info.Length}|{info.LastWriteTimeUtc.Ticks}"
            : file + "|missing";
    }

    internal static ParserOptions ParserOptions(TemplateLimits limits) => new()
    {
        ExpressionDepthLimit = limits.NestingLimit,
        ParseFloatAsDecimal = true,
    };

    /// <summary>
    /// Reads a template or partial within the bounds of <see cref="TemplateFiles"/> (a regular file of at most
    /// <see cref="TemplateFiles.MaxBytes"/>), refusing one too large to be a report template before parsing it.
    /// </summary>
    internal static string Read(string path, TemplateLimits limits)
    {
        var isPartial = string.Equals(Path.GetFileName(Path.GetDirectoryName(path)), "partials", StringComparison.Ordinal);
        var bytes = InputFile.ReadAllBytes(path, TemplateFiles.MaxBytes, isPartial ? "模板片段文件" : "模板文件");
        string source;
        using (var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            source = reader.ReadToEnd();
        }

        return source.Length > limits.MaxTemplateChars ? throw TooLarge(path, limits) : source;
    }

    private static string? SafeRead(string path, TemplateLimits limits)
    {
        try
        {
            return Read(path, limits);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InputException)
        {
            // Left to `include`, which reports it if the template uses it.
            return null;
        }
    }

    private static InputException TooLarge(string path, TemplateLimits limits) =>
        new($"模板 {Path.GetFileName(path)} 超过 {limits.MaxTemplateChars:N0} 个字符，不像报告模板，已拒绝。", new Model.SourceLocation(path, null));

    /// <summary>
    /// Writes every value a template inserts between <see cref="TextJoin.FieldStart"/> and
    /// <see cref="TextJoin.FieldEnd"/>, so that <see cref="TextJoin.Clean"/> joins it to the template's own words
    /// without doubling them; the template's literal text is written as it is. A value that already holds marks
    /// (the output of <c>include</c> or <c>capture</c>) is template text with fields inside and is written as it is.
    /// A text of the clerk's workbook (<see cref="ClerkTexts"/>) is written as a field of the report
    /// (<see cref="ReportMarkup.Field"/>): its cell and title go with it to the .docx (docs/report-fields.md).
    /// </summary>
    /// <summary>
    /// For a helper that rewrites the clerk's text (<c>relevel</c>): marks the result of a registered text as the field
    /// the text itself would have been, with its cell, title and part; null when the render marks no fields.
    /// </summary>
    internal static Func<string, string, string>? ClerkFieldMarker(TemplateContext context) =>
        context is FieldMarkingContext { Texts: { Count: > 0 } texts }
            ? (item, text) => texts.TryGet(item, out var field)
                ? ReportMarkup.Field(text, field.Title, field.Cell, empty: false, field.Given, field.Part)
                : text
            : null;

    private sealed class FieldMarkingContext(ScriptObject builtins) : TemplateContext(builtins)
    {
        public ClerkTexts? Texts { get; set; }

        private static readonly string FieldStartText = TextJoin.FieldStart.ToString();
        private static readonly string FieldEndText = TextJoin.FieldEnd.ToString();

        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject is null)
            {
                return this;
            }

            var text = textAsObject is string value && Texts is { Count: > 0 } texts && texts.TryGet(value, out var field)
                ? ReportMarkup.Field(value, field.Title, field.Cell, empty: false, field.Given, field.Part)
                : ObjectToString(textAsObject);
            if (string.IsNullOrEmpty(text) || text.Contains(TextJoin.FieldStart, StringComparison.Ordinal))
            {
                return base.Write(span, text);
            }

            // Three writes rather than one concatenated string: every value of every report passes here.
            base.Write(span, FieldStartText);
            base.Write(span, text);
            return base.Write(span, FieldEndText);
        }
    }

    private static TemplateContext Context(ParsedTemplate parsed, TemplateLimits limits, CancellationToken cancel)
    {
        var context = new FieldMarkingContext(Builtins.Value)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = limits.LoopLimit,
            RecursiveLimit = limits.RecursiveLimit,
            LimitToString = limits.MaxOutputChars,
            OutputLimit = limits.MaxOutputChars,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            OnStringLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            CancellationToken = cancel,
            TemplateLoader = new PartialLoader(parsed, limits),
            TemplateLoaderParserOptions = ParserOptions(limits),
            NewLine = "\n",
        };
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

    private static string RunBounded(ParsedTemplate parsed, TemplateLimits limits, MemoryWatch memory, Func<string> render)
    {
        // The cancellation token stops a runaway render at the timeout or the memory cap; the wait below is a last resort.
        var worker = _worker is { Stuck: false } ready ? ready : _worker = new RenderWorker();
        if (!worker.Run(render, limits.Timeout + TimeSpan.FromSeconds(5), memory, out var result, out var failure))
        {
            throw memory.Exceeded ? TemplateErrors.Memory(parsed.File, limits) : TemplateErrors.Timeout(parsed.File, limits);
        }

        if (failure is not null && memory.Exceeded)
        {
            throw TemplateErrors.Memory(parsed.File, limits);
        }

        return failure is null ? result! : throw TemplateErrors.From(failure, parsed, limits);
    }

    /// <summary>
    /// The memory cap of a render: the owner thread looks at the process's managed memory while it waits and
    /// cancels the render once it has grown by more than the cap (strings built by the template, its output).
    /// </summary>
    internal sealed class MemoryWatch(long maxBytes, CancellationTokenSource cancel)
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

    /// <summary>This thread's render thread, kept for the next render (starting a thread per report cost more than rendering).</summary>
    [ThreadStatic]
    private static RenderWorker? _worker;

    /// <summary>
    /// A thread with a large stack that renders one template at a time for its owner: deep (but allowed) nesting
    /// recurses in Scriban's evaluator. A render that never returns leaves it stuck (a background thread, so the
    /// process still exits) and the owner starts another.
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

        public bool Stuck { get; private set; }

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
                    Stuck = true;
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

            var path = Path.Combine(parsed.PartialsDirectory, templateName + Extension);
            if (new FileInfo(path).LinkTarget is not null)
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

            var source = Read(templatePath, limits);
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
