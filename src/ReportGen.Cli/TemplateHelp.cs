using ReportGen.Model;
using ReportGen.Rendering;

namespace ReportGen.Cli;

/// <summary>The --template option's help: the bundled templates, one line each (<see cref="TemplateCatalog"/>).</summary>
internal static class TemplateHelp
{
    public static string Describe(string what = "报告模板")
    {
        IReadOnlyList<(string Name, string Summary)> templates;
        try
        {
            templates = TemplateCatalog.List(Bundled.TemplatesDirectory);
        }
        catch (InputException)
        {
            templates = [];
        }

        var text = $"{what}：模板名称或 {TemplateRenderer.Extension} 文件路径";
        if (templates.Count == 0)
        {
            return text;
        }

        var width = templates.Max(t => t.Name.Length);
        return text + "。可用的模板：" + string.Concat(templates.Select(t =>
            "\n  " + t.Name.PadRight(width) + (t.Summary.Length > 0 ? "  " + t.Summary : "")));
    }
}
