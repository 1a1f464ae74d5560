using ReportGen.Model;
using ReportGen.Files;

namespace ReportGen.Rendering;

/// <summary>
/// The files a template is made of, checked before the template engine reads them (docs/errors.md, "Inputs are
/// read within bounds"): the template and every partial beside it must be a regular file of at most
/// <see cref="MaxBytes"/>, so that <c>-t</c> given a FIFO does not block and <c>-t /dev/zero</c> does not fill the
/// memory. The list is also what <see cref="Output.OutputGuard"/> protects from being overwritten.
/// </summary>
public static class TemplateFiles
{
    /// <summary>The largest template or partial file; the bundled templates are under 4 KB.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The template <paramref name="nameOrPath"/> resolves to, then its partials, each checked.</summary>
    /// <exception cref="InputException">The template is missing, or a file is not a regular file or is too large.</exception>
    public static IReadOnlyList<string> Check(string nameOrPath, string templatesDirectory)
    {
        var template = TemplateRenderer.Resolve(nameOrPath, templatesDirectory);
        InputFile.Require(template, MaxBytes, "模板文件");
        var files = new List<string> { template };
        var partials = Path.Combine(Path.GetDirectoryName(template)!, "partials");
        if (Directory.Exists(partials))
        {
            foreach (var partial in Directory.GetFiles(partials, "*" + TemplateRenderer.Extension).Order(StringComparer.Ordinal))
            {
                InputFile.Require(partial, MaxBytes, "模板片段文件");
                files.Add(partial);
            }
        }

        return files;
    }
}
