using System.Globalization;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Parsing;

namespace ReportGen.Import;

/// <summary>
/// A workbook belongs to one department and one year (docs/import.md, "One department, one year"). Before anything
/// is merged, this stage refuses forms that name several departments or several years, and forms whose department
/// or year differs from what the existing workbook's 基本信息 says, naming both. <c>--force</c> lets the second
/// case proceed on purpose (a renamed department, a workbook carried over to the next year); the first never
/// proceeds, since one workbook cannot hold two departments' targets.
/// </summary>
internal static class ImportIdentityCheck
{
    /// <summary>Forms of several departments or years in one run: refused, each value with the form naming it.</summary>
    public static void CheckForms(FormSet forms)
    {
        var names = forms.Departments.Where(form => !string.IsNullOrWhiteSpace(form.Name)).Select(form => (Value: form.Name!.Trim(), form.Location))
            .Concat(forms.Projects.Where(form => !string.IsNullOrWhiteSpace(form.DepartmentName))
                .Select(form => (Value: form.DepartmentName!.Trim(), form.Location)))
            .ToList();
        var nameGroups = Distinct(names, SameDepartment);
        if (nameGroups.Count > 1)
        {
            throw new InputException(
                $"这些目标表属于 {nameGroups.Count} 个部门：{Describe(nameGroups)}。一个工作簿只放一个部门的目标，导入没有写入任何内容。"
                + "请把各部门的目标表分开，分别导入各自的工作簿。");
        }

        var years = forms.Departments.Where(form => form.Year is not null).Select(form => (Value: form.Year!.Value.ToString(CultureInfo.InvariantCulture), form.Location))
            .Concat(forms.Projects.Where(form => form.Year is not null).Select(form => (Value: form.Year!.Value.ToString(CultureInfo.InvariantCulture), form.Location)))
            .ToList();
        var yearGroups = Distinct(years, (a, b) => a == b);
        if (yearGroups.Count > 1)
        {
            throw new InputException(
                $"这些目标表属于 {yearGroups.Count} 个年度：{Describe(yearGroups.Select(g => (g.Value + "年", g.Location)).ToList())}。"
                + "一个工作簿只放一个年度的目标，导入没有写入任何内容。请只导入同一年度的目标表。");
        }
    }

    /// <summary>
    /// The forms' department and year against the existing workbook's 基本信息 (部门名称, 年度); a blank cell in the
    /// workbook matches anything (the import fills it). Refused unless <paramref name="force"/>.
    /// </summary>
    public static void CheckTarget(WorkbookData existing, ImportContent content, bool force)
    {
        if (force || existing.Find(WorkbookSchema.InfoSheet) is not { } info)
        {
            return;
        }

        var (workbookName, workbookYear) = Read(info, existing.Path);
        var file = Path.GetFileName(existing.Path);
        var formLocation = content.Department?.Location
            ?? content.Projects.Select(project => project.Location).FirstOrDefault() ?? SourceLocation.None;
        var formFile = formLocation.File is { } f ? Path.GetFileName(f) : "目标表";
        if (workbookName is not null && content.DepartmentName is { } formName && !SameDepartment(workbookName, formName.Trim()))
        {
            throw new InputException(
                $"目标表“{formFile}”是“{formName.Trim()}”的，而工作簿“{file}”的基本信息写的部门名称是“{workbookName}”。"
                + "导入其他部门的目标表会覆盖这个工作簿的年初预算数和目标，导入没有写入任何内容。"
                + $"请确认选对了文件；如果确实是同一个部门（例如部门改了名），请加 --force 重新导入。",
                new SourceLocation(existing.Path, WorkbookSchema.InfoSheet));
        }

        if (workbookYear is not null && content.Year is { } formYear && formYear != workbookYear)
        {
            throw new InputException(
                $"目标表“{formFile}”是 {formYear} 年的，而工作簿“{file}”的基本信息写的年度是 {workbookYear} 年。"
                + "导入其他年度的目标表会覆盖这个工作簿的年初预算数和目标，导入没有写入任何内容。"
                + $"请导入 {workbookYear} 年的目标表，或为 {formYear} 年新建一个工作簿（reportgen new）；确实要导入时请加 --force。",
                new SourceLocation(existing.Path, WorkbookSchema.InfoSheet));
        }
    }

    /// <summary>Two spellings of one department: equal once normalised, or one the other with a prefix or suffix (本级).</summary>
    private static bool SameDepartment(string a, string b)
    {
        var (x, y) = (TextNormalizer.Key(a), TextNormalizer.Key(b));
        return x == y || (x.Length > 0 && y.Length > 0 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal)));
    }

    private static List<(string Value, SourceLocation Location)> Distinct(
        List<(string Value, SourceLocation Location)> values, Func<string, string, bool> same)
    {
        var groups = new List<(string Value, SourceLocation Location)>();
        foreach (var value in values)
        {
            if (!groups.Any(group => same(group.Value, value.Value)))
            {
                groups.Add(value);
            }
        }

        return groups;
    }

    private static string Describe(IReadOnlyList<(string Value, SourceLocation Location)> groups) =>
        string.Join("；", groups.Select(group => $"“{group.Value}”（{TargetFormReader.Describe(group.Location)}）"));

    /// <summary>部门名称 and 年度 as the 基本信息 sheet holds them (null when blank or absent).</summary>
    private static (string? Name, int? Year) Read(SheetData info, string path)
    {
        EditableSheet sheet;
        try
        {
            sheet = EditableSheet.Open(info, WorkbookSchema.Sheet(WorkbookSchema.InfoSheet), path);
        }
        catch (InputException)
        {
            return (null, null);
        }

        // Items found by the reader's lookup (any name the schema gives them), the year read by the reader's rule.
        var rows = ExecutionWorkbookReader.InfoRows(sheet.DataRows(), row => sheet.Text(row, WorkbookSchema.Info.Item));
        string? Content(InfoItem item) =>
            rows.TryGetValue(item.Name, out var row) && sheet.Text(row, WorkbookSchema.Info.Content).Trim() is { Length: > 0 } value ? value : null;
        var name = Content(WorkbookSchema.Items.DepartmentName);
        var year = Content(WorkbookSchema.Items.Year) is { } text ? DateParser.Year(text) : null;
        return (name, year);
    }
}
