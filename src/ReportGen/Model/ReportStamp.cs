using System.Buffers;
using System.Globalization;

namespace ReportGen.Model;

/// <summary>
/// What ReportGen writes into a report's custom document properties (docProps/custom.xml) so that the report can be
/// recognised later (docs/report-fields.md): the ReportGen version, the workbook it was made from, a fingerprint of
/// the report's text (to tell a report edited since from one that was not), and for every field its source cell and
/// the fingerprints of the text the cell held and the text the field showed.
/// </summary>
internal sealed record ReportStamp(string Version, string Workbook, string Text, IReadOnlyList<FieldStamp> Fields)
{
    /// <summary>The property holding the version: its presence is what marks a report as ReportGen's.</summary>
    public const string VersionProperty = "ReportGen";

    public const string WorkbookProperty = "ReportGen.Workbook";
    public const string TextProperty = "ReportGen.Text";

    /// <summary>Field n's property is this prefix and n in four digits, so that the names sort as the fields run.</summary>
    public const string FieldPrefix = "ReportGen.Field.";

    /// <summary>The paragraphs' fingerprints, <see cref="ParagraphsPerProperty"/> to a property (Word shows 255 characters of one).</summary>
    public const string ParagraphsPrefix = "ReportGen.Paragraphs.";

    internal const int ParagraphsPerProperty = 28;

    /// <summary>
    /// A fingerprint (8 hex digits) of each paragraph's text outside the fields, in document order (body and table
    /// cells alike): what tells <c>import</c> which paragraphs were edited outside any field.
    /// </summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>The bookmark around field n: a leading underscore keeps it out of Word's bookmark list.</summary>
    public static string BookmarkName(int id) => BookmarkPrefix + id.ToString(CultureInfo.InvariantCulture);

    public const string BookmarkPrefix = "_RG";

    /// <summary>The stamp from a document's custom properties; null when it has no ReportGen version.</summary>
    public static ReportStamp? From(IReadOnlyDictionary<string, string> properties)
    {
        if (!properties.TryGetValue(VersionProperty, out var version))
        {
            return null;
        }

        var fields = new List<FieldStamp>();
        var paragraphs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            if (name.StartsWith(FieldPrefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(FieldPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && FieldStamp.Parse(id, value) is { } field)
            {
                fields.Add(field);
            }
            else if (name.StartsWith(ParagraphsPrefix, StringComparison.Ordinal))
            {
                paragraphs[name] = value;
            }
        }

        fields.Sort((a, b) => a.Id.CompareTo(b.Id));
        var all = string.Concat(paragraphs.Values);
        return new ReportStamp(version, properties.GetValueOrDefault(WorkbookProperty, ""), properties.GetValueOrDefault(TextProperty, ""), fields)
        {
            Paragraphs = [.. Enumerable.Range(0, all.Length / 8).Select(i => all.Substring(i * 8, 8))],
        };
    }
}

/// <summary>
/// One field of a stamped report: its number (the bookmark <c>_RG{Id}</c>); the cell its text comes from or goes to
/// (<c>预算执行!J7</c>; a sheet alone when the workbook has no row for it yet); what belongs there (its title); its
/// part (0 for a field showing the cell's whole text, 1, 2… for the lines of a text shown one paragraph per line);
/// and two fingerprints: of the text the cell held when the report was made (empty for a placeholder) and of the text
/// the field showed.
/// </summary>
internal sealed record FieldStamp(int Id, string Cell, string Title, int Part, string Given, string Shown)
{
    /// <summary>A field's property value, <c>given|shown|part|cell|title</c>, as DocxWriter writes it.</summary>
    public static FieldStamp? Parse(int id, string value)
    {
        var parts = value.Split('|', 5);
        return parts.Length == 5 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var part)
            ? new FieldStamp(id, parts[3], parts[4], part, parts[0], parts[1])
            : null;
    }
}

/// <summary>
/// Fingerprints of text, in hex: FNV-1a (64 bits) of a field's text, FNV-1a over 64-bit words of a report's whole
/// text and (folded to 32 bits) of each paragraph's. A field's text is compared as
/// the clerk sees it (<see cref="Of"/>: without the invisible <see cref="ReportDocument.LiteralMark"/>, line ends as
/// LF, no surrounding blanks); a whole report's text is compared as the characters its XML can carry
/// (<see cref="Builder"/>).
/// </summary>
internal static class Fingerprint
{
    /// <summary>
    /// The fingerprint of a field's text as the clerk sees it: 64-bit FNV-1a, in hex. A report has a hundred or more
    /// fields and a text of the clerk's is registered for every report made (docs/performance.md): the hash is the
    /// cheapest that tells two texts apart, not one that resists forgery.
    /// </summary>
    public static string Of(string? text) => Hex(Fnv(Clean(text)));

    /// <summary><see cref="Of"/> as a number, of part of a string: without a copy when it holds no mark and no CR.</summary>
    public static ulong Hash(ReadOnlySpan<char> text) =>
        text.Contains(ReportDocument.LiteralMark) || text.Contains('\r') ? Fnv(Clean(text.ToString())) : Fnv(text.Trim());

    /// <summary>The fingerprint of an empty text (a placeholder's cell).</summary>
    public static readonly string Empty = Of(null);

    /// <summary>A 64-bit fingerprint as the stamp writes it: 16 lowercase hex digits.</summary>
    public static string Hex(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);

    private static ulong Fnv(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

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

    /// <summary>
    /// Collects a report's text as its writer writes it and its reader reads it back (the content of every w:t, in
    /// order), with where each paragraph and each field starts and ends; fingerprints the whole text and each
    /// paragraph's text outside its fields once, at the end. Characters XML 1.0 cannot carry (control characters
    /// other than tab and line feed, surrogates, U+FFFE and U+FFFF) are left out on both sides and a CR counts as the
    /// LF the XML holds, so that the two agree.
    /// </summary>
    public sealed class Builder : IDisposable
    {
        private static readonly SearchValues<char> Skipped = SearchValues.Create(
            string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n')).Select(c => (char)c))
            + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)) + "\uFFFE\uFFFF");

