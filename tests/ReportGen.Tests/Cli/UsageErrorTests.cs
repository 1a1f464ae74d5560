using ReportGen.Cli;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli;

/// <summary>A mistyped command line: Chinese message, exit 2, no stack trace; no arguments shows the help.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("check")]
    [InlineData("preview", "x.xlsx", "--format", "pdf")]
    [InlineData("check", "a.xlsx", "b.xlsx")]
    [InlineData("import", "a.docx")]
    public void Usage_mistakes_exit_2_in_chinese(params string[] args)
    {
        var result = CliHarness.Run(args);
        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.StartsWith("错误：", result.Error, StringComparison.Ordinal);
        Assert.Contains("运行 reportgen --help 查看用法。", result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void No_arguments_shows_the_help_in_chinese()
    {
        var result = CliHarness.Run();
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("说明：", result.Output, StringComparison.Ordinal);
        Assert.Contains("generate", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Description:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Show help", result.Output, StringComparison.Ordinal);
    }
}
