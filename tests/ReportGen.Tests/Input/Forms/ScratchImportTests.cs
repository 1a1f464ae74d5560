using ReportGen.Input.Forms;

namespace ReportGen.Tests.Input.Forms;

public class ScratchImportTests
{
    [Fact]
    public void Scratch()
    {
        using var fixture = new FormFixture();
        foreach (var path in new[] { fixture.ShifengDocx(), fixture.ShifengXlsx(), fixture.LiwanDocx() })
        {
            var request = new ImportRequest([path], fixture.PathOf(Path.GetFileNameWithoutExtension(path) + "-wb.xlsx"));
            var result = FormImporter.Run(request);
            var writer = new StringWriter();
            ImportSummaryRenderer.Render(result, writer);
            File.WriteAllText("/tmp/import-scratch-" + Path.GetExtension(path).Trim('.') + Path.GetFileNameWithoutExtension(path)[..2] + ".txt", writer.ToString() + "\n----\n" + FormFixture.Dump(request.TargetPath));
        }
    }
}
