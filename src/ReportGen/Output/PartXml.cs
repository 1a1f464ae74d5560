using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace ReportGen.Output;

/// <summary>
/// A forward-only writer for the parts of a .docx or .xlsx, writing UTF-8 straight into a buffer. It writes the
/// bytes <see cref="System.Xml.XmlWriter"/> wrote for the same calls (the declaration, prefixed names, <c>" />"</c>
/// for empty elements, the same escapes), without XmlWriter's per-call well-formedness checks and namespace
/// lookups, which were most of the cost of a report's document.xml (docs/performance.md). Line ends are
/// LF, as XmlWriter wrote them on Unix (on Windows it wrote CR LF). Names are ASCII constants of the callers; text
/// and attribute values are escaped here. Characters XML cannot carry (control characters, unpaired surrogates,
/// U+FFFE/U+FFFF), which made XmlWriter throw, are left out.
/// </summary>
internal sealed class PartXml : IDisposable
{
    /// <summary>WordprocessingML, the namespace of the w: prefix.</summary>
    public const string Namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const int FlushAt = 60 * 1024;

    private readonly Stream _output;
    private readonly string _prefix;
    private readonly string _startTag;
    private readonly string _endTag;
    private readonly List<string> _open = new(16);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _length;

    /// <summary>While recording a <see cref="Fragment"/>: each reservation and each element's end, by offset.</summary>
    private List<(int Offset, int Count)>? _pieces;
    private List<int>? _ends;

    /// <summary>A start tag has been written up to its attributes; its '>' or ' />' is still to come.</summary>
    private bool _tagOpen;

    /// <summary>
    /// Starts the part with the declaration XmlWriter wrote (UTF-8, no BOM); elements take <paramref name="prefix"/>,
    /// or none when it is empty (the root then declares the default namespace).
    /// </summary>
    public PartXml(Stream output, string prefix = "w")
        : this(output, prefix, declaration: true)
    {
    }

    private PartXml(Stream output, string prefix, bool declaration)
    {
        _output = output;
        _prefix = prefix;
        _startTag = prefix.Length == 0 ? "<" : "<" + prefix + ":";
        _endTag = prefix.Length == 0 ? "</" : "</" + prefix + ":";
        if (declaration)
        {
            Ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        }
    }

    /// <summary>The root element, declaring the prefix's namespace (WordprocessingML unless given).</summary>
    public void Root(string name, string @namespace = Namespace)
    {
        Start(name);
        Attribute(_prefix.Length == 0 ? "xmlns" : "xmlns:" + _prefix, @namespace);
    }

    /// <summary>Opens <c>prefix:name</c>; attributes may follow until content or <see cref="End"/>.</summary>
    public void Start(string name)
    {
        if (Collect is not null && name.Length == 1 && name[0] == 'p')
        {
            Collect.Paragraph();
        }

        // One reservation for the '>' closing the previous tag, "<w:" and the name: there are tens of thousands
        // of elements in a report (docs/performance.md).
        var close = _tagOpen ? 1 : 0;
        Reserve(close + _startTag.Length + name.Length);
        if (_tagOpen)
        {
            _buffer[_length++] = (byte)'>';
        }

        Put(_startTag);
        Put(name);
        _open.Add(name);
        _tagOpen = true;
    }

    /// <summary>Closes the innermost open element: <c>" />"</c> when it has no content, as XmlWriter writes it.</summary>
    public void End()
    {
        var name = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (_tagOpen)
        {
            Reserve(3);
            Put(" />");
            _tagOpen = false;
        }
        else
        {
            Reserve(_endTag.Length + name.Length + 1);
            Put(_endTag);
            Put(name);
            _buffer[_length++] = (byte)'>';
        }

        _ends?.Add(_length);
        if (_length >= FlushAt)
        {
            Flush();
        }
    }

    /// <summary>A WordprocessingML attribute <c>w:name="value"</c> on the element just started.</summary>
    public void WordAttribute(string name, string value)
    {
        // Most values are short ASCII words ("dxa", "center", a style id): copied at once with the name around them.
        if (value.Length <= 32 && System.Text.Ascii.IsValid(value) && !value.AsSpan().ContainsAny(AttributeSpecials))
        {
            Reserve(6 + name.Length + value.Length);
            Put(" w:");
            Put(name);
            Put("=\"");
            Put(value);
            _buffer[_length++] = (byte)'"';
            return;
        }

        AttributeStart(name);
        Escaped(value, attribute: true);
        Byte((byte)'"');
    }

    /// <summary>A w: attribute with an integer value.</summary>
    public void WordAttribute(string name, int value)
    {
        Reserve(6 + name.Length + 11);
        Put(" w:");
        Put(name);
        Put("=\"");
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
        _buffer[_length++] = (byte)'"';
    }

