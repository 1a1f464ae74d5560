using ReportGen.Model;

namespace ReportGen.Import;

/// <summary>
/// Reads target forms from .docx, .xlsx and .xls files and recognises every form in them. A file can hold several
/// forms (附表1, 汇总表 and three 附表3 in one Word file) and a workbook one form per sheet. A form found twice with
/// the same content (the same 附表3 on two sheets, or in two files) is kept once.
/// </summary>
internal static class TargetFormReader
{
    public static FormSet Read(IEnumerable<string> paths)
    {
        var forms = new List<TargetForm>();
        var skipped = new List<SkippedItem>();
        var unreadable = new List<UnreadableAmount>();
        foreach (var path in paths)
        {
            foreach (var table in ReadTables(path, skipped))
            {
                var found = FormRecognizer.Recognize(table, skipped, unreadable);
                var isDocument = table.Name == Path.GetFileName(path);
                if (found.Count == 0 && !skipped.Any(item => item.Location.File == path && (isDocument || item.Location.Sheet == table.Name)))
                {
                    skipped.Add(new SkippedItem(new SourceLocation(path, isDocument ? null : table.Name),
                        table.Rows.Count == 0 ? "内容为空" : "没有识别出绩效目标表"));
                }

                foreach (var form in found)
                {
                    if (forms.FirstOrDefault(seen => SameContent(seen, form)) is { } seen)
                    {
                        skipped.Add(new SkippedItem(form.Location, $"与 {Describe(seen.Location)} 的{seen.LayoutName}内容相同，只导入一次"));
                    }
                    else
                    {
                        forms.Add(form);
                    }
                }
            }
        }

        return new FormSet(forms, skipped) { Unreadable = unreadable };
    }

    /// <summary>"文件名 表格2" / "文件名 Sheet1!3" for messages.</summary>
    public static string Describe(SourceLocation location)
    {
        var file = location.File is null ? "" : Path.GetFileName(location.File);
        var where = location.ToString();
        return where.Length == 0 || where == file ? file : $"{file} {where}";
    }

    private static IReadOnlyList<FormTable> ReadTables(string path, ICollection<SkippedItem> skipped)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".docx" or ".docm" => [DocxFormReader.Read(path)],
            ".xlsx" or ".xlsm" or ".xls" => SpreadsheetFormReader.Read(path, skipped),
            ".doc" => throw new InputException($"文件“{Path.GetFileName(path)}”是旧版 Word 文档（.doc），无法读取，请用 Word 另存为 .docx 后重试。"),
            ".wps" or ".et" => throw new InputException($"文件“{Path.GetFileName(path)}”是 WPS 格式，请在 WPS 中另存为 .docx 或 .xlsx 后重试。"),
            _ => throw new InputException($"文件“{Path.GetFileName(path)}”的格式无法识别：绩效目标表应为 .docx、.xlsx 或 .xls 文件。"),
        };
    }

    private static bool SameContent(TargetForm a, TargetForm b)
    {
        if (a.Layout != b.Layout)
        {
            return false;
        }

        return (a, b) switch
        {
            (ProjectForm x, ProjectForm y) => Key(x.Name) == Key(y.Name) && x.Amount == y.Amount
                && x.Indicators.Select(Signature).SequenceEqual(y.Indicators.Select(Signature)),
            (DepartmentForm x, DepartmentForm y) => Key(x.Name) == Key(y.Name) && x.Budget.Total == y.Budget.Total
                && x.Indicators.Select(Signature).SequenceEqual(y.Indicators.Select(Signature)),
            (SummaryForm x, SummaryForm y) => x.Entries.Select(e => (Key(e.Name), e.Amount)).SequenceEqual(y.Entries.Select(e => (Key(e.Name), e.Amount))),
            _ => false,
        };
    }

    private static string Signature(FormIndicator indicator) =>
        string.Join("|", Key(indicator.Level1), Key(indicator.Level2), Key(indicator.Level3), Key(indicator.Target));

    private static string Key(string? text) => TextNormalizer.Key(text);
}
