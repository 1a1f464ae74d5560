using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReportGen.Model;

/// <summary>
/// What ReportGen writes into a report's custom document properties (docProps/custom.xml) so that the report can be
/// recognised later (docs/report-fields.md): the ReportGen version, the workbook it was made from, a fingerprint of
/// the report's text (to tell a report edited since from one that was not), and for every field its source cell and
/// the fingerprints of the text the cell held and the text the field showed.
/// </summary>
public sealed record ReportStamp(string Version, string Workbook, string Text, IReadOnlyList<FieldStamp> Fields)
{
    /// <summary>The property holding the version: its presence is what marks a report as ReportGen's.</summary>
    public const string VersionProperty = "ReportGen";

    public const string WorkbookProperty = "ReportGen.Workbook";
    public const string TextProperty = "ReportGen.Text";

    /// <summary>Field n's property is this prefix and n in four digits, so that the names sort as the fields run.</summary>
    public const string FieldPrefix = "ReportGen.Field.";

    /// <summary>The bookmark around field n: a leading underscore keeps it out of Word's bookmark list.</summary>
    public static string BookmarkName(int id) => "_RG" + id.ToString(CultureInfo.InvariantCulture);

    public static string FieldProperty(int id) => FieldPrefix + id.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>The properties in the order they are written (custom.xml), names with values.</summary>
    public IEnumerable<(string Name, string Value)> Properties()
    {
        yield return (VersionProperty, Version);
        yield return (WorkbookProperty, Workbook);
        yield return (TextProperty, Text);
        foreach (var field in Fields)
        {
            yield return (FieldProperty(field.Id), field.Format());
        }
    }

    /// <summary>The stamp from a document's custom properties; null when it has no ReportGen version.</summary>
    public static ReportStamp? From(IReadOnlyDictionary<string, string> properties)
    {
        if (!properties.TryGetValue(VersionProperty, out var version))
        {
            return null;
        }

        var fields = new List<FieldStamp>();
        foreach (var (name, value) in properties)
        {
            if (name.StartsWith(FieldPrefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(FieldPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && FieldStamp.Parse(id, value) is { } field)
            {
                fields.Add(field);
            }
        }

        fields.Sort((a, b) => a.Id.CompareTo(b.Id));
        return new ReportStamp(version, properties.GetValueOrDefault(WorkbookProperty, ""), properties.GetValueOrDefault(TextProperty, ""), fields);
    }
}

/// <summary>
/// One field of a stamped report: its number (the bookmark <c>_RG{Id}</c>), the cell its text comes from or goes to
/// (<c>预算执行!J7</c>; a sheet alone when the workbook has no row for it yet), and two fingerprints: of the text the
/// cell held when the report was made (empty for a placeholder) and of the text the field showed.
/// </summary>
public sealed record FieldStamp(int Id, string Cell, string Given, string Shown)
{
    public string Format() => $"{Given}|{Shown}|{Cell}";

    public static FieldStamp? Parse(int id, string value)
    {
        var parts = value.Split('|', 3);
        return parts.Length == 3 ? new FieldStamp(id, parts[2], parts[0], parts[1]) : null;
    }
}

/// <summary>
/// Fingerprints of text: the first 64 bits of SHA-256 over the text's UTF-16, in hex. A field's text is compared as
/// the clerk sees it (<see cref="Of"/>: without the invisible <see cref="ReportDocument.LiteralMark"/>, line ends as
/// LF, no surrounding blanks); a whole report's text is compared as the characters its XML can carry
/// (<see cref="Builder"/>).
/// </summary>
public static class Fingerprint
{
    /// <summary>The fingerprint of a field's text as the clerk sees it.</summary>
    public static string Of(string? text) => Hex(Clean(text));

    /// <summary>A field's text as the clerk sees it: no <see cref="ReportDocument.LiteralMark"/>, LF line ends, trimmed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.Contains(ReportDocument.LiteralMark, StringComparison.Ordinal))
        {
            text = text.Replace(ReportDocument.LiteralMark.ToString(), "", StringComparison.Ordinal);
        }

        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return text.Trim();
    }

    private static string Hex(ReadOnlySpan<char> text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>
    /// Collects a report's text as its writer writes it and its reader reads it back, and fingerprints it once at the
    /// end: characters XML 1.0 cannot carry (control characters other than tab and line feed, surrogates, U+FFFE and
    /// U+FFFF) are left out on both sides and a CR counts as the LF the XML holds, so that the two agree.
    /// </summary>
    public sealed class Builder : IDisposable
    {
        private static readonly SearchValues<char> Skipped = SearchValues.Create(
            string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n')).Select(c => (char)c))
            + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)) + "\uFFFE\uFFFF");

        private char[] buffer = ArrayPool<char>.Shared.Rent(16 * 1024);
        private int length;

        public void Append(ReadOnlySpan<char> text)
        {
            while (true)
            {
                var stop = text.IndexOfAny(Skipped);
                var part = stop < 0 ? text : text[..stop];
                if (length + part.Length > buffer.Length)
                {
                    var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + part.Length));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = larger;
                }

                part.CopyTo(buffer.AsSpan(length));
                length += part.Length;
                if (stop < 0)
                {
                    return;
                }

                // A lone CR is written to the XML as LF (PartXml), and read back so.
                if (text[stop] == '\r')
                {
                    Append("\n");
                }

                text = text[(stop + 1)..];
            }
        }

        public string Finish() => Hex(buffer.AsSpan(0, length));

        public void Dispose()
        {
            if (buffer.Length > 0)
            {
                ArrayPool<char>.Shared.Return(buffer);
                buffer = [];
            }
        }
    }
}
