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
/// edited by <c>WorkbookPatcher</c> instead. The worksheets and the shared strings are streamed with
/// <see cref="OpenXmlWriter"/> (a batch summary's finding sheet has some 48,000 rows) and deflated at the fastest
/// level. The output is deterministic: the same sheets give the same bytes (the zip entries' times are fixed, as
/// <see cref="PackageZip"/> fixes a report's), which the committed sample workbooks rely on.
/// </summary>
public static class XlsxWriter
{
    /// <summary>The zip entries' time, as in every package ReportGen writes: 2000-01-01 00:00 in MS-DOS form.</summary>
    private const ushort FixedDosDate = ((2000 - 1980) << 9) | (1 << 5) | 1;

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

    /// <summary>
    /// A worksheet, streamed: the view and the columns, the cells, then (in the order the schema wants) the auto
    /// filter, the highlights and the drop-down lists.
    /// </summary>
    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet, SharedStrings strings)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new S.Worksheet());
        var layout = sheet.Layout;
        if (layout is not null)
        {
            writer.WriteElement(View(layout));
            if (layout.Columns.Count > 0)
            {
                writer.WriteElement(Columns(layout));
            }
        }

        var cells = new CellWriter(writer, strings);
        writer.WriteStartElement(new S.SheetData());
        var rowIndex = 1;
        foreach (var values in sheet.Rows)
        {
            var row = rowIndex.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(cells.Row, [new OpenXmlAttribute("r", "", row)]);
            var columnIndex = 1;
            foreach (var value in values)
            {
                var header = sheet.BoldFirstRow && rowIndex == 1;
                var style = header ? XlsxStyle.Header
                    : rowIndex > (layout?.FrozenRows ?? 0) && layout is not null && columnIndex <= layout.Columns.Count
                        ? layout.Columns[columnIndex - 1].Style
                        : XlsxStyle.Plain;
                cells.Write(value, row, columnIndex, style);
                columnIndex++;
            }

            writer.WriteEndElement();
            rowIndex++;
        }

        writer.WriteEndElement();
        if (layout is not null)
        {
            foreach (var rule in Rules(sheet, layout))
            {
                writer.WriteElement(rule);
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>The frozen header rows.</summary>
    private static S.SheetViews View(XlsxLayout layout)
    {
        var view = new S.SheetView { WorkbookViewId = 0 };
        if (layout.FrozenRows > 0)
        {
            var top = "A" + (layout.FrozenRows + 1).ToString(CultureInfo.InvariantCulture);
            view.Append(
                new S.Pane { VerticalSplit = layout.FrozenRows, TopLeftCell = top, ActivePane = S.PaneValues.BottomLeft, State = S.PaneStateValues.Frozen },
                new S.Selection { Pane = S.PaneValues.BottomLeft, ActiveCell = top, SequenceOfReferences = new ListValue<StringValue> { InnerText = top } });
        }

        return new S.SheetViews(view);
    }

    /// <summary>Each column's width and format (empty cells show the format too).</summary>
    private static S.Columns Columns(XlsxLayout layout) => new(layout.Columns.Select((column, i) =>
    {
        var number = (uint)(i + 1);
        var element = new S.Column { Min = number, Max = number, Width = Math.Round(column.Width, 2), CustomWidth = true };
        if (column.Style != XlsxStyle.Plain)
        {
            element.Style = (uint)column.Style;
        }

        return element;
    }));

    /// <summary>After the cells: auto filter, highlights, drop-down lists.</summary>
    private static IEnumerable<OpenXmlElement> Rules(XlsxSheet sheet, XlsxLayout layout)
    {
        if (layout.AutoFilter && sheet.Rows.Count > 0)
        {
            yield return new S.AutoFilter { Reference = FilterRange(sheet) };
        }

        var first = layout.FrozenRows + 1;
        var last = Math.Max(sheet.Rows.Count, layout.FrozenRows + layout.InputRows);
        var priority = 1;
        foreach (var highlight in layout.Highlights)
        {
            var letters = Model.SourceLocation.ColumnLetters(highlight.Column);
            var top = letters + first.ToString(CultureInfo.InvariantCulture);

            // Blank cells are not weak: only numbers are compared.
            yield return new S.ConditionalFormatting(new S.ConditionalFormattingRule(
                new S.Formula($"AND(ISNUMBER({top}),{top}<{highlight.Below.ToString(CultureInfo.InvariantCulture)})"))
            {
                Type = S.ConditionalFormatValues.Expression,
                FormatId = 0,
                Priority = priority++,
            })
            {
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{top}:{letters}{last.ToString(CultureInfo.InvariantCulture)}" },
            };
        }

        var lists = layout.Columns.Select((column, index) => (column, index))
            .Where(pair => pair.column.Choices is { Count: > 0 } || pair.column.ListRange is not null)
            .Select(pair =>
            {
                var letters = Model.SourceLocation.ColumnLetters(pair.index + 1);
                var validation = new S.DataValidation(new S.Formula1(pair.column.ListRange ?? "\"" + string.Join(",", pair.column.Choices!) + "\""))
                {
                    Type = S.DataValidationValues.List,
                    AllowBlank = true,
                    ShowInputMessage = true,

                    // A list drawn from another sheet (归属 from the projects) also takes values outside it (部门整体).
                    ShowErrorMessage = pair.column.ListRange is null,
                    SequenceOfReferences = new ListValue<StringValue>
                    {
                        InnerText = $"{letters}{first.ToString(CultureInfo.InvariantCulture)}:{letters}{last.ToString(CultureInfo.InvariantCulture)}",
                    },
                };
                if (pair.column.Prompt is { } prompt)
                {
                    validation.Prompt = prompt;
                }

                return validation;
            })
            .ToList();
        if (lists.Count > 0)
        {
            yield return new S.DataValidations(lists) { Count = (uint)lists.Count };
        }
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
    /// unless it has a format. Style 0 (plain) is the default and is not written. One element of each kind serves
    /// as the writer's prototype for every cell.
    /// </summary>
    private sealed class CellWriter(OpenXmlWriter writer, SharedStrings strings)
    {
        public S.Row Row { get; } = new();

        private readonly S.Cell _cell = new();
        private readonly S.CellValue _value = new();
        private readonly List<OpenXmlAttribute> _attributes = new(3);

        public void Write(object? content, string row, int column, XlsxStyle style)
        {
            if (content is XlsxCell formatted)
            {
                (content, style) = (formatted.Value, formatted.Style);
            }

            if (content is null && style == XlsxStyle.Plain)
            {
                return;
            }

            _attributes.Clear();
            _attributes.Add(new OpenXmlAttribute("r", "", Model.SourceLocation.ColumnLetters(column) + row));
            if (style != XlsxStyle.Plain)
            {
                _attributes.Add(new OpenXmlAttribute("s", "", ((int)style).ToString(CultureInfo.InvariantCulture)));
            }

            if (content is null)
            {
                // An empty cell with a format: the fill shows what to type where.
                writer.WriteStartElement(_cell, _attributes);
                writer.WriteEndElement();
                return;
            }

            var number = content is decimal or int or long or double or float;
            _attributes.Add(new OpenXmlAttribute("t", "", number ? "n" : "s"));
            writer.WriteStartElement(_cell, _attributes);
            writer.WriteStartElement(_value);
            writer.WriteString(number
                ? Convert.ToString(content, CultureInfo.InvariantCulture)!
                : strings.Index(content as string ?? content.ToString() ?? string.Empty).ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
            writer.WriteEndElement();
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
            using var writer = OpenXmlWriter.Create(part);
            writer.WriteStartElement(new S.SharedStringTable(), [
                new OpenXmlAttribute("count", "", _references.ToString(CultureInfo.InvariantCulture)),
                new OpenXmlAttribute("uniqueCount", "", _texts.Count.ToString(CultureInfo.InvariantCulture)),
            ]);
            var item = new S.SharedStringItem();
            var text = new S.Text();
            OpenXmlAttribute[] preserve = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
            foreach (var entry in _texts)
            {
                writer.WriteStartElement(item);
                writer.WriteStartElement(text, preserve);
                writer.WriteString(entry);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }
    }

    /// <summary>
    /// Sets every entry's time in the zip the SDK wrote (System.IO.Packaging stamps the time of writing) to
    /// <see cref="FixedDosDate"/>, in the central directory and in each local header, so the same sheets give the
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
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == 0x06054b50)
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
            if (BinaryPrimitives.ReadUInt32LittleEndian(entry) != 0x02014b50)
            {
                throw new InvalidDataException("The package written has a broken central directory.");
            }

            BinaryPrimitives.WriteUInt16LittleEndian(entry[12..], 0);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[14..], FixedDosDate);
            var local = start + BinaryPrimitives.ReadUInt32LittleEndian(entry[42..]);
            stream.Position = local;
            stream.ReadExactly(header);
            BinaryPrimitives.WriteUInt16LittleEndian(header[10..], 0);
            BinaryPrimitives.WriteUInt16LittleEndian(header[12..], FixedDosDate);
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
