using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Output;

/// <summary>
/// The stamp in docProps/custom.xml (docs/report-fields.md) is written through PartXml like every other part: a
/// workbook named with characters XML cannot carry still gives a report that parses, validates and is recognised,
/// its name stamped without them (TextScan.Carried), and import still accepts that workbook.
/// </summary>
public sealed class ReportStampTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<string> ValidationErrors(Stream package)
    {
        using var document = WordprocessingDocument.Open(package, isEditable: false);
        Assert.NotNull(document.CustomFilePropertiesPart);
        return [.. new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document)
            .Select(error => $"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}")];
    }

    private static XDocument CustomXml(ZipArchive zip)
    {
        using var stream = zip.GetEntry("docProps/custom.xml")!.Open();
        return XDocument.Load(stream);
    }

    [Fact]
    public void A_workbook_named_with_a_control_character_gives_a_report_whose_stamp_parses_validates_and_reads_back_without_it()
    {
        var workbook = _dir.File("石峰区委宣传部\u00012023.xlsx");
        File.Copy(Repo.SampleXlsx, workbook);
        var report = _dir.File("报告.docx");

        var generated = CliHarness.Run("generate", workbook, "-o", report);

        Assert.True(generated.ExitCode == 0, generated.Error + generated.Output);
        using (var zip = ZipFile.OpenRead(report))
        {
            var properties = CustomXml(zip).Root!.Elements().ToList();
            Assert.Equal("石峰区委宣传部2023.xlsx", properties.Single(p => (string?)p.Attribute("name") == ReportStamp.WorkbookProperty).Value);
            Assert.Equal(Enumerable.Range(2, properties.Count), properties.Select(p => (int)p.Attribute("pid")!));
        }

        using (var package = File.OpenRead(report))
        {
            Assert.Empty(ValidationErrors(package));
        }

        var stamped = ReportStampReader.Read(report);
        Assert.NotNull(stamped);
        Assert.Equal("石峰区委宣传部2023.xlsx", stamped.Stamp.Workbook);
        Assert.Equal(DocxWriter.Version, stamped.Stamp.Version);
        Assert.NotEmpty(stamped.Stamp.Fields);
        Assert.False(stamped.Edited);

        // Recognised as unedited: a second generate replaces it.
        Assert.Equal(0, CliHarness.Run("generate", workbook, "-o", report).ExitCode);
    }

    /// <summary>
    /// Import writes into a workbook, so a name Windows cannot hold (a control character) is refused as its target
    /// (docs/errors.md); U+FFFF is allowed there but not in XML: the stamp holds the name without it, and import still
    /// takes the workbook as the one the report came from.
    /// </summary>
    [Fact]
    public void Import_takes_the_workbook_whose_name_the_stamp_carries_without_a_character_XML_cannot_hold()
    {
        var workbook = _dir.File("石峰区委宣传部\uFFFF2023.xlsx");
        File.Copy(Repo.SampleXlsx, workbook);
        var report = _dir.File("报告.docx");
        Assert.Equal(0, CliHarness.Run("generate", workbook, "-o", report).ExitCode);
        Assert.Equal("石峰区委宣传部2023.xlsx", ReportStampReader.Read(report)!.Stamp.Workbook);

        var imported = CliHarness.Run("import", report, "--into", workbook, "--dry-run");

        Assert.True(imported.ExitCode == 0, imported.Error + imported.Output);
        var other = _dir.File("石峰区委宣传部2024.xlsx");
        File.Copy(Repo.SampleXlsx, other);
        Assert.NotEqual(0, CliHarness.Run("import", report, "--into", other, "--dry-run").ExitCode);
    }

    /// <summary>Given as code units: a test's string data cannot hold an unpaired surrogate (it arrives as U+FFFD).</summary>
    [Theory]
    [InlineData(new[] { '甲', '\uD800', '乙' }, "甲乙")]
    [InlineData(new[] { '丙', '\uFFFF', '\u001F', '丁', '\u0000' }, "丙丁")]
    [InlineData(new[] { '\uD840', '\uDC00', '"', '&', '<', '>', '\'' }, "𠀀\"&<>'")]
    [InlineData(new[] { '戊', '\t', '己', '\r', '\n' }, "戊\t己\n")]
    public void The_stamped_workbook_name_is_the_name_as_XML_carries_it(char[] units, string stamped)
    {
        var name = new string(units);
        var bytes = DocxWriterTests.WriteBytes(SampleReports.Small() with { Workbook = name });

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var stamp = ReportStampReader.ReadStamp(zip)!;
        Assert.Equal(stamped, stamp.Workbook);
        Assert.Equal(TextScan.Carried(name), stamp.Workbook);
        Assert.Equal(ReportStampReader.TextFingerprint(zip), stamp.Text);
        Assert.NotEmpty(stamp.Fields);
        Assert.All(stamp.Fields, field => Assert.Matches("^[0-9a-f]{16}$", field.Shown));
        Assert.Empty(ValidationErrors(new MemoryStream(bytes)));
    }
}
