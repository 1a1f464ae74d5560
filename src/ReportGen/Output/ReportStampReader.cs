using System.IO.Compression;
using System.Xml;
using ReportGen.Model;

namespace ReportGen.Output;

/// <summary>A report ReportGen wrote, as found on disk: its stamp, and the fingerprint of the text it holds now.</summary>
internal sealed record StampedReport(string Path, ReportStamp Stamp, string Text)
{
    /// <summary>Its text is no longer the text ReportGen wrote: someone edited it (in Word, WPS, LibreOffice…).</summary>
    public bool Edited => !string.Equals(Text, Stamp.Text, StringComparison.Ordinal);
}

/// <summary>
/// Reads back what <see cref="DocxWriter"/> stamps into a report (<see cref="ReportStamp"/>, docs/report-fields.md):
/// the custom document properties, and the report's text the way the writer fingerprinted it (the content of every
/// w:t of word/document.xml, in order: edits in Word, WPS or LibreOffice change it, a mere re-save does not).
/// </summary>
internal static class ReportStampReader
{
    private const string CustomPropertiesPart = "docProps/custom.xml";
    private const string DocumentPart = "word/document.xml";

    /// <summary>
    /// The report at <paramref name="path"/> when it is a .docx ReportGen stamped; null when there is no such file or
    /// it is anything else (an older report without a stamp, another document, a damaged file).
    /// </summary>
    public static StampedReport? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            return ReadStamp(zip) is { } stamp ? new StampedReport(path, stamp, TextFingerprint(zip)) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or UnauthorizedAccessException
                                       or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The stamp in the package's custom properties; null when it has none.</summary>
    public static ReportStamp? ReadStamp(ZipArchive zip)
    {
        var entry = zip.GetEntry(CustomPropertiesPart);
        if (entry is null)
        {
            return null;
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, Settings);
        string? name = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "property")
            {
                name = reader.GetAttribute("name");
            }
            else if (name is not null && reader.LocalName == "lpwstr")
            {
                properties.TryAdd(name, reader.ReadElementContentAsString());
                name = null;
            }
        }

        return ReportStamp.From(properties);
    }

    /// <summary>The fingerprint of the package's body text, as <see cref="DocxWriter"/> took it.</summary>
    public static string TextFingerprint(ZipArchive zip)
    {
        var entry = zip.GetEntry(DocumentPart) ?? throw new InvalidDataException("no document part");
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, Settings);
        using var text = new Fingerprint.Builder();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && reader.NamespaceURI == PartXml.Namespace && !reader.IsEmptyElement)
            {
                text.Append(reader.ReadElementContentAsString());

                // ReadElementContentAsString leaves the reader on the next node, which may be the next w:t.
                while (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && reader.NamespaceURI == PartXml.Namespace)
                {
                    if (reader.IsEmptyElement)
                    {
                        break;
                    }

                    text.Append(reader.ReadElementContentAsString());
                }
            }
        }

        return text.Finish();
    }

    /// <summary>No DTD (a report has none; one in a hostile file is refused), no external resolution.</summary>
    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>
    /// Refuses to replace <paramref name="reportPath"/> when it is a report ReportGen wrote and someone edited since
    /// (docs/report-fields.md): the clerk's sentences would be lost. An unedited report, an unstamped file or no file
    /// at all is fine to replace.
    /// </summary>
    /// <exception cref="InputException">The report was edited; the message names both ways out.</exception>
    public static void RefuseEdited(string reportPath, string workbookPath)
    {
        if (Read(reportPath) is { Edited: true })
        {
            throw new InputException(EditedMessage([reportPath], workbookPath), new SourceLocation(reportPath, null));
        }
    }

    /// <summary>The message for edited reports: which, and the two ways out (import first, or --force).</summary>
    public static string EditedMessage(IReadOnlyList<string> reports, string? workbookPath)
    {
        var names = string.Join("、", reports.Take(5).Select(r => $"“{System.IO.Path.GetFileName(r)}”"))
                    + (reports.Count > 5 ? $"等 {reports.Count} 份报告" : "");
        var into = workbookPath is null ? "工作簿.xlsx" : Quote(workbookPath);
        var import = reports.Count == 1 ? $"reportgen import {Quote(reports[0])} --into {into}" : $"reportgen import 报告.docx --into {into}";
        return $"{names}在 ReportGen 生成之后被修改过（在 Word、WPS 或 LibreOffice 中填写或改写过），重新生成会丢失这些修改，所以没有覆盖"
               + (reports.Count == 1 ? "它" : "它们") + $"。请先运行 {import} 把报告中填写的内容写回工作簿，再重新生成；"
               + "如果确实不要这些修改，加 --force 覆盖。";
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
