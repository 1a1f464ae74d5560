using System.CommandLine;
using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen generate [工作簿] [-o 报告.docx] [--template 名称|路径] [--style 参考.docx] [--text]</c>: the main job.
/// Without a workbook it renders the bundled sample into ./out/.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliRunner runner)
    {
        var workbook = new Argument<string?>("工作簿")
        {
            Description = "年终预算执行工作簿；省略时使用自带样例（虚构的示例县文化旅游局2024年）",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--output", "-o") { HelpName = "报告.docx", Description = "报告文件路径（.docx；写 .pdf 时生成同名的 .docx 和 PDF，同 --pdf）；默认写到 ./out/部门名称+年度+“年度部门整体支出绩效自评报告.docx”" };
        var template = new Option<string>("--template", "-t") { HelpName = "名称|路径", Description = TemplateHelp.Describe(), DefaultValueFactory = _ => "default" };
        var style = StyleOption();
        var fonts = FontOption();
        var text = new Option<bool>("--text") { Description = "只把报告正文（渲染后的模板文字）打印到屏幕，不生成 Word 文件" };
        var pdf = PdfOption.Create();
        var force = new Option<bool>("--force") { Description = "报告在生成后被修改过（在 Word / WPS 中填写过）时也覆盖它；不加时拒绝覆盖，请先用 reportgen import 报告.docx --into 工作簿.xlsx 把修改写回工作簿" };
        var xlsx = new Option<bool>("--xlsx") { Description = "同时把附表（部门整体支出绩效自评表、各项目支出绩效自评表、预算执行差异表）写成一个 Excel 工作簿，每表一个工作表，放在报告旁边（报告名-附表.xlsx），可导入或粘贴到预算管理一体化系统" };
        var command = new Command("generate", "生成部门整体支出绩效自评报告（Word .docx，加 --pdf 同时生成 PDF）：正文按模板生成，附自评表和预算执行差异表。工作簿有错误时不生成。")
        {
            workbook, output, template, style, fonts, text, pdf, xlsx, force,
        };
        command.SetAction(parse => runner.Run(parse, () =>
        {
            var (docxPath, pdfPath, wantPdf) = PdfOption.Resolve(parse.GetValue(output), parse.GetValue(pdf));
            CheckExtension(docxPath);
            var textOnly = parse.GetValue(text);
            var request = new GenerateRequest(
                parse.GetValue(workbook) ?? Bundled.SampleWorkbook,
                parse.GetValue(template)!,
                Bundled.TemplatesDirectory,
                docxPath,
                parse.GetValue(style))
            {
                Layout = FontOptions.Apply(DocxLayout.Default, parse.GetValue(fonts) ?? []),
                TextOnly = textOnly,
                Force = parse.GetValue(force),

                // Found before anything is written: without LibreOffice nothing is generated (exit 2).
                Pdf = wantPdf && !textOnly ? PdfConverter.Create(runner.LocateLibreOffice) : null,
                PdfPath = pdfPath,
                Xlsx = parse.GetValue(xlsx),
            };
            if (request.Pdf is not null && FontCheck.Warning(FontCheck.Check(request.Layout)) is { } missingFonts)
            {
                runner.Error.WriteLine(missingFonts);
            }

            var result = GenerateJob.Run(request);
            if (result.Narrative is { } narrative)
            {
                runner.Output.Write(narrative);
                return ExitCodes.Ok;
            }

            var code = Report(runner, result, request.Template);
            if (result.XlsxPath is { } tables)
            {
                runner.Output.WriteLine($"已生成 {tables}（附表）");
            }

            if (result.PdfFailure is { } failure)
            {
                return runner.Fail(failure, parse.GetValue(CliRunner.Verbose));
            }

            if (result.PdfPath is { } written)
            {
                runner.Output.WriteLine($"已生成 {written}");
            }

            return code;
        }));
        return command;
    }

    /// <summary>Only .docx is written; another extension would name a Word file wrongly (docs/errors.md).</summary>
    private static void CheckExtension(string? path)
    {
        var extension = path is null ? ".docx" : Path.GetExtension(path);
        if (string.Equals(extension, ".docx", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var how = extension.ToLowerInvariant() switch
        {
            ".doc" or ".wps" => "如需该格式，请先生成 .docx，再用 Word 或 WPS 打开并另存为所需格式。",
            ".txt" or ".md" => "如只需正文文字，请使用 --text 把正文打印到屏幕（可重定向到文件）。",
            _ => "请把输出文件名改为以 .docx 结尾，例如 -o 报告.docx。",
        };
        throw new InputException($"输出文件“{path}”不是 .docx：generate 只生成 Word 文档（.docx）。{how}");
    }

    private static int Report(CliRunner runner, GenerateResult result, string template)
    {
        var analysis = result.Analysis;
        if (result.OutputPath is null)
        {
            runner.Error.WriteLine($"未生成报告：{Path.GetFileName(analysis.Workbook.Path)} 有 {analysis.Findings.CountOf(Severity.Error)} 个错误，报告中的数字将不可靠。请先修正：");
            foreach (var finding in analysis.Findings.Errors())
            {
                runner.Error.WriteLine(finding.Line);
            }

            return ExitCodes.FindingsWithErrors;
        }

        var figures = analysis.Figures;
        runner.Output.WriteLine($"已生成 {result.OutputPath}");
        runner.Output.WriteLine($"  预算收入 {Money.Format(figures.Department.Final)} 万元，支出 {Money.Format(figures.Department.Actual)} 万元，执行率 {Money.FormatPercent(figures.Department.ExecutionRate)}，{figures.ProjectCount} 个项目。");
        var undetermined = (analysis.DepartmentScore?.Undetermined ?? 0) + analysis.ProjectScores.Values.Sum(s => s.Undetermined);
        if (undetermined > 0)
        {
            // The score as a range while indicators are undecided: never one figure, never a grade the range does not fix.
            runner.Output.WriteLine($"  {undetermined} 个指标无法判断（缺少实际完成值或完成情况），得分为暂定。");
            if (analysis.DepartmentScore is { Provisional: true } provisional)
            {
                runner.Output.WriteLine($"  部门整体绩效自评已评定指标得分 {Money.Format(provisional.Total)} 分；补齐其 {provisional.Undetermined} 个指标后，"
                    + $"得分在 {Money.Format(provisional.Total)} 至 {Money.Format(provisional.Ceiling)} 分之间，"
                    + (provisional.GradeDecided ? $"等级“{provisional.Grade}”。" : "等级待定。"));
            }
        }

        var warnings = analysis.Findings.CountOf(Severity.Warning);
        if (result.Placeholders > 0 || warnings > 0)
        {
            // A cell may show in two places (docs/workbook.md, "Missing inputs"): the places and the cells to fill are both counted.
            runner.Output.WriteLine($"  报告中有 {result.Placeholders} 处【待填写】内容（已用黄色标出，对应 {result.PlaceholderCells} 个待填单元格），检查发现 {warnings} 个警告；运行 reportgen check{CheckTemplate(template)} 查看需要补充的信息。");
        }
        else if (analysis.DepartmentScore is { } score)
        {
            // Only a complete report states its score as final: with a placeholder or a warning the score may rest on missing data.
            runner.Output.WriteLine($"  部门整体绩效自评得分 {Money.Format(score.Total)} 分，等级“{score.Grade}”。");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The <c>-t</c> that makes <c>check</c> list the same missing items as this report (RG200), quoted when it has a space.</summary>
    private static string CheckTemplate(string template) => template == "default" ? ""
        : template.Any(char.IsWhiteSpace) ? $" -t \"{template}\"" : $" -t {template}";

    /// <summary><c>--style 参考.docx</c>, shared with <c>batch</c>.</summary>
    internal static Option<string?> StyleOption() =>
        new("--style") { HelpName = "参考.docx", Description = "参考 .docx：用其中的样式（字体、字号、页边距）替换默认版式" };

    /// <summary><c>--font 角色=字体</c> (repeatable), shared with <c>batch</c>; <see cref="FontOptions.Apply"/> reads it.</summary>
    internal static Option<string[]> FontOption() => new("--font")
    {
        HelpName = "角色=字体",
        Description = "更换字体，可重复：角色=字体，角色为 标题、正文、一级标题、二级标题、三级标题、表格、页码、西文。例：--font 正文=仿宋 --font 标题=宋体",
        AllowMultipleArgumentsPerToken = false,
    };

}
