using System.Globalization;
using System.Text;
using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Batch;

/// <summary>
/// Writes the batch summary beside the reports: <c>批量汇总.xlsx</c> (sheet 汇总, one row per department, weakest
/// first; sheet 问题清单, every finding) and the same two tables as <c>批量汇总.csv</c> and <c>批量问题清单.csv</c>.
/// Amounts are 万元 and rates percentages, both rounded to two decimals as in <c>preview</c>; each file is written
/// atomically.
/// </summary>
public static class SummaryWriter
{
    public const string WorkbookName = "批量汇总.xlsx";
    public const string CsvName = "批量汇总.csv";
    public const string FindingsCsvName = "批量问题清单.csv";

    /// <summary>The 汇总 columns in order: heading, width and format, and whether a rate below 90% is marked.</summary>
    private static readonly (string Header, XlsxColumn Column, bool Rate)[] Columns =
    [
        ("排名", Narrow, false), ("部门", new XlsxColumn(30), false), ("年度", Narrow, false), ("工作簿", Wide, false),
        ("状态", Plain, false), ("全年预算数（万元）", Figure, false), ("实际支出（万元）", Figure, false),
        ("结余结转（万元）", Figure, false), ("执行率（%）", Figure, true), ("自评得分", Figure, false), ("等级", Narrow, false),
        ("得分状态", Plain, false), ("错误", Narrow, false), ("警告", Narrow, false), ("提示", Narrow, false), ("最弱项目", Wide, false),
        ("最弱项目得分", Figure, false), ("最弱项目执行率（%）", Figure, true), ("报告文件", Wide, false),
    ];

    private static XlsxColumn Narrow => new(7);
    private static XlsxColumn Wide => new(28);
    private static XlsxColumn Plain => new(10);
    private static XlsxColumn Figure => new(13, XlsxStyle.Amount);

    public static readonly string[] Headers = [.. Columns.Select(c => c.Header)];

    public static readonly string[] FindingHeaders = ["部门", "工作簿", "级别", "代码", "位置", "说明"];

    /// <summary>The three files' paths, in the order written.</summary>
    public static IReadOnlyList<string> Write(BatchSummary summary, string outputFolder)
    {
        var rows = Rows(summary, outputFolder);
        var findings = FindingRows(summary);
        var paths = new[] { WorkbookName, CsvName, FindingsCsvName }.Select(name => Path.Combine(outputFolder, name)).ToList();

        // The workbook (most of the time: 48,000 finding rows for 1,000 departments) beside the two CSV files: the
        // summary is the serial tail of a batch, so it uses both cores.
        var csv = Task.Run(() =>
        {
            AtomicFile.Write(paths[1], stream => WriteCsv(stream, Headers, rows));
            AtomicFile.Write(paths[2], stream => WriteCsv(stream, FindingHeaders, findings));
        });
        try
        {
            AtomicFile.Write(paths[0], stream => XlsxWriter.Write(stream,
            [
                new XlsxSheet("汇总", [Headers, .. rows], Layout: SummaryLayout()),
                new XlsxSheet("问题清单", [FindingHeaders, .. findings], Layout: FindingLayout),
            ]));
        }
        catch
        {
            // The workbook's failure is the one reported; the CSV files are only waited for.
            try
            {
                csv.GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // Most likely the same cause (a full disk); the workbook's failure already says it.
            }

            throw;
        }

        csv.GetAwaiter().GetResult();
        return paths;
    }

    /// <summary>
    /// The 汇总 sheet dressed like the clerk's workbook: header frozen, a filter, widths, two decimals on amounts,
    /// rates and scores, and execution rates below 90% (the 10号文 threshold for a 偏差原因) in red on pink.
    /// </summary>
    private static XlsxLayout SummaryLayout()
    {
        var rates = Columns.Select((column, index) => (column, index)).Where(pair => pair.column.Rate)
            .Select(pair => new XlsxHighlight(pair.index + 1, 90m)).ToList();
        return new XlsxLayout([.. Columns.Select(c => c.Column)], AutoFilter: true) { Highlights = rates, InputRows = 0 };
    }

    private static readonly XlsxLayout FindingLayout = new(
        [new XlsxColumn(30), new XlsxColumn(28), new XlsxColumn(7), new XlsxColumn(8), new XlsxColumn(16), new XlsxColumn(90)],
        AutoFilter: true)
    { InputRows = 0 };

    /// <summary>The 汇总 rows, ranked (see <see cref="BatchSummary.Ranked"/>): numbers as decimals, blanks as null.</summary>
    public static List<IReadOnlyList<object?>> Rows(BatchSummary summary, string outputFolder) =>
        summary.Ranked().Select((d, i) => (IReadOnlyList<object?>)
        [
            i + 1, d.Department, d.Year, d.Workbook, DepartmentSummary.StatusName(d.Status),
            Round(d.FinalBudget), Round(d.Actual), Round(d.CarryOver), Percent(d.ExecutionRate),
            Round(d.Score), d.Grade, d.ScoreState, d.Errors, d.Warnings, d.Infos,
            d.WorstProject, Round(d.WorstProjectScore), Percent(d.WorstProjectRate),
            d.ReportPath is null ? null : Path.GetRelativePath(outputFolder, d.ReportPath),
        ]).ToList();

    /// <summary>Every finding, departments in the 汇总 order, each department's findings as its analysis sorted them.</summary>
    public static List<IReadOnlyList<object?>> FindingRows(BatchSummary summary) =>
        summary.Ranked().SelectMany(d => d.Findings.Select(f => (IReadOnlyList<object?>)
        [
            d.Department, d.Workbook, Finding.SeverityName(f.Severity), f.Code, f.Location.ToString(), f.Message,
        ])).ToList();

    private static decimal? Round(decimal? value) => value is { } v ? Money.Round2(v) : null;

    private static decimal? Percent(decimal? ratio) => ratio is { } r ? Money.Round2(r * 100) : null;

    /// <summary>UTF-8 with BOM, so Excel on Windows opens the Chinese correctly (as <c>preview -o x.csv</c> does).</summary>
    private static void WriteCsv(Stream stream, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(true), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(",", headers.Select(Escape)));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(",", row.Select(Cell)));
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        decimal d => Model.Money.Format(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Escape(value.ToString() ?? ""),
    };

    private static string Escape(string value) => CsvText.Field(value);
}
