using ReportGen.Output;
using ReportGen.Rendering;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The whole report for the two samples ("sample" the real Shifeng 2023, "example" the fictional default 示例县文化旅游局)
/// and for small cases (调减, a project without targets, a department in 元, an explained overspend): the rendered
/// narrative and a normalised dump of the .docx, each against a golden file.
/// </summary>
public sealed class ReportSnapshotTests
{
    private const string NarrativeSuffix = ".narrative.txt";

    /// <summary>
    /// The cases are the folders under TestFiles/Reports: each folder with every template it has a golden narrative
    /// for, and always "default" (so a new folder holding only <c>input/</c> fails until its golden files are
    /// accepted). Adding a case is adding a folder; no list to keep in step.
    /// </summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(Repo.ReportCases).Order(StringComparer.Ordinal))
        {
            var templates = Directory.GetFiles(folder, "*" + NarrativeSuffix)
                .Select(f => Path.GetFileName(f)[..^NarrativeSuffix.Length])
                .Append("default")
                .Distinct()
                .Order(StringComparer.Ordinal);
            foreach (var template in templates)
            {
                data.Add(Path.GetFileName(folder), template);
            }
        }

        return data;
    }

    private static string InputOf(string name) => name switch
    {
        "sample" => Repo.SampleCsvFolder,
        "example" => Repo.ExampleCsvFolder,
        _ => Path.Combine(Repo.ReportCases, name, "input"),
    };

    private static string GoldenOf(string name, string template, string kind) =>
        Path.Combine(Repo.ReportCases, name, $"{template}.{kind}.txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Narrative_matches_golden(string name, string template)
    {
        var analysis = GenerateJob.Analyze(InputOf(name));
        var text = ReportRenderer.RenderText(TemplateModelBuilder.Build(analysis), TemplateRenderer.Resolve(template, Repo.Templates));
        Golden.Verify(GoldenOf(name, template, "narrative"), text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Docx_dump_matches_golden(string name, string template)
    {
        var analysis = GenerateJob.Analyze(InputOf(name));
        Assert.False(analysis.HasErrors, string.Join("\n", analysis.Findings.Select(f => f.Message)));
        var document = ReportRenderer.Render(analysis, TemplateRenderer.Resolve(template, Repo.Templates));
        using var stream = new MemoryStream();
        DocxWriter.Write(document, stream, DocxLayout.Default);
        stream.Position = 0;
        Golden.Verify(GoldenOf(name, template, "docx"), DocxDump.Dump(stream));
    }
}
