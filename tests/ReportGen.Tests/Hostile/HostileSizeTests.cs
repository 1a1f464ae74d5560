using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Size: a workbook of 100,000+ budget lines is read whole and checked in bounded memory. How fast is a benchmark's
/// question (bench/, docs/performance.md: the 2,000-project department), not a unit test's.
/// </summary>
public sealed class HostileSizeTests : IDisposable
{
    private const int Lines = 100_000;

    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Hostile_hundred_thousand_rows_are_all_read_and_checked_in_bounded_memory()
    {
        var book = RawXlsx.Standard(out var sheet);
        sheet.Row("基本支出", "基本支出", null, 20, 0, 20, 20, 0);
        for (var i = 1; i <= Lines; i++)
        {
            sheet.Row($"项目{i}", "项目支出", null, 1.5, 0, 1.5, 1.5, 0, null, "用于日常宣传工作" + i);
        }

        var path = book.Write(_temp.File("十万行.xlsx"));
        book = null;
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var analysis = GenerateJob.Analyze(path);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;

        Assert.Equal(Lines + 1, analysis.Workbook.Lines.Count);
        Assert.Equal(20m + Lines * 1.5m, analysis.Figures.Department.Actual);
        Assert.True(held < 400L * 1024 * 1024, $"the analysis holds {held / (1024 * 1024)} MB");
        GC.KeepAlive(analysis);
    }
}
