using ReportGen.Tests.TestSupport;
using Xunit.Sdk;

namespace ReportGen.Tests.Snapshots;

/// <summary>
/// A test driving Debian's Chromium (apt package chromium) through Playwright. CI installs it (.ci/run) and there
/// the test always runs; on a machine without it the test is skipped with the install command. It carries the trait
/// <c>Needs=Chromium</c> (<see cref="NeedsTraitDiscoverer"/>).
/// </summary>
[TraitDiscoverer(NeedsTraitDiscoverer.TypeName, NeedsTraitDiscoverer.AssemblyName)]
public sealed class ChromiumFactAttribute : FactAttribute, INeedsProgram
{
    public const string Executable = "/usr/bin/chromium";

    public string Program => "Chromium";

    public ChromiumFactAttribute()
    {
        if (!Ci.IsCi && !File.Exists(Executable))
        {
            Skip = "需要 Chromium：apt-get install chromium";
        }
    }
}
