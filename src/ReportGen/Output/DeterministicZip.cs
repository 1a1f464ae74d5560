using System.IO.Compression;

namespace ReportGen.Output;

/// <summary>
/// Rewrites an OPC package (.docx) so that the same parts give the same bytes: System.IO.Packaging stamps entries
/// with the current time and its entry order follows internal dictionaries. Entries are copied in a fixed order
/// ([Content_Types].xml first, as Word writes it, then the package relationships, then ordinal by name), each
/// stamped 2000-01-01 00:00.
/// </summary>
internal static class DeterministicZip
{
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Rewrite(Stream source, Stream destination)
    {
        using var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var entries = input.Entries
            .Where(entry => !entry.FullName.EndsWith('/'))
            .OrderBy(entry => Rank(entry.FullName))
            .ThenBy(entry => entry.FullName, StringComparer.Ordinal)
            .ToList();
        using var output = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in entries)
        {
            var copy = output.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = FixedTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    private static int Rank(string name) => name switch
    {
        "[Content_Types].xml" => 0,
        "_rels/.rels" => 1,
        _ => 2,
    };
}
