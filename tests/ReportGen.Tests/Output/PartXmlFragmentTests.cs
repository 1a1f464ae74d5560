using ReportGen.Output;

namespace ReportGen.Tests.Output;

/// <summary>
/// A recorded fragment must write what its calls write, and hand the bytes to the stream in the same pieces: the
/// deflated document.xml depends on where the writer flushed, so a fragment that moved a flush would change the
/// report's bytes.
/// </summary>
public class PartXmlFragmentTests
{
    /// <summary>Keeps every write the writer makes, as it was cut.</summary>
    private sealed class ChunkStream : Stream
    {
        public List<byte[]> Chunks { get; } = [];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Chunks.Sum(c => (long)c.Length);

        public override long Position { get => Length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Chunks.Add(buffer.AsSpan(offset, count).ToArray());
    }

    private static void CellProperties(PartXml xml)
    {
        xml.Start("tcPr");
        xml.Start("tcW");
        xml.WordAttribute("w", 1234);
        xml.WordAttribute("type", "dxa");
        xml.End();
        xml.Empty("vAlign", "center");
        xml.End();
    }

    /// <summary>
    /// Thousands of cells whose text varies in length (now and then a long one that fills the buffer), so that
    /// flushes fall before, inside and after the fragment.
    /// </summary>
    private static List<byte[]> Write(Action<PartXml> properties)
    {
        var stream = new ChunkStream();
        using (var xml = new PartXml(stream))
        {
            xml.Root("document");
            for (var i = 0; i < 8000; i++)
            {
                xml.Start("tc");
                properties(xml);
                xml.Start("t");
                xml.Text(new string(i % 2 == 0 ? '字' : 'a', i % 97 == 0 ? 3000 + i : i % 53));
                xml.End();
                xml.End();
            }

            xml.End();
        }

        return stream.Chunks;
    }

    [Fact]
    public void A_replayed_fragment_writes_the_bytes_of_its_calls_in_the_same_pieces()
    {
        var fragment = PartXml.Record(CellProperties);

        var direct = Write(CellProperties);
        var replayed = Write(xml => xml.Write(fragment));

        Assert.True(direct.Count > 20, $"only {direct.Count} writes: the test must cross many flush points");
        Assert.Equal(direct.Select(c => c.Length), replayed.Select(c => c.Length));
        Assert.Equal(direct.SelectMany(c => c), replayed.SelectMany(c => c));
    }

    [Fact]
    public void A_fragment_that_leaves_an_element_open_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => PartXml.Record(xml => xml.Start("tc")));
    }
}
