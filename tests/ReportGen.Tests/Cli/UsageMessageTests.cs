using ReportGen.Cli;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli;

/// <summary>
/// Every command-line mistake reaches the user in Chinese with exit 2 (docs/errors.md): System.CommandLine's own
/// English ("Option '--output' is required") and a --jobs that is not a whole number never show.
/// </summary>
public sealed class UsageMessageTests
{
    private static void AssertChineseUsageError(CliResult result)
    {
        result.AssertNoStackTrace();
        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.Contains(line, c => c is >= '\u4e00' and <= '\u9fff');
            Assert.DoesNotContain("required", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("'", line, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("0")]
    [InlineData("-3")]
    public void Jobs_that_are_not_a_whole_number_are_exit_2_in_chinese(string jobs)
    {
        var result = CliHarness.Run("batch", ".", "-o", "out", "--jobs", jobs);
        AssertChineseUsageError(result);
        Assert.Contains("--jobs", result.Error, StringComparison.Ordinal);
        Assert.Contains("必须是 1 到 256 之间的整数", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--output", "batch", ".")]
    [InlineData("--into", "import", "a.docx")]
    public void A_missing_required_option_is_named_in_chinese(string option, params string[] args)
    {
        var result = CliHarness.Run(args);
        AssertChineseUsageError(result);
        Assert.Contains($"缺少必需的选项 {option}", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("generate", "a.xlsx", "-o")]
    [InlineData("generate", "a.xlsx", "--bogus")]
    [InlineData("preview", "a.xlsx", "--format", "pdf")]
    [InlineData("check", "a.xlsx", "b.xlsx")]
    [InlineData("batch")]
    [InlineData("frobnicate")]
    [InlineData("batch", ".", "-o", "out", "-j")]
    [InlineData("generate", "--text=maybe")]
    public void Every_parse_error_is_in_chinese(params string[] args) => AssertChineseUsageError(CliHarness.Run(args));

    [Fact]
    public void A_value_not_among_the_allowed_lists_them()
    {
        var result = CliHarness.Run("preview", "a.xlsx", "--format", "pdf");
        Assert.Contains("值“pdf”无效，可选：table、csv、json、md、html。", result.Error, StringComparison.Ordinal);
    }
}
