using System.IO.Compression;
using System.Xml;
using ReportGen.Files;
using ReportGen.Model;

namespace ReportGen.Input;

/// <summary>
/// A formula cell whose value ExcelDataReader cannot give: an error result (<c>#DIV/0!</c>, <c>#REF!</c>, <c>#N/A</c>)
/// or no cached result at all (files written by openpyxl and other libraries that do not calculate). Stands in
/// the cell's place in <see cref="SheetData"/>, so that amounts are never read as a silent 0.
/// </summary>
internal sealed record FormulaProblem(string Formula, string? Error)
{
    /// <summary>What Excel shows in the cell: the error value, or nothing for an uncalculated formula.</summary>
    public override string ToString() => Error ?? "";

    /// <summary>The problem as part of a Chinese sentence: "是公式错误值 #DIV/0!（公式 =1/0）".</summary>
    public string Describe() => Error is { } error
        ? Formula.Length == 0 ? $"是错误值 {error}，请在 Excel 中改为数字" : $"是公式错误值 {error}（公式 ={Formula}），请在 Excel 中修正公式"
        : $"是公式（={Formula}），但文件中没有保存计算结果（常见于由程序生成、未在 Excel 中打开过的文件），请用 Excel 或 WPS 打开该文件、保存后重试";
}

/// <summary>
/// Looks inside an .xlsx package before ExcelDataReader inflates it: refuses zip bombs by the sizes the central
/// directory declares (System.IO.Compression never inflates an entry past its declared size, so the declared
/// sum bounds the work), names the kind of file when the zip is not a workbook (.docx, .pptx, .ods), and
/// collects the formula cells ExcelDataReader reads as blank: error results and formulas without a cached value.
/// </summary>
internal static class XlsxPackageReader
{
    /// <summary>The most a workbook may inflate to. A 100,000-row 预算执行 sheet is about 30 MB.</summary>
    public const long MaxUncompressedBytes = InputFile.MaxUncompressedBytes;

    /// <summary>The most entries a workbook package may hold (a real one has a few dozen).</summary>
    public const int MaxEntries = InputFile.MaxPackageEntries;

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Whether the stream starts like a zip file ("PK"); the position is restored.</summary>
    public static bool IsZip(Stream stream)
    {
        var start = stream.Position;
        Span<byte> head = stackalloc byte[2];
        var read = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 2 && head[0] == (byte)'P' && head[1] == (byte)'K';
    }

