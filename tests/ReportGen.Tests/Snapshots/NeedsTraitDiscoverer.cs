using Xunit.Abstractions;
using Xunit.Sdk;

namespace ReportGen.Tests.Snapshots;

/// <summary>
/// Gives every test marked <see cref="LibreOfficeFactAttribute"/> or <see cref="ChromiumFactAttribute"/> the trait
/// <c>Needs=LibreOffice</c> or <c>Needs=Chromium</c>, so that the inner loop can leave out the slow tests that start
/// those programs: <c>dotnet test --filter "Needs!=LibreOffice&amp;Needs!=Chromium"</c> (README, Development). The
/// attribute carries the trait itself, so a new test cannot forget it.
/// </summary>
public sealed class NeedsTraitDiscoverer : ITraitDiscoverer
{
    public const string TypeName = "ReportGen.Tests.Snapshots.NeedsTraitDiscoverer";
    public const string AssemblyName = "ReportGen.Tests";
    public const string Trait = "Needs";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        if ((traitAttribute as IReflectionAttributeInfo)?.Attribute is INeedsProgram needs)
        {
            yield return new KeyValuePair<string, string>(Trait, needs.Program);
        }
    }
}

/// <summary>A test attribute naming the outside program its test starts (the value of the <c>Needs</c> trait).</summary>
public interface INeedsProgram : ITraitAttribute
{
    string Program { get; }
}

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
