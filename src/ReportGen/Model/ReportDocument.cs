namespace ReportGen.Model;

/// <summary>
/// The finished report as a sequence of blocks, independent of Word: rendering (templates, tables built in code)
/// produces it, <c>Output/DocxWriter</c> lays it out. Text is final: numbers are already formatted.
/// </summary>
public sealed record ReportDocument(string Title, IReadOnlyList<Block> Blocks)
{
    /// <summary>The fields of <see cref="Title"/> (a placeholder a template put in a "# " line).</summary>
    public IReadOnlyList<FieldSpan> TitleFields { get; init; } = [];

    /// <summary>
    /// Every placeholder of the document, in reading order (title, then each block; a table's cells row by row), as
    /// rendering recorded it: what is missing and which cell. The generate summary counts these, <c>check</c> makes
    /// its RG200 findings from them, and the writers highlight exactly these spans.
    /// </summary>
    public IReadOnlyList<FieldSpan> Placeholders => [.. Fields().Where(f => f.Empty && !f.Legend)];

    /// <summary>
    /// The placeholders grouped by the workbook cell that fills them, in reading order of each cell's first
    /// placeholder. One missing input may show in several places: an unmet indicator without 偏差原因 is a sentence of the
    /// narrative and a cell of the 自评表's 偏差原因 column, two placeholders at one cell (绩效指标!J7); filling that
    /// cell removes both. <c>check</c> reports the cell, not each place, so a report has at least as many
    /// placeholders as cells; every cell is a missing-input finding's (the Shifeng sample: 67 placeholders at 52 cells, 55 missing-input findings).
    /// Placeholders without a cell (typed into a custom template) are grouped by their title.
    /// </summary>
    public IReadOnlyList<PlaceholderCell> PlaceholderCells =>
    [
        .. Placeholders.GroupBy(p => p.Cell is null ? "|" + p.Title : p.Cell, StringComparer.Ordinal)
            .Select(group => new PlaceholderCell(group.First().Cell, [.. group])),
    ];

    /// <summary>Every field of the document in reading order, placeholders and filled ones.</summary>
    public IEnumerable<FieldSpan> Fields()
    {
        foreach (var field in TitleFields)
        {
            yield return field;
        }

        foreach (var block in Blocks)
        {
            var fields = block switch
            {
                Paragraph p => p.Fields,
                Heading h => h.Fields,
                TableBlock t => t.Table.Rows.SelectMany(r => r.Cells).Where(c => c.Merge != VerticalMerge.Continue).SelectMany(c => c.Fields)
                    .Concat(t.Table.Legend.SelectMany(p => p.Fields)),
                _ => [],
            };
            foreach (var field in fields)
            {
                yield return field;
            }
        }
    }

    /// <summary>
    /// The invisible mark (U+2060 WORD JOINER) that keeps text typed by the user plain: a 【 followed by it is no
    /// placeholder. Rendering sets it (<c>ReportMarkup</c>), <c>DocxWriter</c> honours it.
    /// </summary>
    public const char LiteralMark = '\u2060';

    /// <summary>The workbook's file name, for the report's stamp (<see cref="ReportStamp"/>); empty when unknown.</summary>
    public string Workbook { get; init; } = "";
}

public abstract record Block;

/// <summary>
/// A heading. Level 1 "一、" (黑体), level 2 "（一）" (楷体), level 3 "1." (仿宋 bold), level 4 "（1）" (仿宋).
/// The text carries its own ordinal, as written by the template.
/// </summary>
internal sealed record Heading(int Level, string Text) : Block
{
    /// <summary>The spans of <see cref="Text"/> that stand for a workbook item (<see cref="FieldSpan"/>).</summary>
    public IReadOnlyList<FieldSpan> Fields { get; init; } = [];
}

/// <summary>
/// A span of a block's (or table cell's) text that stands for one item of the workbook: <see cref="Title"/> says
/// what it is (主要职责, 偏差原因), <see cref="Cell"/> where the user writes it (<c>绩效指标!J7</c>, a sheet name, or
/// null when the workbook has no place for it). An <see cref="Empty"/> field is a placeholder: the user has not
/// written the item, its text is the visible prompt (【待填写：偏差原因（绩效指标!J7）】), which the writers highlight.
/// A filled field's text is the user's own (a writer may mark it, e.g. as a Word content control titled
/// <see cref="Title"/>). Rendering records fields as it renders (templates/README.md, "Placeholders"); nothing reads
/// them back out of the text.
/// </summary>
/// <param name="Start">Offset of the span in the text (UTF-16 units).</param>
/// <param name="Length">Length of the span.</param>
/// <param name="Marker">
/// For a placeholder in a table cell: the number of the short marker (【待填写①】) the cell shows instead of the full
/// prompt, which the table's <see cref="ReportTable.Legend"/> gives; 0 when the text is the full prompt.
/// </param>
/// <param name="Legend">
/// A span of a table's legend that repeats a marked placeholder's prompt: highlighted like it, never counted again.
/// </param>
public sealed record FieldSpan(int Start, int Length, string Title, string? Cell, bool Empty, int Marker = 0, bool Legend = false)
{
    public int End => Start + Length;

