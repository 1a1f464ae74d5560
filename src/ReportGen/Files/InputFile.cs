using System.IO.Compression;
using ReportGen.Model;

namespace ReportGen.Files;

/// <summary>
/// Reading a file the user named, bounded (docs/errors.md, "Inputs are read within bounds"): regular files only,
/// so that a FIFO never blocks and a device such as /dev/zero is never read to the end of memory, and no larger
/// than a cap that suits what the file should be. Opened read-only and shared.
/// </summary>
internal static class InputFile
{
    /// <summary>The most a Word document read whole (a <c>--style</c> reference, a target form) may weigh.</summary>
    public const long MaxDocumentBytes = 64L * 1024 * 1024;

    /// <summary>The most a workbook or document package may inflate to. A 100,000-row 预算执行 sheet is about 30 MB.</summary>
    public const long MaxUncompressedBytes = 512L * 1024 * 1024;

    /// <summary>The most entries a package may hold (a real workbook has a few dozen).</summary>
    public const int MaxPackageEntries = 10_000;

    /// <summary>
    /// The message for a path that does not exist. A name holding U+FFFD is a name whose bytes are not UTF-8 (a
    /// GBK name unzipped from a Windows archive): it cannot be opened by its decoded name, so the message says how
    /// to rename it rather than that it is missing.
    /// </summary>
    public static string NotFound(string path, string what) => path.Contains('\uFFFD', StringComparison.Ordinal)
        ? $"{what}“{path}”的文件名不是 UTF-8 编码的文字（常见于从 Windows 压缩包解压出的文件，文件名按 GBK 保存，显示为乱码），无法按这个名字打开。"
          + "请把它改成正常的中文名后重试（例如 convmv -f gbk -t utf8 --notest 文件名，或解压时用 unzip -O GBK）。"
        : $"找不到{what}“{path}”，请检查路径是否正确。";

    /// <summary>Refuses anything but a regular file of at most <paramref name="maxBytes"/>.</summary>
    /// <param name="what">What the file is to the user (模板文件, 样式参考文档…), for the message.</param>
    /// <exception cref="InputException">Missing, a folder, a special file, or too large.</exception>
    public static void Require(string path, long maxBytes, string what)
    {
        FileIdentity identity;
        try
        {
            identity = FileIdentity.Of(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException)
        {
            throw new InputException($"{what}的路径“{path}”无效，请检查路径是否正确。", null, ex);
        }

        switch (identity.Kind)
        {
            case FileKind.Missing:
                throw new InputException(NotFound(path, what));
            case FileKind.Directory:
                throw new InputException($"{what}“{path}”是一个文件夹，不是文件。");
            case FileKind.Special:
                throw new InputException($"{what}“{path}”不是普通文件（是设备、管道等特殊文件），无法读取。请给出一个普通文件的路径。");
        }

        var length = new FileInfo(identity.FullPath).Length;
        if (length > maxBytes)
        {
            throw new InputException(
                $"{what}“{path}”有 {Megabytes(length)}，超过上限 {Megabytes(maxBytes)}，不像是{what}，已拒绝读取。请确认选择了正确的文件。");
        }
    }

    /// <summary>The whole file, after <see cref="Require"/>; a file that grows past the cap while read is refused too.</summary>
    /// <exception cref="InputException">See <see cref="Require"/>; also no read permission or a file held by another program.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what)
    {
        Require(path, maxBytes, what);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                copy.Write(buffer, 0, read);
                if (copy.Length > maxBytes)
                {
                    throw new InputException($"{what}“{path}”超过上限 {Megabytes(maxBytes)}，已拒绝读取。");
                }
            }

            return copy.ToArray();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw InputException.FileSystem($"无法读取{what}“{path}”：没有读取权限。请检查文件权限，或把文件复制到自己的文件夹后重试。", ex);
        }
        catch (IOException ex)
        {
            throw InputException.FileSystem($"无法读取{what}“{path}”：文件可能正被其他程序独占打开或改写。请关闭占用它的程序后重试。", ex);
        }
    }

    /// <summary>
    /// Refuses a zip package (a .docx) whose entries would inflate past <see cref="MaxUncompressedBytes"/>
    /// or that holds more entries than <see cref="MaxPackageEntries"/>: a zip bomb, checked on the central
    /// directory before anything is inflated. A damaged zip is left to the reader, which names it unreadable.
    /// </summary>
    /// <exception cref="InputException">The package is a zip bomb.</exception>
    public static void CheckPackageSize(byte[] bytes, string path, string what)
    {
        long total;
        int entries;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            entries = zip.Entries.Count;
            total = zip.Entries.Sum(entry => entry.Length);
        }
        catch (InvalidDataException)
        {
            return;
        }

        if (entries > MaxPackageEntries || total > MaxUncompressedBytes)
        {
            throw new InputException(
                $"{what}“{path}”解压后将达到 {Megabytes(total)}（{entries} 个压缩条目），超过上限 "
                + $"{Megabytes(MaxUncompressedBytes)}（可能是“压缩炸弹”或损坏的文件），已拒绝读取。");
        }
    }

    /// <summary>How deep the XML of a package part may nest; real documents stay under 100 (tables in tables included).</summary>
    public const int MaxXmlDepth = 1_000;

    /// <summary>
    /// Refuses a package (a .docx, an .xlsx) whose XML nests deeper than <see cref="MaxXmlDepth"/>: the Open XML SDK
    /// and the workbook readers build their trees recursively, and 50,000 nested elements would overflow the stack
    /// and end the process without a word. Each XML part is read once with a streaming reader, which keeps no tree;
    /// a part that is not well-formed is left to the reader, which names the file unreadable.
    /// </summary>
    /// <exception cref="InputException">A part nests too deep.</exception>
    public static void CheckXmlDepth(byte[] bytes, string path, string what)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        CheckXmlDepth(stream, path, what);
    }

    /// <inheritdoc cref="CheckXmlDepth(byte[], string, string)"/>
    public static void CheckXmlDepth(Stream package, string path, string what)
    {
        var position = package.Position;
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                    && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                    && !entry.FullName.EndsWith(".vml", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (DepthOf(entry) > MaxXmlDepth)
                {
                    throw new InputException(
                        $"{what}“{Path.GetFileName(path)}”的部件 {entry.FullName} 中 XML 元素嵌套超过 {MaxXmlDepth:N0} 层，"
                        + "正常的 Office 文件不会这样（可能是损坏或特意构造的文件），已拒绝读取。请用 Word、Excel 或 WPS 打开并另存后重试。",
                        new SourceLocation(path, null));
                }
            }
        }
        catch (InvalidDataException)
        {
            // Not a zip, or a damaged one: the reader says so in its own words.
        }
        finally
        {
            package.Position = position;
        }
    }

    private static int DepthOf(ZipArchiveEntry entry)
    {
        var deepest = 0;
        try
        {
            using var stream = entry.Open();
            using var reader = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings
            {
                DtdProcessing = System.Xml.DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreWhitespace = true,
                IgnoreComments = true,
            });
            while (reader.Read())
            {
                if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.Depth > deepest)
                {
                    deepest = reader.Depth;
                    if (deepest > MaxXmlDepth)
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or InvalidDataException or IOException)
        {
            // Not well-formed: the reader reports the file as unreadable.
        }

        return deepest;
    }

    private static string Megabytes(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}
