using ReportGen.Analysis;
using System.CommandLine;
using System.Text;
using ReportGen.Output;
using ReportGen.Rendering;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen preview 工作簿 [--format table|csv|json|md|html] [-o 文件] [-t 模板]</c>: the variance table and
/// the scores; <c>html</c> is the whole report as a web page (<see cref="HtmlPreviewRenderer"/>).
/// </summary>
public static class PreviewCommand
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
            var path = parse.GetValue(outputFile);
            var html = parse.GetValue(format) == "html";
            // The html preview reads the template too: bounded, and never to be overwritten (docs/errors.md).
            var templateFiles = html ? TemplateFiles.Check(parse.GetValue(template)!, Bundled.TemplatesDirectory) : [];
            if (path is not null)
            {
                new OutputGuard([parse.GetValue(workbook), .. templateFiles]).CheckFile(path);
            }

            var analysis = GenerateJob.Analyze(parse.GetValue(workbook)!);
            var text = parse.GetValue(format) switch
            {
                "json" => VariancePreviewRenderer.ToJson(analysis),
                "csv" => VariancePreviewRenderer.ToCsv(analysis),
                "md" => VariancePreviewRenderer.ToMarkdown(analysis),
                "html" => Html(analysis, TemplateRenderer.Resolve(parse.GetValue(template)!, Bundled.TemplatesDirectory)),
                _ => null,
            };
            if (text is null)
            {
                if (path is null)
                {
                    VarianceTable.Write(runner.Output, analysis, interactive: runner.IsTerminal);
                    return ExitCodes.Ok;
                }

                var writer = new StringWriter();
                VarianceTable.Write(writer, analysis, interactive: false);
                text = writer.ToString();
            }

            if (path is null)
            {
                runner.Output.Write(text);
            }
            else
            {
                // UTF-8 with BOM for CSV so that Excel on Windows opens the Chinese correctly.
                _ = AtomicFile.RemoveStale(Path.GetDirectoryName(Path.GetFullPath(path))!, path);
                var encoding = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? new UTF8Encoding(true) : new UTF8Encoding(false);
                AtomicFile.Write(path, stream =>
                {
                    var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
                    stream.Write(bytes);
                });
                runner.Output.WriteLine($"已写入 {path}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The whole report as a web page, its findings including the gaps only this template has (RG200).</summary>
    internal static string Html(DepartmentAnalysis analysis, string templatePath)
    {
        var (checkedAnalysis, document) = GenerateJob.Render(analysis, templatePath);
        return HtmlPreviewRenderer.Render(checkedAnalysis, document);
    }
}