        private readonly List<int> _paragraphs = [];
        private readonly List<(int Start, int End)> _fields = [];
        private readonly List<Field> _written = [];
        private char[] _buffer = ArrayPool<char>.Shared.Rent(16 * 1024);
        private int _length;
        private int _fieldDepth;
        private int _fieldStart;

        /// <summary>A paragraph starts (w:p).</summary>
        public void Paragraph() => _paragraphs.Add(_length);

        /// <summary>A field starts (w:sdt); fields inside fields count as the outer one.</summary>
        public void FieldStart()
        {
            if (_fieldDepth++ == 0)
            {
                _fieldStart = _length;
            }
        }

        public void FieldEnd()
        {
            if (_fieldDepth > 0 && --_fieldDepth == 0)
            {
                _fields.Add((_fieldStart, _length));
            }
        }

        public void Append(ReadOnlySpan<char> text)
        {
            // Almost every text has none of the skipped characters: one vectorised check (a search value over this
            // set is not vectorised for CJK text) lets it be copied at once (docs/performance.md).
            if (!TextScan.HasControlSurrogateOrNonCharacter(text))
            {
                Copy(text);
                return;
            }

            while (true)
            {
                var stop = text.IndexOfAny(Skipped);
                Copy(stop < 0 ? text : text[..stop]);
                if (stop < 0)
                {
                    return;
                }

                // A lone CR is written to the XML as LF (PartXml), and read back so.
                if (text[stop] == '\r')
                {
                    Copy("\n");
                }

                text = text[(stop + 1)..];
            }
        }

        private void Copy(ReadOnlySpan<char> part)
        {
            if (_length + part.Length > _buffer.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + part.Length));
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = larger;
            }

            part.CopyTo(_buffer.AsSpan(_length));
            _length += part.Length;
        }

        /// <summary>
        /// A field the writer wrote (docs/report-fields.md): its cell, title and part, the fingerprint of the cell's
        /// text when the report was made (null: the text it shows), and the fingerprint of the text it shows.
        /// </summary>
        public readonly record struct Field(string Cell, string Title, int Part, string? Given, ulong Shown);

        /// <summary>Records a field for the stamp; returns its number (1 for the first).</summary>
        public int AddField(in Field field)
        {
            _written.Add(field);
            return _written.Count;
        }

        /// <summary>The fields recorded by <see cref="AddField"/>, in document order.</summary>
        public IReadOnlyList<Field> Fields => _written;

        /// <summary>The fingerprint of the whole text.</summary>
        public string Finish() => Hex(FinishHash());

        public ulong FinishHash() => Words.Add(Words.Start, _buffer.AsSpan(0, _length));

        /// <summary>
        /// Each paragraph's fingerprint (<see cref="ParagraphHashes"/>) as the stamp writes it, 8 hex digits.
        /// </summary>
        public List<string> ParagraphFingerprints() =>
            [.. ParagraphHashes().Select(hash => hash.ToString("x8", CultureInfo.InvariantCulture))];

        /// <summary>
        /// Each paragraph's fingerprint of its text with each field's text replaced by one U+FFFC, so that filling a
        /// field leaves its paragraph as it was: FNV over words, folded to 32 bits.
        /// </summary>
        public uint[] ParagraphHashes()
        {
            var result = new uint[_paragraphs.Count];
            var field = 0;
            for (var p = 0; p < _paragraphs.Count; p++)
            {
                var start = _paragraphs[p];
                var end = p + 1 < _paragraphs.Count ? _paragraphs[p + 1] : _length;
                var hash = Words.Start;
                var position = start;
                while (field < _fields.Count && _fields[field].End <= start && _fields[field].Start < start)
                {
                    field++;
                }

                // Fields that touch (an actual and the placeholder after it) count as one: LibreOffice may write
                // two controls with nothing between them as one (docs/report-fields.md).
                var any = false;
                for (var f = field; f < _fields.Count && _fields[f].Start < end; f++)
                {
                    var (from, to) = _fields[f];
                    if (!any || from > position)
                    {
                        hash = Words.Add(hash, _buffer.AsSpan(position, Math.Max(0, from - position)));
                        hash = Words.Add(hash, "\uFFFC");
                    }

                    any = true;
                    position = Math.Max(position, Math.Min(to, end));
                }

                hash = Words.Add(hash, _buffer.AsSpan(position, Math.Max(0, end - position)));
                result[p] = (uint)(hash ^ (hash >> 32));
            }

            return result;
        }

        public void Dispose()
        {
            if (_buffer.Length > 0)
            {
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = [];
            }
        }
    }

    /// <summary>
    /// FNV-1a over 64-bit words (four UTF-16 units at a time, the last ones one by one), then mixed: a report's text
    /// is fingerprinted for every report written (docs/performance.md), so the hash is the cheapest that tells two
    /// texts apart, not one that resists forgery. A text split in two is hashed as the two pieces in turn.
    /// </summary>
    private static class Words
    {
        public const ulong Start = 14695981039346656037UL;
        private const ulong Prime = 1099511628211UL;

        public static ulong Add(ulong hash, ReadOnlySpan<char> text)
        {
            var words = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(text);
            foreach (var word in words)
            {
                hash = (hash ^ word) * Prime;
                hash ^= hash >> 29;
            }

            foreach (var c in text[(words.Length * 4)..])
            {
                hash = (hash ^ c) * Prime;
            }

            return hash;
        }
    }
}
