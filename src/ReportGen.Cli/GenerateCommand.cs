using System.CommandLine;
using ReportGen.Rendering;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen generate [工作簿] [-o 报告.docx] [--template 名称|路径] [--style 参考.docx] [--text]</c>: the main job.
/// Without a workbook it renders the bundled sample into ./out/.
/// </summary>
public static class GenerateCommand
{
    public static Command Create(CliRunner runner)
    {
        var workbook = new Argument<string?>("工作簿")
        {
            Description = "年终预算执行工作簿；省略时使用自带的石峰区委宣传部2023年样例",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--output", "-o") { Description = "报告文件路径（.docx）；默认写到 ./out/部门名称+年度+“年度部门整体支出绩效自评报告.docx”" };
        var template = new Option<string>("--template", "-t") { Description = "报告模板：模板名称（default、sichuan）或 .hbs 文件路径", DefaultValueFactory = _ => "default" };
        var style = new Option<string?>("--style") { Description = "参考 .docx：用其中的样式（字体、字号、页边距）替换默认版式" };
        var text = new Option<bool>("--text") { Description = "只把报告正文（渲染后的模板文字）打印到屏幕，不生成 Word 文件" };
        var command = new Command("generate", "生成部门整体支出绩效自评报告（Word .docx）：正文按模板生成，附自评表和预算执行差异表。工作簿有错误时不生成。")
        {
            workbook, output, template, style, text,
        };
        command.SetAction(parse => runner.Run(parse, () =>
        {
            var request = new ReportRequest(
                parse.GetValue(workbook) ?? Bundled.SampleWorkbook,
                parse.GetValue(template)!,
                Bundled.TemplatesDirectory,
                parse.GetValue(output),
                parse.GetValue(style));
            if (parse.GetValue(text))
            {
                var analysis = ReportPipeline.Analyze(request.WorkbookPath);
                var model = TemplateModelBuilder.Build(analysis);
                runner.Output.Write(ReportRenderer.RenderText(model, TemplateRenderer.Resolve(request.Template, request.TemplatesDirectory)));
                return ExitCodes.Ok;
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
