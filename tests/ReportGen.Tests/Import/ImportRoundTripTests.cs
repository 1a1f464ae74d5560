using System.Text.Json.Nodes;
using ReportGen.Cli;
using ReportGen.Import;
using ReportGen.Input;
using ReportGen.Output;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Import;

/// <summary>
/// The whole path a clerk takes: import the Shifeng start-of-year forms into a new workbook, type the
/// year-end execution into 预算执行, and the report's figures are those of the Shifeng 2023 sample.
/// </summary>
public sealed class ImportRoundTripTests
{
    [Fact]
    public void Imported_targets_plus_the_execution_data_give_the_sample_figures()
    {
        using var fixture = new FormFixture();
        var workbook = fixture.PathOf("石峰2023.xlsx");
        var import = ImportJob.Run(new ImportRequest([fixture.ShifengDocx()], workbook, false));
        Assert.True(import.Written);

        // The clerk's year-end step: the 预算执行 sheet as in the sample (adjustments, actuals, the 别名 文明经费 → 文明建设经费).
        var imported = WorkbookLoader.Load(workbook);
        var execution = WorkbookLoader.Load(Repo.SampleCsvFolder).Find("预算执行")!;
        var sheets = imported.Sheets
            .Select(sheet => sheet.Name == "预算执行" ? execution : sheet)
            .Select(sheet => new XlsxSheet(sheet.Name, sheet.Rows.Select(row => (IReadOnlyList<object?>)row.Select(Typed).ToList()).ToList()))
            .ToList();
        XlsxWriter.Write(workbook, sheets);

        var mine = Preview(workbook);
        var sample = Preview(Repo.SampleCsvFolder);
        foreach (var key in new[] { "totals", "basic", "projects", "projectCount", "lines" })
        {
            Assert.Equal(sample[key]!.ToJsonString(), mine[key]!.ToJsonString());
        }

        Assert.Equal(sample["indicators"]!.AsArray().Count, mine["indicators"]!.AsArray().Count);
        var output = new StringWriter();
        var path = fixture.PathOf("报告.docx");
        Assert.Equal(0, Program.Run(["generate", workbook, "-o", path], output, new StringWriter()));
        Assert.Contains("预算收入 560.75 万元，支出 458.04 万元，执行率 81.68%，5 个项目", output.ToString(), StringComparison.Ordinal);
    }

    private static JsonObject Preview(string path)
    {
        var output = new StringWriter();
        Assert.Equal(0, Program.Run(["preview", path, "--format", "json"], output, new StringWriter()));
        return JsonNode.Parse(output.ToString())!.AsObject();
    }

    /// <summary>CSV cells are text; numbers go into the workbook as numbers, as a clerk's Excel would hold them.</summary>
    private static object? Typed(object? value) =>
        value is string text && decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : value;
}
