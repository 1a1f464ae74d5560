using ReportGen.Output;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Output;

/// <summary>
/// CSV outputs neutralise text a spreadsheet would run as a formula (OWASP, CSV injection) and leave real numbers,
/// negative ones included, as numbers.
/// </summary>
public sealed class CsvTextTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"点击\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("-1,234.50", "\"-1,234.50\"")]
    [InlineData("-3.5%", "-3.5%")]
    [InlineData("+7", "+7")]
    [InlineData("宣传部", "宣传部")]
    [InlineData("a=b", "a=b")]
    public void Formula_leading_text_is_neutralised_and_numbers_are_not(string value, string expected) =>
        Assert.Equal(expected, CsvText.Field(value));

    [Fact]
    public void Preview_csv_neutralises_a_project_name_and_keeps_negative_amounts()
    {
        var workbook = WorkbookBuilder.Create()
            .Project("=HYPERLINK(\"http://x\")", 10m, -2m, 7m)
            .WriteXlsx(_temp.File("部门.xlsx"));
        var output = _temp.File("差异.csv");

        var result = CliHarness.Run("preview", workbook, "--format", "csv", "-o", output);

        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(output);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains(",-2.00,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_summaries_neutralise_a_department_name()
    {
        var input = Path.Combine(_temp.Path, "in");
        Directory.CreateDirectory(input);
        WorkbookBuilder.Create(department: "@SUM(1+1)*cmd").Project("项目甲", 10m, 0m, 5m).WriteXlsx(Path.Combine(input, "部门.xlsx"));
        var output = Path.Combine(_temp.Path, "out");

        var result = CliHarness.Run("batch", input, "-o", output);

        Assert.True(result.ExitCode is 0 or 1, result.Error);
        foreach (var csv in new[] { "批量汇总.csv", "批量问题清单.csv" })
        {
            var lines = File.ReadAllLines(Path.Combine(output, csv)).Skip(1).ToList();
            Assert.NotEmpty(lines);
            Assert.All(lines, line => Assert.DoesNotContain(",@SUM", line, StringComparison.Ordinal));
            Assert.Contains(lines, line => line.Contains(",'@SUM(1+1)*cmd,", StringComparison.Ordinal) || line.StartsWith("'@SUM", StringComparison.Ordinal));
        }
    }
}
