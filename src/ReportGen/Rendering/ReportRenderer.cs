using ReportGen.Analysis;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>Analysis → the report as blocks: build the template model, render the template, place the tables in the words of its partials/表格文字.txt.</summary>
internal static class ReportRenderer
{
    public static ReportDocument Render(DepartmentAnalysis analysis, string templatePath, TemplateLimits? limits = null)
    {
        var model = TemplateModelBuilder.Build(analysis);
        var (text, words) = TemplateRenderer.RenderWithWords(templatePath, model, limits);
        return ReportMarkup.Parse(text, (kind, argument) => ReportTables.Build(model, kind, argument, words));
    }

    /// <summary>The rendered narrative markup without its field marks, as snapshot tests and <c>generate --text</c> see it.</summary>
    public static string RenderText(TemplateModel model, string templatePath, TemplateLimits? limits = null) =>
        ReportMarkup.Plain(TemplateRenderer.Render(templatePath, model, limits));
}
