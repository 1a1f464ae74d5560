using System.Text;
using System.Xml;
using ReportGen.Output;

namespace ReportGen.Tests.Output;

/// <summary>
/// PartXml replaced XmlWriter for the report's parts on the promise of the same bytes; these tests hold it to that
/// by writing the same calls with both, over strings built from the characters XML treats specially.
/// </summary>
public class PartXmlTests
{
    /// <summary>Characters with a special meaning somewhere in XML, mixed with plain ASCII, CJK and a surrogate pair.</summary>
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "中", "文", "【", "】", "“", "”", "—", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\r\n",
        "]]>", "&amp;", "\u00A0", "\u0085", "\u2028", "\u3000", "😀", "\uFEFF", "=", "/",
    ];

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    private static string WithPartXml(Action<PartXml> write)
    {
        using var stream = new MemoryStream();
        using (var xml = new PartXml(stream))
        {
            write(xml);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string WithXmlWriter(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false }))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Text_and_attribute_values_are_escaped_exactly_as_XmlWriter_escapes_them()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 2_000; i++)
        {
            var text = RandomText(random);
            var value = RandomText(random);

            var ours = WithPartXml(xml =>
            {
                xml.Root("p");
                xml.Start("t");
                xml.WordAttribute("val", value);
                xml.Attribute("xml:space", "preserve");
                xml.Text(text);
                xml.End();
                xml.Empty("b");
                xml.Empty("jc", value);
                xml.End();
            });
            var theirs = WithXmlWriter(xml =>
            {
                xml.WriteStartElement("w", "p", PartXml.Namespace);
                xml.WriteStartElement("w", "t", PartXml.Namespace);
                xml.WriteAttributeString("w", "val", PartXml.Namespace, value);
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(text);
                xml.WriteEndElement();
                xml.WriteStartElement("w", "b", PartXml.Namespace);
                xml.WriteEndElement();
                xml.WriteStartElement("w", "jc", PartXml.Namespace);
                xml.WriteAttributeString("w", "val", PartXml.Namespace, value);
                xml.WriteEndElement();
                xml.WriteEndElement();
            });

            Assert.True(theirs == ours, $"text {Escape(text)}, value {Escape(value)}:\n XmlWriter {theirs}\n PartXml   {ours}");
        }
    }

    [Fact]
    public void Integer_attributes_are_written_in_invariant_digits()
    {
        var xml = WithPartXml(x =>
        {
            x.Root("tbl");
            x.WordAttribute("w", -1587);
            x.WordAttribute("h", 16838);
            x.Attribute("pid", -42);
            x.End();
        });

        Assert.EndsWith("<w:tbl xmlns:w=\"" + PartXml.Namespace + "\" w:w=\"-1587\" w:h=\"16838\" pid=\"-42\" />", xml, StringComparison.Ordinal);
    }

    /// <summary>Given as code units: an attribute cannot hold an unpaired surrogate (it would arrive as U+FFFD).</summary>
    [Theory]
    [InlineData(new[] { 'a', '\u0001', 'b' }, "ab")]
    [InlineData(new[] { 'a', '\u001F', 'b', '\u0000' }, "ab")]
    [InlineData(new[] { 'x', '\uD800', 'y' }, "xy")]
    [InlineData(new[] { 'x', '\uDC00', 'y' }, "xy")]
    [InlineData(new[] { '\uFFFE', '\uFFFF', 'z' }, "z")]
    [InlineData(new[] { '\uD83D', '\uDE00', '\uD83D' }, "😀")]
    [InlineData(new[] { 'a', '\r', '\n', 'b', '\r', 'c', '\t' }, "a\nb\nc\t")]
    public void Characters_XML_cannot_carry_are_left_out(char[] units, string expected)
    {
        var text = new string(units);
        var xml = WithPartXml(x =>
        {
            x.Root("t");
            x.Text(text);
            x.End();
        });

        Assert.EndsWith($">{expected}</w:t>", xml, StringComparison.Ordinal);
        Assert.NotNull(XDocumentParse(xml));

        // The one rule for what a part carries, used where written text is compared with its source (the stamp).
        Assert.Equal(expected, ReportGen.Model.TextScan.Carried(text));
    }

    [Fact]
    public void Large_text_crosses_the_buffer_without_losing_a_byte()
    {
        var text = string.Concat(Enumerable.Repeat("部门整体支出绩效&<>", 40_000));

        var ours = WithPartXml(x =>
        {
            x.Root("t");
            x.Text(text);
            x.End();
        });
        var theirs = WithXmlWriter(x =>
        {
            x.WriteStartElement("w", "t", PartXml.Namespace);
            x.WriteString(text);
            x.WriteEndElement();
        });

        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void A_part_left_unfinished_by_a_failure_is_not_written_and_does_not_hide_the_failure()
    {
        using var stream = new MemoryStream();
        var xml = new PartXml(stream);
        xml.Root("document");
        xml.Text("未完成");

        xml.Dispose();

        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void Empty_text_closes_the_start_tag_as_XmlWriter_does()
    {
        var ours = WithPartXml(x =>
        {
            x.Root("t");
            x.Text(string.Empty);
            x.End();
        });

        Assert.EndsWith("\"></w:t>", ours, StringComparison.Ordinal);
    }

    private static System.Xml.Linq.XDocument XDocumentParse(string xml) => System.Xml.Linq.XDocument.Parse(xml);

    private static string Escape(string text) => string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
