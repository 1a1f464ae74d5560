using Microsoft.AspNetCore.Http;
using ReportGen.Model;

namespace ReportGen.Cli.Serve;

/// <summary>
/// The files of one request, in a private temporary folder of their own (owner-only on Linux and macOS) that is
/// removed, with everything the job wrote into it, when the response has been sent (docs/serve.md, "Safe by
/// construction"). The jobs read and write paths, as they do for the command line, so what a request gets is what
/// the same command would write.
/// </summary>
internal sealed class UploadFolder : IDisposable
{
    /// <summary>The longest file name kept from an upload; longer names are shortened (the extension stays).</summary>
    private const int MaxNameLength = 100;

    private readonly List<(string Path, string Name)> _files = [];

    public UploadFolder()
    {
        Root = Directory.CreateTempSubdirectory("reportgen-serve-").FullName;
    }

    /// <summary>The folder; nothing outside it is written for a request.</summary>
    public string Root { get; }

    /// <summary>
    /// Saves an upload under its own name (as the user named it, so that messages and the report name the same file
    /// the command line would) in a subfolder of its own; the name's extension must be one of <paramref name="extensions"/>.
    /// </summary>
    public async Task<string> SaveAsync(IFormFile file, string what, IReadOnlyCollection<string> extensions, CancellationToken cancel)
    {
        var name = SafeName(file.FileName, extensions.First());
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!extensions.Contains(extension))
        {
            throw new InputException($"{what}“{name}”不是可用的文件类型：请选择 {string.Join("、", extensions)} 文件。");
        }

        var folder = Path.Combine(Root, (_files.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await file.CopyToAsync(target, cancel);
        }

        _files.Add((path, name));
        return path;
    }

    /// <summary>A path inside the folder for what a job writes (a report, a new workbook).</summary>
    public string Output(string name)
    {
        var folder = Path.Combine(Root, "out");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>
    /// A message with every path of this folder replaced by the file's own name: the user never sees where the
    /// server kept an upload.
    /// </summary>
    public string Scrub(string message)
    {
        foreach (var (path, name) in _files.OrderByDescending(f => f.Path.Length))
        {
            message = message.Replace(path, name, StringComparison.Ordinal);
        }

        return message.Replace(Path.Combine(Root, "out") + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace(Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace(Root, "", StringComparison.Ordinal);
    }

    /// <summary>
    /// The last component of an uploaded file's name, without characters no file system takes, at most
    /// <see cref="MaxNameLength"/> long; "上传文件" and the first allowed extension when nothing usable is left.
    /// </summary>
    public static string SafeName(string? uploaded, string fallbackExtension)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = Clean(name[(name.LastIndexOf('/') + 1)..]).TrimStart('.', '-');
        if (name.Length == 0 || Path.GetFileNameWithoutExtension(name).Length == 0)
        {
            name = "上传文件" + (Path.GetExtension(name) is { Length: > 1 } ext ? ext : fallbackExtension);
        }

        if (name.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length > 10 ? "" : extension;
            name = name[..(MaxNameLength - extension.Length)] + extension;
        }

        return name;
    }

    /// <summary>Text without the characters no file system takes in a name (Windows' set, everywhere) and without controls.</summary>
    public static string Clean(string text) =>
        new string(text.Where(ch => !Invalid.Contains(ch) && !char.IsControl(ch)).ToArray()).Trim();

    private static readonly HashSet<char> Invalid = [.. Path.GetInvalidFileNameChars(), '/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still open (LibreOffice being killed): try once more shortly after, then leave it to the OS's temp cleanup.
            Thread.Sleep(200);
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
