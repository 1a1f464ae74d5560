using ReportGen.Files;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// Resolving and reading the files a template is made of: the template a name or path gives, the <c>partials</c>
/// folder beside it, and each file read within bounds (docs/errors.md, "Inputs are read within bounds"): a regular
/// file of at most <see cref="MaxBytes"/>, so that <c>-t</c> given a FIFO does not block and <c>-t /dev/zero</c> does
/// not fill the memory, and no link inside a template folder. The list is also what <see cref="Output.OutputGuard"/>
/// protects from being overwritten.
/// </summary>
public static class TemplateFiles
{
    /// <summary>The largest template or partial file; the bundled templates are under 8 KB.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The folder of a template's partials and words files.</summary>
    public const string PartialsFolderName = "partials";

    /// <summary>
    /// A template given by name ("default", "sichuan") is looked up in <paramref name="templatesDirectory"/>;
    /// anything with a path separator or the .sbn extension is a path.
    /// </summary>
    /// <exception cref="InputException">No such template.</exception>
    public static string Resolve(string nameOrPath, string templatesDirectory)
    {
        var extension = TemplateRenderer.Extension;
        var isPath = nameOrPath.Contains('/', StringComparison.Ordinal) || nameOrPath.Contains('\\', StringComparison.Ordinal) || nameOrPath.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
        var path = isPath ? Path.GetFullPath(nameOrPath) : Path.Combine(templatesDirectory, nameOrPath + extension);
        if (File.Exists(path))
        {
            return path;
        }

        var available = Directory.Exists(templatesDirectory)
            ? string.Join("、", Directory.GetFiles(templatesDirectory, "*" + extension).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
            : "（无）";
        throw new InputException($"找不到模板“{nameOrPath}”（{path}）。可用的模板：{available}；也可以给出 .sbn 文件的路径。");
    }

    /// <summary>The template <paramref name="nameOrPath"/> resolves to, then its partials, each checked.</summary>
    /// <exception cref="InputException">The template is missing, or a file is not a regular file or is too large.</exception>
    public static IReadOnlyList<string> Check(string nameOrPath, string templatesDirectory)
    {
        var template = Resolve(nameOrPath, templatesDirectory);
        InputFile.Require(template, MaxBytes, "模板文件");
        var files = new List<string> { template };
        var folder = PartialsFolder(template);
        var wordsFiles = Directory.Exists(folder) ? Directory.GetFiles(folder, "*" + WordsFile.Extension) : [];
        foreach (var partial in Partials(folder).Concat(wordsFiles.Order(StringComparer.Ordinal)))
        {
            InputFile.Require(partial, MaxBytes, "模板片段文件");
            files.Add(partial);
        }

        return files;
    }

    /// <summary>The <c>partials</c> folder beside <paramref name="templatePath"/>.</summary>
    public static string PartialsFolder(string templatePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(templatePath))!, PartialsFolderName);

    /// <summary>The partials (<c>*.sbn</c>) of a folder, full paths in ordinal order; none when it does not exist.</summary>
    /// <exception cref="InputException">A words file is there under its former name (<see cref="RefuseFormerWordsFile"/>).</exception>
    internal static string[] Partials(string partialsFolder)
    {
        if (!Directory.Exists(partialsFolder))
        {
            return [];
        }

        string[] partials = [.. Directory.GetFiles(partialsFolder, "*" + TemplateRenderer.Extension).Select(Path.GetFullPath).Order(StringComparer.Ordinal)];
        foreach (var wordsFile in (string[])[TableText.FileName, Vocabulary.FileName])
        {
            RefuseFormerWordsFile(partials, wordsFile);
        }

        return partials;
    }

    /// <summary>
    /// A words file under its former template name (用语.sbn) holds a clerk's edits that the renamed file would silently
    /// drop: it is refused with what to do, rather than the report being worded otherwise than the clerk wrote.
    /// </summary>
    private static void RefuseFormerWordsFile(string[] partials, string wordsFile)
    {
        var former = Path.GetFileNameWithoutExtension(wordsFile) + TemplateRenderer.Extension;
        if (partials.FirstOrDefault(p => Path.GetFileName(p) == former) is { } path)
        {
            throw new InputException(
                $"模板文件夹中的“{path}”是旧格式的文字文件：现在的文件名是 {wordsFile}，名称一律用中文（见随程序附带的 templates/partials/{wordsFile}）。请按附带的文件改名、改写名称后再生成。",
                new SourceLocation(path, null));
        }
    }

    /// <summary>
    /// No link anywhere inside a template folder (docs/errors.md): a partials folder that is a symbolic link would
    /// let includes read a folder elsewhere, so it is refused as a linked partial is.
    /// </summary>
    internal static void RefuseLinkedFolder(string partialsFolder)
    {
        string? link;
        try
        {
            link = new DirectoryInfo(partialsFolder).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            link = null;
        }

        if (link is not null)
        {
            throw new InputException(
                $"模板旁边的 partials 文件夹“{partialsFolder}”是一个符号链接（指向“{link}”），为安全起见不读取。请把片段文件本身放在模板旁边的 partials 文件夹中。",
                new SourceLocation(partialsFolder, null));
        }
    }

    /// <summary>
    /// Reads a template or partial (a regular file of at most <see cref="MaxBytes"/>, UTF-8 with or without a byte
    /// order mark), refusing one too large to be a report template before parsing it.
    /// </summary>
    internal static string Read(string path, TemplateLimits limits)
    {
        var isPartial = string.Equals(Path.GetFileName(Path.GetDirectoryName(path)), PartialsFolderName, StringComparison.Ordinal);
        var bytes = InputFile.ReadAllBytes(path, MaxBytes, isPartial ? "模板片段文件" : "模板文件");
        string source;
        using (var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            source = reader.ReadToEnd();
        }

        return source.Length > limits.MaxTemplateChars
            ? throw new InputException($"模板 {Path.GetFileName(path)} 超过 {limits.MaxTemplateChars:N0} 个字符，不像报告模板，已拒绝。", new SourceLocation(path, null))
            : source;
    }
}
