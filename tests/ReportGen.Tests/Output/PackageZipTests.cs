using System.IO.Compression;
using System.Text;
using ReportGen.Output;

namespace ReportGen.Tests.Output;

public class PackageZipTests
{
    private static readonly byte[] Styles = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<w:style w:styleId=\"RG正文\" />", 200)));

    private static byte[] Package(Stream output)
    {
        var zip = new PackageZip(output);
        zip.Add(PackageZip.Deflated.Of("word/styles.xml", Styles));
        zip.Add("word/document.xml", stream =>
        {
            // Written in pieces of several sizes, as PartXml flushes.
            for (var i = 0; i < 3000; i++)
            {
                stream.Write(Encoding.UTF8.GetBytes($"<w:p><w:t>第{i}段</w:t></w:p>"));
            }

            stream.WriteByte((byte)'\n');
        }, CompressionLevel.Fastest);
        zip.Add("docProps/custom.xml", _ => { }, CompressionLevel.Fastest);
        zip.Finish();
        return output is MemoryStream memory ? memory.ToArray() : [];
    }

    private static Dictionary<string, string> Entries(byte[] bytes)
    {
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }

    [Fact]
    public void Every_part_reads_back_as_written_in_order_and_dated_2000()
    {
        var bytes = Package(new MemoryStream());

        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Equal(["word/styles.xml", "word/document.xml", "docProps/custom.xml"], archive.Entries.Select(entry => entry.FullName));
        Assert.All(archive.Entries, entry => Assert.Equal(new DateTime(2000, 1, 1), entry.LastWriteTime.DateTime));
        var entries = Entries(bytes);
        Assert.Equal(Encoding.UTF8.GetString(Styles), entries["word/styles.xml"]);
        Assert.StartsWith("<w:p><w:t>第0段</w:t></w:p>", entries["word/document.xml"], StringComparison.Ordinal);
        Assert.EndsWith("<w:p><w:t>第2999段</w:t></w:p>\n", entries["word/document.xml"], StringComparison.Ordinal);
        Assert.Equal("", entries["docProps/custom.xml"]);

        // The CRC and length each entry carries are those of its content.
        Assert.All(archive.Entries, entry =>
        {
            var content = Encoding.UTF8.GetBytes(entries[entry.FullName]);
            Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(content), entry.Crc32);
            Assert.Equal(content.Length, entry.Length);
        });
    }

    [Fact]
    public void The_same_parts_give_the_same_bytes_and_a_deflated_part_is_copied_not_deflated_again()
    {
        var first = Package(new MemoryStream());
        var second = Package(new MemoryStream());
        Assert.Equal(first, second);

        var part = PackageZip.Deflated.Of("word/styles.xml", Styles);
        var once = new MemoryStream();
        var zip = new PackageZip(once);
        zip.Add(part);
        zip.Add(part);
        zip.Finish();

        // The part's deflated bytes appear in the package as they are, twice.
        var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(Styles);
        }

        var package = once.ToArray();
        var at = package.AsSpan().IndexOf(deflated.ToArray());
        Assert.True(at > 0);
        Assert.True(package.AsSpan(at + 1).IndexOf(deflated.ToArray()) > 0);
    }

    [Fact]
    public void A_package_written_to_a_stream_that_cannot_seek_reads_back()
    {
        var target = new MemoryStream();
        Package(new ForwardOnly(target));

        Assert.Equal(Entries(Package(new MemoryStream())), Entries(target.ToArray()));
    }

    [Fact]
    public void A_part_name_outside_ASCII_is_refused()
    {
        var zip = new PackageZip(new MemoryStream());

        Assert.Throws<ArgumentException>(() => zip.Add(PackageZip.Deflated.Of("word/样式.xml", Styles)));
    }

    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
