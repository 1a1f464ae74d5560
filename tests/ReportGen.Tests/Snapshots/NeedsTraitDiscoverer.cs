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
