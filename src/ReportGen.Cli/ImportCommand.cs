using System.CommandLine;
using ReportGen.Input.Forms;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen import &lt;目标表文件…&gt; --into &lt;工作簿.xlsx&gt; [--dry-run]</c>: fills the target sheets of a workbook
/// from the start-of-year forms. Exit codes: 0 done, 1 the import checks found errors, 2 an input could not be read.
/// </summary>
internal static class ImportCommand
{
    public const int Ok = 0;
    public const int ChecksFailed = 1;
    public const int InputUnreadable = 2;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var forms = new Argument<string[]>("目标表文件")
        {
            Description = "年初绩效目标表（附表1、汇总表、附表3、项目绩效目标表），.docx、.xlsx 或 .xls，可以多个",
            Arity = ArgumentArity.OneOrMore,
        };
        var into = new Option<string>("--into")
        {
            Description = "要填写的工作簿（.xlsx）；不存在时新建，已存在时只更新目标部分，保留已填写的执行数据",
            Required = true,
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "只显示识别结果和检查结果，不写入工作簿",
        };

        var command = new Command("import", "从年初绩效目标表（Word / Excel）导入项目目标、绩效指标和预算数到工作簿");
        command.Arguments.Add(forms);
        command.Options.Add(into);
        command.Options.Add(dryRun);
        command.SetAction(parseResult =>
        {
            var request = new ImportRequest(parseResult.GetValue(forms) ?? [], parseResult.GetValue(into)!, parseResult.GetValue(dryRun));
            try
            {
                var result = FormImporter.Run(request);
                ImportSummaryRenderer.Render(result, output);
                return result.HasErrors ? ChecksFailed : Ok;
            }
            catch (InputException ex)
            {
                error.WriteLine(ex.Message);
                return InputUnreadable;
            }
        });
        return command;
    }
}
