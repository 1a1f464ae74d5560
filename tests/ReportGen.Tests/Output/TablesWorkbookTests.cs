using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Rendering;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportGen.Tests.Output;

/// <summary>
/// <c>generate --xlsx</c>: the attached tables as one workbook, one sheet each, valid Open XML, opening in
/// LibreOffice, with the report's figures as numbers that show the same as in the report.
/// </summary>
[Collection(ExternalProgramsCollection.Name)]
public sealed class TablesWorkbookTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly Lazy<ReportDocument> Shifeng = new(() =>
        ReportRenderer.Render(GenerateJob.Analyze(Repo.SampleXlsx), Path.Combine(Repo.Templates, "default.sbn")));

    private string Written()
    {
        var path = _dir.File("附表.xlsx");
        TablesWorkbookWriter.WriteFile(Shifeng.Value, path);
        return path;
    }

    [Fact]
    public void One_sheet_per_table_the_joined_evaluation_tables_as_one()
    {
        using var workbook = SpreadsheetDocument.Open(Written(), false);

        var names = workbook.WorkbookPart!.Workbook!.Descendants<S.Sheet>().Select(s => s.Name!.Value!).ToList();
        var titles = Shifeng.Value.Blocks.OfType<TableBlock>().Select(b => b.Table).Where(t => t.Title.Length > 0).ToList();
        Assert.Equal(titles.Count, names.Count);
        Assert.Contains(names, n => n.Contains("部门整体支出绩效自评表", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("预算执行差异表", StringComparison.Ordinal));
        Assert.Equal(5, names.Count(n => n.Contains("项目支出绩效自评表", StringComparison.Ordinal)));
        Assert.All(names, n => Assert.True(n.Length <= 31, n));
    }

    [Fact]
    public void Passes_the_Open_XML_validator()
    {
        using var workbook = SpreadsheetDocument.Open(Written(), false);

        var errors = new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Its_figures_equal_the_reports_and_the_headings_are_frozen_and_merged()
    {
        using var workbook = SpreadsheetDocument.Open(Written(), false);
        var part = workbook.WorkbookPart!;
        var formats = part.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<S.CellFormat>().ToList();
        var sheets = TablesWorkbookWriter.Sheets(Shifeng.Value);
        var sheetParts = part.Workbook!.Descendants<S.Sheet>().Select(s => (WorksheetPart)part.GetPartById(s.Id!.Value!)).ToList();
        Assert.Equal(sheets.Count, sheetParts.Count);
        for (var i = 0; i < sheets.Count; i++)
        {
            // The report's figures, cell by cell in reading order, against the sheet's numbers as their formats show them.
            var expected = sheets[i].Parts.SelectMany(t => t.Rows).SelectMany(r => r.Cells)
                .Where(c => c.Merge != VerticalMerge.Continue && !c.Fields.Any(f => f.Empty))
                .Select(c => c.Text).Where(t => TablesWorkbookWriter.Figure(t) is not null).ToList();
            var worksheet = sheetParts[i].Worksheet!;
            var shown = worksheet.Descendants<S.Cell>().Where(c => c.DataType?.Value == S.CellValues.Number)
                .Select(c => Shown(decimal.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture), formats[(int)c.StyleIndex!.Value].NumberFormatId!.Value))
                .ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, shown);

            var pane = worksheet.Descendants<S.Pane>().Single();
            Assert.Equal(S.PaneStateValues.Frozen, pane.State!.Value);
            Assert.NotEmpty(worksheet.Descendants<S.MergeCell>());
        }

        // The department's table: the heading row is frozen, as the report repeats it.
        var department = sheetParts[sheets.ToList().FindIndex(s => s.Title.Contains("部门整体", StringComparison.Ordinal))].Worksheet!;
        var frozenRow = (uint)department.Descendants<S.Pane>().Single().VerticalSplit!.Value;
        var heading = department.Descendants<S.Row>().Single(r => r.RowIndex!.Value == frozenRow);
        Assert.Contains(heading.Descendants<S.Text>(), t => t.Text == "一级指标");
    }

    private static string Shown(decimal value, uint format) => format switch
    {
        10 => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
        164 => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    [LibreOfficeFact]
    public void LibreOffice_opens_it_and_reads_the_figures()
    {
        var path = Written();
        var soffice = LibreOfficeLocator.Find()!;
        var start = new ProcessStartInfo(soffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "-env:UserInstallation=" + new Uri(_dir.File("profile")).AbsoluteUri, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", _dir.Path, path,
            },
        };
        using var process = Process.Start(start)!;
        Assert.True(process.WaitForExit(180_000), "LibreOffice did not finish");

        var csv = File.ReadAllText(_dir.File("附表.csv"));
        Assert.Equal(0, process.ExitCode);

        // The first sheet is the department's table: its figures as LibreOffice displays them.
        Assert.Contains("部门整体支出绩效自评表", csv, StringComparison.Ordinal);
        Assert.Contains("560.75", csv, StringComparison.Ordinal);
        Assert.Contains("81.68%", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_xlsx_writes_the_workbook_beside_the_report()
    {
        var report = _dir.File("报告.docx");

        var result = CliHarness.Run("generate", Repo.SampleXlsx, "-o", report, "--xlsx");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(_dir.File("报告-附表.xlsx")));
        Assert.Contains("报告-附表.xlsx", result.Output, StringComparison.Ordinal);
    }
}
