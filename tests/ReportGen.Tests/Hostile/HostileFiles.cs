using System.IO.Compression;
using System.Text;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>Builders of broken and hostile input files, each made in code from the sample or from nothing.</summary>
public static class HostileFiles
{
    public static string FixturePath(string name) => Path.Combine(Repo.Root, "tests", "ReportGen.Tests", "Hostile", "TestFiles", name);

    public static byte[] Sample() => File.ReadAllBytes(Repo.SampleXlsx);

    /// <summary>A zip with the given entries (name → content).</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    /// <summary>The entries of a zip, in order.</summary>
    public static List<(string Name, byte[] Content)> Entries(byte[] zipBytes)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        return zip.Entries.Select(entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (entry.FullName, copy.ToArray());
        }).ToList();
    }

    /// <summary>
    /// The sample workbook plus one sheet part of <paramref name="megabytes"/> MB of zeros: about a thousandth of
    /// that on disk. The declared sizes are true, so the guard is tested against a real bomb, not a forged header.
    /// </summary>
    public static byte[] ZipBomb(int megabytes)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in Entries(Sample()))
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }

            using var bomb = zip.CreateEntry("xl/worksheets/sheet99.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                bomb.Write(zeros);
            }
        }

        return memory.ToArray();
    }

    /// <summary>A zip of many tiny entries (a bomb by count rather than by size).</summary>
    public static byte[] ManyEntries(int count) =>
        Zip(Enumerable.Range(0, count).Select(i => ($"xl/junk/{i}.xml", Array.Empty<byte>()))
            .Prepend(("xl/workbook.xml", Encoding.UTF8.GetBytes("<workbook/>"))).ToArray());

    /// <summary>
    /// An encrypted .xlsx as Excel saves one: an OLE compound file holding EncryptionInfo (standard AES-128
    /// encryption, version 3.2) and EncryptedPackage streams instead of a zip. The verifier is random, so no
    /// password opens it. Each stream is 4096 bytes, the mini-stream cutoff, so everything sits in plain
    /// 512-byte sectors: header, FAT (sector 0), directory (sector 1), then the two streams.
    /// </summary>
    public static byte[] EncryptedXlsx()
    {
        const uint free = 0xFFFFFFFF, endOfChain = 0xFFFFFFFE, fatSector = 0xFFFFFFFD, noStream = 0xFFFFFFFF;
        var info = Pad(EncryptionInfo(), 4096);
        var package = Pad([.. BitConverter.GetBytes(3000L), .. new byte[3000]], 4096);
        var infoStart = 2u;
        var packageStart = infoStart + (uint)(info.Length / 512);
        var sectors = 2 + (info.Length + package.Length) / 512;

        var header = new byte[512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header, 0);
        Put16(header, 24, 0x3E);
        Put16(header, 26, 3);
        Put16(header, 28, 0xFFFE);
        Put16(header, 30, 9);
        Put16(header, 32, 6);
        Put32(header, 44, 1); // one FAT sector
        Put32(header, 48, 1); // directory at sector 1
        Put32(header, 56, 4096);
        Put32(header, 60, endOfChain);
        Put32(header, 68, endOfChain);
        Put32(header, 76, 0); // DIFAT[0] = sector 0
        for (var i = 1; i < 109; i++)
        {
            Put32(header, 76 + i * 4, free);
        }

        var fat = new byte[512];
        for (var i = 0; i < 128; i++)
        {
            Put32(fat, i * 4, free);
        }

        Put32(fat, 0, fatSector);
        Put32(fat, 4, endOfChain);
        Chain(fat, infoStart, info.Length / 512);
        Chain(fat, packageStart, package.Length / 512);

        var directory = new byte[512];
        DirectoryEntry(directory, 0, "Root Entry", type: 5, left: noStream, right: noStream, child: 1, start: endOfChain, size: 0);
        DirectoryEntry(directory, 1, "EncryptionInfo", type: 2, left: noStream, right: 2, child: noStream, start: infoStart, size: (uint)info.Length);
        DirectoryEntry(directory, 2, "EncryptedPackage", type: 2, left: noStream, right: noStream, child: noStream, start: packageStart, size: (uint)package.Length);
        for (var i = 68; i < 80; i += 4)
        {
            Put32(directory, 3 * 128 + i, noStream);
        }

        var file = new byte[512 * (1 + sectors)];
        header.CopyTo(file, 0);
        fat.CopyTo(file, 512);
        directory.CopyTo(file, 1024);
        info.CopyTo(file, 512 * (1 + infoStart));
        package.CopyTo(file, 512 * (1 + packageStart));
        return file;
    }

    private static byte[] EncryptionInfo()
    {
        var csp = Encoding.Unicode.GetBytes("Microsoft Enhanced RSA and AES Cryptographic Provider\0");
        var header = new List<byte>();
        foreach (var value in new uint[] { 0x24, 0, 0x660E, 0x8004, 128, 0x18, 0, 0 })
        {
            header.AddRange(BitConverter.GetBytes(value));
        }

        header.AddRange(csp);
        var random = new Random(7);
        var verifier = new byte[16 + 16 + 32];
        random.NextBytes(verifier);
        var result = new List<byte>();
        result.AddRange(BitConverter.GetBytes((ushort)3));
        result.AddRange(BitConverter.GetBytes((ushort)2));
        result.AddRange(BitConverter.GetBytes(0x24u));
        result.AddRange(BitConverter.GetBytes((uint)header.Count));
        result.AddRange(header);
        result.AddRange(BitConverter.GetBytes(16u));
        result.AddRange(verifier[..32]);
        result.AddRange(BitConverter.GetBytes(20u));
        result.AddRange(verifier[32..]);
        return [.. result];
    }

    private static void DirectoryEntry(byte[] sector, int index, string name, byte type, uint left, uint right, uint child, uint start, uint size)
    {
        var offset = index * 128;
        var nameBytes = Encoding.Unicode.GetBytes(name + "\0");
        nameBytes.CopyTo(sector, offset);
        Put16(sector, offset + 64, (ushort)nameBytes.Length);
        sector[offset + 66] = type;
        sector[offset + 67] = 1; // black
        Put32(sector, offset + 68, left);
        Put32(sector, offset + 72, right);
        Put32(sector, offset + 76, child);
        Put32(sector, offset + 116, start);
        Put32(sector, offset + 120, size);
    }

    private static void Chain(byte[] fat, uint start, int length)
    {
        for (var i = 0; i < length; i++)
        {
            Put32(fat, (int)(start + i) * 4, i == length - 1 ? 0xFFFFFFFE : (uint)(start + i + 1));
        }
    }

    private static byte[] Pad(byte[] bytes, int length)
    {
        var padded = new byte[length];
        bytes.CopyTo(padded, 0);
        return padded;
    }

    private static void Put16(byte[] buffer, int offset, ushort value) => BitConverter.GetBytes(value).CopyTo(buffer, offset);

    private static void Put32(byte[] buffer, int offset, uint value) => BitConverter.GetBytes(value).CopyTo(buffer, offset);
}
