using System.Reflection;
using System.Text;
using ReportGen.Model;

namespace ReportGen.Output;

public static partial class DocxWriter
{
    /// <summary>The version stamped into every report: the assembly's, without the source revision after '+'.</summary>
    public static string Version { get; } = VersionOf(typeof(DocxWriter).Assembly);

    private static string VersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? assembly.GetName().Version?.ToString() ?? "0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>
    /// docProps/custom.xml: the report's <see cref="ReportStamp"/> as custom document properties (strings), in the
    /// stamp's order, so that the same report gives the same bytes. Word, WPS and LibreOffice keep custom properties
    /// when they save (docs/report-fields.md).
    /// </summary>
    private static void WriteStamp(Stream output, ReportStamp stamp)
    {
        var xml = new StringBuilder(256 + (stamp.Fields.Count * 160));
        xml.Append("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>")
            .Append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\"")
            .Append(" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">");
        var pid = 2;
        foreach (var (name, value) in stamp.Properties())
        {
            xml.Append("<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"").Append(pid++).Append("\" name=\"");
            Escape(xml, name);
            xml.Append("\"><vt:lpwstr>");
            Escape(xml, value);
            xml.Append("</vt:lpwstr></property>");
        }

        xml.Append("</Properties>");
        var bytes = Encoding.UTF8.GetBytes(xml.ToString());
        output.Write(bytes);
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(
        "&<>\"" + string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\uFFFE\uFFFF"
        + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>Escapes markup and the quote; leaves out what XML 1.0 cannot carry (and surrogates, which no stamp holds).</summary>
    private static void Escape(StringBuilder xml, string text)
    {
        var rest = text.AsSpan();
        while (true)
        {
            var stop = rest.IndexOfAny(Special);
            xml.Append(stop < 0 ? rest : rest[..stop]);
            if (stop < 0)
            {
                return;
            }

            xml.Append(rest[stop] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "",
            });
            rest = rest[(stop + 1)..];
        }
    }
}
