using System.IO.Compression;
using System.Text;
using System.Xml;
using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Import;

/// <summary>A field as found in a filled report: its text, or why it cannot be trusted.</summary>
/// <param name="Text">The field's text now (as the clerk sees it), or null when it was not found or is mangled.</param>
/// <param name="Problem">Why the text cannot be used (a Chinese phrase); null when it can.</param>
internal sealed record FoundField(FieldStamp Stamp, string? Text, string? Problem);

/// <summary>A paragraph of a filled report: its text, and the fingerprint of its text outside the fields.</summary>
internal sealed record FoundParagraph(int Number, string Text, string Fingerprint);

/// <summary>What a filled report holds: its stamp, each stamped field as found, and its paragraphs.</summary>
internal sealed record FilledReport(string Path, ReportStamp Stamp, string Text, IReadOnlyList<FoundField> Fields, IReadOnlyList<FoundParagraph> Paragraphs);

/// <summary>
/// Reads a report ReportGen wrote and a clerk filled in (docs/report-fields.md). Each field is found by its bookmark
/// (<c>_RG{n}</c>, which Word, WPS and LibreOffice all keep around the field's text); when the bookmark is gone, by
/// its content control's tag and title, if exactly one control has them. A field is not used, and says why, when it
/// cannot be found, when its bookmark appears twice, when it holds more than one content control (LibreOffice's
/// damage to plain-text controls), when its text is one text written twice, or when it still holds a part of its
/// prompt: never a wrong cell, never doubled text.
/// </summary>
internal static class ReportFieldReader
{
    public static FilledReport? Read(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (ReportStampReader.ReadStamp(zip) is not { } stamp)
            {
                return null;
            }

            var entry = zip.GetEntry("word/document.xml") ?? throw new InvalidDataException("no document part");
            using var stream = entry.Open();
            var walk = new Walk();
            walk.Run(stream);
            return new FilledReport(path, stamp, walk.TextFingerprint, Fields(stamp, walk), walk.Paragraphs);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InputException(
                $"报告“{System.IO.Path.GetFileName(path)}”不是可读取的 Word 文档（.docx），请确认文件未损坏、未加密；"
                + "若已另存为 .doc，请在 Word 或 WPS 中另存为 .docx 后重试。", new SourceLocation(path, null), ex);
        }
    }

    /// <summary>Whether <paramref name="path"/> is a .docx report ReportGen stamped (not a target form).</summary>
    public static bool IsReport(string path)
    {
        if (!string.Equals(System.IO.Path.GetExtension(path), ".docx", StringComparison.OrdinalIgnoreCase) || !File.Exists(path))
        {
            return false;
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            return ReportStampReader.ReadStamp(zip) is not null;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static List<FoundField> Fields(ReportStamp stamp, Walk walk)
    {
        var fields = new List<FoundField>(stamp.Fields.Count);
        foreach (var field in stamp.Fields)
        {
            var name = ReportStamp.BookmarkName(field.Id);
            if (walk.Ranges.TryGetValue(name, out var range))
            {
                fields.Add(Check(field, range.Count > 1 ? null : range[0]));
                continue;
            }

            // The bookmark is gone: the content control, if exactly one has this field's tag and title.
            var controls = walk.Controls.Where(c => c.Tag == field.Cell && c.Alias == field.Title).ToList();
            fields.Add(controls.Count == 1
                ? Check(field, controls[0])
                : new FoundField(field, null, controls.Count == 0 ? "在报告中找不到这个填写处（可能已被删除）" : "报告中有多个同名的填写处，无法确定是哪一个"));
        }

        return fields;
    }

    private static FoundField Check(FieldStamp field, Span? span)
    {
        if (span is null)
        {
            return new FoundField(field, null, "这个填写处在报告中出现了两次");
        }

        if (!span.Closed)
        {
            return new FoundField(field, null, "这个填写处的范围不完整");
        }

        if (span.Controls > 1)
        {
            return new FoundField(field, null, "这个填写处的文字被另存时拆成了几份（LibreOffice 另存纯文本控件时会重复文字）");
        }

        var text = Fingerprint.Clean(span.Text.ToString());
        if (Doubled(text))
        {
            return new FoundField(field, null, "这个填写处的文字重复了一遍，像是另存时出错");
        }

        return new FoundField(field, text, null);
    }

    /// <summary>A text that is one text (of two or more characters) written twice or more in a row.</summary>
    internal static bool Doubled(string text)
    {
        for (var length = 2; length <= text.Length / 2; length++)
        {
            if (text.Length % length != 0)
            {
                continue;
            }

            var unit = text.AsSpan(0, length);
            var repeated = true;
            for (var i = length; i < text.Length && repeated; i += length)
            {
                repeated = text.AsSpan(i, length).SequenceEqual(unit);
            }

            if (repeated)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text between a bookmark's start and end, or inside a content control.</summary>
    private sealed class Span
    {
        public StringBuilder Text { get; } = new();
        public bool Closed { get; set; }
        public int Controls { get; set; }
        public string? Alias { get; set; }
        public string? Tag { get; set; }
    }

    /// <summary>One pass over document.xml: bookmark ranges, content controls, paragraphs, and the text fingerprint.</summary>
    private sealed class Walk
    {
        private const string W = PartXml.Namespace;

        public Dictionary<string, List<Span>> Ranges { get; } = new(StringComparer.Ordinal);
        public List<Span> Controls { get; } = [];
        public List<FoundParagraph> Paragraphs { get; } = [];
        public string TextFingerprint { get; private set; } = "";

        private readonly Dictionary<string, Span> _open = new(StringComparer.Ordinal);
        private readonly Stack<Span> _controls = new();
        private readonly StringBuilder _paragraph = new();

        public void Run(Stream stream)
        {
            using var reader = XmlReader.Create(stream, ReportStampReader.Settings);
            using var text = new Fingerprint.Builder();
            var skip = 0;
            var inProperties = 0;
            var inText = false;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when inText:
                        text.Append(reader.Value);
                        if (skip == 0)
                        {
                            Append(reader.Value);
                        }

                        continue;
                    case XmlNodeType.EndElement when reader.NamespaceURI == W:
                        End(reader.LocalName);
                        continue;
                    case XmlNodeType.Element when reader.NamespaceURI == W:
                        break;
                    default:
                        continue;
                }

                var empty = reader.IsEmptyElement;
                switch (reader.LocalName)
                {
                    case "p":
                        EndParagraph();
                        text.Paragraph();
                        if (empty)
                        {
                            Append("\n");
                        }

                        break;
                    case "moveFrom" or "del" when !empty:
                        skip++;
                        break;
                    case "sdt" when !empty:
                        text.FieldStart();
                        var control = new Span { Closed = true };
                        _controls.Push(control);
                        Controls.Add(control);
                        foreach (var range in _open.Values)
                        {
                            range.Controls++;
                        }

                        break;
                    case "sdtPr" when !empty:
                        inProperties++;
                        break;
                    case "alias" when inProperties > 0 && _controls.Count > 0:
                        _controls.Peek().Alias = reader.GetAttribute("val", W);
                        break;
                    case "tag" when inProperties > 0 && _controls.Count > 0:
                        _controls.Peek().Tag = reader.GetAttribute("val", W);
                        break;
                    case "bookmarkStart":
                        if (reader.GetAttribute("name", W) is { } name && name.StartsWith(ReportStamp.BookmarkPrefix, StringComparison.Ordinal)
                            && reader.GetAttribute("id", W) is { } id)
                        {
                            var span = new Span();
                            _open[id] = span;
                            (Ranges.TryGetValue(name, out var list) ? list : Ranges[name] = []).Add(span);
                        }

                        break;
                    case "bookmarkEnd":
                        if (reader.GetAttribute("id", W) is { } endId && _open.Remove(endId, out var ended))
                        {
                            ended.Closed = true;
                        }

                        break;
                    case "t" when !empty && inProperties == 0:
                        inText = true;
                        break;
                    case "tab" when skip == 0 && inProperties == 0:
                        Append("\t");
                        break;
                    case "br" or "cr" when skip == 0 && inProperties == 0 && reader.GetAttribute("type", W) is null or "textWrapping":
                        Append("\n");
                        break;
                }
            }

            EndParagraph();
            var fingerprints = text.ParagraphFingerprints();
            for (var i = 0; i < Paragraphs.Count && i < fingerprints.Count; i++)
            {
                Paragraphs[i] = Paragraphs[i] with { Fingerprint = fingerprints[i] };
            }

            TextFingerprint = text.Finish();

            void End(string name)
            {
                switch (name)
                {
                    case "t":
                        inText = false;
                        break;
                    case "moveFrom" or "del":
                        skip--;
                        break;
                    case "sdt":
                        text.FieldEnd();
                        if (_controls.Count > 0)
                        {
                            _controls.Pop();
                        }

                        break;
                    case "sdtPr":
                        inProperties--;
                        break;
                    case "p":
                        Append("\n");
                        break;
                }
            }
        }

        private void Append(string value)
        {
            foreach (var span in _open.Values)
            {
                span.Text.Append(value);
            }

            foreach (var control in _controls)
            {
                control.Text.Append(value);
            }

            if (value != "\n")
            {
                _paragraph.Append(value);
            }
        }

        private void EndParagraph()
        {
            if (Paragraphs.Count > 0 || _paragraph.Length > 0 || _started)
            {
                Paragraphs.Add(new FoundParagraph(Paragraphs.Count + 1, _paragraph.ToString(), ""));
            }

            _started = true;
            _paragraph.Clear();
        }

        private bool _started;
    }
}
