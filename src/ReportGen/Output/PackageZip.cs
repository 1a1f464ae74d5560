using System.IO.Compression;

namespace ReportGen.Output;

/// <summary>
/// Parts of an Open XML package (.docx, .xlsx) written straight to a zip, each stamped 2000-01-01 00:00 so that the
/// same content gives the same bytes.
/// </summary>
internal static class PackageZip
{
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Part(ZipArchive zip, string name, Action<Stream> write, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = FixedTime;
        using var stream = entry.Open();
        write(stream);
    }
}
