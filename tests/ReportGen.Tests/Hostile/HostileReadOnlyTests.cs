using System.Security.Cryptography;
using ReportGen.Tests.Import;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Guarantees: inputs are only ever read. Every file a command is given (workbook, forms, template and
/// its partials, style reference) has the same bytes and modification time afterwards, whether the command
/// succeeded or failed.
/// </summary>
public sealed class HostileReadOnlyTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, (string Hash, DateTime Modified)> Snapshot(params string[] paths) =>
        paths.SelectMany(path => Directory.Exists(path) ? Directory.GetFiles(path, "*", SearchOption.AllDirectories) : [path])
            .ToDictionary(file => file, file => (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))), File.GetLastWriteTimeUtc(file)));

    private string Copy(string source, string name)
    {
        var target = _temp.File(name);
        if (Directory.Exists(source))
        {
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
                File.Copy(file, Path.Combine(target, relative));
            }
        }
        else
        {
            File.Copy(source, target);
        }

        return target;
    }

    private static void AssertUnchanged(Dictionary<string, (string Hash, DateTime Modified)> before)
    {
        var after = Snapshot([.. before.Keys]);
        foreach (var (file, state) in before)
        {
            Assert.True(state == after[file], $"{file} was modified");
        }
    }

    [Fact]
    public void Hostile_generate_check_and_preview_never_modify_the_workbook_or_the_template()
    {
        var xlsx = Copy(Repo.SampleXlsx, "石峰.xlsx");
        var xls = Copy(Repo.SampleXls, "石峰.xls");
        var csv = Copy(Repo.SampleCsvFolder, "石峰");
        var templates = Copy(Path.Combine(Repo.Root, "templates"), "templates");
        var style = _temp.File("参考.docx");
        Assert.Equal(0, CliHarness.Run("generate", Repo.SampleXlsx, "-o", style).ExitCode);
        var before = Snapshot(xlsx, xls, csv, templates, style);

        foreach (var workbook in new[] { xlsx, xls, csv })
        {
            Assert.Equal(0, CliHarness.Run("generate", workbook, "-o", _temp.File("报告.docx"), "--template", Path.Combine(templates, "default.sbn"), "--style", style).ExitCode);
            Assert.Equal(0, CliHarness.Run("check", workbook).ExitCode);
            Assert.Equal(0, CliHarness.Run("preview", workbook).ExitCode);
            // A failed run (output folder missing) must not touch the inputs either.
            Assert.Equal(2, CliHarness.Run("generate", workbook, "-o", _temp.File("无/报告.docx"), "--template", Path.Combine(templates, "sichuan.sbn")).ExitCode);
        }

        AssertUnchanged(before);
    }

    [Fact]
    public void Hostile_import_never_modifies_the_forms()
    {
        var docx = _temp.File("附表.docx");
        DocxFormBuilder.Write(docx, PublishedForms.LiwanBlocks);
        var xlsx = _temp.File("附表.xlsx");
        XlsxFormBuilder.Write(xlsx, [("附表", PublishedForms.Shifeng)]);
        var forms = Path.Combine(Repo.Root, "tests", "ReportGen.Tests", "Import", "TestFiles");
        var xls = Copy(Path.Combine(forms, "石峰目标表-libreoffice.xls"), "目标表.xls");
        var hebei = Copy(Path.Combine(forms, "hebei-python-docx.docx"), "河北.docx");
        var before = Snapshot(docx, xlsx, xls, hebei);

        CliHarness.Run("import", docx, xlsx, xls, hebei, "--into", _temp.File("工作簿.xlsx")).AssertNoStackTrace();
        CliHarness.Run("import", xls, "--into", _temp.File("工作簿.xlsx")).AssertNoStackTrace();
        CliHarness.Run("import", docx, "--into", _temp.File("无/工作簿.xlsx")).AssertNoStackTrace();

        AssertUnchanged(before);
        Assert.True(File.Exists(_temp.File("工作簿.xlsx")));
    }
}
