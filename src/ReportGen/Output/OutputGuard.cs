using System.Text;
using ReportGen.Files;
using ReportGen.Model;

namespace ReportGen.Output;

/// <summary>
/// The check every command makes before it writes anything (docs/errors.md, "Outputs never overwrite inputs"):
/// an output path that is blank, names an input (the same path, a symbolic or hard link to it, a sheet file of a
/// folder-of-.csv workbook), is a device, FIFO or other special file, or has a name Windows cannot hold, is refused
/// with a Chinese message naming both files. <c>generate</c>, <c>preview</c>, <c>batch</c> and <c>import</c> share it.
/// </summary>
internal sealed class OutputGuard
{
    /// <summary>Room left in a file name for the temp name <see cref="AtomicFile"/> writes first (".name.tmp-pid-n").</summary>
    private const int TempSuffixBytes = 32;

    private const int MaxNameBytes = 255;

    private readonly List<FileIdentity> _files = [];
    private readonly List<FileIdentity> _folders = [];

    /// <summary>The inputs by device and inode, built on first need.</summary>
    private Dictionary<(ulong Device, ulong Inode), FileIdentity>? _byInode;

    private bool _sheetsListed;

    /// <summary>Whether an output's folder is a folder-of-.csv input, by folder path (a batch's reports share a few).</summary>
    private readonly Dictionary<string, FileIdentity?> _workbookFolders = new(StringComparer.Ordinal);

    /// <param name="inputs">Every file or folder the command reads; blank and missing entries are skipped.</param>
    public OutputGuard(IEnumerable<string?> inputs)
    {
        foreach (var input in inputs)
        {
            if (!string.IsNullOrWhiteSpace(input) && Identity(input) is { Exists: true } identity)
            {
                (identity.Kind == FileKind.Directory ? _folders : _files).Add(identity);
            }
        }
    }

    /// <summary>The input an existing output path names, if any: the same file, or one reached through a link.</summary>
    private FileIdentity? InputAt(FileIdentity target)
    {
        if (!target.Exists)
        {
            return null;
        }

        // The sheet files of folder-of-.csv workbooks are listed only when the output could be one: when it lies
        // in such a folder or is reached through a link. A batch's reports, which exist from the second run on,
        // then cost one look each rather than a listing of every department's folder.
        if (_folders.Count > 0 && !_sheetsListed
            && (target.Links != 1 || new FileInfo(target.FullPath).LinkTarget is not null || WorkbookFolderOf(target.FullPath) is not null))
        {
            _sheetsListed = true;
            _byInode = null;
            foreach (var folder in _folders)
            {
                foreach (var file in Directory.EnumerateFiles(folder.FullPath))
                {
                    if (Identity(file) is { Exists: true } sheet)
                    {
                        _files.Add(sheet);
                    }
                }
            }
        }

        _byInode ??= _files.Where(file => file.Inode != 0).DistinctBy(file => (file.Device, file.Inode))
            .ToDictionary(file => (file.Device, file.Inode));
        if (target.Inode != 0 && _byInode.TryGetValue((target.Device, target.Inode), out var hit))
        {
            return hit;
        }

        return _files.FirstOrDefault(file => (file.Inode == 0 || target.Inode == 0) && target.SameAs(file)) is { Exists: true } other ? other : null;
    }

    /// <summary>The folder-of-.csv input a path lies directly in, if any.</summary>
    private FileIdentity? WorkbookFolderOf(string full)
    {
        if (_folders.Count == 0 || Path.GetDirectoryName(full) is not { } parent)
        {
            return null;
        }

        if (!_workbookFolders.TryGetValue(parent, out var workbook))
        {
            var identity = FileIdentity.Of(parent);
            workbook = _folders.FirstOrDefault(identity.SameAs) is { Exists: true } hit ? hit : null;
            _workbookFolders[parent] = workbook;
        }

        return workbook;
    }

