using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ReportGen.Batch;
using ReportGen.Tests.TestSupport;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportGen.Tests.Batch;

/// <summary>批量汇总.xlsx is dressed like the clerk's workbook: frozen header, filter, widths, formats, weak rates marked.</summary>
public sealed class SummaryFormatTests
{
    [Fact]
    public void The_summary_workbook_has_a_frozen_filtered_header_two_decimals_and_weak_rates_marked()
    {
        using var folder = new BatchFolder(withBad: false);
        Assert.Equal(0, CliHarness.Run("batch", folder.Input, "-o", folder.Output).ExitCode);

        using var document = SpreadsheetDocument.Open(Path.Combine(folder.Output, SummaryWriter.WorkbookName), isEditable: false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document));
        var part = document.WorkbookPart!;
        var summary = ((WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<S.Sheet>().First().Id!)).Worksheet;
        Assert.Equal(S.PaneStateValues.Frozen, summary.Descendants<S.Pane>().Single().State!.Value);
        Assert.Equal("A1:S3", summary.GetFirstChild<S.AutoFilter>()!.Reference!.Value);
        Assert.Equal(SummaryWriter.Headers.Length, summary.Descendants<S.Column>().Count());

        // The two rate columns (执行率（%）, 最弱项目执行率（%）): rates under 90 are marked; amounts and rates show two decimals.
        static string Column(string header) => ((char)('A' + Array.IndexOf(SummaryWriter.Headers, header))).ToString();
        var rules = summary.Descendants<S.ConditionalFormatting>().ToList();
        Assert.Equal("I", Column("执行率（%）"));
        Assert.Equal(["I2:I3", $"{Column("最弱项目执行率（%）")}2:{Column("最弱项目执行率（%）")}3"], rules.Select(r => r.SequenceOfReferences!.InnerText));
        var rule = rules[0];
        Assert.Equal("AND(ISNUMBER(I2),I2<90)", rule.Descendants<S.Formula>().Single().Text);
        var rate = summary.Descendants<S.Cell>().First(cell => cell.CellReference == "I2");
        var format = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<S.CellFormat>().ElementAt((int)rate.StyleIndex!.Value);
        Assert.Equal(2u, format.NumberFormatId!.Value);
    }
}
