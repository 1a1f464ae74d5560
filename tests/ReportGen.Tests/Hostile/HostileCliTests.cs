using System.Text.RegularExpressions;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// The command line itself (docs/errors.md): "@" is an ordinary first character (no response files), the help has
/// no English words but the option names, and <c>new</c> checks its year and file name as <c>generate</c> does.
/// </summary>
public sealed partial class HostileCliTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_workbook_named_with_a_leading_at_sign_is_read()
    {
        var workbook = _temp.File("@部门.xlsx");
        File.Copy(Repo.SampleXlsx, workbook);

        var result = CliHarness.Run("check", workbook);

        result.AssertNoStackTrace();
        Assert.NotEqual(2, result.ExitCode);
    }

    [Fact]
    public void A_response_file_is_never_run_as_a_command()
    {
        var made = _temp.File("由响应文件新建.xlsx");
        var rsp = _temp.File("args.rsp");
        File.WriteAllText(rsp, $"new\n{made}\n");

        var result = CliHarness.Run("@" + rsp);

        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(made));
        Assert.StartsWith("错误：", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("import", "--help")]
    [InlineData("generate", "--help")]
    [InlineData("batch", "--help")]
    [InlineData("new", "--help")]
    [InlineData("check", "--help")]
    [InlineData("preview", "--help")]
    public void Help_has_no_English_words_but_option_names(params string[] args)
    {
        var result = CliHarness.Run(args);

        Assert.Equal(0, result.ExitCode);
        var words = OptionNames().Replace(result.Output, "");
        Assert.DoesNotContain("REQUIRED", words, StringComparison.Ordinal);
        Assert.DoesNotMatch(EnglishWord(), words);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("99999")]
    [InlineData("-2024")]
    public void New_refuses_a_year_that_is_not_a_year(string year)
    {
        var path = _temp.File("新.xlsx");

        var result = CliHarness.Run("new", path, "--year", year);

        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("四位年份", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("a:b.xlsx")]
    [InlineData("CON.xlsx")]
    [InlineData("x?.xlsx")]
    public void New_refuses_a_name_Windows_cannot_hold(string name)
    {
        var path = _temp.File(name);

        var result = CliHarness.Run("new", path, "--year", "2024");

        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Windows", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    // Option and command names, file extensions, program names and format names the help shows as they are typed.
    [GeneratedRegex(@"--?[A-Za-z][\w-]*|\.(docx|xlsx|xls|csv|pdf|html|md|json|sbn|txt)\b|\b(text|check|preview|generate|import|batch|testhost|reportgen|ReportGen|LibreOffice|Excel|WPS|Word|PDF|HTML|CSV|JSON|Markdown|Scriban|hunan|guangdong|sichuan|default|table|csv|json|md|html|docx|xlsx|txt|CI)\b")]
    private static partial Regex OptionNames();

    [GeneratedRegex(@"\b[A-Za-z]{4,}\b")]
    private static partial Regex EnglishWord();
}
