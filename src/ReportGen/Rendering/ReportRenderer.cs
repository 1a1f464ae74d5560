using ReportGen.Analysis;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>Analysis → the report as blocks: build the template model, render the template, place the tables in the words of its partials/表格文字.txt.</summary>
internal static class ReportRenderer
{
    public static ReportDocument Render(DepartmentAnalysis analysis, string templatePath, TemplateLimits? limits = null)
    {
        var model = TemplateModelBuilder.Build(analysis);
        return Parse(model, TemplateRenderer.RenderWithWords(templatePath, model, limits));
    }

    /// <summary>As above, from a template read once for many reports (<see cref="TemplateRenderer.Prepare"/>).</summary>
    public static ReportDocument Render(DepartmentAnalysis analysis, ParsedTemplate template)
    {
        var model = TemplateModelBuilder.Build(analysis);
        return Parse(model, TemplateRenderer.RenderWithWords(template, model));
    }

    private static ReportDocument Parse(TemplateModel model, (string Text, TableText Words) rendered) =>
        ReportMarkup.Parse(rendered.Text, (kind, argument) => ReportTables.Build(model, kind, argument, rendered.Words));

    /// <summary>The rendered narrative markup without its field marks, as snapshot tests and <c>generate --text</c> see it.</summary>
    public static string RenderText(TemplateModel model, string templatePath, TemplateLimits? limits = null) =>
        ReportMarkup.Plain(TemplateRenderer.Render(templatePath, model, limits));
}
