namespace ReportGen.Tests.Cli.Serve;

/// <summary>
/// The workbench tests run one after another: they check that no request leaves a folder behind in the temp
/// directory, which another workbench test's request in flight would hold.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkbenchCollection
{
    public const string Name = "Workbench";
}
