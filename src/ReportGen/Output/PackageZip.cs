using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace ReportGen.Output;

/// <summary>
/// Writes an Open XML package (a .docx) as a zip, part by part, each stamped 2000-01-01 00:00 so that the same content
/// gives the same bytes. A part that is the same in every report (styles, settings, footers, content types,
/// relationships) is deflated once (<see cref="Deflated"/>) and copied into each package as it is; the report's own
/// parts are deflated as they are written (<see cref="Add(string, Action{Stream}, CompressionLevel)"/>).
/// <para>
/// Written by hand rather than with <see cref="ZipArchive"/> because ZipArchive deflates every part of every report
/// afresh, and starting a deflater nine times a report, for parts that never change, was an eighth of a report's
/// time (docs/performance.md, "The package"). The format is the plain one every reader takes: no Zip64 (a report is
/// far below 4 GB), no encryption, ASCII part names; a streamed part's sizes and CRC follow its data in a data
/// descriptor, as Java's ZipOutputStream and ZipArchive on an unseekable stream write them.
/// </para>
/// </summary>
internal sealed class PackageZip
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint DataDescriptorSignature = 0x08074b50;
    internal const uint CentralHeaderSignature = 0x02014b50;
    internal const uint EndSignature = 0x06054b50;
    private const ushort Version = 20;
    private const ushort Deflate = 8;
    private const ushort HasDataDescriptor = 1 << 3;

    /// <summary>
    /// 2000-01-01 00:00 in MS-DOS form: years since 1980, month and day; the time is midnight. Every package ReportGen
    /// writes carries it (<see cref="XlsxWriter"/> stamps the SDK's entries with it too).
    /// </summary>
    internal const ushort FixedDate = ((2000 - 1980) << 9) | (1 << 5) | 1;

    private readonly Stream _output;
    private readonly List<Written> _written = new(10);
    private long _position;

    public PackageZip(Stream output) => _output = output;

    /// <summary>A part deflated once, ready to be copied into any number of packages.</summary>
    public sealed class Deflated
    {
        private Deflated(string name, uint crc, long length, byte[] data, ushort flags)
        {
            Name = name;
            Crc = crc;
            Length = length;
            Data = data;
            Flags = flags;
        }

        public string Name { get; }

        internal uint Crc { get; }

        internal long Length { get; }

        internal byte[] Data { get; }

        internal ushort Flags { get; }

        public static Deflated Of(string name, ReadOnlySpan<byte> content, CompressionLevel level = CompressionLevel.Optimal)
        {
            using var deflated = new MemoryStream();
            using (var deflate = new DeflateStream(deflated, level, leaveOpen: true))
            {
                deflate.Write(content);
            }

            return new Deflated(name, Crc32.HashToUInt32(content), content.Length, deflated.ToArray(), LevelFlags(level));
        }
    }

    /// <summary>Copies a part deflated beforehand.</summary>
    public void Add(Deflated part)
    {
        var offset = _position;
        WriteLocalHeader(part.Name, part.Flags, part.Crc, part.Data.Length, part.Length);
        Write(part.Data);
        _written.Add(new Written(part.Name, part.Flags, part.Crc, part.Data.Length, part.Length, offset));
    }

    /// <summary>A part deflated at <paramref name="level"/> as <paramref name="write"/> writes it.</summary>
    public void Add(string name, Action<Stream> write, CompressionLevel level)
    {
        var offset = _position;
        var flags = (ushort)(LevelFlags(level) | HasDataDescriptor);
        WriteLocalHeader(name, flags, crc: 0, compressedLength: 0, length: 0);
        var counted = new CountingStream(_output);
        HashingStream content;
        using (var deflate = new DeflateStream(counted, level, leaveOpen: true))
        {
            content = new HashingStream(deflate);
            write(content);
        }

        _position += counted.Count;
        var crc = content.Crc.GetCurrentHashAsUInt32();
        Span<byte> descriptor = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor, DataDescriptorSignature);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[4..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[8..], checked((uint)counted.Count));
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[12..], checked((uint)content.Count));
        Write(descriptor);
        _written.Add(new Written(name, flags, crc, counted.Count, content.Count, offset));
    }

    /// <summary>Writes the central directory: the package is complete.</summary>
    public void Finish()
    {
        var start = _position;
        Span<byte> header = stackalloc byte[46];
        foreach (var part in _written)
        {
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, CentralHeaderSignature);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(header[8..], part.Flags);
            BinaryPrimitives.WriteUInt16LittleEndian(header[10..], Deflate);
            BinaryPrimitives.WriteUInt16LittleEndian(header[14..], FixedDate);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], part.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(header[20..], checked((uint)part.CompressedLength));
            BinaryPrimitives.WriteUInt32LittleEndian(header[24..], checked((uint)part.Length));
            BinaryPrimitives.WriteUInt16LittleEndian(header[28..], checked((ushort)part.Name.Length));
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], checked((uint)part.Offset));
            Write(header);
            WriteName(part.Name);
        }

        Span<byte> end = stackalloc byte[22];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], checked((ushort)_written.Count));
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], checked((ushort)_written.Count));
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], checked((uint)(_position - start)));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], checked((uint)start));
        Write(end);
    }

    /// <summary>The deflate option bits of the general-purpose flags (normal, or super fast for the fastest level).</summary>
    private static ushort LevelFlags(CompressionLevel level) => level == CompressionLevel.Fastest ? (ushort)6 : (ushort)0;

    private void WriteLocalHeader(string name, ushort flags, uint crc, long compressedLength, long length)
    {
        Span<byte> header = stackalloc byte[30];
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, LocalHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Deflate);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], FixedDate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], checked((uint)compressedLength));
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], checked((uint)length));
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], checked((ushort)name.Length));
        Write(header);
        WriteName(name);
    }

    /// <summary>Part names are ASCII constants of the writer, so one byte a character (no UTF-8 flag needed).</summary>
    private void WriteName(string name)
    {
        if (!Ascii.IsValid(name))
        {
            throw new ArgumentException("A part name must be ASCII.", nameof(name));
        }

        Span<byte> bytes = stackalloc byte[name.Length];
        Write(bytes[..Encoding.ASCII.GetBytes(name, bytes)]);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _position += bytes.Length;
    }

    private sealed record Written(string Name, ushort Flags, uint Crc, long CompressedLength, long Length, long Offset);

    /// <summary>What the deflater wrote, counted on its way to the package.</summary>
    private sealed class CountingStream(Stream inner) : WriteOnlyStream
    {
        public long Count { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Count += buffer.Length;
        }
    }

    /// <summary>A part's content on its way to the deflater: its CRC-32 and length.</summary>
    private sealed class HashingStream(Stream inner) : WriteOnlyStream
    {
        public Crc32 Crc { get; } = new();

        public long Count { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Crc.Append(buffer);
            Count += buffer.Length;
            inner.Write(buffer);
        }
    }

    private abstract class WriteOnlyStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public abstract override void Write(ReadOnlySpan<byte> buffer);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
