using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Import;

/// <summary>
/// Inputs of <c>reportgen import 报告.docx --into 工作簿.xlsx</c>: a report ReportGen wrote and a clerk filled in,
/// the workbook it was made from, and whether to write it.
/// </summary>
public sealed record ReportImportRequest(string ReportPath, string TargetPath, bool DryRun = false);

/// <summary>A cell the import writes (or, in a dry run, would write): the field's title, the cell's text before and after.</summary>
public sealed record CellChange(string Cell, string Title, string Old, string New);

/// <summary>A field changed in the report whose cell was also changed in the workbook since: both texts, nothing written.</summary>
public sealed record FieldConflict(string Cell, string Title, string Workbook, string Report);

/// <summary>A field the import left alone, and why (not found, mangled, cleared, no cell to write to…).</summary>
public sealed record FieldSkipped(string Cell, string Title, string Reason);

/// <summary>A paragraph whose text was changed outside any field: it cannot go back to a cell.</summary>
public sealed record EditedParagraph(int Number, string Text);

/// <summary>What a report import found and (unless a dry run, or nothing changed) wrote.</summary>
public sealed record ReportImportResult(
    ReportImportRequest Request,
    string Version,
    string Workbook,
    int FieldCount,
    IReadOnlyList<CellChange> Changes,
    IReadOnlyList<FieldConflict> Conflicts,
    IReadOnlyList<FieldSkipped> Skipped,
    IReadOnlyList<EditedParagraph> EditedParagraphs,
    bool Written)
{
    /// <summary>Cells that hold a formula: the patcher never overwrites one.</summary>
    public IReadOnlyList<SourceLocation> FormulaCells { get; init; } = [];
}

/// <summary>
/// The report side of <c>import</c> (docs/report-fields.md): reads the fields of a filled report
/// (<see cref="ReportFieldReader"/>), compares each with the stamp's fingerprints and with the workbook's cell now,
/// and writes every field the clerk filled or changed into its cell with <see cref="WorkbookPatcher"/> (the cells
/// set, nothing else). A field whose cell changed in the workbook too is a conflict: both texts are reported and
/// neither is overwritten. A field that cannot be found or read safely is named and left alone.
/// </summary>
public static class ReportImportJob
{
    /// <summary>Whether <paramref name="path"/> is a report ReportGen wrote (a stamped .docx) rather than a target form.</summary>
    public static bool IsReport(string path) => ReportFieldReader.IsReport(path);

    public static ReportImportResult Run(ReportImportRequest request)
    {
        CheckTarget(request);
        new OutputGuard([request.ReportPath]).CheckFile(request.TargetPath);
        var report = ReportFieldReader.Read(request.ReportPath)
                     ?? throw new InputException($"“{Path.GetFileName(request.ReportPath)}”不是 ReportGen 生成的报告（没有 ReportGen 的标记），无法导入其中填写的内容。",
                         new SourceLocation(request.ReportPath, null));
        CheckWorkbookName(request, report.Stamp);

        // The same write path as form import: a linked workbook is updated through its link, a workbook open in
        // Excel / WPS / LibreOffice is refused, and one writer at a time (TargetLock, docs/import.md).
        var target = ImportJob.FollowLink(request.TargetPath);
        if (!request.DryRun)
        {
            TargetLock.RefuseOpenElsewhere(target);
        }

        using var writerLock = request.DryRun ? null : TargetLock.Acquire(target);
        var workbook = WorkbookLoader.Load(target);
        var changes = new List<(SourceLocation Location, CellChange Change)>();
        var conflicts = new List<FieldConflict>();
        var skipped = new List<FieldSkipped>();
        foreach (var cell in Occurrences(report.Fields).GroupBy(o => o.Cell, StringComparer.Ordinal))
        {
            Decide(request, workbook, cell.Key, [.. cell], changes, conflicts, skipped);
        }

        var edited = EditedParagraphs(report);
        var patch = changes.Count == 0 ? new PatchResult(null, []) : Patch(target, workbook, changes.Select(c => c.Location).ToList(), changes.Select(c => c.Change.New).ToList());
        var formulas = patch.FormulaCells.Select(f => f.ToString()).ToHashSet(StringComparer.Ordinal);
        var written = !request.DryRun && patch.Package is not null;
        if (written)
        {
            AtomicFile.Write(target, stream => stream.Write(patch.Package));
        }

        return new ReportImportResult(request, report.Stamp.Version, report.Stamp.Workbook, report.Stamp.Fields.Count,
            [.. changes.Where(c => !formulas.Contains(c.Location.ToString())).Select(c => c.Change)], conflicts, skipped, edited, written)
        {
            FormulaCells = patch.FormulaCells,
        };
    }

