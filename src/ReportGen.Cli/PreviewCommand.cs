using System.CommandLine;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen preview 工作簿 [--format table|csv|json|md|html] [-o 文件] [-t 模板]</c>: the variance table and
/// the scores; <c>html</c> is the whole report as a web page. The work is <see cref="PreviewJob"/>'s.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create(CliRunner runner)
    {
        var workbook = new Argument<string>("工作簿") { Description = "年终预算执行工作簿（.xlsx、.xls，或每个工作表一个 .csv 的文件夹）" };
        var format = new Option<string>("--format", "-f") { HelpName = "格式", Description = "输出格式：table（终端表格，默认）、csv、json、md、html（整份报告的网页预览，用浏览器打开）", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json", "md", "html");
        var outputFile = new Option<string?>("--output", "-o") { HelpName = "文件", Description = "写入文件而不是屏幕（table 格式写为纯文本）" };
        var template = new Option<string>("--template", "-t") { HelpName = "名称|路径", Description = TemplateHelp.Describe("html 格式所用的报告模板"), DefaultValueFactory = _ => "default" };
        var command = new Command("preview", "预览预算执行差异表：每个预算行的年初预算、调整、全年预算、实际支出、结余结转和执行率，含基本支出、项目支出小计和合计，标出需要关注的行；以及指标评分。html 格式另含整份报告。")
        {
            workbook,
            format,
            outputFile,
            template,
        };
        command.SetAction(parse => runner.Run(parse, () =>
        {
            var request = new PreviewRequest(parse.GetValue(workbook)!, Formats[parse.GetValue(format)!], parse.GetValue(outputFile),
                parse.GetValue(template)!, Bundled.TemplatesDirectory);
            var result = PreviewJob.Run(request, analysis =>
            {
                var writer = new StringWriter();
                VarianceTable.Write(writer, analysis, interactive: false);
                return writer.ToString();
            });
            if (result.WrittenPath is not null)
            {
                runner.Output.WriteLine($"已写入 {result.WrittenPath}");
            }
            else if (result.Text is null)
            {
                VarianceTable.Write(runner.Output, result.Analysis, interactive: runner.IsTerminal);
            }
            else
            {
                runner.Output.Write(result.Text);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static readonly Dictionary<string, PreviewFormat> Formats = new(StringComparer.Ordinal)
    {
        ["table"] = PreviewFormat.Table,
        ["csv"] = PreviewFormat.Csv,
        ["json"] = PreviewFormat.Json,
        ["md"] = PreviewFormat.Markdown,
        ["html"] = PreviewFormat.Html,
    };
}
