using System.Diagnostics;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// A small tmpfs mounted for one test: a real full disk or read-only file system, which root (CI runs as root)
/// cannot write through, unlike chmod. Needs Linux and the right to mount; see <see cref="TmpfsFactAttribute"/>.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> KB at a new folder, or null when mounting is not allowed.</summary>
    public static Tmpfs? TryMount(int kilobytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var path = Directory.CreateTempSubdirectory("rg-tmpfs-").FullName;
        if (Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path))
        {
            return new Tmpfs(path);
        }

        Directory.Delete(path);
        return null;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Makes the file system read-only (for everyone, root included).</summary>
    public void MakeReadOnly() => Assert.True(Run("mount", "-o", "remount,ro", Path), "remount read-only failed");

    /// <summary>Writes zeros to a filler file until the file system is full.</summary>
    public void Fill()
    {
        try
        {
            using var filler = new FileStream(File("filler.bin"), FileMode.Create, FileAccess.Write);
            var block = new byte[4096];
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // Full: exactly what the test wants.
        }
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool Run(string program, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit(10_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A test that needs to mount a tmpfs; skipped, with the reason, where mounting is not allowed.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> CanMount = new(() =>
    {
        using var probe = Tmpfs.TryMount(64);
        return probe is not null;
    });

    public TmpfsFactAttribute()
    {
        if (!CanMount.Value)
        {
            Skip = "需要在 Linux 上以 root 挂载 tmpfs（模拟磁盘已满与只读位置）；AtomicFileHostileTests 用抛出异常的写入覆盖同一保证";
        }
    }
}
