namespace ReportGen.Output;

/// <summary>
/// Replaces a file in one step: the content goes to a temp file beside the target, which is moved over the target
/// only once it is complete. A failure midway (an exception in the writer, a full disk) leaves the previous file as
/// it was and no temp file behind, so a half-written report is never left where the user expects the real one.
/// </summary>
public static class AtomicFile
{
    private static int counter;

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
            $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}-{Interlocked.Increment(ref counter)}");
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
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original exception matters more than a temp file we could not remove.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
