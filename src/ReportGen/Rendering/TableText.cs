using ReportGen.Files;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// The report's words outside the template text: the attached tables' titles, notes, column headings, fixed row labels
/// and placeholder prompts from <c>partials/表格文字.txt</c>, and the report's <see cref="Vocabulary"/> (enum words,
/// the placeholder and 暂定 marks) from <c>partials/用语.txt</c>, both beside the template: one <c>名称 = 文字</c> per
/// line, <c>#</c> lines and blank lines ignored, <c>{部门}</c>-style names replaced with data. A template folder without
/// a file, or a file without some names, uses the bundled file's words (embedded in the assembly), so a custom folder
/// keeps working (templates/README.md).
/// </summary>
internal sealed class TableText
{
    public const string FileName = "表格文字" + WordsFile.Extension;

    private readonly IReadOnlyDictionary<string, string> _words;

    private TableText(IReadOnlyDictionary<string, string> words, Vocabulary vocabulary)
    {
        _words = words;
        Words = vocabulary;
    }

    /// <summary>The bundled words, embedded from templates/partials/表格文字.txt and 用语.txt.</summary>
    public static TableText Bundled { get; } = new(ParseBundled(), Vocabulary.Bundled);

    /// <summary>The report's vocabulary: the folder's 用语.txt over the bundled one.</summary>
    public Vocabulary Words { get; }

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

    /// <summary>
    /// The words for the template at <paramref name="templatePath"/>: its folder's files over the bundled ones. Read
    /// when the template is parsed; <see cref="TemplateCache"/> keeps the result with the template and reads it again
    /// when either words file changes.
    /// </summary>
    /// <exception cref="InputException">A file cannot be read, or a line has no “=” or an unknown name.</exception>
    public static TableText For(string templatePath)
    {
        var partials = TemplateFiles.PartialsFolder(Path.GetFullPath(templatePath));
        TemplateFiles.RefuseLinkedFolder(partials);
        var tables = new FileInfo(Path.Combine(partials, FileName));
        var vocabulary = new FileInfo(Path.Combine(partials, Vocabulary.FileName));
        if (!tables.Exists && !vocabulary.Exists)
        {
            return Bundled;
        }

        var words = new Dictionary<string, string>(Bundled._words, StringComparer.Ordinal);
        foreach (var (name, text) in Read(tables, "表格文字文件", Bundled._words.ContainsKey))
        {
            words[name] = text;
        }

        var known = Vocabulary.Bundled.Names.ToHashSet(StringComparer.Ordinal);
        var overrides = Read(vocabulary, "用语文件", known.Contains).ToList();
        foreach (var (name, text) in overrides.Where(o => o.Name is "占位符" or "占位符.无单元格" or "占位符.标记"))
        {
            var content = name == "占位符.标记" ? "{编号}" : "{内容}";
            if (!text.StartsWith(Vocabulary.PlaceholderMark, StringComparison.Ordinal) || !text.EndsWith('】') || !text.Contains(content, StringComparison.Ordinal))
            {
                throw new InputException(
                    $"用语文件“{vocabulary.FullName}”中的“{name}”必须以“{Vocabulary.PlaceholderMark}”开头、以“】”结尾并含有 {content}（待填写处应一望可知）：{text}");
            }
        }

        return new TableText(words, Vocabulary.Bundled.With(overrides));
    }

    /// <summary>The entries of a folder's words file; none when it does not exist.</summary>
    private static IEnumerable<(string Name, string Text)> Read(FileInfo file, string label, Func<string, bool> known)
    {
        if (!file.Exists)
        {
            return [];
        }

        if (file.LinkTarget is not null)
        {
            // As for include: the words file must be in partials/ itself, not reach elsewhere (docs/errors.md).
            throw new InputException($"{label}“{file.FullName}”是符号链接，不能使用。请把文件本身放在模板旁边的 partials 文件夹中。");
        }

        var bytes = InputFile.ReadAllBytes(file.FullName, TemplateFiles.MaxBytes, label);
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return WordsFile.Parse(reader.ReadToEnd(), file.FullName, label, known).ToList();
    }

    private static Dictionary<string, string> ParseBundled()
    {
        using var stream = typeof(TableText).Assembly.GetManifestResourceStream("ReportGen.TableText.txt")
            ?? throw new InvalidOperationException("The bundled table text resource is missing from the assembly.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return WordsFile.Parse(reader.ReadToEnd(), null, null, _ => true).ToDictionary(p => p.Name, p => p.Text, StringComparer.Ordinal);
    }
}
