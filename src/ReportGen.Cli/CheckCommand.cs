using System.CommandLine;
using System.Text.Json.Nodes;
using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Rendering;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen check 工作簿 [--format text|json] [-t 模板]</c>: the findings, including the missing items only the chosen
/// template's outline has (RG200), and exit 1 when any is an error.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliRunner runner)
    {
        var workbook = new Argument<string>("工作簿") { Description = "年终预算执行工作簿（.xlsx、.xls，或每个工作表一个 .csv 的文件夹）" };
        var format = new Option<string>("--format", "-f") { HelpName = "格式", Description = "输出格式：text（默认）或 json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var template = new Option<string>("--template", "-t")
        {
            HelpName = "名称|路径",
            Description = TemplateHelp.Describe("按此报告模板检查（另外列出该模板要求而工作簿未填写的内容，如湖南格式的自评结果应用情况）"),
            DefaultValueFactory = _ => "default",
        };
        var command = new Command("check", "检查工作簿：核对金额勾稽关系、执行率、项目名称对应和文字遗留问题，并列出所选报告模板中将留待填写的内容。有错误时退出码为 " + ExitCodes.FindingsWithErrors + "。")
        {
            workbook,
            format,
            template,
        };
        command.SetAction(parse => runner.Run(parse, () =>
        {
            var analysis = GenerateJob.Check(parse.GetValue(workbook)!, parse.GetValue(template)!, Bundled.TemplatesDirectory);
            if (parse.GetValue(format) == "json")
            {
                runner.Output.Write(VariancePreviewRenderer.ToJson(Json(analysis, analysis.Workbook.Path)));
            }
            else
            {
                WriteText(runner.Output, analysis);
            }

            return analysis.HasErrors ? ExitCodes.FindingsWithErrors : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// <c>check --format json</c> (and the workbench's <c>/api/check</c>, docs/serve.md): the workbook as the user
    /// named it, the department, the counts and every finding.
    /// </summary>
    public static JsonObject Json(DepartmentAnalysis analysis, string file) => new()
    {
        ["file"] = file,
        ["department"] = analysis.Workbook.Department.Name,
        ["year"] = analysis.Workbook.Department.Year,
        ["errors"] = analysis.Findings.CountOf(Severity.Error),
        ["warnings"] = analysis.Findings.CountOf(Severity.Warning),
        ["infos"] = analysis.Findings.CountOf(Severity.Info),
        ["findings"] = VariancePreviewRenderer.FindingsJson(analysis.Findings),
    };

    public static void WriteText(TextWriter output, DepartmentAnalysis analysis)
    {
        var department = analysis.Workbook.Department;
        output.WriteLine($"检查 {Path.GetFileName(analysis.Workbook.Path)}（{department.Name}，{department.Year}年度）");
        foreach (var finding in analysis.Findings)
        {
            output.WriteLine(finding.Line);
        }

        var errors = analysis.Findings.CountOf(Severity.Error);
        output.WriteLine(analysis.Findings.Count == 0
            ? "未发现问题。"
            : $"共 {errors} 个错误、{analysis.Findings.CountOf(Severity.Warning)} 个警告、{analysis.Findings.CountOf(Severity.Info)} 个提示。"
              + (errors > 0 ? "请先修正错误，再生成报告。" : ""));
    }
}
