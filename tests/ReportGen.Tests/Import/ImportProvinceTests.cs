using ReportGen.Import;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Import;

/// <summary>Other provinces' forms imported into a new workbook: Guangdong passes check, Hebei names its unit.</summary>
public sealed class ImportProvinceTests
{
    [Fact]
    public void A_freshly_imported_guangdong_workbook_passes_check()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("荔湾2023.xlsx");
        ImportJob.Run(new ImportRequest([fixture.LiwanDocx()], target));

        var check = CliHarness.Run("check", target);

        Assert.DoesNotContain("RG150", check.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("附表1", check.Output, StringComparison.Ordinal);
        Assert.Contains("中国共产党广州市荔湾区委员会宣传部", check.Output, StringComparison.Ordinal);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public void A_guangdong_total_that_does_not_match_its_income_sources_is_named_without_hunan_words()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("荔湾2023.xlsx");
        var path = fixture.PathOf("荔湾错.docx");
        DocxFormBuilder.Write(path, PublishedForms.LiwanBlocks.Select(block => block is FormGrid grid
            ? new FormGrid(grid.Rows.Select(row => row.Select(c => c == "财政拨款收入(元)：28,036,202.00" ? "财政拨款收入(元)：27,036,202.00" : c).ToArray()).ToList())
            : block).ToList());
        ImportJob.Run(new ImportRequest([path], target));

        var check = CliHarness.Run("check", target);

        Assert.Contains("RG150", check.Output, StringComparison.Ordinal);
        Assert.Contains("年初资金总额 2803.62万元 不等于按收入性质各项之和 2703.62万元（财政拨款收入、财政专户管理资金、其他资金）", check.Output, StringComparison.Ordinal);
    }

    private static FormGrid HebeiOf(string unitLine, string owner = "")
    {
        var rows = PublishedForms.Hebei().Rows.Select(row => row.ToArray()).ToList();
        rows[2] = [unitLine, "<", "<", "<", "<", "单位：万元", "<"];
        rows[4][1] = owner;
        return new FormGrid(rows);
    }

    [Fact]
    public void A_hebei_form_takes_its_department_from_the_unit_in_its_header()
    {
        using var fixture = new FormFixture();
        var path = fixture.PathOf("曹妃甸.docx");
        DocxFormBuilder.Write(path, [HebeiOf("211001中共曹妃甸区委宣传部本级")]);
        var target = fixture.PathOf("曹妃甸.xlsx");

        var result = ImportJob.Run(new ImportRequest([path], target));

        Assert.Equal("中共曹妃甸区委宣传部", result.Content.DepartmentName);
        var info = WorkbookLoader.Load(target).Find("基本信息")!;
        Assert.Contains(Enumerable.Range(1, info.Rows.Count), row => info.Text(row, 1) == "部门名称" && info.Text(row, 2) == "中共曹妃甸区委宣传部");
        var output = new StringWriter();
        ImportSummaryRenderer.Render(result, output);
        Assert.Contains("部门：中共曹妃甸区委宣传部", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Hebei_forms_of_two_units_are_refused_naming_both()
    {
        using var fixture = new FormFixture();
        var first = fixture.PathOf("211001.docx");
        var second = fixture.PathOf("211005.docx");
        DocxFormBuilder.Write(first, [HebeiOf("211001中共曹妃甸区委宣传部本级")]);
        var other = HebeiOf("211005曹妃甸区融媒体中心");
        other.Rows[3][4] = "融媒体中心运转经费";
        DocxFormBuilder.Write(second, [other]);
        var target = fixture.PathOf("合.xlsx");

        var error = Assert.Throws<InputException>(() => ImportJob.Run(new ImportRequest([first, second], target)));

        Assert.Contains("211001 中共曹妃甸区委宣传部本级", error.Message, StringComparison.Ordinal);
        Assert.Contains("211005 曹妃甸区融媒体中心", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void One_Hebei_file_carrying_two_units_is_refused_naming_the_file_and_both_units_not_split()
    {
        using var fixture = new FormFixture();
        var both = fixture.PathOf("曹妃甸两单位.docx");
        var other = HebeiOf("211005曹妃甸区融媒体中心");
        other.Rows[3][4] = "融媒体中心运转经费";
        DocxFormBuilder.Write(both, [HebeiOf("211001中共曹妃甸区委宣传部本级"), other]);
        var target = fixture.PathOf("合.xlsx");

        var error = Assert.Throws<InputException>(() => ImportJob.Run(new ImportRequest([both], target)));

        Assert.Equal(FailureKind.Input, error.Kind);
        Assert.Contains("目标表属于 2 个预算单位", error.Message, StringComparison.Ordinal);
        Assert.Contains("211001 中共曹妃甸区委宣传部本级（曹妃甸两单位.docx", error.Message, StringComparison.Ordinal);
        Assert.Contains("211005 曹妃甸区融媒体中心（曹妃甸两单位.docx", error.Message, StringComparison.Ordinal);
        Assert.Contains("分别导入各自的工作簿", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(fixture.PathOf("211001.xlsx")));
        Assert.Equal([both], Directory.GetFiles(fixture.Folder));
    }
}
