using System.CommandLine;
using System.Text.RegularExpressions;

namespace ReportGen.Cli;

/// <summary>
/// System.CommandLine's parse errors in our Chinese (docs/errors.md, "Command-line usage mistakes"): its zh-Hans
/// resources leave some messages English ("Option '--output' is required") and quote tokens twice
/// (“'bogus'”), so every error is rewritten here, and one that is not recognised still never shows English.
/// </summary>
internal static partial class UsageErrors
{
    public static string Describe(ParseResult parse, string message)
    {
        if (RequiredOption().Match(message) is { Success: true } option)
        {
            return $"缺少必需的选项 {option.Groups[1].Value}（见 reportgen {parse.CommandResult.Command.Name} --help）。";
        }

        if (MissingArgument().IsMatch(message))
        {
            var command = parse.CommandResult.Command;
            var names = string.Join("、", command.Arguments.Where(a => !a.Hidden).Select(a => a.Name));
            return names.Length == 0 ? $"命令 {command.Name} 缺少必需的参数。" : $"命令 {command.Name} 缺少必需的参数：{names}。";
        }

        if (OptionValueMissing().Match(message) is { Success: true } value)
        {
            return $"选项 {value.Groups[1].Value} 后面缺少值。";
        }

        if (NotAmong().Match(message) is { Success: true } among)
        {
            var allowed = string.Join("、", Quoted().Matches(among.Groups[2].Value).Select(m => m.Groups[1].Value));
            return $"值“{among.Groups[1].Value}”无效，可选：{allowed}。";
        }

        // Chinese already: drop the inner quotes of “'x'”, and the trailing full stop the caller adds back.
        var tidy = message.Replace("“'", "“", StringComparison.Ordinal).Replace("'”", "”", StringComparison.Ordinal).TrimEnd('.', '。');
        if (tidy.Any(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            return tidy + "。";
        }

        var token = Quoted().Match(message) is { Success: true } quoted ? $"“{quoted.Groups[1].Value}”" : "";
        return $"命令行有误，无法识别{token}。";
    }

    [GeneratedRegex(@"^Option '([^']+)' is required")]
    private static partial Regex RequiredOption();

    [GeneratedRegex(@"^(命令缺少所需参数|Required argument missing for command)")]
    private static partial Regex MissingArgument();

    [GeneratedRegex(@"^(?:选项缺少所需参数|Required argument missing for option)\s*[:：]\s*'([^']+)'")]
    private static partial Regex OptionValueMissing();

    [GeneratedRegex(@"^(?:未识别参数|Argument)\s*[“']+([^'”]*)['”]+.*?(?:必须为一个|Must be one of)(.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAmong();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
