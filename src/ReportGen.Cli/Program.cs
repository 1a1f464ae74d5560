using System.CommandLine;
using System.Globalization;
using System.Text;

namespace ReportGen.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>The whole CLI with injected writers, so tests read what a user would see.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        // Help and parse errors in Chinese whatever the machine's language (System.CommandLine ships zh-Hans).
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var runner = new CliRunner(output, error);
        var root = new RootCommand("ReportGen：部门整体支出绩效自评报告生成工具。读取年终预算执行工作簿，计算执行率与结余结转，核对数据，生成报告。")
        {
            CheckCommand.Create(runner),
            PreviewCommand.Create(runner),
            GenerateCommand.Create(runner),
            BatchCommand.Create(runner),
        };
        root.Options.Add(CliRunner.Verbose);
        var parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
