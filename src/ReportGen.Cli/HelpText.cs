namespace ReportGen.Cli;

/// <summary>
/// System.CommandLine's zh-Hans resources leave a few help words in English ("Description:", "(REQUIRED)",
/// "[default: …]", "[options]"); the help is finished in Chinese here so that no English word but the option names
/// themselves reaches the user (docs/errors.md).
/// </summary>
internal static class HelpText
{
    private static readonly (string English, string Chinese)[] Words =
    [
        ("Description:", "说明："),
        ("Usage:", "用法："),
        ("Arguments:", "参数："),
        ("Options:", "选项："),
        ("Commands:", "命令："),
        ("用法:", "用法："),
        ("参数:", "参数："),
        ("选项:", "选项："),
        ("命令:", "命令："),
        ("(REQUIRED)", "（必填）"),
        ("[default: ", "[默认："),
        ("[options]", "[选项]"),
        ("[command]", "[命令]"),
        ("Show help and usage information", "显示帮助和用法信息"),
        ("Show version information", "显示版本信息"),
    ];

    public static string Translate(string help)
    {
        foreach (var (english, chinese) in Words)
        {
            help = help.Replace(english, chinese, StringComparison.Ordinal);
        }

        return help;
    }
}
