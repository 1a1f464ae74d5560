using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace ReportGen.Input;

/// <summary>
/// Loads every sheet of a workbook into memory: .xlsx / .xlsm / .xls through ExcelDataReader, or a folder holding
/// one .csv per sheet (the file name is the sheet name). Opens files read-only and shared, never writes.
/// </summary>
public static class WorkbookLoader
{
    static WorkbookLoader()
    {
        // ExcelDataReader needs the legacy code pages (GBK text in .xls and .csv) on .NET.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static WorkbookData Load(string path)
    {
        if (Directory.Exists(path))
        {
            return LoadCsvFolder(path);
        }

        if (!File.Exists(path))
        {
            throw new InputException($"找不到文件“{path}”，请检查路径是否正确。");
        }

        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".csv")
        {
            var sheetName = System.IO.Path.GetFileNameWithoutExtension(path);
            return new WorkbookData(path, [ReadCsv(path, sheetName)]);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            return new WorkbookData(path, ReadAll(reader));
        }
        catch (Exception ex) when (ex is HeaderException or InvalidDataException or NotSupportedException
                                       or ExcelReaderException or IOException or ArgumentException
                                       or FormatException or InvalidOperationException)
        {
            throw new InputException(
                $"文件“{System.IO.Path.GetFileName(path)}”不是可读取的 Excel 工作簿（.xlsx 或 .xls），"
                + "请确认文件未损坏、未加密，并用 Excel 另存为 .xlsx 后重试。", null, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InputException($"无法读取文件“{path}”：没有读取权限。", null, ex);
        }
    }

    private static WorkbookData LoadCsvFolder(string folder)
    {
        var files = Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InputException($"文件夹“{folder}”中没有 .csv 文件：按工作表拆分的工作簿应为每个工作表一个 .csv 文件，文件名即工作表名。");
        }

        var sheets = files.Select(file => ReadCsv(file, System.IO.Path.GetFileNameWithoutExtension(file))).ToList();
        return new WorkbookData(folder, sheets);
    }

    private static SheetData ReadCsv(string path, string sheetName)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var config = new ExcelReaderConfiguration
            {
                // Files saved by Excel in China are often GBK; UTF-8 with or without BOM is detected first.
                FallbackEncoding = Encoding.GetEncoding("GB18030"),
                AutodetectSeparators = [',', ';', '\t'],
            };
            using var reader = ExcelReaderFactory.CreateCsvReader(stream, config);
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                rows.Add(ReadRow(reader));
            }

            return new SheetData(sheetName, rows);
        }
        catch (Exception ex) when (ex is IOException or ExcelReaderException or ArgumentException)
        {
            throw new InputException($"无法读取 CSV 文件“{System.IO.Path.GetFileName(path)}”：{ex.Message}", null, ex);
        }
    }

    private static List<SheetData> ReadAll(IExcelDataReader reader)
    {
        var sheets = new List<SheetData>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                rows.Add(ReadRow(reader));
            }

            sheets.Add(new SheetData(reader.Name ?? $"Sheet{sheets.Count + 1}", rows, reader.VisibleState != "visible"));
        }
        while (reader.NextResult());

        return sheets;
    }

    private static object?[] ReadRow(IExcelDataReader reader)
    {
        var cells = new object?[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = reader.GetValue(i);
        }

        return cells;
    }
}
