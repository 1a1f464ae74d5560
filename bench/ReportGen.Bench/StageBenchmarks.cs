using ReportGen.Analysis;
using BenchmarkDotNet.Attributes;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Rendering;

namespace ReportGen.Bench;

/// <summary>
/// The four stages of one report, each measured alone on the sample and on the large department:
/// reading the workbook, computing (figures, checks, scores), rendering the narrative and tables, writing the .docx.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    /// <summary>One workbook's stages, shared by the benchmarks and the quick <c>stages</c> split.</summary>
    public sealed class Stages(string workbook)
    {
        public WorkbookData Read() => WorkbookLoader.Load(workbook);

        public DepartmentAnalysis Compute(WorkbookData data) => GenerateJob.Analyze(ExecutionWorkbookReader.Read(data));

        // Compiled, as a batch renders: these stages measure the steady state, one report after another.
        public ReportDocument Render(DepartmentAnalysis analysis) =>
            ReportRenderer.Render(analysis, Repository.DefaultTemplate);

        public void Write(ReportDocument document)
        {
            using var stream = new MemoryStream();
            DocxWriter.Write(document, stream, DocxLayout.Default);
        }
    }

    [Params("sample", "large")]
    public string Department { get; set; } = "sample";

    private Stages stages = null!;
    private WorkbookData data = null!;
    private DepartmentAnalysis analysis = null!;
    private ReportDocument document = null!;

    [GlobalSetup]
    public void Setup()
    {
        var workbook = Repository.Sample;
        if (Department == "large")
        {
            workbook = Path.Combine(Path.GetTempPath(), "reportgen-bench-large.xlsx");
            if (!File.Exists(workbook))
            {
                LargeDepartment.Write(workbook);
            }
        }

        stages = new Stages(workbook);
        data = stages.Read();
        analysis = stages.Compute(data);
        document = stages.Render(analysis);
    }

    [Benchmark]
    public WorkbookData Read() => stages.Read();

    [Benchmark]
    public DepartmentAnalysis Compute() => stages.Compute(data);

    [Benchmark]
    public ReportDocument Render() => stages.Render(analysis);

    [Benchmark]
    public void Write() => stages.Write(document);
}
