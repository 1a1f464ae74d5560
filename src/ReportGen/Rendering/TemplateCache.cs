using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;

namespace ReportGen.Rendering;

/// <summary>A template and the partials beside it, parsed; their sources are kept to quote the text at fault.</summary>
internal sealed record ParsedTemplate(string File, Template Template, Dictionary<string, string> Sources, Dictionary<string, Template> Partials)
{
    public string PartialsDirectory => TemplateFiles.PartialsFolder(File);
}

/// <summary>
/// Parsed templates, so that a batch (or the side-by-side's loop) parses each template once. An entry is kept by the
/// template's path and parse limits with the stamp (size, time of last change) of every file it was parsed from: a
/// render whose files all still carry those stamps takes it, an edited, added or removed file parses again. The
/// partials folder is listed again only when the folder's own stamp changes. A parsed Scriban template is safe to
/// render on several threads at once, each with its own context.
/// </summary>
internal static class TemplateCache
{
    /// <summary>More templates than any batch uses; past it the cache starts again.</summary>
    private const int Limit = 32;

    private static readonly ConcurrentDictionary<(string Path, int Nesting, int MaxChars), Entry> Entries = new();

    private sealed record Entry(FileStamp Folder, string[] Files, FileStamp[] Stamps, ParsedTemplate Parsed);

    /// <summary>The template at <paramref name="templatePath"/> (a full path) and its partials, parsed within <paramref name="limits"/>.</summary>
    /// <exception cref="InputException">The template cannot be read or does not parse (located, <see cref="TemplateErrors"/>).</exception>
    public static ParsedTemplate Get(string templatePath, TemplateLimits limits)
    {
        var partialsFolder = TemplateFiles.PartialsFolder(templatePath);
        TemplateFiles.RefuseLinkedFolder(partialsFolder);
        var key = (templatePath, limits.NestingLimit, limits.MaxTemplateChars);
        var folder = FileStamp.OfFolder(partialsFolder);
        Entries.TryGetValue(key, out var entry);
        string[] files = entry is not null && entry.Folder == folder && folder != FileStamp.Missing
            ? entry.Files
            : [templatePath, .. TemplateFiles.Partials(partialsFolder)];
        var stamps = Array.ConvertAll(files, FileStamp.Of);
        if (entry is not null && entry.Files.AsSpan().SequenceEqual(files) && entry.Stamps.AsSpan().SequenceEqual(stamps))
        {
            return entry.Parsed;
        }

        var parsed = Parse(templatePath, files, limits);
        if (Entries.Count >= Limit)
        {
            Entries.Clear();
        }

        Entries[key] = new Entry(folder, files, stamps, parsed);
        return parsed;
    }

    private static ParsedTemplate Parse(string templatePath, string[] files, TemplateLimits limits)
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
        foreach (var file in files.Skip(1))
        {
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

        return new ParsedTemplate(templatePath, template, sources, partials);
    }

    internal static ParserOptions ParserOptions(TemplateLimits limits) => new()
    {
        ExpressionDepthLimit = limits.NestingLimit,
        ParseFloatAsDecimal = true,
    };

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
}
