using System.Buffers;
using System.Globalization;
using System.Reflection;
using ReportGen.Model;

namespace ReportGen.Output;

internal static partial class DocxWriter
{
    private const string CustomPropertiesNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
    private const string PropertyTypesNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

    /// <summary>The property set of user-defined properties, which every custom property names.</summary>
    private const string UserDefinedProperties = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

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
    /// docProps/custom.xml: the report's <see cref="ReportStamp"/> as custom document properties (strings) in a fixed
    /// order, each with the next pid from 2, so that the same report gives the same bytes. Word, WPS and LibreOffice
    /// keep custom properties when they save (docs/report-fields.md). Written through <see cref="PartXml"/> like every
    /// other part, so the stamp carries text as the document does: what XML 1.0 cannot carry (a control character
    /// other than tab and line feed, an unpaired surrogate, U+FFFE, U+FFFF) is left out, a workbook named with one
    /// is stamped without it (<see cref="TextScan.Carried"/>). Values are composed in a buffer straight from the
    /// fingerprints the text collector kept, without a string per paragraph or field (they were a tenth of writing
    /// a report, docs/performance.md); <see cref="ReportStamp.From"/> reads them back.
    /// </summary>
    private static void WriteStamp(Stream output, string workbook, Fingerprint.Builder text)
    {
        using var xml = new PartXml(output, prefix: "");
        xml.Root("Properties", CustomPropertiesNamespace);
        xml.Attribute("xmlns:vt", PropertyTypesNamespace);
        var pid = 2;
        var value = ArrayPool<char>.Shared.Rent(512);
        try
        {
            Property(xml, ref pid, ReportStamp.VersionProperty, Version);
            Property(xml, ref pid, ReportStamp.WorkbookProperty, workbook);
            var length = Hex(value, 0, text.FinishHash(), 16);
            Property(xml, ref pid, ReportStamp.TextProperty, value.AsSpan(0, length));

            Span<char> name = stackalloc char[32];
            var paragraphs = text.ParagraphHashes();
            for (var i = 0; i < paragraphs.Length; i += ReportStamp.ParagraphsPerProperty)
            {
                length = 0;
                for (var p = i; p < Math.Min(paragraphs.Length, i + ReportStamp.ParagraphsPerProperty); p++)
                {
                    length = Hex(value, length, paragraphs[p], 8);
                }

                var named = Numbered(name, ReportStamp.ParagraphsPrefix, 1 + (i / ReportStamp.ParagraphsPerProperty), "000");
                Property(xml, ref pid, named, value.AsSpan(0, length));
            }

            var fields = text.Fields;
            for (var i = 0; i < fields.Count; i++)
            {
                // FieldStamp.Parse reads given|shown|part|cell|title.
                var field = fields[i];
                var longest = 16 + 16 + 11 + field.Cell.Length + field.Title.Length + (field.Given?.Length ?? 0) + 4;
                if (value.Length < longest)
                {
                    ArrayPool<char>.Shared.Return(value);
                    value = ArrayPool<char>.Shared.Rent(longest);
                }

                length = field.Given is null ? Hex(value, 0, field.Shown, 16) : Copy(value, 0, field.Given);
                value[length++] = '|';
                length = Hex(value, length, field.Shown, 16);
                value[length++] = '|';
                field.Part.TryFormat(value.AsSpan(length), out var digits, default, CultureInfo.InvariantCulture);
                length += digits;
                value[length++] = '|';
                length = Copy(value, length, field.Cell);
                value[length++] = '|';
                length = Copy(value, length, field.Title);
                Property(xml, ref pid, Numbered(name, ReportStamp.FieldPrefix, i + 1, "0000"), value.AsSpan(0, length));
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(value);
        }

        xml.End();
    }

    /// <summary>One property: <c>&lt;property fmtid pid name&gt;&lt;vt:lpwstr&gt;value&lt;/vt:lpwstr&gt;&lt;/property&gt;</c>.</summary>
    private static void Property(PartXml xml, ref int pid, ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        xml.Start("property");
        xml.Attribute("fmtid", UserDefinedProperties);
        xml.Attribute("pid", pid++);
        xml.Attribute("name", name);
        xml.Start("vt:lpwstr");
        xml.Text(value);
        xml.End();
        xml.End();
    }

    /// <summary>A property name of a prefix and a number (<c>ReportGen.Field.0007</c>), in <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<char> Numbered(Span<char> buffer, string prefix, int number, string format)
    {
        prefix.CopyTo(buffer);
        number.TryFormat(buffer[prefix.Length..], out var digits, format, CultureInfo.InvariantCulture);
        return buffer[..(prefix.Length + digits)];
    }

    /// <summary>Writes the low <paramref name="digits"/> hex digits of <paramref name="value"/> at <paramref name="at"/>; returns where they end.</summary>
    private static int Hex(char[] buffer, int at, ulong value, int digits)
    {
        for (var i = at + digits - 1; i >= at; i--)
        {
            buffer[i] = "0123456789abcdef"[(int)(value & 0xF)];
            value >>= 4;
        }

        return at + digits;
    }

    private static int Copy(char[] buffer, int at, string text)
    {
        text.CopyTo(buffer.AsSpan(at));
        return at + text.Length;
    }
}
