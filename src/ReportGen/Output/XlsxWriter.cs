using System.Buffers.Binary;
using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportGen.Output;

/// <summary>
/// A sheet to write: a name and rows of cells (string, decimal, int, double, <see cref="XlsxCell"/> or null), and
/// optionally how it is dressed (widths, frozen header, formats, drop-down lists).
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows, bool BoldFirstRow = true, XlsxLayout? Layout = null);

/// <summary>The cell formats a written workbook offers; the numbers are the cellXfs indexes of the styles part.</summary>
public enum XlsxStyle
{
    Plain = 0,

    /// <summary>The header row: bold on grey.</summary>
    Header = 1,

    /// <summary>Two decimals ("0.00").</summary>
    Amount = 2,

    /// <summary>For the clerk to fill: light yellow.</summary>
    ToFill = 3,
    ToFillAmount = 4,

    /// <summary>Filled by <c>reportgen import</c> from the forms (or by hand): light blue.</summary>
    FromForms = 5,
    FromFormsAmount = 6,

    /// <summary>Wrapped text, top-aligned (the 填写说明 sheet).</summary>
    Wrap = 7,

    /// <summary>Bold, no fill (a title).</summary>
    Title = 8,
}

/// <summary>A value with its own format, overriding its column's.</summary>
internal sealed record XlsxCell(object? Value, XlsxStyle Style);

/// <summary>
/// A column of a dressed sheet: its width in characters, the format of its cells below the header, and a drop-down
/// list: a closed set of values, or a range of another sheet (<see cref="ListRange"/>, e.g. the projects' names).
/// </summary>
public sealed record XlsxColumn(double Width, XlsxStyle Style = XlsxStyle.Plain, IReadOnlyList<string>? Choices = null)
{
    public string? ListRange { get; init; }

    /// <summary>A hint shown when the cell is selected.</summary>
    public string? Prompt { get; init; }
}

/// <summary>
/// How a sheet is dressed: column widths and formats, the header rows frozen, an auto filter over the table, and
/// columns whose numbers below <see cref="XlsxHighlight.Below"/> are highlighted (weak execution rates).
/// </summary>
public sealed record XlsxLayout(IReadOnlyList<XlsxColumn> Columns, int FrozenRows = 1, bool AutoFilter = false)
{
    public IReadOnlyList<XlsxHighlight> Highlights { get; init; } = [];

    /// <summary>The rows a drop-down list and a column format reach below the header.</summary>
    public int InputRows { get; init; } = 1000;
}

/// <summary>Numbers in a 1-based column below a threshold get the highlight format.</summary>
public sealed record XlsxHighlight(int Column, decimal Below);