    /// <summary>
    /// Checks the package and returns the problem formula cells by sheet name, then by 1-based (row, column).
    /// Throws <see cref="InputException"/> for a zip bomb or a zip that holds no workbook; lets
    /// <see cref="InvalidDataException"/> through for a damaged zip (the caller says the file is unreadable).
    /// </summary>
    public static Dictionary<string, Dictionary<(int Row, int Column), FormulaProblem>> Inspect(Stream stream, string fileName)
    {
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            CheckSize(zip, fileName);
            CheckKind(zip, fileName);
            return ReadFormulaProblems(zip);
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static void CheckSize(ZipArchive zip, string fileName)
    {
        if (zip.Entries.Count > MaxEntries)
        {
            throw new InputException(
                $"文件“{fileName}”包含 {zip.Entries.Count} 个压缩条目（正常的工作簿只有几十个），不像是 Excel 工作簿，已拒绝读取。");
        }

        var total = zip.Entries.Sum(entry => entry.Length);
        if (total > MaxUncompressedBytes)
        {
            throw new InputException(
                $"文件“{fileName}”解压后将达到 {total / (1024 * 1024)} MB，超过上限 {MaxUncompressedBytes / (1024 * 1024)} MB"
                + "（可能是“压缩炸弹”或损坏的文件），已拒绝读取。请确认文件来源，或删除无关的工作表后另存再试。");
        }
    }

    private static void CheckKind(ZipArchive zip, string fileName)
    {
        bool Has(string name) => zip.Entries.Any(entry => entry.FullName.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (Has("xl/workbook.bin"))
        {
            return;
        }

        if (zip.Entries.FirstOrDefault(entry => entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)) is { } workbook)
        {
            if (IsStrict(workbook))
            {
                // ExcelDataReader knows only the transitional namespaces: it would find no sheet at all.
                throw new InputException(
                    $"文件“{fileName}”是以“Strict Open XML 电子表格”格式保存的 .xlsx，本工具读不了这种格式。"
                    + "请在 Excel 中打开它，“另存为”时选择“Excel 工作簿(*.xlsx)”（不要选 Strict Open XML），保存后重试。");
            }

            return;
        }

        var what = Has("word/document.xml") ? "Word 文档（.docx）"
            : Has("ppt/presentation.xml") ? "PowerPoint 演示文稿（.pptx）"
            : Has("content.xml") && Has("mimetype") ? "OpenDocument 文件（.ods / .odt），请用 Excel 或 WPS 另存为 .xlsx"
            : "普通压缩包，其中没有 Excel 工作簿";
        throw new InputException($"文件“{fileName}”是{what}，不是 Excel 工作簿（.xlsx 或 .xls）。请选择年终预算执行工作簿。");
    }

    /// <summary>Whether the workbook part uses the ISO 29500 Strict namespace (purl.oclc.org) rather than the transitional one.</summary>
    private static bool IsStrict(ZipArchiveEntry workbook)
    {
        try
        {
            using var reader = Xml(workbook.Open());
            return reader.MoveToContent() == XmlNodeType.Element
                   && reader.NamespaceURI.StartsWith("http://purl.oclc.org/ooxml/", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
        {
            return false;
        }
    }

    private static Dictionary<string, Dictionary<(int, int), FormulaProblem>> ReadFormulaProblems(ZipArchive zip)
    {
        var result = new Dictionary<string, Dictionary<(int, int), FormulaProblem>>(StringComparer.Ordinal);
        foreach (var (sheetName, partName) in SheetParts(zip))
        {
            var entry = zip.GetEntry(partName);
            if (entry is null)
            {
                continue;
            }

            var problems = ReadSheet(entry);
            if (problems.Count > 0)
            {
                result[sheetName] = problems;
            }
        }

        return result;
    }

    /// <summary>Sheet names and their part paths, from xl/workbook.xml and its relationships.</summary>
    private static List<(string Name, string Part)> SheetParts(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = Xml(rels);
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "Relationship" }
                    && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }
        }

        var sheets = new List<(string, string)>();
        if (zip.GetEntry("xl/workbook.xml") is { } workbook)
        {
            using var reader = Xml(workbook);
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "sheet" }
                    && reader.GetAttribute("name") is { } name
                    && reader.GetAttribute("id", RelNs) is { } id
                    && targets.TryGetValue(id, out var part))
                {
                    sheets.Add((name, part));
                }
            }
        }

        return sheets;
    }

    /// <summary>
    /// Error cells (t="e") and formulas without &lt;v&gt;; rows and columns as ExcelDataReader counts them. One pass
    /// over the sheet, a cell's &lt;f&gt; and &lt;v&gt; collected until the cell ends (a sub-reader per cell cost more
    /// than ExcelDataReader's own reading of the sheet).
    /// </summary>
    private static Dictionary<(int, int), FormulaProblem> ReadSheet(ZipArchiveEntry entry)
    {
        var problems = new Dictionary<(int, int), FormulaProblem>();
        using var sheet = new MemoryStream((int)Math.Min(entry.Length, MaxUncompressedBytes));
        using (var inflated = entry.Open())
        {
            inflated.CopyTo(sheet);
        }

        if (!MayHoldFormulaProblems(sheet.GetBuffer().AsSpan(0, (int)sheet.Length)))
        {
            return problems;
        }

        sheet.Position = 0;
        using var reader = Xml(sheet);
        int row = 0, column = 0;
        var cell = new CellState();
        var more = reader.Read();
        while (more)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "row" when reader.NamespaceURI == MainNs:
                        cell.Finish(problems, row, column);
                        row = int.TryParse(reader.GetAttribute("r"), out var r) && r > 0 ? r : row + 1;
                        column = 0;
                        break;
                    case "c" when reader.NamespaceURI == MainNs:
                        cell.Finish(problems, row, column);
                        column = CellColumn(reader.GetAttribute("r")) ?? column + 1;
                        cell.Start(reader.GetAttribute("t"));
                        if (reader.IsEmptyElement)
                        {
                            cell.Finish(problems, row, column);
                        }

                        break;

                    // ReadElementContentAsString moves past the element itself: no further Read after it.
                    case "f" when cell.Open:
                        cell.Formula = reader.ReadElementContentAsString();
                        more = !reader.EOF;
                        continue;
                    case "v" when cell.Open:
                        cell.Value = reader.ReadElementContentAsString();
                        more = !reader.EOF;
                        continue;
                }
            }
            else if (reader is { NodeType: XmlNodeType.EndElement, LocalName: "c" } && reader.NamespaceURI == MainNs)
            {
                cell.Finish(problems, row, column);
            }

            more = reader.Read();
        }

        cell.Finish(problems, row, column);
        return problems;
    }

    /// <summary>The cell being read: its type, and its formula and value once met.</summary>
    private struct CellState
    {
        private string? _type;

        public bool Open { get; private set; }

        public string? Formula { get; set; }

        public string? Value { get; set; }

        public void Start(string? cellType)
        {
            Open = true;
            _type = cellType;
            Formula = null;
            Value = null;
        }

        public void Finish(Dictionary<(int, int), FormulaProblem> problems, int row, int column)
        {
            if (!Open)
            {
                return;
            }

            Open = false;
            if (_type == "e")
            {
                problems[(row, column)] = new FormulaProblem(Formula ?? "", Value ?? "#错误");
            }

            // A shared formula's other cells carry an empty <f si="0"/>; without <v> they too lack a value. openpyxl
            // writes an uncalculated formula with an empty <v></v>: empty is no value too, except for a text result
            // (t="str"), which is how Excel saves a formula that gives "".
            else if (Formula is not null && (Value is null || (Value.Length == 0 && _type != "str")))
            {
                problems[(row, column)] = new FormulaProblem(Formula, null);
            }
        }
    }

    /// <summary>
    /// Whether a sheet's XML may hold a formula or an error cell: an element named f (with or without a prefix) or
    /// an attribute value "e". A sheet with neither (most generated workbooks) needs no parsing. The test errs on
    /// the side of parsing: "e" in any attribute, or a tag such as &lt;font&gt;, is enough.
    /// </summary>
    private static bool MayHoldFormulaProblems(ReadOnlySpan<byte> xml) =>
        xml.IndexOf("\"e\""u8) >= 0 || xml.IndexOf("'e'"u8) >= 0 || HasElementF(xml, (byte)'<') || HasElementF(xml, (byte)':');

    private static bool HasElementF(ReadOnlySpan<byte> xml, byte before)
    {
        ReadOnlySpan<byte> start = [before, (byte)'f'];
        for (var at = xml.IndexOf(start); at >= 0; at = xml.IndexOf(start))
        {
            var next = at + 2 < xml.Length ? xml[at + 2] : (byte)'>';
            if (next is (byte)'>' or (byte)'/' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                return true;
            }

            xml = xml[(at + 2)..];
        }

        return false;
    }

    /// <summary>"AB12" → 28; null when the reference is missing or malformed.</summary>
    private static int? CellColumn(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                column = column * 26 + (ch - 'A' + 1);
                if (column > 16384)
                {
                    return null;
                }
            }
            else
            {
                break;
            }
        }

        return column == 0 ? null : column;
    }

    private static XmlReader Xml(ZipArchiveEntry entry) => Xml(entry.Open());

    private static XmlReader Xml(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        CloseInput = true,
    });
}