    /// <summary>One place a cell's text is shown: a field, or the consecutive fields of its lines (parts 1, 2…).</summary>
    private sealed record Occurrence(string Cell, string Title, string Given, IReadOnlyList<FoundField> Parts)
    {
        public string? Problem => Parts.Select(p => p.Problem).FirstOrDefault(p => p is not null);

        public bool Changed => Parts.Any(p => p.Text is not null && Fingerprint.Of(p.Text) != p.Stamp.Shown);

        public string Text => string.Join("\n", Parts.Select(p => p.Text));
    }

    private static List<Occurrence> Occurrences(IReadOnlyList<FoundField> fields)
    {
        var occurrences = new List<Occurrence>();
        for (var i = 0; i < fields.Count; i++)
        {
            var first = fields[i].Stamp;
            var parts = new List<FoundField> { fields[i] };
            while (first.Part > 0 && i + 1 < fields.Count && fields[i + 1].Stamp.Cell == first.Cell && fields[i + 1].Stamp.Part > parts[^1].Stamp.Part)
            {
                parts.Add(fields[++i]);
            }

            occurrences.Add(new Occurrence(first.Cell, first.Title, first.Given, parts));
        }

        return occurrences;
    }

    private static void Decide(ReportImportRequest request, WorkbookData workbook, string cell, List<Occurrence> occurrences,
        List<(SourceLocation, CellChange)> changes, List<FieldConflict> conflicts, List<FieldSkipped> skipped)
    {
        var title = occurrences[0].Title;
        var broken = occurrences.Where(o => o.Problem is not null).ToList();
        skipped.AddRange(broken.Select(o => new FieldSkipped(cell, o.Title, o.Problem!)));
        var changed = occurrences.Where(o => o.Problem is null && o.Changed).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var texts = changed.Select(o => o.Text).Distinct(StringComparer.Ordinal).ToList();
        if (texts.Count > 1)
        {
            skipped.Add(new FieldSkipped(cell, title, $"报告中这一单元格的 {changed.Count} 处填写不一致（{string.Join("；", texts.Select(Quote))}），请只在一处修改"));
            return;
        }

        var text = texts[0];
        if (text.Length == 0)
        {
            skipped.Add(new FieldSkipped(cell, title, "报告中这一处已被清空；导入不会清除工作簿中的内容，如需删除请直接在工作簿中删除"));
            return;
        }

        if (text.Contains(Vocabulary.PlaceholderMark, StringComparison.Ordinal))
        {
            skipped.Add(new FieldSkipped(cell, title, $"报告中这一处仍含有待填写的提示（{Quote(text)}），请删去提示后再导入"));
            return;
        }

        var location = SourceLocation.Parse(request.TargetPath, cell);
        if (location.Row is not { } row || location.Column is not { } column || location.Sheet is null)
        {
            skipped.Add(new FieldSkipped(cell, title, $"工作簿中还没有这一项的单元格（{cell}），请在工作簿中填写：{Quote(text)}"));
            return;
        }

        var sheet = workbook.Find(location.Sheet);
        if (sheet is null)
        {
            skipped.Add(new FieldSkipped(cell, title, $"工作簿中没有工作表“{location.Sheet}”"));
            return;
        }

        var now = sheet.Text(row, column);
        if (Fingerprint.Clean(now) == text)
        {
            return;
        }

        if (Fingerprint.Of(now) != occurrences[0].Given)
        {
            conflicts.Add(new FieldConflict(cell, title, now, text));
            return;
        }

        changes.Add((location with { Sheet = sheet.Name }, new CellChange(cell, title, now, text)));
    }

