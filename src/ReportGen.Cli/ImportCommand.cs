using System.CommandLine;
using ReportGen.Import;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen import &lt;目标表文件…&gt; --into &lt;工作簿.xlsx&gt; [--dry-run]</c>: fills the target sheets of a workbook
/// from the start-of-year forms. Exit codes: 0 done, 1 the import checks found errors, 2 an input could not be read.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliRunner runner)
    {
        var forms = new Argument<string[]>("目标表文件")
        {
            Description = "年初绩效目标表（附表1、汇总表、附表3、项目绩效目标表），.docx、.xlsx 或 .xls，可以多个",
            Arity = ArgumentArity.OneOrMore,
        };
        var into = new Option<string>("--into")
        {
            HelpName = "工作簿.xlsx",
            Description = "要填写的工作簿（.xlsx）；不存在时新建，已存在时只更新目标部分，保留已填写的执行数据",
            Required = true,
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "只显示识别结果和检查结果，不写入工作簿",
        };

        var force = new Option<bool>("--force")
        {
            Description = "目标表的部门名称或年度与工作簿不同时仍然导入（例如部门改了名）；默认拒绝，以免覆盖其他部门或年度的数据",
        };

        var command = new Command("import", "从年初绩效目标表（Word / Excel）导入项目目标、绩效指标和预算数到工作簿")
        {
            forms, into, dryRun, force,
        };
        command.SetAction(parse => runner.Run(parse, () =>
        {
            var request = new ImportRequest(parse.GetValue(forms) ?? [], parse.GetValue(into)!, parse.GetValue(dryRun), NewCommand.GuidePath(), parse.GetValue(force));
            var result = ImportJob.Run(request);
            ImportSummaryRenderer.Render(result, runner.Output);
            return result.HasErrors ? ExitCodes.FindingsWithErrors : ExitCodes.Ok;
        }));
        return command;
    }
}
