using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Tests.Import;
using ReportGen.Tests.TestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// XML that no Office program writes: 50,000 nested elements in a form, a --style reference or a workbook are
/// refused with a message (the readers build their trees recursively and would overflow the stack); a --style
/// document without styles is used as it is; a workbook saved as Strict Open XML is named as such
/// (docs/errors.md, "Exit 2: files that cannot be read").
/// </summary>
public sealed class HostileXmlTests : IDisposable
{
    private const int Depth = 50_000;
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A copy of <paramref name="source"/> whose <paramref name="part"/> holds 50,000 nested elements after <paramref name="marker"/>.</summary>
    private string Deepened(string source, string name, string part, string marker)
    {
        var path = _temp.File(name);
        File.Copy(source, path, overwrite: true);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(part)!;
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }

        entry.Delete();
        var at = xml.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var nested = new StringBuilder(xml[..at]);
        nested.Insert(nested.Length, "<x>", Depth).Insert(nested.Length, "</x>", Depth).Append(xml[at..]);
        using var writer = new StreamWriter(zip.CreateEntry(part).Open());
        writer.Write(nested.ToString());
        return path;
    }

    private static void RefusedForDepth(params string[] args)
    {
        var result = CliHarness.Run(args);
        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("嵌套超过 1,000 层", result.Error, StringComparison.Ordinal);
    }

    private string FormDocx()
    {
        var path = _temp.File("附表1.docx");
        DocxFormBuilder.Write(path, [PublishedForms.Table1]);
        return path;
    }

    [Fact]
    public void A_form_nesting_50000_elements_is_refused_with_a_message()
    {
        var form = Deepened(FormDocx(), "深.docx", "word/document.xml", "<w:body>");
        RefusedForDepth("import", form, "--into", _temp.File("新.xlsx"));
        Assert.False(File.Exists(_temp.File("新.xlsx")));
    }

    [Fact]
    public void A_style_reference_nesting_50000_elements_is_refused_with_a_message()
    {
        var style = Deepened(FormDocx(), "深样式.docx", "word/document.xml", "<w:body>");
        RefusedForDepth("generate", Repo.SampleXlsx, "-o", _temp.File("报告.docx"), "--style", style);
        Assert.False(File.Exists(_temp.File("报告.docx")));
    }

    [Fact]
    public void A_workbook_nesting_50000_elements_is_refused_with_a_message()
    {
        var workbook = Deepened(Repo.SampleXlsx, "深.xlsx", "xl/workbook.xml", "sheets>");
        RefusedForDepth("check", workbook);
    }

    [Fact]
    public void A_style_reference_without_styles_is_used_as_it_is()
    {
        var bare = _temp.File("无样式.docx");
        using (var document = WordprocessingDocument.Create(bare, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(new W.Paragraph()));
        }

        var empty = _temp.File("空样式.docx");
        using (var document = WordprocessingDocument.Create(empty, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph()));
            main.AddNewPart<StyleDefinitionsPart>().Styles = new W.Styles(
                new W.Style { Type = W.StyleValues.Paragraph },
                new W.Style(new W.StyleName { Val = "Heading 1" }, new W.BasedOn { Val = "不存在" }) { Type = W.StyleValues.Paragraph, StyleId = "Heading1" });
        }

        foreach (var style in new[] { bare, empty })
        {
            var report = _temp.File(Path.GetFileNameWithoutExtension(style) + "报告.docx");
            var result = CliHarness.Run("generate", Repo.SampleXlsx, "-o", report, "--style", style);
            result.AssertNoStackTrace();
            Assert.True(result.ExitCode is 0 or 2, $"{style}: exit {result.ExitCode} {result.Error}");
            Assert.True(result.ExitCode == 2 ? result.Error.StartsWith("错误：", StringComparison.Ordinal) : File.Exists(report), result.Error);
        }
    }

    [Fact]
    public void A_workbook_saved_as_strict_open_xml_is_named_as_such()
    {
        var path = _temp.File("严格.xlsx");
        File.Copy(Repo.SampleXlsx, path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("xl/workbook.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            writer.Write(xml.Replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main", StringComparison.Ordinal));
        }

        var result = CliHarness.Run("check", path);

        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Strict Open XML", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("没有工作表", result.Error, StringComparison.Ordinal);
    }
}