    /// <summary>
    /// The report's paragraphs whose text outside the fields is not one of the stamped paragraphs', in order: the
    /// stamped and the current fingerprints aligned by their longest common subsequence, so that a paragraph added or
    /// removed does not make every later one look edited.
    /// </summary>
    private static List<EditedParagraph> EditedParagraphs(FilledReport report)
    {
        var before = report.Stamp.Paragraphs;
        var after = report.Paragraphs;
        if (before.Count == 0)
        {
            return [];
        }

        var lengths = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = before[i] == after[j].Fingerprint ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var edited = new List<EditedParagraph>();
        int a = 0, b = 0;
        while (b < after.Count)
        {
            if (a < before.Count && before[a] == after[b].Fingerprint)
            {
                a++;
                b++;
            }
            else if (a < before.Count && lengths[a + 1, b] >= lengths[a, b + 1])
            {
                a++;
            }
            else
            {
                if (after[b].Text.Trim().Length > 0)
                {
                    edited.Add(new EditedParagraph(after[b].Number, after[b].Text.Trim()));
                }

                b++;
            }
        }

        return edited;
    }

    private static PatchResult Patch(string target, WorkbookData workbook, List<SourceLocation> cells, List<string> values)
    {
        var sheets = new Dictionary<string, EditableSheet>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            var location = cells[i];
            if (!sheets.TryGetValue(location.Sheet!, out var sheet))
            {
                sheet = EditableSheet.Cells(workbook.Find(location.Sheet!)!);
                sheets[location.Sheet!] = sheet;
            }

            while (sheet.Rows.Count < location.Row!.Value)
            {
                sheet.Rows.Add([]);
            }

            sheet.Set(location.Row.Value - 1, location.Column!.Value - 1, values[i]);
        }

        try
        {
            return WorkbookPatcher.Apply(File.ReadAllBytes(target), [.. sheets.Values], target);
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException
                                       or System.Xml.XmlException or InvalidOperationException or FormatException or IOException)
        {
            throw new InputException(
                $"工作簿“{Path.GetFileName(target)}”的文件结构无法按部件编辑，导入没有改动它。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试。",
                new SourceLocation(target, null), ex);
        }
    }

    /// <summary>A report goes back into the workbook it was made from: an existing .xlsx.</summary>
    private static void CheckTarget(ReportImportRequest request)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(request.TargetPath));
        if (!string.Equals(Path.GetExtension(request.TargetPath), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException(
                $"“{name}”不是 .xlsx 工作簿：报告中填写的内容只能写回 .xlsx 工作簿。.xls 或 CSV 工作簿请先在 Excel / WPS 中另存为 .xlsx，"
                + "用它重新生成报告后再填写和导入。", new SourceLocation(request.TargetPath, null));
        }

        if (!File.Exists(request.TargetPath))
        {
            throw new InputException($"找不到工作簿“{request.TargetPath}”：报告中填写的内容要写回生成这份报告的工作簿。",
                new SourceLocation(request.TargetPath, null));
        }
    }

    /// <summary>
    /// The workbook must be the one the report was made from (by name; an .xls saved as .xlsx is the same one):
    /// another department's workbook would get this one's texts in its cells. The stamp holds the name as XML carries
    /// it (a control character in it left out), so the workbook's name is compared so too.
    /// </summary>
    private static void CheckWorkbookName(ReportImportRequest request, ReportStamp stamp)
    {
        var made = Path.GetFileNameWithoutExtension(stamp.Workbook);
        var into = TextScan.Carried(Path.GetFileNameWithoutExtension(request.TargetPath));
        if (made.Length > 0 && !string.Equals(made, into, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException(
                $"报告“{Path.GetFileName(request.ReportPath)}”是由工作簿“{stamp.Workbook}”生成的，不是“{Path.GetFileName(request.TargetPath)}”。"
                + $"为免把内容写进别的部门或别的年度的工作簿，没有导入。请用 --into 指定“{stamp.Workbook}”（改过名的，请改回原名后再导入）。",
                new SourceLocation(request.ReportPath, null));
        }
    }

    private static string Quote(string text) => $"“{(text.Length > 60 ? text[..60] + "…" : text)}”";
}
