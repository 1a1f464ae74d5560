using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Text;

namespace ReportGen.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;

        // A double-click on Windows (no arguments, a console of its own) opens the workbench, not the help.
        if (Serve.DoubleClick.Started(args))
        {
            var code = Run(["serve"], Console.Out, Console.Error);
            if (code != ExitCodes.Ok)
            {
                // The window closes with the process: keep the message readable.
                Console.Error.WriteLine("按回车键关闭此窗口。");
                _ = Console.ReadLine();
            }

            return code;
        }

        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>The whole CLI with injected writers, so tests read what a user would see.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, new CliRunner(output, error));

    /// <summary>The whole CLI with a runner of the caller's (writers, how LibreOffice is found).</summary>
    public static int Run(string[] args, CliRunner runner)
    {
        var (output, error) = (runner.Output, runner.Error);

        // Help and parse errors in Chinese whatever the machine's language (System.CommandLine ships zh-Hans).
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var root = new RootCommand("ReportGen：部门整体支出绩效自评报告生成工具。读取年终预算执行工作簿，计算执行率与结余结转，核对数据，生成报告。")
        {
            CheckCommand.Create(runner),
            PreviewCommand.Create(runner),
            GenerateCommand.Create(runner),
            ImportCommand.Create(runner),
            NewCommand.Create(runner),
            BatchCommand.Create(runner),
            ServeCommand.Create(runner),
        };
        root.Options.Add(CliRunner.Verbose);
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Description = "显示帮助和用法信息";
        }

        // No arguments at all: show what the tool can do rather than an error.
        // Response files are off: "@部门.xlsx" is a file name, never a list of arguments to run (docs/errors.md).
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is HelpAction)
        {
            // System.CommandLine's zh-Hans resources leave a few help words in English; finish the translation.
            var text = new StringWriter();
            parse.Invoke(new InvocationConfiguration { Output = text, Error = error });
            output.Write(HelpText.Translate(text.ToString()));
            return ExitCodes.Ok;
        }

        if (parse.Errors.Count > 0)
        {
            // A mistyped command line is an input the tool cannot use: exit 2, like an unreadable file (docs/errors.md).
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"错误：{UsageErrors.Describe(parse, parseError.Message)}");
            }

            error.WriteLine("运行 reportgen --help 查看用法。");
            return ExitCodes.InputError;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
