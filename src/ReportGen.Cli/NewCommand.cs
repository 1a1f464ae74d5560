using System.CommandLine;
using ReportGen.Import;
using ReportGen.Model;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen new &lt;工作簿.xlsx&gt; [--department 名称] [--year 年度] [--unit 万元|元]</c>: a ready-to-fill workbook
/// (<see cref="WorkbookLayout"/>, written by <see cref="NewWorkbookJob"/>). Never overwrites a file. Exit codes: 0 written, 2 the path cannot be used.
/// </summary>
internal static class NewCommand
{
    public static Command Create(CliRunner runner)
    {
        var path = new Argument<string>("工作簿.xlsx") { Description = "要新建的工作簿文件（.xlsx）；已存在时不覆盖" };
        var department = new Option<string?>("--department") { HelpName = "名称", Description = "部门名称（填入基本信息）" };
        var year = new Option<int?>("--year") { HelpName = "年度", Description = "评价年度，如 2024（填入基本信息）" };
        var unit = new Option<string>("--unit")
        {
            HelpName = "万元|元",
            Description = "金额单位：万元 或 元",
            DefaultValueFactory = _ => "万元",
        };
        unit.AcceptOnlyFromAmong(WorkbookSchema.Units);
        var command = new Command("new", "新建一个待填写的工作簿：六个工作表和表头、下拉列表、金额格式、需要填写的格用颜色标出，附填写说明")
        {
            path, department, year, unit,
        };
        command.SetAction(parse => runner.Run(parse, () =>
        {
            var target = parse.GetValue(path)!;
            var guide = GuidePath();
            NewWorkbookJob.Run(new NewWorkbookRequest(target, parse.GetValue(department), parse.GetValue(year), parse.GetValue(unit)!, guide));
            runner.Output.WriteLine($"已新建 {target}（{WorkbookGuide.GuideSheet}、{string.Join("、", WorkbookLayout.NewSheets)}）。");
            runner.Output.WriteLine("  黄色格由您填写，蓝色格可用 reportgen import 从年初绩效目标表导入；填好后运行 reportgen check 检查。");
            if (guide is not null)
            {
                runner.Output.WriteLine($"  填写说明：{guide}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The installed clerk's guide (templates/工作簿填写说明.md), or null when the templates are missing.</summary>
    public static string? GuidePath()
    {
        try
        {
            var guide = Path.Combine(Bundled.TemplatesDirectory, WorkbookGuide.GuideFile);
            return File.Exists(guide) ? guide : null;
        }
        catch (InputException)
        {
            return null;
        }
    }
}
