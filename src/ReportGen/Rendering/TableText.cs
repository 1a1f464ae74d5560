using ReportGen.Model;
using System.Collections.Concurrent;
using ReportGen.Files;

namespace ReportGen.Rendering;

/// <summary>
/// The words of the attached tables (titles, notes, column headings, fixed row labels), read from
/// <c>partials/表格文字.sbn</c> beside the template: one <c>名称 = 文字</c> per line, <c>#</c> lines and blank lines
/// ignored, <c>{部门}</c>-style names replaced with data. A template folder without the file, or a file without some
/// names, uses the bundled file's words (embedded in the assembly), so a custom folder keeps working (templates/README.md).
/// </summary>
public sealed class TableText
{
    public const string FileName = "表格文字" + TemplateRenderer.Extension;

    private readonly IReadOnlyDictionary<string, string> _words;

    private TableText(IReadOnlyDictionary<string, string> words) => _words = words;

    /// <summary>The bundled words, embedded from templates/partials/表格文字.sbn.</summary>
    public static TableText Bundled { get; } = new(ParseBundled());

    /// <summary>The text named <paramref name="key"/>, with each <c>{名字}</c> replaced by its value.</summary>
    public string this[string key, params (string Name, string Value)[] values]
    {
        get
        {
            var text = _words[key];
            foreach (var (name, value) in values)
            {
                text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
            }

            return text;
        }
    }

    private static readonly ConcurrentDictionary<string, TableText> Cache = new(StringComparer.Ordinal);

    /// <summary>The words for the template at <paramref name="templatePath"/>: its folder's file over the bundled one.</summary>
    /// <exception cref="InputException">The file cannot be read, or a line has no “=” or an unknown name.</exception>
    public static TableText For(string templatePath)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(templatePath))!, "partials", FileName);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Bundled;
        }

        if (info.LinkTarget is not null)
        {
            // As for include: the words file must be in partials/ itself, not reach elsewhere (docs/errors.md).
            throw new InputException($"表格文字文件“{path}”是符号链接，不能使用。请把文件本身放在模板旁边的 partials 文件夹中。");
        }

        var key = $"{path}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var bytes = InputFile.ReadAllBytes(path, TemplateFiles.MaxBytes, "表格文字文件");
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var words = new Dictionary<string, string>(Bundled._words, StringComparer.Ordinal);
        foreach (var (name, text) in Parse(reader.ReadToEnd(), path))
        {
            words[name] = text;
        }

        if (Cache.Count >= 32)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(key, new TableText(words));
    }

    private static Dictionary<string, string> ParseBundled()
    {
        using var stream = typeof(TableText).Assembly.GetManifestResourceStream("ReportGen.TableText.sbn")
            ?? throw new InvalidOperationException("The bundled table text resource is missing from the assembly.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader.ReadToEnd(), null).ToDictionary(p => p.Name, p => p.Text, StringComparer.Ordinal);
    }

    /// <summary>The <c>名称 = 文字</c> lines of <paramref name="source"/>; <paramref name="path"/> null for the bundled file.</summary>
    private static IEnumerable<(string Name, string Text)> Parse(string source, string? path)
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
                throw new InputException($"表格文字文件“{path}”第 {i + 1} 行应写成“名称 = 文字”：{line}");
            }

            var name = line[..equals].Trim();
            if (path is not null && !Bundled._words.ContainsKey(name))
            {
                throw new InputException(
                    $"表格文字文件“{path}”第 {i + 1} 行的名称“{name}”不存在。可用的名称见随程序附带的 templates/partials/{FileName}。");
            }

            yield return (name, line[(equals + 1)..].Trim());
        }
    }
}
