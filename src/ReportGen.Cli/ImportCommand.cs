using System.CommandLine;
using ReportGen.Import;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen import &lt;目标表文件…&gt; --into &lt;工作簿.xlsx&gt; [--dry-run]</c>: fills the target sheets of a workbook
/// from the start-of-year forms; or, given a report ReportGen wrote, writes what the clerk filled in it back into the
/// workbook. Exit codes: 0 done, 1 the import checks found errors (a report: a conflict), 2 an input could not be read.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliRunner runner)
    {
        var forms = new Argument<string[]>("目标表文件")
        {
            Description = "年初绩效目标表（附表1、汇总表、附表3、项目绩效目标表），.docx、.xlsx 或 .xls，可以多个；或一份 ReportGen 生成并已填写的报告（.docx），把其中填写的内容写回工作簿",
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

        var command = new Command("import", "从年初绩效目标表（Word / Excel）导入项目目标、绩效指标和预算数到工作簿；或把报告（.docx）中填写和修改的内容写回生成它的工作簿")
        {
            forms, into, dryRun, force,
        };
        command.SetAction(parse => runner.Run(parse, () =>
        {
            var files = parse.GetValue(forms) ?? [];
            if (files.Any(ReportImportJob.IsReport))
            {
                return ImportReport(runner, files, parse.GetValue(into)!, parse.GetValue(dryRun));
            }

            var request = new ImportRequest(parse.GetValue(forms) ?? [], parse.GetValue(into)!, parse.GetValue(dryRun), NewCommand.GuidePath(), parse.GetValue(force));
            var result = ImportJob.Run(request);
            ImportSummaryRenderer.Render(result, runner.Output);
            return result.HasErrors ? ExitCodes.FindingsWithErrors : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// A report ReportGen wrote (stamped .docx) goes back into its workbook (docs/report-fields.md): one report at a
    /// time, not mixed with target forms. Exit 1 when a conflict left a field unwritten.
    /// </summary>
    private static int ImportReport(CliRunner runner, string[] files, string into, bool dryRun)
    {
        if (files.Length > 1)
        {
            throw new Model.InputException(
                $"“{Path.GetFileName(files.First(ReportImportJob.IsReport))}”是 ReportGen 生成的报告：一次只能导入一份报告，且不能与绩效目标表一起导入。"
                + "请分开运行，例如 reportgen import 报告.docx --into 工作簿.xlsx。");
        }

        var result = ReportImportJob.Run(new ReportImportRequest(files[0], into, dryRun));
        ReportImportRenderer.Render(result, runner.Output);
        return result.Conflicts.Count > 0 ? ExitCodes.FindingsWithErrors : ExitCodes.Ok;
    }
}