/// <summary>
/// Writes new workbooks with the Open XML SDK: text through the shared string table, numbers as numbers, a bold header
/// row. Used for <c>new</c>, a new <c>import</c> target, the batch summary and test fixtures; an existing workbook is
/// edited by <c>WorkbookPatcher</c> instead. The output is deterministic: the same sheets give the same bytes (the zip
/// entries' times are fixed, as <see cref="PackageZip"/> fixes a report's), which the committed sample workbooks rely
/// on.
/// <para>
/// The SDK makes the package, the workbook and the styles; the worksheets and the shared strings are written by hand
/// (<see cref="PartXml"/> straight into the part's stream), byte for byte what the SDK's <see cref="OpenXmlWriter"/>
/// wrote, and deflated at the fastest level. A batch summary's finding sheet has some 62,000 rows (1,000
/// departments), and the SDK's writer spent 674–705 ms on it, most of it in its per-element checks and namespace
/// lookups; by hand the same workbook takes 324–329 ms (both under the JIT, pinned to one core; docs/performance.md,
/// "Batch summary"), which keeps the 1,000-department batch under 5 s.
/// </para>
/// </summary>
public static class XlsxWriter
{
    /// <param name="stream">A seekable stream, left open; the package is written from its current position.</param>
    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sheets);
        var start = stream.Position;
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            package.CompressionOption = CompressionOption.SuperFast;
            var workbookPart = package.AddWorkbookPart();

            // Fixed relationship ids throughout: the SDK would otherwise make random ones.
            package.ChangeIdOfPart(workbookPart, "rId1");

            // rId1 is the styles; sheet N is rId(N+1); the shared strings come last.
            workbookPart.AddNewPart<WorkbookStylesPart>("rId1").Stylesheet = Stylesheet();
            var strings = new SharedStrings();
            var list = new S.Sheets();
            for (var i = 0; i < sheets.Count; i++)
            {
                var id = $"rId{i + 2}";
                WriteSheet(workbookPart.AddNewPart<WorksheetPart>(id), sheets[i], strings);
                list.Append(new S.Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = id });
            }

            strings.Write(workbookPart.AddNewPart<SharedStringTablePart>($"rId{sheets.Count + 2}"));
            var workbook = new S.Workbook(list);
            if (FilterNames(sheets) is { } names)
            {
                workbook.Append(names);
            }

            workbookPart.Workbook = workbook;
        }

        FixEntryTimes(stream, start);
    }

    public static void Write(string path, IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        Write(stream, sheets);
    }

    /// <summary>Excel keeps an auto filter's range as a hidden defined name beside the sheet's own element.</summary>
    private static S.DefinedNames? FilterNames(IReadOnlyList<XlsxSheet> sheets)
    {
        var names = sheets.Select((sheet, index) => (sheet, index))
            .Where(pair => pair.sheet.Layout?.AutoFilter == true && pair.sheet.Rows.Count > 0)
            .Select(pair => new S.DefinedName($"'{pair.sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(FilterRange(pair.sheet))}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)pair.index,
                Hidden = true,
            })
            .ToList();
        return names.Count == 0 ? null : new S.DefinedNames(names);
    }

    /// <summary>
    /// The cell formats of <see cref="XlsxStyle"/>, in that order, over the one "Normal" cell style Excel itself
    /// writes (without it, readers such as openpyxl warn that the workbook has no default style); one differential
    /// format (red on pink) for highlights.
    /// </summary>
    private static S.Stylesheet Stylesheet()
    {
        static S.CellFormat Format(uint numberFormat, uint font, uint fill)
        {
            var format = new S.CellFormat { NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = 0, FormatId = 0 };
            if (numberFormat != 0)
            {
                format.ApplyNumberFormat = true;
            }

            if (font != 0)
            {
                format.ApplyFont = true;
            }

            if (fill != 0)
            {
                format.ApplyFill = true;
            }

            return format;
        }

        static S.Fill Solid(string argb) => new(new S.PatternFill(
            new S.ForegroundColor { Rgb = argb },
            new S.BackgroundColor { Indexed = 64 })
        { PatternType = S.PatternValues.Solid });

        var wrap = Format(0, 0, 0);
        wrap.ApplyAlignment = true;
        wrap.Append(new S.Alignment { Vertical = S.VerticalAlignmentValues.Top, WrapText = true });
        S.CellFormat[] formats =
        [
            Format(0, 0, 0), // Plain
            Format(0, 1, 4), // Header: bold on grey
            Format(2, 0, 0), // Amount: "0.00"
            Format(0, 0, 2), // ToFill: light yellow
            Format(2, 0, 2), // ToFillAmount
            Format(0, 0, 3), // FromForms: light blue
            Format(2, 0, 3), // FromFormsAmount
            wrap,            // Wrap
            Format(0, 1, 0), // Title: bold
        ];
        return new S.Stylesheet(
            new S.Fonts(new S.Font(), new S.Font(new S.Bold())) { Count = 2 },
            new S.Fills(
                new S.Fill(new S.PatternFill { PatternType = S.PatternValues.None }),
                new S.Fill(new S.PatternFill { PatternType = S.PatternValues.Gray125 }),
                Solid("FFFFF2CC"), Solid("FFDDEBF7"), Solid("FFD9D9D9"))
            { Count = 5 },
            new S.Borders(new S.Border()) { Count = 1 },
            new S.CellStyleFormats(new S.CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new S.CellFormats(formats) { Count = (uint)formats.Length },
            new S.CellStyles(new S.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
            new S.DifferentialFormats(new S.DifferentialFormat(
                new S.Font(new S.Color { Rgb = "FF9C0006" }),
                new S.Fill(new S.PatternFill(new S.BackgroundColor { Rgb = "FFFFC7CE" }))))
            { Count = 1 });
    }

    /// <summary>SpreadsheetML, the namespace of the x: prefix the SDK gives its elements.</summary>
    private const string Namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// Opens a part for <see cref="PartXml"/> with the x: prefix, after the byte order mark that
    /// <see cref="OpenXmlWriter"/> wrote: the part's bytes are those the SDK's writer gave.
    /// </summary>
    private static PartXml OpenPart(Stream stream)
    {
        stream.Write("\uFEFF"u8);
        return new PartXml(stream, prefix: "x");
    }

    /// <summary>
    /// A worksheet, streamed: the view and the columns, the cells, then (in the order the schema wants) the auto
    /// filter, the highlights and the drop-down lists.
    /// </summary>
    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet, SharedStrings strings)
    {
        using var stream = part.GetStream(FileMode.Create);
        using var xml = OpenPart(stream);
        xml.Root("worksheet", Namespace);
        var layout = sheet.Layout;
        if (layout is not null)
        {
            View(xml, layout);
            if (layout.Columns.Count > 0)
            {
                Columns(xml, layout);
            }
        }

        var cells = new CellWriter(xml, strings);
        xml.Start("sheetData");
        var rowIndex = 1;
        foreach (var values in sheet.Rows)
        {
            xml.Start("row");
            xml.Attribute("r", rowIndex);
            var columnIndex = 1;
            foreach (var value in values)
            {
                var header = sheet.BoldFirstRow && rowIndex == 1;
                var style = header ? XlsxStyle.Header
                    : rowIndex > (layout?.FrozenRows ?? 0) && layout is not null && columnIndex <= layout.Columns.Count
                        ? layout.Columns[columnIndex - 1].Style
                        : XlsxStyle.Plain;
                cells.Write(value, rowIndex, columnIndex, style);
                columnIndex++;
            }

            xml.End();
            rowIndex++;
        }

        xml.End();
        if (layout is not null)
        {
            Rules(xml, sheet, layout);
        }

        xml.End();
    }

    /// <summary>The frozen header rows.</summary>
    private static void View(PartXml xml, XlsxLayout layout)
    {
        xml.Start("sheetViews");
        xml.Start("sheetView");
        xml.Attribute("workbookViewId", 0);
        if (layout.FrozenRows > 0)
        {
            var top = "A" + (layout.FrozenRows + 1).ToString(CultureInfo.InvariantCulture);
            xml.Start("pane");
            xml.Attribute("ySplit", layout.FrozenRows);
            xml.Attribute("topLeftCell", top);
            xml.Attribute("activePane", "bottomLeft");
            xml.Attribute("state", "frozen");
            xml.End();
            xml.Start("selection");
            xml.Attribute("pane", "bottomLeft");
            xml.Attribute("activeCell", top);
            xml.Attribute("sqref", top);
            xml.End();
        }

        xml.End();
        xml.End();
    }

    /// <summary>Each column's width and format (empty cells show the format too).</summary>
    private static void Columns(PartXml xml, XlsxLayout layout)
    {
        xml.Start("cols");
        for (var i = 0; i < layout.Columns.Count; i++)
        {
            var column = layout.Columns[i];
            xml.Start("col");
            xml.Attribute("min", i + 1);
            xml.Attribute("max", i + 1);
            xml.Attribute("width", System.Xml.XmlConvert.ToString(Math.Round(column.Width, 2)));
            if (column.Style != XlsxStyle.Plain)
            {
                xml.Attribute("style", (int)column.Style);
            }

            xml.Attribute("customWidth", "1");
            xml.End();
        }

        xml.End();
    }

    /// <summary>After the cells: auto filter, highlights, drop-down lists.</summary>
    private static void Rules(PartXml xml, XlsxSheet sheet, XlsxLayout layout)
    {
        if (layout.AutoFilter && sheet.Rows.Count > 0)
        {
            xml.Start("autoFilter");
            xml.Attribute("ref", FilterRange(sheet));
            xml.End();
        }

        var first = layout.FrozenRows + 1;
        var last = Math.Max(sheet.Rows.Count, layout.FrozenRows + layout.InputRows);
        var priority = 1;
        foreach (var highlight in layout.Highlights)
        {
            var letters = Model.SourceLocation.ColumnLetters(highlight.Column);
            var top = letters + first.ToString(CultureInfo.InvariantCulture);

            // Blank cells are not weak: only numbers are compared.
            xml.Start("conditionalFormatting");
            xml.Attribute("sqref", $"{top}:{letters}{last.ToString(CultureInfo.InvariantCulture)}");
            xml.Start("cfRule");
            xml.Attribute("type", "expression");
            xml.Attribute("dxfId", 0);
            xml.Attribute("priority", priority++);
            xml.Start("formula");
            xml.Text($"AND(ISNUMBER({top}),{top}<{highlight.Below.ToString(CultureInfo.InvariantCulture)})");
            xml.End();
            xml.End();
            xml.End();
        }

        var lists = layout.Columns.Select((column, index) => (column, index))
            .Where(pair => pair.column.Choices is { Count: > 0 } || pair.column.ListRange is not null)
            .ToList();
        if (lists.Count == 0)
        {
            return;
        }

        xml.Start("dataValidations");
        xml.Attribute("count", lists.Count);
        foreach (var (column, index) in lists)
        {
            var letters = Model.SourceLocation.ColumnLetters(index + 1);
            xml.Start("dataValidation");
            xml.Attribute("type", "list");
            xml.Attribute("allowBlank", "1");
            xml.Attribute("showInputMessage", "1");

            // A list drawn from another sheet (归属 from the projects) also takes values outside it (部门整体).
            xml.Attribute("showErrorMessage", column.ListRange is null ? "1" : "0");
            if (column.Prompt is { } prompt)
            {
                xml.Attribute("prompt", prompt);
            }

            xml.Attribute("sqref", $"{letters}{first.ToString(CultureInfo.InvariantCulture)}:{letters}{last.ToString(CultureInfo.InvariantCulture)}");
            xml.Start("formula1");
            xml.Text(column.ListRange ?? "\"" + string.Join(",", column.Choices!) + "\"");
            xml.End();
            xml.End();
        }

        xml.End();
    }

    private static string FilterRange(XlsxSheet sheet)
    {
        var width = Math.Max(1, sheet.Rows.Max(row => row.Count));
        return $"A1:{Model.SourceLocation.ColumnLetters(width)}{sheet.Rows.Count.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Absolute(string range) => string.Join(":", range.Split(':').Select(cell =>
    {
        var digits = cell.IndexOfAny("0123456789".ToCharArray());
        return $"${cell[..digits]}${cell[digits..]}";
    }));

    /// <summary>
    /// Writes cells: numbers as numbers, anything else as its text in the shared string table; null is no cell
    /// unless it has a format. Style 0 (plain) is the default and is not written.
    /// </summary>
    private sealed class CellWriter(PartXml xml, SharedStrings strings)
    {
        /// <summary>Column letters by 1-based index, made once per sheet.</summary>
        private readonly List<string> _letters = [string.Empty];

        public void Write(object? content, int row, int column, XlsxStyle style)
        {
            if (content is XlsxCell formatted)
            {
                (content, style) = (formatted.Value, formatted.Style);
            }

            if (content is null && style == XlsxStyle.Plain)
            {
                return;
            }

            while (_letters.Count <= column)
            {
                _letters.Add(Model.SourceLocation.ColumnLetters(_letters.Count));
            }

            // The reference (letters and row number) and the value are formatted on the stack: a summary has some
            // 370,000 cells.
            Span<char> reference = stackalloc char[16];
            var letters = _letters[column];
            letters.CopyTo(reference);
            row.TryFormat(reference[letters.Length..], out var digits, default, CultureInfo.InvariantCulture);
            xml.Start("c");
            xml.Attribute("r", reference[..(letters.Length + digits)]);
            if (style != XlsxStyle.Plain)
            {
                xml.Attribute("s", (int)style);
            }

            if (content is null)
            {
                // An empty cell with a format: the fill shows what to type where.
                xml.End();
                return;
            }

            Span<char> value = stackalloc char[64];
            int length;
            if (content is decimal or int or long or double or float)
            {
                xml.Attribute("t", "n");
                if (!((ISpanFormattable)content).TryFormat(value, out length, default, CultureInfo.InvariantCulture))
                {
                    // Not reached: 64 characters hold any of these numbers.
                    value = Convert.ToString(content, CultureInfo.InvariantCulture)!.ToCharArray();
                    length = value.Length;
                }
            }
            else
            {
                xml.Attribute("t", "s");
                strings.Index(content as string ?? content.ToString() ?? string.Empty).TryFormat(value, out length, default, CultureInfo.InvariantCulture);
            }

            xml.Start("v");
            xml.Text(value[..length]);
            xml.End();
            xml.End();
        }
    }

    /// <summary>xl/sharedStrings.xml: each distinct text once, cells refer to it by its index.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];
        private int _references;

        public int Index(string text)
        {
            _references++;
            if (!_indexes.TryGetValue(text, out var index))
            {
                index = _texts.Count;
                _indexes[text] = index;
                _texts.Add(text);
            }

            return index;
        }

        public void Write(SharedStringTablePart part)
        {
            using var stream = part.GetStream(FileMode.Create);
            using var xml = OpenPart(stream);

            // The namespace after the counts, where the SDK's writer put it.
            xml.Start("sst");
            xml.Attribute("count", _references);
            xml.Attribute("uniqueCount", _texts.Count);
            xml.Attribute("xmlns:x", Namespace);
            foreach (var entry in _texts)
            {
                xml.Start("si");
                xml.Start("t");
                xml.Attribute("xml:space", "preserve");
                xml.Text(entry);
                xml.End();
                xml.End();
            }

            xml.End();
        }
    }

    /// <summary>
    /// Sets every entry's time in the zip the SDK wrote (System.IO.Packaging stamps the time of writing) to
    /// <see cref="PackageZip.FixedDate"/>, in the central directory and in each local header, so the same sheets give the
    /// same bytes. A stream that cannot seek keeps the times.
    /// </summary>
    private static void FixEntryTimes(Stream stream, long start)
    {
        if (!stream.CanSeek || !stream.CanRead)
        {
            return;
        }

        var end = stream.Position;
        var tailLength = (int)Math.Min(end - start, 22 + ushort.MaxValue);
        var tail = new byte[tailLength];
        stream.Position = end - tailLength;
        stream.ReadExactly(tail);
        var record = -1;
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == PackageZip.EndSignature)
            {
                record = i;
                break;
            }
        }

        if (record < 0)
        {
            throw new InvalidDataException("The package written has no end of central directory.");
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(record + 10));
        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(record + 12));
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(record + 16));
        var directory = new byte[directorySize];
        stream.Position = start + directoryOffset;
        stream.ReadExactly(directory);
        var at = 0;
        Span<byte> header = stackalloc byte[30];
        for (var i = 0; i < count; i++)
        {
            var entry = directory.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(entry) != PackageZip.CentralHeaderSignature)
            {
                throw new InvalidDataException("The package written has a broken central directory.");
            }

            BinaryPrimitives.WriteUInt16LittleEndian(entry[12..], 0);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[14..], PackageZip.FixedDate);
            var local = start + BinaryPrimitives.ReadUInt32LittleEndian(entry[42..]);
            stream.Position = local;
            stream.ReadExactly(header);
            BinaryPrimitives.WriteUInt16LittleEndian(header[10..], 0);
            BinaryPrimitives.WriteUInt16LittleEndian(header[12..], PackageZip.FixedDate);
            stream.Position = local;
            stream.Write(header);
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(entry[28..]) + BinaryPrimitives.ReadUInt16LittleEndian(entry[30..])
                  + BinaryPrimitives.ReadUInt16LittleEndian(entry[32..]);
        }

        stream.Position = start + directoryOffset;
        stream.Write(directory);
        stream.Position = end;
    }
}
