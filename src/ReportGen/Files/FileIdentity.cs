using System.Runtime.InteropServices;

namespace ReportGen.Files;

/// <summary>What a path names on disk once symbolic links are followed.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A device, FIFO, socket: reading may block or never end, and writing over it must not happen.</summary>
    Special,
}

/// <summary>
/// A path's kind and, where the system tells it, its identity (device and inode on Linux), so that two names for
/// one file (the same path spelled twice, a symbolic link, a hard link) are recognised as one
/// (docs/errors.md, "Outputs never overwrite inputs").
/// </summary>
internal readonly record struct FileIdentity(FileKind Kind, string FullPath, ulong Device, ulong Inode)
{
    /// <summary>How many names (hard links) the file has; 0 when the system does not tell.</summary>
    public uint Links { get; init; }

    public bool Exists => Kind != FileKind.Missing;

    /// <summary>Whether both name the same existing file or folder.</summary>
    public bool SameAs(FileIdentity other)
    {
        if (!Exists || !other.Exists)
        {
            return false;
        }

        if (Inode != 0 && other.Inode != 0)
        {
            return Device == other.Device && Inode == other.Inode;
        }

        return SamePath(FullPath, other.FullPath, PathComparison);
    }

    /// <summary>Windows and macOS compare file names without case by default.</summary>
    public static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Whether two resolved paths name one file under a file system's rule: <paramref name="comparison"/> for case
    /// (<see cref="PathComparison"/>), and, where names are compared without case (NTFS, APFS, HFS+), without
    /// Unicode normalisation either: "é" typed as one character or as e and its accent is one name there.
    /// </summary>
    internal static bool SamePath(string first, string second, StringComparison comparison) =>
        comparison == StringComparison.Ordinal
            ? string.Equals(first, second, StringComparison.Ordinal)
            : string.Equals(first.Normalize(System.Text.NormalizationForm.FormC), second.Normalize(System.Text.NormalizationForm.FormC), comparison);

    /// <summary>
    /// The full path with every symbolic link (or junction) on the way resolved, folder by folder, as the system
    /// resolves it when it opens the file: a link to a folder higher up the path counts too, not only the last
    /// name. A loop or an unreadable link stops the resolution there.
    /// </summary>
    internal static string Resolve(string full)
    {
        var root = Path.GetPathRoot(full) ?? "";
        var current = root;
        var names = full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < names.Length; i++)
        {
            var next = Path.Combine(current, names[i]);
            try
            {
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                current = info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                    ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName))
                    : next;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Path.Combine([current, .. names[i..]]);
            }
        }

        return current;
    }

    public static FileIdentity Of(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsLinux() && Statx(full) is { } linux)
        {
            return linux;
        }

        return Portable(full);
    }

    /// <summary>
    /// Without statx (Windows, macOS): the kind from .NET and the path with every link on the way resolved
    /// (<see cref="Resolve"/>), compared under the platform's rule (<see cref="SamePath"/>); no inode.
    /// </summary>
    internal static FileIdentity Portable(string full)
    {
        var resolved = Resolve(full);
        if (Directory.Exists(resolved))
        {
            return new FileIdentity(FileKind.Directory, resolved, 0, 0);
        }

        if (!File.Exists(resolved))
        {
            return new FileIdentity(FileKind.Missing, resolved, 0, 0);
        }

        var attributes = File.GetAttributes(resolved);
        var special = (attributes & FileAttributes.Device) != 0;
        return new FileIdentity(special ? FileKind.Special : FileKind.Regular, resolved, 0, 0);
    }

    // struct statx is the same on every Linux architecture: stx_nlink (u32) at 16, stx_mode (u16) at 28, stx_ino (u64) at 32,
    // stx_dev_major / stx_dev_minor (u32) at 136 / 140; 256 bytes in all.
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxLinks = 0x4, StatxIno = 0x100;
    private const int ModeTypeMask = 0xF000, ModeDirectory = 0x4000, ModeRegular = 0x8000;
    private const int NoEntry = 2, NotDirectory = 20;

    private static FileIdentity? Statx(string full)
    {
        var buffer = new byte[256];
        int result;
        try
        {
            result = statx(AtFdCwd, full, 0, StatxType | StatxLinks | StatxIno, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without statx (glibc before 2.28): .NET's view is enough.
            return null;
        }

        if (result != 0)
        {
            return Marshal.GetLastPInvokeError() is NoEntry or NotDirectory ? new FileIdentity(FileKind.Missing, full, 0, 0) : null;
        }

        var mode = MemoryMarshal.Read<ushort>(buffer.AsSpan(28)) & ModeTypeMask;
        var kind = mode switch
        {
            ModeRegular => FileKind.Regular,
            ModeDirectory => FileKind.Directory,
            _ => FileKind.Special,
        };
        var inode = MemoryMarshal.Read<ulong>(buffer.AsSpan(32));
        var device = ((ulong)MemoryMarshal.Read<uint>(buffer.AsSpan(136)) << 32)
                     | MemoryMarshal.Read<uint>(buffer.AsSpan(140));
        return new FileIdentity(kind, full, device, inode) { Links = MemoryMarshal.Read<uint>(buffer.AsSpan(16)) };
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
