using ReportGen.Import;
using ReportGen.Model;
using ReportGen.Tests.Import;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// <c>import</c> never loses or overwrites the clerk's work (docs/import.md, "One department, one year" and "While
/// the workbook is open"): forms of another department or year are refused with both named (--force proceeds),
/// forms of several departments or years in one run are refused, a workbook open in Excel, WPS or LibreOffice is
/// refused naming the program, two imports at once are serialised, and --into a symbolic link updates the linked
/// workbook and keeps the link.
/// </summary>
public sealed class HostileImportTests : IDisposable
{
    private readonly FormFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static FormGrid Replace(FormGrid grid, string from, string to) =>
        new(grid.Rows.Select(row => row.Select(cell => cell.Replace(from, to, StringComparison.Ordinal)).ToArray()).ToList());

    private string Copy(string source, string name)
    {
        var path = _fixture.PathOf(name);
        File.Copy(source, path, overwrite: true);
        File.SetLastWriteTimeUtc(path, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        return path;
    }

    private static CliResult Refused(string workbook, string[] expected, params string[] args)
    {
        var before = File.ReadAllBytes(workbook);
        var time = File.GetLastWriteTimeUtc(workbook);
        var result = CliHarness.Run(args);
        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("错误：", result.Error, StringComparison.Ordinal);
        foreach (var text in expected)
        {
            Assert.Contains(text, result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, File.ReadAllBytes(workbook));
        Assert.Equal(time, File.GetLastWriteTimeUtc(workbook));
        return result;
    }

    [Fact]
    public void Forms_of_another_department_are_refused_naming_both_and_force_proceeds()
    {
        var workbook = Copy(Repo.ExampleXlsx, "示例县文化旅游局2024.xlsx");
        var forms = _fixture.ShifengDocx();

        Refused(workbook, ["中共株洲市石峰区委员会宣传部", "示例县文化旅游局", "--force", "没有写入"], "import", forms, "--into", workbook);

        var forced = CliHarness.Run("import", forms, "--into", workbook, "--force");
        forced.AssertNoStackTrace();
        Assert.NotEqual(2, forced.ExitCode);
        Assert.NotEqual(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), File.GetLastWriteTimeUtc(workbook));
    }

    [Fact]
    public void Forms_of_another_year_are_refused_naming_both_years()
    {
        var workbook = Copy(Repo.SampleXlsx, "石峰2023.xlsx");
        var path = _fixture.PathOf("2024目标表.docx");
        DocxFormBuilder.Write(path, [Replace(PublishedForms.Table1, "2023年", "2024年")]);

        Refused(workbook, ["2024 年", "2023 年", "--force"], "import", path, "--into", workbook);
    }

    [Fact]
    public void Forms_of_the_workbooks_own_department_and_year_are_imported()
    {
        var workbook = Copy(Repo.SampleXlsx, "石峰2023.xlsx");
        var result = ImportJob.Run(new ImportRequest([_fixture.ShifengDocx()], workbook));
        Assert.Equal(PublishedForms.Department, result.Content.DepartmentName);
    }

    [Fact]
    public void Forms_of_two_departments_or_two_years_in_one_run_are_refused()
    {
        var target = _fixture.PathOf("新.xlsx");
        var other = _fixture.PathOf("另一部门.docx");
        DocxFormBuilder.Write(other, [Replace(PublishedForms.Table1, PublishedForms.Department, "中共株洲市荷塘区委员会宣传部")]);
        var twoDepartments = CliHarness.Run("import", _fixture.ShifengDocx(), other, "--into", target);
        twoDepartments.AssertNoStackTrace();
        Assert.Equal(2, twoDepartments.ExitCode);
        Assert.Contains("2 个部门", twoDepartments.Error, StringComparison.Ordinal);
        Assert.Contains("荷塘区", twoDepartments.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));

        var hebei2024 = _fixture.PathOf("河北2024.docx");
        var hebei2025 = _fixture.PathOf("河北2025.docx");
        var hebei = PublishedForms.Hebei();
        DocxFormBuilder.Write(hebei2024, [hebei]);
        DocxFormBuilder.Write(hebei2025, [Replace(Replace(hebei, "2024年", "2031年"), "乡村文化振兴专项资金", "乡村文化振兴专项资金乙")]);
        var twoYears = CliHarness.Run("import", hebei2024, hebei2025, "--into", target);
        twoYears.AssertNoStackTrace();
        Assert.Equal(2, twoYears.ExitCode);
        Assert.Contains("2 个年度", twoYears.Error, StringComparison.Ordinal);
        Assert.Contains("2031年", twoYears.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData(".~lock.石峰2023.xlsx#", "LibreOffice（用户 张会计）")]
    [InlineData("~$石峰2023.xlsx", "Excel 或 WPS")]
    [InlineData("~$2023.xlsx", "Excel 或 WPS")]
    [InlineData(".~石峰2023.xlsx", "WPS")]
    public void A_workbook_open_in_another_program_is_refused_naming_it(string lockName, string program)
    {
        var workbook = Copy(Repo.SampleXlsx, "石峰2023.xlsx");
        File.WriteAllText(_fixture.PathOf(lockName), "张会计,host,zhang,07.12.2026 14:00,file:///home/zhang/.config/libreoffice/4;");

        Refused(workbook, [program, lockName, "保存并关闭"], "import", _fixture.ShifengDocx(), "--into", workbook);

        // A dry run writes nothing, so it still shows what would be imported (exit 1: the published forms' own errors).
        var dry = CliHarness.Run("import", _fixture.ShifengDocx(), "--into", workbook, "--dry-run");
        Assert.NotEqual(2, dry.ExitCode);
        Assert.DoesNotContain("保存并关闭", dry.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_import_waits_for_the_first_or_is_refused_never_lost()
    {
        var workbook = Copy(Repo.SampleXlsx, "石峰2023.xlsx");
        var forms = _fixture.ShifengDocx();
        var saved = TargetLock.Wait;
        try
        {
            TargetLock.Wait = TimeSpan.FromMilliseconds(300);
            using (TargetLock.Acquire(workbook))
            {
                var refused = Refused(workbook, ["另一个 reportgen import 正在写入", "没有写入"], "import", forms, "--into", workbook);
                Assert.Contains("石峰2023.xlsx", refused.Error, StringComparison.Ordinal);
            }

            // Two at the same moment: both end, each sees the other's result (the second one changes nothing).
            TargetLock.Wait = TimeSpan.FromSeconds(60);
            var fresh = _fixture.PathOf("新2023.xlsx");
            var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() => ImportJob.Run(new ImportRequest([forms], fresh)))).ToArray();
            var results = await Task.WhenAll(runs);
            Assert.Single(results, run => run.Written);
            Assert.Single(results, run => !run.Merge.Changed);
        }
        finally
        {
            TargetLock.Wait = saved;
        }
    }

    [UnixFact]
    public void Import_into_a_symbolic_link_updates_the_linked_workbook_and_keeps_the_link()
    {
        var folder = Directory.CreateDirectory(_fixture.PathOf("真实")).FullName;
        var real = Path.Combine(folder, "石峰2023.xlsx");
        var link = _fixture.PathOf("链接.xlsx");
        var result = ImportJob.Run(new ImportRequest([_fixture.ShifengDocx()], real));
        Assert.True(result.Written);
        var table = FormFixture.TestFile("石峰工作簿-libreoffice.xlsx");
        File.Copy(table, real, overwrite: true);
        File.CreateSymbolicLink(link, real);

        var linked = ImportJob.Run(new ImportRequest([_fixture.ShifengDocx()], link));

        Assert.True(linked.Written);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.NotEqual(File.ReadAllBytes(table), File.ReadAllBytes(real));

        var dangling = _fixture.PathOf("断开.xlsx");
        File.CreateSymbolicLink(dangling, _fixture.PathOf("不存在.xlsx"));
        var error = Assert.Throws<InputException>(() => ImportJob.Run(new ImportRequest([_fixture.ShifengDocx()], dangling)));
        Assert.Contains("不存在", error.Message, StringComparison.Ordinal);
        Assert.NotNull(new FileInfo(dangling).LinkTarget);
    }
}
