using System.Text;
using System.Xml;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using ReportGen.Model;

namespace ReportGen.Input;

/// <summary>
/// Loads every sheet of a workbook into memory: .xlsx / .xlsm / .xls through ExcelDataReader, or a folder holding
/// one .csv per sheet (the file name is the sheet name). Opens files read-only and shared, never writes.
/// </summary>
internal static class WorkbookLoader
{
    /// <summary>
    /// The most cells (rows × columns, over all sheets) a workbook may span. A 100,000-line 预算执行 is 1.2
    /// million; a mutated .xls claiming 37,396 rows × 38,916 columns (HostileFuzzTests) ran out of time.
    /// </summary>
    public const long MaxCells = 20_000_000;

    static WorkbookLoader()
    {
        // ExcelDataReader needs the legacy code pages (GBK text in .xls and .csv) on .NET.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static WorkbookData Load(string path)
    {
        if (Directory.Exists(path))
        {
            if (System.IO.Path.GetExtension(path).ToLowerInvariant() is ".xlsx" or ".xlsm" or ".xls")
            {
                throw new InputException($"“{path}”是一个文件夹，不是工作簿文件。请选择 .xlsx 或 .xls 文件。");
            }

            return LoadCsvFolder(path);
        }

        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".ods" or ".fods" or ".numbers" or ".et")
        {
            throw NotExcel(System.IO.Path.GetFileName(path), extension);
        }

        if (extension == ".csv")
        {
            var sheetName = System.IO.Path.GetFileNameWithoutExtension(path);
            return new WorkbookData(path, [ReadCsv(path, sheetName)]);
        }

        using var stream = InMemory(OpenRead(path));
        var name = System.IO.Path.GetFileName(path);
        if (IsOpenDocument(stream))
        {
            throw NotExcel(name, ".ods");
        }

        try
        {
            var formulaProblems = XlsxPackageReader.IsZip(stream) ? XlsxPackageReader.Inspect(stream, name) : [];
            if (XlsxPackageReader.IsZip(stream))
            {
                // After Inspect, which refuses a zip bomb on the central directory before anything is inflated.
                Files.InputFile.CheckXmlDepth(stream, path, "工作簿");
            }

            using var reader = ExcelReaderFactory.CreateReader(stream);
            return new WorkbookData(path, ReadAll(reader, name, formulaProblems));
        }
        catch (InvalidPasswordException ex)
        {
            throw new InputException(
                $"文件“{name}”设置了打开密码（已加密），无法读取。请在 Excel 中打开它，"
                + "在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码并保存后重试。", null, ex);
        }
        catch (Exception ex) when (ex is HeaderException or InvalidDataException or NotSupportedException
                                       or ExcelReaderException or IOException or ArgumentException
                                       or FormatException or InvalidOperationException or XmlException
                                       or OverflowException || ThrownByExcelDataReader(ex))
        {
            throw new InputException(
                $"文件“{name}”不是可读取的 Excel 工作簿（.xlsx 或 .xls），"
                + "请确认文件未损坏、未加密，并用 Excel 另存为 .xlsx 后重试。", null, ex);
        }
    }

    /// <summary>An OpenDocument spreadsheet (LibreOffice, WPS "ods"): a zip whose first entry is "mimetype".</summary>
    private static bool IsOpenDocument(Stream stream)
    {
        var head = new byte[80];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return read > 38 && head[0] == 'P' && head[1] == 'K'
            && Encoding.ASCII.GetString(head, 30, read - 30).StartsWith("mimetypeapplication/vnd.oasis.opendocument", StringComparison.Ordinal);
    }

    private static InputException NotExcel(string name, string extension) => new(
        $"文件“{name}”是 {(extension == ".ods" || extension == ".fods" ? "OpenDocument 表格（.ods）" : $"“{extension}”格式的表格")}，"
        + "本工具只能读取 Excel 工作簿（.xlsx、.xls）或 .csv。请在 WPS、LibreOffice 或 Excel 中打开它，"
        + "“另存为”Excel 工作簿（.xlsx）后重试。");

