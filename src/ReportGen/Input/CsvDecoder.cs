using System.Text;
using ReportGen.Model;

namespace ReportGen.Input;

/// <summary>
/// The text of a .csv sheet before it is split into cells (docs/workbook.md, "CSV"): decoded as UTF-8 (with or
/// without BOM), UTF-16 with BOM, or GB18030 (what Excel in China saves), never a mix of them; and checked for a
/// quote that opens a cell and never closes.
/// </summary>
internal static class CsvDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static string Decode(byte[] bytes, string fileName)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        }

        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
        }

        // Not UTF-8 throughout. Lines that are UTF-8 with Chinese in them beside lines that are not: the file was
        // pieced together from two encodings, and either reading garbles half of it.
        var firstForeign = 0;
        var sawUtf8 = start == 3;
        var line = 1;
        var lineStart = start;
        for (var i = start; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n')
            {
                continue;
            }

            var segment = bytes.AsSpan(lineStart, i - lineStart);
            if (segment.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
            {
                if (IsUtf8(segment))
                {
                    sawUtf8 = true;
                }
                else if (firstForeign == 0)
                {
                    firstForeign = line;
                }
            }

            line++;
            lineStart = i + 1;
        }

        if (sawUtf8)
        {
            throw new InputException(
                $"CSV 文件“{fileName}”的文字编码混杂：有的行是 UTF-8，第 {firstForeign} 行起有按 GBK 等其他编码保存的文字，"
                + "无论按哪种编码读取都会有乱码。请在 Excel 或 WPS 中打开该文件，核对文字后“另存为”“CSV UTF-8（逗号分隔）”再试。");
        }

        try
        {
            return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
                .GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(
                $"CSV 文件“{fileName}”既不是 UTF-8 也不是 GBK 编码的文字（第 {Math.Max(firstForeign, 1)} 行起无法识别），可能不是 CSV 文件或已损坏。"
                + "请在 Excel 或 WPS 中打开后“另存为”“CSV UTF-8（逗号分隔）”再试。");
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// A quote that opens a cell must close: otherwise every following line is read into that one cell and the
    /// rows below vanish. Rows are counted as a spreadsheet shows them (a quoted line break stays in its row).
    /// </summary>
    public static void CheckQuotes(string text, string path)
    {
        var fileName = System.IO.Path.GetFileName(path);
        int row = 1, openedAt = 0;
        bool quoted = false, cellStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }

                continue;
            }

            switch (ch)
            {
                case '"' when cellStart:
                    quoted = true;
                    openedAt = row;
                    cellStart = false;
                    break;
                case '\n':
                    row++;
                    cellStart = true;
                    break;
                case ',' or ';' or '\t':
                    cellStart = true;
                    break;
                case '\r' or '\uFEFF':
                    break;
                default:
                    cellStart = false;
                    break;
            }
        }

        if (quoted)
        {
            throw new InputException(
                $"CSV 文件“{fileName}”第 {openedAt} 行有一个引号（\"）没有闭合，其后的所有行都会被读进同一个单元格。"
                + "请检查该行的引号是否成对（单元格里的引号应写成两个 \"\"），或在 Excel 中打开后重新另存为 CSV。",
                new Model.SourceLocation(path, System.IO.Path.GetFileNameWithoutExtension(path), openedAt));
        }
    }
}
