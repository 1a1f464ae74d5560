using System.Buffers;
using System.Globalization;
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
    /// order of <see cref="ReportStamp.Properties"/>, so that the same report gives the same bytes. Word, WPS and
    /// LibreOffice keep custom properties when they save (docs/report-fields.md). Written straight from the
    /// fingerprints the text collector kept, without the stamp's strings (the paragraphs' and fields' fingerprints
    /// as text were a tenth of writing a report, docs/performance.md); <see cref="StampXml(ReportStamp)"/> writes
    /// the same bytes from a stamp.
    /// </summary>
    private static void WriteStamp(Stream output, string workbook, Fingerprint.Builder text)
    {
        var fields = text.Fields;
        using var xml = new StampWriter(1024 + (fields.Count * 200));
        xml.Property(ReportStamp.VersionProperty, Version);
        xml.Property(ReportStamp.WorkbookProperty, workbook);
        xml.Start(ReportStamp.TextProperty);
        xml.Hex(text.FinishHash(), 16);
        xml.EndProperty();
        var paragraphs = text.ParagraphHashes();
        for (var i = 0; i < paragraphs.Length; i += ReportStamp.ParagraphsPerProperty)
        {
            xml.Start(ReportStamp.ParagraphsPrefix, 1 + (i / ReportStamp.ParagraphsPerProperty), "000");
            for (var p = i; p < Math.Min(paragraphs.Length, i + ReportStamp.ParagraphsPerProperty); p++)
            {
                xml.Hex(paragraphs[p], 8);
            }

            xml.EndProperty();
        }

        for (var i = 0; i < fields.Count; i++)
        {
            // FieldStamp.Format: given|shown|part|cell|title.
            var field = fields[i];
            xml.Start(ReportStamp.FieldPrefix, i + 1, "0000");
            if (field.Given is null)
            {
                xml.Hex(field.Shown, 16);
            }
            else
            {
                xml.Escaped(field.Given);
            }

            xml.Ascii("|");
            xml.Hex(field.Shown, 16);
            xml.Ascii("|");
            xml.Number(field.Part, null);
            xml.Ascii("|");
            xml.Escaped(field.Cell);
            xml.Ascii("|");
            xml.Escaped(field.Title);
            xml.EndProperty();
        }

        xml.Finish(output);
    }

    /// <summary>custom.xml for <paramref name="stamp"/>, property by property (the bytes <see cref="WriteStamp"/> writes for the same stamp).</summary>
    internal static byte[] StampXml(ReportStamp stamp)
    {
        using var xml = new StampWriter(1024);
        foreach (var (name, value) in stamp.Properties())
        {
            xml.Property(name, value);
        }

        using var output = new MemoryStream();
        xml.Finish(output);
        return output.ToArray();
    }

    /// <summary>
    /// Writes custom.xml as UTF-8 into a pooled buffer: a BOM and the declaration as System.IO.Packaging wrote them,
    /// each property with the next pid from 2. Names and values are escaped (markup and the quote); what XML 1.0
    /// cannot carry is left out (control characters, U+FFFE/U+FFFF, and surrogates, which no stamp holds).
    /// </summary>
    private sealed class StampWriter : IDisposable
    {
        private static readonly byte[] Header = Encoding.UTF8.GetBytes(
            "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\""
            + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">");

        private static readonly SearchValues<char> Special = SearchValues.Create(
            "&<>\"" + string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\uFFFE\uFFFF"
            + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

        private byte[] buffer;
        private int length;
        private int pid = 2;

        public StampWriter(int capacity)
        {
            buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 4096));
            Bytes(Header);
        }

        public void Property(string name, string value)
        {
            Start(name);
            Escaped(value);
            EndProperty();
        }

        /// <summary>A property's start, up to its value.</summary>
        public void Start(string name) => Start(name, 0, null);

        /// <summary>A property's start whose name is <paramref name="name"/> and, with a format, a number.</summary>
        public void Start(string name, int number, string? format)
        {
            Ascii("<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"");
            Number(pid++, null);
            Ascii("\" name=\"");
            Escaped(name);
            if (format is not null)
            {
                Number(number, format);
            }

            Ascii("\"><vt:lpwstr>");
        }

        public void EndProperty() => Ascii("</vt:lpwstr></property>");

        public void Hex(ulong value, int digits)
        {
            Reserve(digits);
            for (var i = digits - 1; i >= 0; i--)
            {
                buffer[length + i] = (byte)"0123456789abcdef"[(int)(value & 0xF)];
                value >>= 4;
            }

            length += digits;
        }

        public void Number(int value, string? format)
        {
            Reserve(11);
            value.TryFormat(buffer.AsSpan(length), out var written, format, CultureInfo.InvariantCulture);
            length += written;
        }

        public void Ascii(string text)
        {
            Reserve(text.Length);
            System.Text.Ascii.FromUtf16(text, buffer.AsSpan(length), out var written);
            length += written;
        }

        public void Escaped(string text)
        {
            var rest = text.AsSpan();
            while (true)
            {
                var stop = rest.IndexOfAny(Special);
                var plain = stop < 0 ? rest : rest[..stop];
                Reserve(Encoding.UTF8.GetMaxByteCount(plain.Length));
                length += Encoding.UTF8.GetBytes(plain, buffer.AsSpan(length));
                if (stop < 0)
                {
                    return;
                }

                switch (rest[stop])
                {
                    case '&':
                        Ascii("&amp;");
                        break;
                    case '<':
                        Ascii("&lt;");
                        break;
                    case '>':
                        Ascii("&gt;");
                        break;
                    case '"':
                        Ascii("&quot;");
                        break;
                }

                rest = rest[(stop + 1)..];
            }
        }

        public void Finish(Stream output)
        {
            Ascii("</Properties>");
            output.Write(buffer, 0, length);
        }

        private void Bytes(ReadOnlySpan<byte> bytes)
        {
            Reserve(bytes.Length);
            bytes.CopyTo(buffer.AsSpan(length));
            length += bytes.Length;
        }

        private void Reserve(int count)
        {
            if (length + count > buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + count));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
        }

        public void Dispose()
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = [];
            }
        }
    }
}
