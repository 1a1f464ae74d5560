using ReportGen.Cli;
using ReportGen.Input;
using ReportGen.Output;

namespace ReportGen.Tests.Batch;

/// <summary>
/// A temporary input folder for batch tests, built in code: the sample as a CSV folder, the sample as
/// an .xlsx with another department's name, one with an arithmetic error, a corrupt file, one missing a sheet and
/// an empty workbook. Deleted on dispose.
/// </summary>
internal sealed class BatchFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("reportgen-batch-").FullName;
    public string Input => Path.Combine(Root, "in");
    public string Output => Path.Combine(Root, "out");

    public static string Sample { get; } = Path.Combine(Path.GetDirectoryName(Bundled.TemplatesDirectory)!, "data", "sample", "石峰区委宣传部2023");

    /// <summary>Workbooks that render, by their name in the summary.</summary>
    public static readonly string[] Good = ["石峰区委宣传部2023", Path.Combine("乡镇", "龙头铺街道.xlsx")];

    public const string WithErrors = "算错了.xlsx";
    public const string Corrupt = "损坏.xlsx";
    public const string MissingSheet = "缺工作表";
    public const string Empty = "空白.xlsx";

    public static IEnumerable<string> Bad => [WithErrors, Corrupt, MissingSheet, Empty];

    public BatchFolder(bool withBad = true, int copies = 0)
    {
        Directory.CreateDirectory(Input);
        CopySample(Path.Combine(Input, Good[0]));
        Directory.CreateDirectory(Path.Combine(Input, "乡镇"));
        WriteSampleXlsx(Path.Combine(Input, Good[1]), "石峰区龙头铺街道办事处", actualChange: -30m);
        for (var i = 1; i <= copies; i++)
        {
            CopySample(Path.Combine(Input, "副本", $"部门{i:00}"));
        }

        if (withBad)
        {
            WriteSampleXlsx(Path.Combine(Input, WithErrors), "石峰区算错局", actualChange: 0m, breakFinalBudget: true);
            File.WriteAllBytes(Path.Combine(Input, Corrupt), "PK\u0003\u0004 这不是一个完整的工作簿"u8.ToArray());
            Directory.CreateDirectory(Path.Combine(Input, MissingSheet));
            File.Copy(Path.Combine(Sample, "基本信息.csv"), Path.Combine(Input, MissingSheet, "基本信息.csv"));
            using var empty = File.Create(Path.Combine(Input, Empty));
            XlsxWriter.Write(empty, [new XlsxSheet("基本信息", []), new XlsxSheet("预算执行", [])]);
        }
    }

    private static void CopySample(string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Sample, "*.csv"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    /// <summary>
    /// The sample's sheets as an .xlsx, renamed; <paramref name="actualChange"/> moves the first project's actual
    /// and its carry-over together (so the figures differ from the sample and still add up);
    /// <paramref name="breakFinalBudget"/> makes 全年预算数 ≠ 年初 + 调整 on that line (RG101, an error).
    /// </summary>
    private static void WriteSampleXlsx(string path, string department, decimal actualChange, bool breakFinalBudget = false)
    {
        var data = WorkbookLoader.Load(Sample);
        var sheets = data.Sheets.Select(sheet =>
        {
            var rows = sheet.Rows.Select(row => (IReadOnlyList<object?>)row.Select(c => (object?)CellText.Of(c)).ToArray()).ToList();
            if (sheet.Name == "基本信息")
            {
                rows = rows.Select(r => r.Count > 1 && (string?)r[0] == "部门名称" ? new object?[] { r[0], department } : r).ToList();
            }

            if (sheet.Name == "预算执行")
            {
                var line = rows[2].ToArray(); // 融媒体中心专项经费: 年初 30, 调整 8.72, 全年 38.72, 实际 38.57, 结转 0.15
                line[6] = 38.57m + actualChange;
                line[7] = 0.15m - actualChange;
                if (breakFinalBudget)
                {
                    line[5] = 40m;
                }

                rows[2] = line;
            }

            return new XlsxSheet(sheet.Name, rows);
        }).ToList();
        using var stream = File.Create(path);
        XlsxWriter.Write(stream, sheets);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
