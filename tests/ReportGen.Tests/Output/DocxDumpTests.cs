using ReportGen.Output;

namespace ReportGen.Tests.Output;

public class DocxDumpTests
{
    [Fact]
    public void Print()
    {
        File.WriteAllText("/tmp/docx-look/small-dump.txt", DocxDump.Dump(new MemoryStream(DocxWriterTests.WriteBytes(SampleReports.Small()))));
    }
}
