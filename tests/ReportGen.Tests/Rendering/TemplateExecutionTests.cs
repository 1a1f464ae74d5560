using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// A single report interprets the template, a batch compiles it (issue 6: a faster cold start, a faster batch).
/// The two must not differ in anything a user sees: the text, and the errors with their places.
/// </summary>
public sealed class TemplateExecutionTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var workbooks = Directory.GetDirectories(Path.Combine(Repo.Root, "tests", "ReportGen.Tests", "TestFiles", "Reports"))
            .Select(folder => Path.Combine(folder, "input"))
            .Where(Directory.Exists)
            .Prepend(Repo.SampleCsvFolder);
        foreach (var workbook in workbooks)
        {
            foreach (var template in Directory.GetFiles(Repo.Templates, "*.hbs"))
            {
                data.Add(workbook, template);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Interpreted_and_compiled_templates_render_the_same_text(string workbook, string template)
    {
        var model = TemplateModelBuilder.Build(ReportPipeline.Analyze(workbook));

        var interpreted = TemplateRenderer.Render(template, model, execution: TemplateExecution.Interpreted);
        var compiled = TemplateRenderer.Render(template, model, execution: TemplateExecution.Compiled);

        Assert.Equal(compiled, interpreted);
        Assert.Contains("预算", interpreted);
    }

    [Theory]
    [InlineData(TemplateExecution.Interpreted)]
    [InlineData(TemplateExecution.Compiled)]
    public void A_variable_that_does_not_exist_is_located_either_way(TemplateExecution execution)
    {
        var path = _temp.File("t.hbs");
        File.WriteAllText(path, "正文\n{{#each lines}}{{name}}{{/each}}\n{{没有这个变量}}\n");
        var model = TemplateModelBuilder.Build(ReportPipeline.Analyze(Repo.SampleCsvFolder));

        var error = Assert.Throws<InputException>(() => TemplateRenderer.Render(path, model, execution: execution));

        Assert.Contains("第 3 行", error.Message);
        Assert.Contains("没有这个变量", error.Message);
    }
}
