namespace ReportGen.Model;

/// <summary>
/// The finished report as a sequence of blocks, independent of Word: rendering (templates, tables built in code)
/// produces it, <c>Output/DocxWriter</c> lays it out. Text is final: numbers are already formatted.
/// </summary>
public sealed record ReportDocument(string Title, IReadOnlyList<Block> Blocks)
{
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
public sealed record Heading(int Level, string Text) : Block;

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
/// A paragraph. Text inside 【…】 is a placeholder the user must still fill (a 偏差原因 not given, say): the
/// writer shows it highlighted so that nobody files it by mistake, and <c>check</c> reports it.
/// </summary>
public sealed record Paragraph(string Text, ParagraphKind Kind = ParagraphKind.Body) : Block;

public sealed record TableBlock(ReportTable Table) : Block;

/// <summary>Starts a new page (before the attachments).</summary>
public sealed record PageBreak : Block;

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
    string? Note = null);

public sealed record TableRow(IReadOnlyList<TableCell> Cells);

public sealed record TableCell(
    string Text,
    int ColSpan = 1,
    VerticalMerge Merge = VerticalMerge.None,
    CellAlign Align = CellAlign.Center,
    bool Bold = false);
