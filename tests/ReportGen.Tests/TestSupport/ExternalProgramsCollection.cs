namespace ReportGen.Tests.TestSupport;

/// <summary>
/// Tests that start LibreOffice or Chromium: they run alone, after the parallel tests, so that their processes do
/// not take the cores from tests that measure a time bound (Hostile/HostileSizeTests) on a 2-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExternalProgramsCollection
{
    public const string Name = "External programs";
}
