using BenchmarkDotNet.Attributes;
using ReportGen.Analysis;
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
    internal sealed class Stages(string workbook)
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

    private Stages _stages = null!;
    private WorkbookData _data = null!;
    private DepartmentAnalysis _analysis = null!;
    private ReportDocument _document = null!;

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

        _stages = new Stages(workbook);
        _data = _stages.Read();
        _analysis = _stages.Compute(_data);
        _document = _stages.Render(_analysis);
    }

    // object: the workbook's cells are an internal type of the library; BenchmarkDotNet wants public methods.
    [Benchmark]
    public object Read() => _stages.Read();

    [Benchmark]
    public DepartmentAnalysis Compute() => _stages.Compute(_data);

    [Benchmark]
    public ReportDocument Render() => _stages.Render(_analysis);

    [Benchmark]
    public void Write() => _stages.Write(_document);
}
