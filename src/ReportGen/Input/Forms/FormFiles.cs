namespace ReportGen.Input.Forms;

/// <summary>Opening form files: read-only and shared, with Chinese messages for the usual failures.</summary>
internal static class FormFiles
{
    public static byte[] ReadAllBytes(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"找不到文件“{path}”，请检查路径是否正确。");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InputException($"无法读取文件“{path}”：没有读取权限。", null, ex);
        }
        catch (IOException ex)
        {
            throw new InputException($"无法读取文件“{path}”：{ex.Message}", null, ex);
        }
    }
}
