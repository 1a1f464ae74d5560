using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using ReportGen.Output;

namespace ReportGen.Tests.Import;

/// <summary>
/// A generated report edited the way the clients clerks use edit it: fields filled by changing document.xml as Word
/// does (typing into a field, which drops w:showingPlcHdr and writes the typed runs with Word's own run splits and
/// w:proofErr marks; or selecting the prompt and typing over it, which keeps the run and its place), a paragraph edited
/// outside any field, and a re-save by the real LibreOffice (<see cref="ResaveInLibreOffice"/>).
/// </summary>
internal sealed class FilledReport
{
    private static readonly XNamespace W = PartXml.Namespace;
    private readonly string _path;
    private readonly XDocument _document;

    private FilledReport(string path)
    {
        _path = path;
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        _document = XDocument.Load(stream);
    }

    public static FilledReport Open(string path) => new(path);

    /// <summary>The content controls of the report, in document order.</summary>
    public IReadOnlyList<XElement> Controls => _document.Descendants(W + "sdt").ToList();

    public static string? Alias(XElement sdt) => sdt.Element(W + "sdtPr")?.Element(W + "alias")?.Attribute(W + "val")?.Value;

    public static string? Tag(XElement sdt) => sdt.Element(W + "sdtPr")?.Element(W + "tag")?.Attribute(W + "val")?.Value;

    public static bool ShowsPrompt(XElement sdt) => sdt.Element(W + "sdtPr")?.Element(W + "showingPlcHdr") is not null;

    public static string Text(XElement element) => string.Concat(element.Descendants(W + "t").Select(t => t.Value));

    /// <summary>The nth (0-based) control tagged with <paramref name="cell"/>.</summary>
    public XElement Control(string cell, int nth = 0) => Controls.Where(c => Tag(c) == cell).ElementAt(nth);

    /// <summary>Word, typing into a field: the prompt goes, the typed text comes in two runs with a proofing mark between.</summary>
    public FilledReport Type(string cell, string text, int nth = 0)
    {
        var sdt = Control(cell, nth);
        sdt.Element(W + "sdtPr")!.Element(W + "showingPlcHdr")?.Remove();
        var content = sdt.Element(W + "sdtContent")!;
        var split = Math.Max(1, text.Length / 2);
        content.ReplaceNodes(
            Run(text[..split], "00A21B7C"),
            new XElement(W + "proofErr", new XAttribute(W + "type", "spellStart")),
            Run(text[split..], "00A21B7C"),
            new XElement(W + "proofErr", new XAttribute(W + "type", "spellEnd")));
        return this;
    }

    /// <summary>Word, the prompt selected and typed over: the run stays (its highlight goes), its text is the typed one.</summary>
    public FilledReport ReplacePrompt(string cell, string text, int nth = 0)
    {
        var sdt = Control(cell, nth);
        sdt.Element(W + "sdtPr")!.Element(W + "showingPlcHdr")?.Remove();
        var run = sdt.Element(W + "sdtContent")!.Element(W + "r")!;
        run.Element(W + "rPr")?.Element(W + "highlight")?.Remove();
        run.Element(W + "t")!.Value = text;
        run.SetAttributeValue(W + "rsidR", "00C3D4E5");
        return this;
    }

    /// <summary>Word, words added at the end of a filled field (a clerk polishing his own paragraph).</summary>
    public FilledReport Append(string cell, string words, int nth = 0)
    {
        var content = Control(cell, nth).Element(W + "sdtContent")!;
        content.Add(Run(words, "00D4E5F6"));
        return this;
    }

    /// <summary>Word, a paragraph's text changed outside any field: the first run of the paragraph holding <paramref name="text"/>.</summary>
    public FilledReport EditOutside(string text, string replacement)
    {
        var t = _document.Descendants(W + "t").First(t => t.Value.Contains(text, StringComparison.Ordinal) && !t.Ancestors(W + "sdt").Any());
        t.Value = t.Value.Replace(text, replacement, StringComparison.Ordinal);
        return this;
    }

    /// <summary>Writes the edited report to <paramref name="path"/>, every other part as it was.</summary>
    public string Save(string path)
    {
        using (var source = ZipFile.OpenRead(_path))
        using (var target = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName);
                using var output = copy.Open();
                if (entry.FullName == "word/document.xml")
                {
                    _document.Save(output, SaveOptions.DisableFormatting);
                }
                else
                {
                    using var input = entry.Open();
                    input.CopyTo(output);
                }
            }
        }

        return path;
    }

    private static XElement Run(string text, string rsid) => new(W + "r", new XAttribute(W + "rsidR", rsid),
        new XElement(W + "rPr", new XElement(W + "rFonts", new XAttribute(W + "hint", "eastAsia"))),
        new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), text));

    /// <summary>Opens <paramref name="path"/> in LibreOffice and saves it as .docx again (its own profile); returns the new file.</summary>
    public static string ResaveInLibreOffice(string path, string folder)
    {
        var soffice = LibreOfficeLocator.Find() ?? throw new InvalidOperationException("LibreOffice is not installed");
        var output = Path.Combine(folder, "resaved");
        Directory.CreateDirectory(output);
        var profile = new Uri(Path.Combine(folder, "lo-profile")).AbsoluteUri;
        var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", output, path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(180_000), "LibreOffice did not finish in 3 minutes");
        var resaved = Path.Combine(output, Path.GetFileName(path));
        Assert.True(File.Exists(resaved), $"LibreOffice wrote no {resaved}");
        return resaved;
    }
}