    /// <summary>A w: attribute whose value is an ASCII prefix and an integer (<c>w:name="_RG7"</c>).</summary>
    public void WordAttribute(string name, string prefix, int value)
    {
        Reserve(6 + name.Length + prefix.Length + 11);
        Put(" w:");
        Put(name);
        Put("=\"");
        Put(prefix);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
        _buffer[_length++] = (byte)'"';
    }

    private void AttributeStart(string name)
    {
        Reserve(5 + name.Length);
        Put(" w:");
        Put(name);
        Put("=\"");
    }

    /// <summary>Copies an ASCII constant into room already reserved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(ReadOnlySpan<char> text)
    {
        var target = _buffer.AsSpan(_length, text.Length);
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = (byte)text[i];
        }

        _length += text.Length;
    }

    /// <summary>An attribute named as given: unprefixed, or with its prefix (<c>xml:space</c>, <c>r:id</c>, <c>xmlns:r</c>).</summary>
    public void Attribute(string qualifiedName, ReadOnlySpan<char> value)
    {
        if (value.Length <= 32 && System.Text.Ascii.IsValid(value) && !value.ContainsAny(AttributeSpecials))
        {
            Reserve(4 + qualifiedName.Length + value.Length);
            _buffer[_length++] = (byte)' ';
            Put(qualifiedName);
            Put("=\"");
            Put(value);
            _buffer[_length++] = (byte)'"';
            return;
        }

        Byte((byte)' ');
        Ascii(qualifiedName);
        Ascii("=\"");
        Escaped(value, attribute: true);
        Byte((byte)'"');
    }

    /// <summary>An attribute with an integer value, named as given.</summary>
    public void Attribute(string qualifiedName, int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        Attribute(qualifiedName, digits[..written]);
    }

    /// <summary>
    /// Collects every element text written, for the report's text fingerprint (<see cref="Model.ReportStamp"/>):
    /// set on document.xml, where the only element text is that of w:t.
    /// </summary>
    public Model.Fingerprint.Builder? Collect { get; init; }

    /// <summary>Element content.</summary>
    public void Text(string text)
    {
        CloseTag();
        Collect?.Append(text);
        Escaped(text, attribute: false);
    }

    /// <summary><c>&lt;w:name w:val="…" /&gt;</c>, or without w:val when <paramref name="val"/> is null (WordprocessingML).</summary>
    public void Empty(string name, string? val = null)
    {
        Start(name);
        if (val is not null)
        {
            WordAttribute("val", val);
        }

        End();
    }

    /// <summary>XML written as it is (a part made elsewhere, such as the section from a reference document).</summary>
    public void Raw(string xml)
    {
        CloseTag();
        Utf8(xml);
    }

    /// <summary>
    /// A fixed stretch of XML (a run's properties, a table's borders) written once into a <see cref="Fragment"/> by
    /// <paramref name="write"/>, to be written again by <see cref="Write(Fragment)"/> as the calls themselves would
    /// have written it, byte for byte and flushed at the same points, without repeating them for every run and cell
    /// of every report (docs/performance.md). <paramref name="write"/> must leave no element open.
    /// </summary>
    public static Fragment Record(Action<PartXml> write)
    {
        using var xml = new PartXml(Stream.Null, "w", declaration: false) { _pieces = [], _ends = [] };
        write(xml);
        if (xml._open.Count > 0 || xml._tagOpen)
        {
            throw new InvalidOperationException("A recorded fragment must close every element it opens.");
        }

        return new Fragment(xml._buffer.AsSpan(0, xml._length).ToArray(), [.. xml._pieces], [.. xml._ends]);
    }

    /// <summary>
    /// Bytes made by <see cref="Record"/>, with where each call reserved room (<see cref="Reserve"/>, which flushes
    /// a full buffer) and where each element ended (<see cref="End"/>, which flushes past <see cref="FlushAt"/>):
    /// the deflated part depends on where the stream was written in pieces, so replaying keeps those points.
    /// </summary>
    internal sealed class Fragment(byte[] bytes, (int Offset, int Count)[] pieces, int[] ends)
    {
        public byte[] Bytes { get; } = bytes;

        public (int Offset, int Count)[] Pieces { get; } = pieces;

        public int[] Ends { get; } = ends;

        /// <summary>The furthest any reservation reached past the fragment's start.</summary>
        public int Extent { get; } = pieces.Length == 0 ? bytes.Length : Math.Max(bytes.Length, pieces.Max(p => p.Offset + p.Count));
    }

    /// <summary>Writes a recorded fragment: as one copy when no flush can fall inside it, else piece by piece.</summary>
    public void Write(Fragment fragment)
    {
        CloseTag();
        var bytes = fragment.Bytes;
        if (_length + fragment.Extent <= _buffer.Length && _length + bytes.Length < FlushAt)
        {
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
            return;
        }

        var reserved = fragment.Pieces;
        var ended = fragment.Ends;
        var nextEnd = 0;
        for (var i = 0; i < reserved.Length; i++)
        {
            var (offset, count) = reserved[i];
            var pieceEnd = i + 1 < reserved.Length ? reserved[i + 1].Offset : bytes.Length;
            Reserve(count);
            bytes.AsSpan(offset, pieceEnd - offset).CopyTo(_buffer.AsSpan(_length));
            _length += pieceEnd - offset;
            while (nextEnd < ended.Length && ended[nextEnd] <= pieceEnd)
            {
                nextEnd++;
                if (_length >= FlushAt)
                {
                    Flush();
                }
            }
        }
    }

    /// <summary>Element content from part of a string.</summary>
    public void Text(ReadOnlySpan<char> text)
    {
        CloseTag();
        Collect?.Append(text);
        Escaped(text, attribute: false);
    }

    /// <summary>Writes what is buffered to the stream (without flushing the stream itself).</summary>
    public void Flush()
    {
        if (_length > 0)
        {
            _output.Write(_buffer, 0, _length);
            _length = 0;
        }
    }

    /// <summary>
    /// Writes what is left when the part is complete and returns the buffer. Never throws for the part itself: when
    /// writing failed midway (a full disk), elements are still open and the failure the caller is unwinding with
    /// must reach the user, not a complaint about the unfinished XML; what was buffered is then dropped.
    /// </summary>
    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        try
        {
            if (_open.Count == 0)
            {
                Flush();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void CloseTag()
    {
        if (_tagOpen)
        {
            Byte((byte)'>');
            _tagOpen = false;
        }
    }

    /// <summary>Characters that end a plain stretch of element text: markup, line ends, control characters.</summary>
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create(
        "&<>\r\n\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>In an attribute value the quote and the tab are escaped too.</summary>
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create(
        "\"\t&<>\r\n\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>
    /// XmlWriter's escapes with its default settings on Unix: &amp; &lt; &gt; always; in attributes also the
    /// quote, tab, LF and CR as character references; in text CR LF and a lone CR become LF.
    /// </summary>
    private void Escaped(ReadOnlySpan<char> span, bool attribute)
    {
        var specials = attribute ? AttributeSpecials : TextSpecials;
        while (true)
        {
            var stop = span.IndexOfAny(specials);
            Plain(stop < 0 ? span : span[..stop]);
            if (stop < 0)
            {
                return;
            }

            var consumed = 1;
            switch (span[stop])
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
                case '\t':
                    Ascii("&#x9;");
                    break;
                case '\n':
                    Ascii(attribute ? "&#xA;" : "\n");
                    break;
                case '\r' when attribute:
                    Ascii("&#xD;");
                    break;
                case '\r':
                    Byte((byte)'\n');
                    consumed = stop + 1 < span.Length && span[stop + 1] == '\n' ? 2 : 1;
                    break;

                    // Any other control character cannot be written in XML 1.0: it is dropped.
            }

            span = span[(stop + consumed)..];
        }
    }

    /// <summary>Text without markup characters, as UTF-8; unpaired surrogates, U+FFFE and U+FFFF are dropped.</summary>
    private void Plain(ReadOnlySpan<char> chars)
    {
        if (!Model.TextScan.HasSurrogateOrNonCharacter(chars))
        {
            Utf8(chars);
            return;
        }

        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                Utf8(chars.Slice(i, 2));
                i++;
            }
            else if (!char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'))
            {
                Utf8(chars.Slice(i, 1));
            }
        }
    }

    private void Utf8(ReadOnlySpan<char> chars)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(chars.Length));
        _length += Encoding.UTF8.GetBytes(chars, _buffer.AsSpan(_length));
    }

    /// <summary>
    /// An ASCII constant (a name, a fixed piece of markup). Most are a few characters, for which a plain loop is
    /// several times cheaper than <see cref="System.Text.Ascii.FromUtf16"/>'s call, and there are tens of thousands
    /// of them in a report (docs/performance.md).
    /// </summary>
    private void Ascii(string text)
    {
        Reserve(text.Length);
        if (text.Length <= 16)
        {
            var target = _buffer.AsSpan(_length, text.Length);
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = (byte)text[i];
            }

            _length += text.Length;
            return;
        }

        System.Text.Ascii.FromUtf16(text, _buffer.AsSpan(_length, text.Length), out var written);
        _length += written;
    }

    private void Byte(byte value)
    {
        Reserve(1);
        _buffer[_length++] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Reserve(int count)
    {
        _pieces?.Add((_length, count));
        if (_length + count > _buffer.Length)
        {
            Grow(count);
        }
    }

    private void Grow(int count)
    {
        Flush();
        if (count > _buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(count);
        }
    }
}
