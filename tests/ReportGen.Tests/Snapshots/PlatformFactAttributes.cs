namespace ReportGen.Tests.Snapshots;

/// <summary>
/// A test that runs only on Linux (it uses /proc, /dev or a Linux tool): elsewhere it is reported as skipped, with the
/// reason, rather than passing without doing anything.
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "只在 Linux 上运行（用到 /proc、/dev 或 Linux 命令）";
        }
    }
}

/// <summary>
/// A test that needs POSIX file semantics (symbolic and hard links, file modes, shell scripts): skipped, with the
/// reason, on Windows.
/// </summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Windows 上不运行（用到 POSIX 文件模式、链接或 sh 脚本）";
        }
    }
}

/// <summary>The theory form of <see cref="UnixFactAttribute"/>.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Windows 上不运行（用到 POSIX 文件模式、链接或 sh 脚本）";
        }
    }
}
