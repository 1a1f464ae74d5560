using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SourceLocation = ReportGen.Model.SourceLocation;
using InputException = ReportGen.Model.InputException;

namespace ReportGen.Import;

/// <summary>
/// Reads a .docx into one <see cref="FormTable"/>: body paragraphs become one-cell rows, table rows become rows of
/// cells on the table grid (gridBefore, gridSpan, legacy hMerge), vMerge continuation cells carry a copy of the
/// cell they continue, a cell's paragraphs are joined by line breaks with text split across runs put back together,
/// and nested tables are spliced in after the row that holds them. The file is opened read-only.
/// </summary>
internal static class DocxFormReader
{
    /// <remarks>
    /// The Open XML SDK parses attribute values lazily: a gridSpan of "1.5" (found by HostileFuzzTests) throws
    /// FormatException only when the walker reads it, so format errors belong to "not a readable document".
    /// </remarks>
    public static FormTable Read(string path)
    {
        var bytes = FormFiles.ReadAllBytes(path);
        Files.InputFile.CheckXmlDepth(bytes, path, "目标表");
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InputException($"文件“{Path.GetFileName(path)}”不是有效的 Word 文档：找不到正文。");
            var walker = new Walker(path);
            walker.Blocks(body);
            return new FormTable(path, Path.GetFileName(path), walker.Rows);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException
                                       or InvalidOperationException or System.Xml.XmlException or ArgumentException
                                       or FormatException or OverflowException)
        {
            throw new InputException(
                $"文件“{Path.GetFileName(path)}”不是可读取的 Word 文档（.docx），请确认文件未损坏、未加密；"
                + "旧版 .doc 请用 Word 另存为 .docx 后重试。", null, ex);
        }
    }

    private sealed class Walker(string path)
    {
        private int _paragraphs;
        private int _tables;

        public List<FormRow> Rows { get; } = [];

        public void Blocks(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        _paragraphs++;
                        var text = FormText.Tidy(ParagraphText(paragraph));
                        if (text.Length > 0)
                        {
                            Rows.Add(new FormRow([new FormCell(text, 1)], new SourceLocation(path, "正文段落", _paragraphs)));
                        }

                        break;
                    case Table table:
                        Table(table, $"表格{++_tables}", 0);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        Blocks(content);
                        break;
                }
            }
        }

        private void Table(Table table, string name, int columnOffset)
        {
            // Text of the cell that started a vertical merge, by grid column.
            var mergeOrigins = new Dictionary<int, string>();
            var rowNumber = 0;
            foreach (var row in RowsOf(table))
            {
                rowNumber++;
                var column = 1 + columnOffset + (row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0);
                var cells = new List<FormCell>();
                var nested = new List<(Table Table, int Column)>();
                foreach (var cell in CellsOf(row))
                {
                    var properties = cell.TableCellProperties;
                    var span = properties?.GridSpan?.Val?.Value ?? 1;
                    var text = CellText(cell, nested, column);
                    if (properties?.HorizontalMerge is { } hMerge && hMerge.Val?.Value != MergedCellValues.Restart && cells.Count > 0)
                    {
                        // Legacy hMerge continuation: widen the cell on its left.
                        var previous = cells[^1];
                        cells[^1] = previous with { Span = previous.Span + span };
                        column += span;
                        continue;
                    }

                    var vMerge = properties?.VerticalMerge;
                    if (vMerge is not null && vMerge.Val?.Value != MergedCellValues.Restart)
                    {
                        cells.Add(new FormCell(mergeOrigins.GetValueOrDefault(column, ""), column, span, IsVerticalCopy: true));
                    }
                    else
                    {
                        if (vMerge is not null)
                        {
                            mergeOrigins[column] = text;
                        }
                        else
                        {
                            mergeOrigins.Remove(column);
                        }

                        cells.Add(new FormCell(text, column, span));
                    }

                    column += span;
                }

                if (cells.Any(cell => cell.Text.Length > 0))
                {
                    Rows.Add(new FormRow(cells, new SourceLocation(path, name, rowNumber)));
                }

                var index = 0;
                foreach (var (inner, innerColumn) in nested)
                {
                    Table(inner, $"{name}.{++index}", innerColumn - 1);
                }
            }
        }

        private static IEnumerable<TableRow> RowsOf(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                if (child is TableRow row)
                {
                    yield return row;
                }
                else if (child is SdtRow or CustomXmlRow)
                {
                    foreach (var inner in RowsOf(child.FirstChild is SdtContentRow content ? content : child))
                    {
                        yield return inner;
                    }
                }
                else if (child is SdtContentRow contentRow)
                {
                    foreach (var inner in RowsOf(contentRow))
                    {
                        yield return inner;
                    }
                }
            }
        }

        private static IEnumerable<TableCell> CellsOf(OpenXmlElement row)
        {
            foreach (var child in row.ChildElements)
            {
                if (child is TableCell cell)
                {
                    yield return cell;
                }
                else if (child is SdtCell or CustomXmlCell or SdtContentCell)
                {
                    foreach (var inner in CellsOf(child is SdtCell sdt && sdt.SdtContentCell is { } content ? content : child))
                    {
                        yield return inner;
                    }
                }
            }
        }

        /// <summary>The cell's own paragraphs, one per line; nested tables are collected to be read after the row.</summary>
        private static string CellText(OpenXmlElement container, List<(Table, int)> nested, int column)
        {
            var lines = new List<string>();
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        var text = FormText.Tidy(ParagraphText(paragraph));
                        if (text.Length > 0)
                        {
                            lines.Add(text);
                        }

                        break;
                    case Table table:
                        nested.Add((table, column));
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        var inner = CellText(content, nested, column);
                        if (inner.Length > 0)
                        {
                            lines.Add(inner);
                        }

                        break;
                }
            }

            return string.Join("\n", lines);
        }
    }

    /// <summary>A paragraph's visible text: every run's w:t in order (deleted text and field codes are other elements).</summary>
    private static string ParagraphText(Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case TabChar:
                    builder.Append(' ');
                    break;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
            }
        }

        return builder.ToString();
    }
}