    /// <summary>
    /// For a text of the clerk's: the fingerprint of the cell's whole text when the report was made
    /// (<see cref="Fingerprint.Of"/>), which the report's stamp keeps so that import can tell a cell changed since
    /// (docs/report-fields.md); null for a placeholder (the cell was empty).
    /// </summary>
    public string? Given { get; init; }

    /// <summary>0 for a field showing its cell's whole text; 1, 2… for the lines of a text shown one paragraph a line.</summary>
    public int Part { get; init; }

    /// <summary>
    /// The 基本信息 item the field stands for, when the template named it (the <c>placeholder</c> helper's third
    /// argument, templates/README.md): where the item has no row the cell is the whole sheet, and this is what tells
    /// which item is missing (<c>Rendering/MissingOutlineItems</c> matches it with <see cref="Finding.Item"/>).
    /// </summary>
    public InfoItem? Item { get; init; }
}

public enum ParagraphKind
{
    /// <summary>三号仿宋, first line indented two characters, justified.</summary>
    Body,

    /// <summary>Centred, no indent (a subtitle, the department line under the title).</summary>
    Centered,

    /// <summary>Right-aligned, no indent (signature, date).</summary>
    Right,

    /// <summary>Left, no indent (an attachment label such as "附件1").</summary>
    Plain,
}

/// <summary>
/// A paragraph. A placeholder the user must still fill (a 偏差原因 not given, say) is an empty field of
/// <see cref="Fields"/>: the writer shows it highlighted so that nobody files it by mistake, and <c>check</c> reports it.
/// </summary>
public sealed record Paragraph(string Text, ParagraphKind Kind = ParagraphKind.Body) : Block
{
    /// <summary>The spans of <see cref="Text"/> that stand for a workbook item; the placeholders among them are highlighted.</summary>
    public IReadOnlyList<FieldSpan> Fields { get; init; } = [];
}

internal sealed record TableBlock(ReportTable Table) : Block;

/// <summary>Starts a new page (before the attachments).</summary>
internal sealed record PageBreak : Block;

public enum VerticalMerge
{
    None,

    /// <summary>First cell of a vertically merged run (一级 / 二级 indicator cells).</summary>
    Restart,

    /// <summary>A cell covered by the cell above; its text is ignored.</summary>
    Continue,
}

public enum CellAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// A table built in code (项目支出绩效自评表, 部门整体支出绩效自评表, 预算执行差异表). The first
/// <see cref="HeaderRows"/> rows repeat on every page. Column widths are relative weights.
/// </summary>
public sealed record ReportTable(
    string Title,
    IReadOnlyList<double> ColumnWeights,
    IReadOnlyList<TableRow> Rows,
    int HeaderRows = 1,
    string? Note = null)
{
    /// <summary>
    /// The prompts of the placeholders its cells show as short markers (【待填写①】实际完成值（绩效指标!F6）), printed
    /// under the table before the note, highlighted like the markers.
    /// </summary>
    public IReadOnlyList<Paragraph> Legend { get; init; } = [];

    /// <summary>
    /// The table goes on in the next one, which has the same columns (a 自评表's funds and goals, then its indicators
    /// with their own heading rows repeating on every page): the two are laid out as one, without a gap or a line
    /// between them.
    /// </summary>
    public bool JoinsNext { get; init; }
}

public sealed record TableRow(IReadOnlyList<TableCell> Cells);

public sealed record TableCell(
    string Text,
    int ColSpan = 1,
    VerticalMerge Merge = VerticalMerge.None,
    CellAlign Align = CellAlign.Center,
    bool Bold = false)
{
    /// <summary>The spans of <see cref="Text"/> that stand for a workbook item; the placeholders among them are highlighted.</summary>
    public IReadOnlyList<FieldSpan> Fields { get; init; } = [];
}

/// <summary>
/// The placeholders that one workbook cell fills (<see cref="ReportDocument.PlaceholderCells"/>): the cell, or null
/// for placeholders a custom template typed without one, and each place in the report where it shows.
/// </summary>
public sealed record PlaceholderCell(string? Cell, IReadOnlyList<FieldSpan> Placeholders);
