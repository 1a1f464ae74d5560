using ReportGen.Output;
using ReportGen.Tests.TestSupport;
using Xunit.Sdk;

namespace ReportGen.Tests.Snapshots;

/// <summary>
/// A test that needs LibreOffice and poppler (the real-client check, --pdf). CI installs them (.ci/run), and there
/// the test always runs; on a developer machine without them it is skipped with the install command. It carries the
/// trait <c>Needs=LibreOffice</c> (<see cref="NeedsTraitDiscoverer"/>).
/// </summary>
[TraitDiscoverer(NeedsTraitDiscoverer.TypeName, NeedsTraitDiscoverer.AssemblyName)]
public sealed class LibreOfficeFactAttribute : FactAttribute, INeedsProgram
{
    public string Program => "LibreOffice";

    public LibreOfficeFactAttribute()
    {
        if (!Ci.IsCi && (LibreOfficeLocator.Find() is null || Which("pdftotext") is null || Which("pdfinfo") is null))
        {
            Skip = "需要 LibreOffice 与 poppler：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils";
        }
    }

    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
