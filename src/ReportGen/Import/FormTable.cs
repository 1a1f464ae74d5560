using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>
/// One cell of a normalised form row. A merged cell appears once per row it covers: its first row carries the text,
/// the rows below carry a copy marked <see cref="IsVerticalCopy"/> (Word vMerge continue, an Excel merge's lower rows).
/// A horizontal merge is one cell spanning <see cref="Span"/> grid columns.
/// </summary>
internal sealed record FormCell(string Text, int Column, int Span = 1, bool IsVerticalCopy = false)
{
    public string Key { get; } = TextNormalizer.Key(Text);

    public int LastColumn => Column + Span - 1;

    public bool Covers(int column) => column >= Column && column <= LastColumn;
}

/// <summary>
/// A row of a form as a list of distinct cells (left to right, 1-based grid columns), whatever the source: a Word
/// table row, a paragraph between tables (one cell), or a spreadsheet row. Blank rows are dropped by the readers.
/// </summary>
internal sealed record FormRow(IReadOnlyList<FormCell> Cells, SourceLocation Location)
{
    /// <summary>The cell covering a grid column, or null.</summary>
    public FormCell? At(int column) => Cells.FirstOrDefault(cell => cell.Covers(column));

    public string TextAt(int column) => At(column)?.Text ?? "";

    /// <summary>Cells with text, in order.</summary>
    public IEnumerable<FormCell> Filled => Cells.Where(cell => cell.Text.Length > 0);

    /// <summary>The location of one grid column of this row (for findings).</summary>
    public SourceLocation CellLocation(int column) => Location with { Column = column };

    public bool IsBlank => Cells.All(cell => cell.Text.Length == 0);
}

/// <summary>
/// Every row of one source in reading order: the whole body of a .docx (paragraphs and tables, nested tables
/// spliced in after the row that holds them) or one sheet of a workbook. Recognisers cut it into forms.
/// </summary>
internal sealed record FormTable(string File, string Name, IReadOnlyList<FormRow> Rows);
