using ReportGen.Files;
namespace ReportGen.Import;

/// <summary>Opening form files: read-only and shared, with Chinese messages for the usual failures.</summary>
internal static class FormFiles
{
    /// <summary>The whole file, bounded (<see cref="InputFile"/>); a zip package is checked for its inflated size.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        var bytes = InputFile.ReadAllBytes(path, InputFile.MaxDocumentBytes, "文件");
        InputFile.CheckPackageSize(bytes, path, "文件");
        return bytes;
    }
}
