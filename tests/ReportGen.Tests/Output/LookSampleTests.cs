using ReportGen.Output;

namespace ReportGen.Tests.Output;

public class LookSampleTests
{
    /// <summary>
    /// Writes the sample to look at in LibreOffice (/work/shared/tools/docx-to-png) when
    /// REPORTGEN_DOCX_LOOK names a folder; otherwise it only checks that the long sample writes.
    /// </summary>
    [Fact]
    public void Writes_the_look_sample()
    {
        using var stream = new MemoryStream();
        DocxWriter.Write(SampleReports.ForLooking(), stream, DocxLayout.Default);
        Assert.True(stream.Length > 0);
        if (Environment.GetEnvironmentVariable("REPORTGEN_DOCX_LOOK") is { Length: > 0 } folder)
        {
            DocxWriter.WriteFile(SampleReports.ForLooking(), Path.Combine(folder, "sample.docx"), DocxLayout.Default);
        }
    }
}
