using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Snapshots;

/// <summary>
/// A test driving Debian's Chromium (apt package chromium) through Playwright. CI installs it (.ci/run) and there
/// the test always runs; on a machine without it the test is skipped with the install command.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!Ci.IsCi && !File.Exists(Executable))
        {
            Skip = "需要 Chromium：apt-get install chromium";
        }
    }
}
