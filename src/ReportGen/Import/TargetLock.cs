using System.Security.Cryptography;
using System.Text;
using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>
/// The guards around writing the clerk's workbook (docs/import.md, "While the workbook is open"):
/// <list type="bullet">
/// <item>a workbook open in Excel, WPS or LibreOffice is refused, naming the program: their next save would undo the
/// import without a word. Each leaves a file beside the workbook while it is open: Excel and WPS on Windows
/// <c>~$name.xlsx</c> (Word-style, with the first characters of a long name dropped), LibreOffice
/// <c>.~lock.name.xlsx#</c> (holding the user's name), WPS on Linux <c>.~name.xlsx</c>;</item>
/// <item>two imports into one workbook at the same moment: the second waits for the first (up to
/// <see cref="Wait"/>), then reads what the first wrote, or is refused; never silently lost. The lock is an
/// exclusive OS lock on a small file under the system temp folder named by the workbook's full path, so it is
/// released even when a run is killed, and nothing is added to the clerk's folder.</item>
/// </list>
/// </summary>
internal sealed class TargetLock : IDisposable
{
    /// <summary>How long a second writer waits for the first.</summary>
    public static TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(15);

    private readonly FileStream? _stream;

    private TargetLock(FileStream? stream) => _stream = stream;

    public void Dispose() => _stream?.Dispose();

    /// <summary>Refuses a workbook another program has open for editing, naming the program and its lock file.</summary>
    public static void RefuseOpenElsewhere(string target)
    {
        if (OpenBy(target) is not { } open)
        {
            return;
        }

        var name = Path.GetFileName(target);
        throw new InputException(
            $"工作簿“{name}”正在 {open.Program} 中打开（旁边有它的锁定文件“{Path.GetFileName(open.LockFile)}”），导入没有写入任何内容："
            + $"现在写入的内容会在 {open.Program} 下次保存时被覆盖。请先在 {open.Program} 中保存并关闭“{name}”，再重新导入。"
            + $"如果它其实没有打开（程序异常退出后留下了锁定文件），请删除“{Path.GetFileName(open.LockFile)}”后重试。",
            new SourceLocation(target, null));
    }

    /// <summary>The program holding <paramref name="target"/> open, from its lock file, or null.</summary>
    public static (string Program, string LockFile)? OpenBy(string target)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".";
        var name = Path.GetFileName(target);
        var libreOffice = Path.Combine(folder, ".~lock." + name + "#");
        if (File.Exists(libreOffice))
        {
            var user = LibreOfficeUser(libreOffice);
            return (user is null ? "LibreOffice" : $"LibreOffice（用户 {user}）", libreOffice);
        }

        var wps = Path.Combine(folder, ".~" + name);
        if (File.Exists(wps))
        {
            return ("WPS", wps);
        }

        // Excel writes ~$ + the whole name; Word-style owner files drop one or two leading characters of long names.
        var owners = new List<string> { "~$" + name };
        if (name.Length > 1)
        {
            owners.Add("~$" + name[1..]);
        }

        if (name.Length > 2)
        {
            owners.Add("~$" + name[2..]);
        }

        foreach (var owner in owners.Select(owner => Path.Combine(folder, owner)))
        {
            if (File.Exists(owner))
            {
                return ("Excel 或 WPS", owner);
            }
        }

        return null;
    }

    /// <summary>
    /// Takes the writer's lock of <paramref name="target"/>, waiting up to <see cref="Wait"/> for another import.
    /// Where the lock file cannot be made at all (a temp folder of another user), the import goes on without it.
    /// </summary>
    public static TargetLock Acquire(string target)
    {
        var path = LockPath(target);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new TargetLock(null);
        }

        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            try
            {
                return new TargetLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (UnauthorizedAccessException)
            {
                return new TargetLock(null);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException ex)
            {
                throw new InputException(
                    $"另一个 reportgen import 正在写入工作簿“{Path.GetFileName(target)}”，等待 {Wait.TotalSeconds:0} 秒后仍未结束，这次导入没有写入任何内容。"
                    + "请等它完成后重新导入（重新导入会在它写入的内容上更新）。", new SourceLocation(target, null), ex);
            }
        }
    }

    /// <summary>The lock file of a workbook: under the temp folder, named by a hash of its full path.</summary>
    public static string LockPath(string target)
    {
        var full = Path.GetFullPath(target);
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS())
        {
            full = full.ToUpperInvariant();
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..32];
        return Path.Combine(Path.GetTempPath(), "reportgen-locks", hash + ".lock");
    }

    /// <summary>LibreOffice's lock file is one CSV line: user name, host, user, date, profile.</summary>
    private static string? LibreOfficeUser(string lockFile)
    {
        try
        {
            var info = new FileInfo(lockFile);
            if (info.Length is 0 or > 4096)
            {
                return null;
            }

            var first = File.ReadAllText(lockFile).Split(',')[0].Trim();
            return first.Length is > 0 and <= 64 && !first.Any(char.IsControl) ? first : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
