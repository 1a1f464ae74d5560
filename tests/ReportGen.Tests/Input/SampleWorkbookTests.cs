using ReportGen.Input;
using ReportGen.Tests.TestSupport;
using ReportGen.Tools;

namespace ReportGen.Tests.Input;

/// <summary>
/// Each sample (the fictional default 示例县文化旅游局2024 and the real Shifeng 2023) read from its CSV folder (the
/// source of truth) and from the committed .xlsx made from it, and Shifeng from the .xls fixture made from that, gives
/// the same facts, figures and findings. The .xlsx files are written by the tool tools/SampleWorkbooks
/// (<c>dotnet run --project tools/SampleWorkbooks</c>), whose <see cref="SampleXlsx"/> this project compiles too.
/// </summary>
public sealed class SampleWorkbookTests
{
    private static string Dump(string path) => AnalysisDump.Of(GenerateJob.Analyze(path));

    public static TheoryData<string> Samples => ["shifeng", "example"];

    private static (string CsvFolder, string Xlsx) PathsOf(string sample) =>
        sample == "example" ? (Repo.ExampleCsvFolder, Repo.ExampleXlsx) : (Repo.SampleCsvFolder, Repo.SampleXlsx);

    [Fact]
    public void The_tool_writes_the_two_samples_of_the_repository()
    {
        Assert.Equal([(Repo.SampleCsvFolder, Repo.SampleXlsx), (Repo.ExampleCsvFolder, Repo.ExampleXlsx)], SampleXlsx.Samples(Repo.Root));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_committed_xlsx_is_what_the_tool_writes(string sample)
    {
        var (csv, xlsx) = PathsOf(sample);
        using var temp = new TempDir();
        var fresh = temp.File(Path.GetFileName(xlsx));
        SampleXlsx.Write(csv, fresh);
        Assert.True(File.ReadAllBytes(fresh).AsSpan().SequenceEqual(File.ReadAllBytes(xlsx)),
            $"{xlsx} is not what tools/SampleWorkbooks writes from {csv}: run `dotnet run --project tools/SampleWorkbooks` and commit the result.");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_committed_xlsx_reads_to_the_same_figures_as_the_csv_folder(string sample)
    {
        var (csv, xlsx) = PathsOf(sample);
        Assert.Equal(Dump(csv), Dump(xlsx));
    }

    [Fact]
    public void The_xls_fixture_reads_to_the_same_figures_as_the_csv_folder()
    {
        Assert.True(File.Exists(Repo.SampleXls), $"{Repo.SampleXls} is missing: see tests/ReportGen.Tests/TestFiles/README.md.");
        Assert.Equal(Dump(Repo.SampleCsvFolder), Dump(Repo.SampleXls));
    }

    [Fact]
    public void The_xlsx_stores_amounts_as_numbers()
    {
        var sheet = WorkbookLoader.Load(Repo.SampleXlsx).Find("预算执行")!;
        Assert.IsType<double>(sheet.Value(2, 4));
        Assert.Equal(231.42d, sheet.Value(2, 4));
        Assert.IsType<string>(sheet.Value(2, 1));
    }

    [Fact]
    public void A_builder_workbook_reads_the_same_from_xlsx_csv_and_memory()
    {
        var book = WorkbookBuilder.Create()
            .Info("主要职责", "（一）第一条。\n（二）第二条，含逗号和\"引号\"。")
            .Basic("基本支出", 231.42m, 18.56m, 245.8m)
            .Project("文明经费", 50m, 72.51m, 82.48m, alias: "文明建设经费", purpose: "文明建设和文明创建工作相关业务支出")
            .Line("秋瑾故居修复提质工程经费", "项目支出", "0", "22.74", "22.74", "19.68", "3.06", "年中追加")
            .Target("文明建设经费", 50m)
            .Indicator("文明建设经费", "产出指标", "数量指标", "新增规上住宿业企业", "2家")
            .Indicator(null, null, null, "工作及时完成率", "100%");
        using var temp = new TempDir();
        var memory = AnalysisDump.Of(GenerateJob.Analyze(book.Read()));
        Assert.Equal(memory, Dump(book.WriteXlsx(temp.File("b.xlsx"))));
        Assert.Equal(memory, Dump(book.WriteCsvFolder(temp.File("b"))));
    }
}
