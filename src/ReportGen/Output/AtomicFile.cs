using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ReportGen.Output;

/// <summary>
/// Replaces a file in one step: the content goes to a temp file beside the target, which is moved over the target
/// only once it is complete. A failure midway (an exception in the writer, a full disk) leaves the previous file as
/// it was and no temp file behind, so a half-written report is never left where the user expects the real one.
/// </summary>
internal static partial class AtomicFile
{
    private static int Counter;

    /// <exception cref="DirectoryNotFoundException">The target's folder does not exist.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"不是文件路径：{path}", nameof(path));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"输出文件夹不存在：{folder}");
        }

        if (Directory.Exists(target))
        {
            throw new IOException($"输出路径是一个文件夹，不是文件：{target}");
        }

        // Same folder, so the final move is a rename on one volume; the leading dot hides it on Unix.
        var temp = Path.Combine(
            folder,
            $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}-{Interlocked.Increment(ref Counter)}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            _ = TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Removes temp files an earlier run left when it was killed midway (<c>kill -9</c>, a power cut): only names
    /// of the exact form <see cref="Write"/> gives them, whose process is no longer running (or which are older than
    /// a day, when the number may belong to a new process), and not touched for <see cref="StaleAfter"/>, so that
    /// a write under way on another computer sharing the folder is left alone. Never fails.
    /// </summary>
    /// <param name="target">Only the temp files of this file name; null for every temp file in the folder.</param>
    /// <returns>How many files were removed.</returns>
    public static int RemoveStale(string folder, string? target = null, bool recursive = false)
    {
        var removed = 0;
        try
        {
            if (!Directory.Exists(folder))
            {
                return 0;
            }

            var pattern = target is null ? ".*.tmp-*" : $".{Path.GetFileName(target)}.tmp-*";
            var options = new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = 0, IgnoreInaccessible = true };
            foreach (var file in Directory.EnumerateFiles(folder, pattern, options))
            {
                if (IsStale(file) && TryDelete(file))
                {
                    removed++;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Cleaning up after someone else is a courtesy; the write itself reports its own failures.
        }

        return removed;
    }

    /// <summary>How long a temp file of a process that is gone must sit untouched before it counts as abandoned.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private static bool IsStale(string file)
    {
        if (TempName().Match(Path.GetFileName(file)) is not { Success: true } match
            || !int.TryParse(match.Groups[1].ValueSpan, out var pid) || pid == Environment.ProcessId)
        {
            return false;
        }

        var age = DateTime.UtcNow - File.GetLastWriteTimeUtc(file);
        return age > TimeSpan.FromDays(1) || (age > StaleAfter && !IsRunning(pid));
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The file a temp name of <see cref="Write"/> stands for (".报告.docx.tmp-12-1" → "报告.docx"); other paths as they are.</summary>
    public static string? TargetOf(string? path)
    {
        if (path is null || !TempName().IsMatch(Path.GetFileName(path)))
        {
            return path;
        }

        var name = Path.GetFileName(path);
        return Path.Combine(Path.GetDirectoryName(path) ?? "", name[1..name.LastIndexOf(".tmp-", StringComparison.Ordinal)]);
    }

    [GeneratedRegex(@"^\..+\.tmp-([0-9]{1,10})-[0-9]{1,10}$")]
    private static partial Regex TempName();

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            // The original exception matters more than a temp file we could not remove.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return false;
    }
}