    /// <summary>
    /// ExcelDataReader meets some damaged files with whatever its parsing code trips on: the fuzz test
    /// (HostileFuzzTests) found a NullReferenceException in XlsWorksheet.ReadSingleCell for an .xls with flipped
    /// bytes. Thrown from inside the reader on the user's file, it means "not readable", not a bug of ours.
    /// </summary>
    /// <remarks>
    /// Decided by the stack, not <see cref="Exception.Source"/>: an index out of range is thrown through a helper of
    /// the runtime, so its Source is System.Private.CoreLib although ExcelDataReader failed (the 10,000-case fuzz run
    /// of docs/errors.md found two such .xls files). An ExcelDataReader frame above every frame of ours decides.
    /// </remarks>
    internal static bool ThrownByExcelDataReader(Exception ex)
    {
        if (ex is OutOfMemoryException)
        {
            return false;
        }

        // By the frame's declaring type name: DiagnosticMethodInfo works in the Native AOT executable too, where
        // StackFrame.GetMethod has no metadata to return.
        var reader = typeof(IExcelDataReader).Namespace + ".";
        var ours = typeof(WorkbookLoader).Namespace!.Split('.')[0] + ".";
        foreach (var frame in new System.Diagnostics.StackTrace(ex, fNeedFileInfo: false).GetFrames())
        {
            var type = System.Diagnostics.DiagnosticMethodInfo.Create(frame)?.DeclaringTypeName;
            if (type is null)
            {
                continue;
            }

            if (type.StartsWith(reader, StringComparison.Ordinal))
            {
                return true;
            }

            if (type.StartsWith(ours, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Opens a file read-only and shared, with a Chinese message for each way that fails. An empty file is refused
    /// before opening: so is a FIFO or a device, whose length is 0 too and whose read would block or never end.
    /// </summary>
    /// <summary>
    /// A workbook of up to 64 MB is read in one go: the package scan and ExcelDataReader then seek about the zip in
    /// memory instead of refilling a file buffer at every seek. A larger file is read from disk.
    /// </summary>
    private static Stream InMemory(FileStream file)
    {
        if (file.Length > 64 * 1024 * 1024)
        {
            return file;
        }

        using (file)
        {
            try
            {
                var bytes = new byte[file.Length];
                file.ReadExactly(bytes);
                return new MemoryStream(bytes, writable: false);
            }
            catch (IOException ex)
            {
                throw InputException.FileSystem(
                    $"读取文件“{System.IO.Path.GetFileName(file.Name)}”时出错，可能是文件正被其他程序改写。请关闭占用它的程序后重试。", ex);
            }
        }
    }

    internal static FileStream OpenRead(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(Files.InputFile.NotFound(path, "文件"));
        }

        var name = System.IO.Path.GetFileName(path);
        if (new FileInfo(path).Length == 0)
        {
            throw new InputException($"文件“{name}”是空的（0 字节），或不是普通文件。请确认选择了正确的文件，或重新保存、复制该文件。");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw InputException.FileSystem($"无法读取文件“{path}”：没有读取权限。请检查文件权限，或把文件复制到自己的文件夹后重试。", ex);
        }
        catch (IOException ex)
        {
            throw InputException.FileSystem($"无法打开文件“{name}”：文件可能正被其他程序独占打开。请关闭占用它的程序后重试。", ex);
        }
    }

    private static WorkbookData LoadCsvFolder(string folder)
    {
        // Any case of the extension: Excel on Windows saves 预算执行.CSV as readily as .csv.
        var files = Directory.EnumerateFiles(folder)
            .Where(file => System.IO.Path.GetExtension(file).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InputException($"文件夹“{folder}”中没有 .csv 文件：按工作表拆分的工作簿应为每个工作表一个 .csv 文件，文件名即工作表名。");
        }

        var sheets = files.Select(file => ReadCsv(file, System.IO.Path.GetFileNameWithoutExtension(file))).ToList();
        return new WorkbookData(folder, sheets);
    }

    /// <summary>
    /// Reads one .csv sheet. The text is decoded here (UTF-8 with or without BOM, else GB18030, as Excel in China
    /// saves it) and checked for a quote that never closes, which would otherwise swallow the rest of the file;
    /// ExcelDataReader then splits the checked text.
    /// </summary>
    private static SheetData ReadCsv(string path, string sheetName)
    {
        var fileName = System.IO.Path.GetFileName(path);
        try
        {
            var text = CsvDecoder.Decode(ReadAllBytes(path), fileName);
            CsvDecoder.CheckQuotes(text, path);
            using var stream = new MemoryStream(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), writable: false);
            var config = new ExcelReaderConfiguration
            {
                FallbackEncoding = Encoding.UTF8,
                AutodetectSeparators = [',', ';', '\t'],
            };
            using var reader = ExcelReaderFactory.CreateCsvReader(stream, config);
            var rows = new List<object?[]>();
            long cells = 0;
            while (reader.Read())
            {
                cells += reader.FieldCount;
                if (cells > MaxCells)
                {
                    throw new InputException(
                        $"CSV 文件“{fileName}”数据范围过大（已超过 {MaxCells / 1_000_000} 百万个单元格），可能是文件已损坏。请删除多余的行和列后另存再试。");
                }

                rows.Add(ReadRow(reader));
            }

            return new SheetData(sheetName, rows) { FileName = fileName };
        }
        catch (Exception ex) when (ex is IOException or ExcelReaderException or ArgumentException or InvalidOperationException
                                       || ThrownByExcelDataReader(ex))
        {
            throw new InputException($"无法读取 CSV 文件“{fileName}”，请确认文件未损坏，并用 Excel 另存为“CSV UTF-8（逗号分隔）”后重试。", null, ex);
        }
    }

    /// <summary>A .csv read whole: bounded like a workbook (64 MB), with the same messages as <see cref="OpenRead"/>.</summary>
    private static byte[] ReadAllBytes(string path)
    {
        using var file = OpenRead(path);
        if (file.Length > 64 * 1024 * 1024)
        {
            throw new InputException($"CSV 文件“{System.IO.Path.GetFileName(path)}”超过 64 MB，不像是一个工作表。请确认选择了正确的文件。");
        }

        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        return bytes;
    }

    private static List<SheetData> ReadAll(IExcelDataReader reader, string fileName,
        Dictionary<string, Dictionary<(int Row, int Column), FormulaProblem>> formulaProblems)
    {
        var sheets = new List<SheetData>();
        var formatCodes = new Dictionary<string, NumberFormat?>(StringComparer.Ordinal);
        long cells = 0;
        do
        {
            var rows = new List<object?[]>();
            var hiddenRows = new HashSet<int>();
            var formats = new Dictionary<(int Row, int Column), NumberFormat>();
            while (reader.Read())
            {
                cells += reader.FieldCount;
                if (cells > MaxCells)
                {
                    throw new InputException(
                        $"文件“{fileName}”的工作表“{reader.Name}”数据范围过大（已超过 {MaxCells / 1_000_000} 百万个单元格，"
                        + $"第 {rows.Count + 1} 行有 {reader.FieldCount} 列），可能是文件已损坏或含有大片多余的行列。"
                        + "请删除多余的行和列后另存再试。");
                }

                rows.Add(ReadRow(reader));
                ReadFormats(reader, rows[^1], rows.Count, formats, formatCodes);
                if (reader.RowHeight == 0)
                {
                    hiddenRows.Add(rows.Count);
                }
            }

            var name = reader.Name ?? $"Sheet{sheets.Count + 1}";
            if (formulaProblems.TryGetValue(name, out var problems))
            {
                PlaceFormulaProblems(rows, problems);
            }

            sheets.Add(new SheetData(name, rows, reader.VisibleState is { } state && state != "visible")
            {
                HiddenRows = hiddenRows,
                NumberFormats = formats,
                Merges = (reader.MergeCells ?? [])
                    .Select(m => new MergedRange(m.FromRow + 1, m.FromColumn + 1, m.ToRow + 1, m.ToColumn + 1))
                    .ToList(),
            });
        }
        while (reader.NextResult());

        return sheets;
    }

    /// <summary>ExcelDataReader reads an error or uncalculated formula as blank; put the problem in its place.</summary>
    private static void PlaceFormulaProblems(List<object?[]> rows, Dictionary<(int Row, int Column), FormulaProblem> problems)
    {
        foreach (var ((row, column), problem) in problems)
        {
            while (rows.Count < row)
            {
                rows.Add([]);
            }

            var cells = rows[row - 1];
            if (cells.Length < column)
            {
                Array.Resize(ref cells, column);
                rows[row - 1] = cells;
            }

            cells[column - 1] ??= problem;
        }
    }

    /// <summary>Keeps the number format of each number cell whose format changes what it shows (a percent, 万).</summary>
    private static void ReadFormats(IExcelDataReader reader, object?[] cells, int row,
        Dictionary<(int Row, int Column), NumberFormat> formats, Dictionary<string, NumberFormat?> codes)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not double || reader.GetNumberFormatString(i) is not { } code)
            {
                continue;
            }

            if (!codes.TryGetValue(code, out var format))
            {
                format = codes[code] = NumberFormat.Of(code);
            }

            if (format is not null)
            {
                formats[(row, i + 1)] = format;
            }
        }
    }

    // Trailing blanks are dropped: a sheet whose dimension claims thousands of columns costs only what it holds.
    private static object?[] ReadRow(IExcelDataReader reader)
    {
        var last = -1;
        var cells = new object?[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = reader.GetValue(i);
            if (cells[i] is not null)
            {
                last = i;
            }
        }

        return last == cells.Length - 1 ? cells : cells[..(last + 1)];
    }
}
