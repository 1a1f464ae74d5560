using ReportGen.Tests.Rendering;
using ReportGen.Tests.TestSupport;
using Xunit.Sdk;

namespace ReportGen.Tests.Snapshots;

/// <summary>The test tooling itself: the traits that let the inner loop skip slow tests, and the accept switch.</summary>
public sealed class TestToolingTests
{
    private static Dictionary<string, string> TraitsOf(Type type, string method)
    {
        var attributes = type.GetMethod(method)!.CustomAttributes
            .Where(a => typeof(ITraitAttribute).IsAssignableFrom(a.AttributeType))
            .ToList();
        var traits = new Dictionary<string, string>();
        foreach (var data in attributes)
        {
            // As xunit does it: the attribute type names its discoverer, which turns the attribute into traits.
            var name = (string)data.AttributeType.GetCustomAttributesData()
                .Single(d => d.AttributeType == typeof(TraitDiscovererAttribute)).ConstructorArguments[0].Value!;
            var instance = (ITraitDiscoverer)Activator.CreateInstance(Type.GetType($"{name}, {NeedsTraitDiscoverer.AssemblyName}", throwOnError: true)!)!;
            foreach (var (key, value) in instance.GetTraits(Reflector.Wrap(data)))
            {
                traits[key] = value;
            }
        }

        return traits;
    }

    [Fact]
    public void LibreOffice_and_Chromium_tests_carry_the_Needs_trait()
    {
        Assert.Equal("LibreOffice", TraitsOf(typeof(Output.PdfConverterTests), nameof(Output.PdfConverterTests.Two_parallel_conversions_give_A4_pdfs_with_the_key_figures))[NeedsTraitDiscoverer.Trait]);
        Assert.Equal("Chromium", TraitsOf(typeof(HtmlPreviewBrowserTests), nameof(HtmlPreviewBrowserTests.The_sample_preview_shows_its_figures_and_tables_in_Chromium))[NeedsTraitDiscoverer.Trait]);
        Assert.Empty(TraitsOf(typeof(TestToolingTests), nameof(LibreOffice_and_Chromium_tests_carry_the_Needs_trait)));
    }

    [Fact]
    public void Accepting_golden_files_is_refused_in_CI()
    {
        var refused = Assert.Throws<FailException>(() => Repo.AcceptFrom("1", ci: true));
        Assert.Equal(Repo.AcceptRefusedInCi, refused.Message);
        Assert.True(Repo.AcceptFrom("1", ci: false));
        Assert.False(Repo.AcceptFrom(null, ci: true));
        Assert.False(Repo.AcceptFrom("0", ci: false));
    }
}
