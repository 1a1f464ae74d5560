using System.Globalization;
using System.Text.RegularExpressions;
using ReportGen.Input;
using ReportGen.Output;

namespace ReportGen.Tools;

/// <summary>
/// A sample's CSV folder (the source of truth, data/sample/README.md) as an .xlsx: sheets in the documented order,
/// numbers written as numbers. The test project compiles this same file to check that each committed .xlsx is
/// exactly what this writes.
/// </summary>
public static partial class SampleXlsx
{
    private static readonly string[] SheetOrder = ["基本信息", "预算执行", "绩效指标", "重点工作", "项目目标"];

    /// <summary>The samples under data/sample: each CSV folder and the .xlsx made from it.</summary>
    public static IReadOnlyList<(string CsvFolder, string Xlsx)> Samples(string repositoryRoot) =>
        new[] { "石峰区委宣传部2023", "示例县文化旅游局2024" }
            .Select(name => Path.Combine(repositoryRoot, "data", "sample", name))
            .Select(folder => (folder, folder + ".xlsx"))
            .ToList();

    public static void Write(string csvFolder, string xlsxPath)
    {
        var data = WorkbookLoader.Load(csvFolder);
        var sheets = data.Sheets
            .OrderBy(s => Array.IndexOf(SheetOrder, s.Name) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new XlsxSheet(s.Name, s.Rows.Select(r => (IReadOnlyList<object?>)r.Select(ToCell).ToList()).ToList()))
            .ToList();
        XlsxWriter.Write(xlsxPath, sheets);
    }

    private static object? ToCell(object? value) => value switch
    {
        string s when s.Length == 0 => null,
        string s when Number().IsMatch(s) => decimal.Parse(s, CultureInfo.InvariantCulture),
        _ => value,
    };

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex Number();
}