    /// <summary>Refuses an output file; <paramref name="named"/> when the user typed the name (it is checked for Windows).</summary>
    /// <exception cref="InputException">The output must not be written.</exception>
    public void CheckFile(string? output, bool named = true)
    {
        var full = FullPath(output);
        if (named)
        {
            CheckName(Path.GetFileName(full));
        }

        var target = FileIdentity.Of(full);
        switch (target.Kind)
        {
            case FileKind.Directory:
                throw new InputException($"输出路径是一个文件夹，不是文件：{full}");
            case FileKind.Special:
                throw new InputException(
                    $"输出路径“{output}”不是普通文件（是设备、管道等特殊文件），不能把结果写到这里。请给出一个普通文件的路径。");
        }

        if (InputAt(target) is { } input)
        {
            throw new InputException(
                $"输出文件“{output}”就是输入文件“{input.FullPath}”（同一个文件，或指向它的链接），写入会覆盖输入。请换一个输出文件名。");
        }

        if (Path.GetExtension(full).Equals(".csv", StringComparison.OrdinalIgnoreCase) && WorkbookFolderOf(full) is { } workbook)
        {
            throw new InputException(
                $"输出文件“{output}”位于按工作表拆分的工作簿文件夹“{workbook.FullPath}”中，下次读取时会被当作一个工作表。请把输出写到其他文件夹。");
        }
    }

    /// <summary>Refuses an output folder (<c>batch -o</c>) that is a file or one of the input workbooks.</summary>
    /// <exception cref="InputException">The folder must not be written into.</exception>
    public void CheckFolder(string? output)
    {
        var full = FullPath(output);
        CheckName(Path.GetFileName(Path.TrimEndingDirectorySeparator(full)));
        var target = FileIdentity.Of(full);
        if (target.Kind is FileKind.Regular or FileKind.Special)
        {
            throw new InputException($"输出文件夹“{output}”已经存在，但它是一个文件，不是文件夹。请换一个文件夹路径。");
        }

        if (_folders.FirstOrDefault(target.SameAs) is { Exists: true } workbook)
        {
            throw new InputException(
                $"输出文件夹“{output}”就是按工作表拆分的工作簿文件夹“{workbook.FullPath}”，写入会改变这个工作簿。请换一个输出文件夹。");
        }
    }

    /// <summary>The full path of an output the user gave, or a Chinese refusal for a blank or malformed one.</summary>
    /// <exception cref="InputException">The path is blank, malformed or too long.</exception>
    public static string FullPath(string? output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new InputException("输出路径是空的（-o 或 --into 后面没有文件名）。请给出输出文件或文件夹的路径。");
        }

        string full;
        try
        {
            full = Path.GetFullPath(output);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException($"输出路径“{output}”不是有效的路径（含有系统不允许的字符）。请换一个路径。", null, ex);
        }

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(full));
        if (Encoding.UTF8.GetByteCount(name) + TempSuffixBytes > MaxNameBytes)
        {
            throw new InputException(
                $"输出文件名“{name}”太长（{Encoding.UTF8.GetByteCount(name)} 字节；最多 {MaxNameBytes - TempSuffixBytes} 字节，约 {(MaxNameBytes - TempSuffixBytes) / 3} 个汉字）。请用较短的文件名。");
        }

        return full;
    }

    private static readonly string[] WindowsReserved =
    [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    /// <summary>
    /// Refuses a name Windows cannot hold (: * ? " &lt; &gt; | \, control characters, a trailing dot or space, CON,
    /// NUL…): such a report could be written on Linux but not copied to the Windows computers and shared folders
    /// reports go to, so it is refused everywhere rather than written with a warning (docs/errors.md).
    /// </summary>
    /// <exception cref="InputException">The name is not valid on Windows.</exception>
    public static void CheckName(string name)
    {
        var bad = name.Where(c => c < ' ' || "<>:\"|?*\\".Contains(c, StringComparison.Ordinal)).Distinct().ToList();
        var stem = name.Split('.')[0].TrimEnd(' ');
        if (bad.Count > 0)
        {
            var shown = string.Join(" ", bad.Select(c => c < ' ' ? $"U+{(int)c:X4}" : c.ToString()));
            throw new InputException(
                $"文件名“{name}”含有 Windows 不允许的字符（{shown}），这样的文件无法复制到 Windows 电脑或共享文件夹。请换一个文件名。");
        }

        if (name.EndsWith('.') || name.EndsWith(' ') || WindowsReserved.Contains(stem, StringComparer.OrdinalIgnoreCase))
        {
            throw new InputException(
                $"文件名“{name}”在 Windows 中不能使用（以点或空格结尾，或是 CON、NUL 等保留名称），这样的文件无法复制到 Windows 电脑或共享文件夹。请换一个文件名。");
        }
    }

    private static FileIdentity? Identity(string path)
    {
        try
        {
            return FileIdentity.Of(path);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // An input that cannot even be named is reported by its reader, not here.
            return null;
        }
    }
}
