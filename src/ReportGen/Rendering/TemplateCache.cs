using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;

namespace ReportGen.Rendering;

/// <summary>
/// A template and the partials beside it, parsed (their sources kept to quote the text at fault), and the words of
/// its folder (<see cref="TableText"/>). A partial file that is a link is not among <see cref="Partials"/>: <c>include</c>
/// refuses it by name.
/// </summary>
internal sealed record ParsedTemplate(string File, Template Template, Dictionary<string, string> Sources, Dictionary<string, Template> Partials, TableText Words)
{
    public string PartialsDirectory => TemplateFiles.PartialsFolder(File);
}

/// <summary>
/// Parsed templates, so that a batch (or the side-by-side's loop) parses each template once. An entry is kept by the
/// template's path and parse limits with the stamp (size, time of last change, whether it is a link) of every file it
/// was made from, the words files included: a render whose files all still carry those stamps takes it, an edited,
/// added, removed or linked file parses again. The partials folder is listed again only when the folder's own stamp
/// changes. A parsed Scriban template is safe to render on several threads at once, each with its own context.
/// </summary>
internal static class TemplateCache
{
    /// <summary>More templates than any batch uses; past it the cache starts again.</summary>
    private const int Limit = 32;

    private static readonly ConcurrentDictionary<(string Path, int Nesting, int MaxChars), Entry> Entries = new();

    private sealed record Entry(FileStamp Folder, string[] Files, FileStamp[] Stamps, ParsedTemplate Parsed);

    /// <summary>The template at <paramref name="templatePath"/> (a full path) and its partials, parsed within <paramref name="limits"/>.</summary>
    /// <exception cref="Model.InputException">The template cannot be read or does not parse (located, <see cref="TemplateErrors"/>).</exception>
    public static ParsedTemplate Get(string templatePath, TemplateLimits limits)
    {
        var partialsFolder = TemplateFiles.PartialsFolder(templatePath);
        TemplateFiles.RefuseLinkedFolder(partialsFolder);
        var key = (templatePath, limits.NestingLimit, limits.MaxTemplateChars);
        var folder = FileStamp.OfFolder(partialsFolder);
        Entries.TryGetValue(key, out var entry);
        string[] files = entry is not null && entry.Folder == folder && folder != FileStamp.Missing
            ? entry.Files
            : [templatePath, Path.Combine(partialsFolder, TableText.FileName), Path.Combine(partialsFolder, Model.Vocabulary.FileName),
                .. TemplateFiles.Partials(partialsFolder)];
        var stamps = Array.ConvertAll(files, FileStamp.Of);
        if (entry is not null && entry.Files.AsSpan().SequenceEqual(files) && entry.Stamps.AsSpan().SequenceEqual(stamps))
        {
            return entry.Parsed;
        }

        var parsed = Parse(templatePath, files.AsSpan(WordsFiles + 1), stamps.AsSpan(WordsFiles + 1), limits);
        if (Entries.Count >= Limit)
        {
            Entries.Clear();
        }

        Entries[key] = new Entry(folder, files, stamps, parsed);
        return parsed;
    }

    /// <summary>The two words files, listed after the template and before the partials.</summary>
    private const int WordsFiles = 2;

    private static ParsedTemplate Parse(string templatePath, ReadOnlySpan<string> partialFiles, ReadOnlySpan<FileStamp> partialStamps, TemplateLimits limits)
    {
        var source = TemplateFiles.Read(templatePath, limits);
        var template = Template.Parse(source, templatePath, ParserOptions(limits));
        var sources = new Dictionary<string, string>(StringComparer.Ordinal) { [templatePath] = source };
        if (template.HasErrors)
        {
            // Not cached: the error reaches the user at every attempt.
            throw TemplateErrors.FromParse(template.Messages, sources);
        }

        // Partials that parse are handed to every render ready-made; one that cannot be read or does not parse is
        // left to `include`, which meets its error when (and only if) the template includes it, and reports it located.
        var partials = new Dictionary<string, Template>(StringComparer.Ordinal);
        for (var i = 0; i < partialFiles.Length; i++)
        {
            var file = partialFiles[i];
            if (partialStamps[i].Link)
            {
                continue;
            }

            string partialSource;
            try
            {
                partialSource = TemplateFiles.Read(file, limits);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Model.InputException)
            {
                continue;
            }

            sources[file] = partialSource;
            var partial = Template.Parse(partialSource, file, ParserOptions(limits));
            if (!partial.HasErrors)
            {
                partials[file] = partial;
            }
        }

        // After the template's own errors, as a render met them before; an error in a words file is not kept either.
        return new ParsedTemplate(templatePath, template, sources, partials, TableText.For(templatePath));
    }

    internal static ParserOptions ParserOptions(TemplateLimits limits) => new()
    {
        ExpressionDepthLimit = limits.NestingLimit,
        ParseFloatAsDecimal = true,
    };

    /// <summary>
    /// A file's size, time of last change and whether it is a symbolic link (from the same status call);
    /// <see cref="Missing"/> when it does not exist.
    /// </summary>
    private readonly record struct FileStamp(long Length, long Ticks, bool Link)
    {
        public static FileStamp Missing { get; } = new(-1, -1, false);

        public static FileStamp Of(string file)
        {
            var info = new FileInfo(file);
            return info.Exists ? new(info.Length, info.LastWriteTimeUtc.Ticks, (info.Attributes & FileAttributes.ReparsePoint) != 0) : Missing;
        }

        public static FileStamp OfFolder(string folder)
        {
            var info = new DirectoryInfo(folder);
            return info.Exists ? new(0, info.LastWriteTimeUtc.Ticks, false) : Missing;
        }
    }
}
