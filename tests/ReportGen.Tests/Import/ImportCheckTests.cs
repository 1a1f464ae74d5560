using ReportGen.Import;
using ReportGen.Model;

namespace ReportGen.Tests.Import;

/// <summary>The RG5xx checks on imported forms, each failing and passing.</summary>
public class ImportCheckTests
{
    private static IReadOnlyList<Finding> Check(FormSet set) => FormImportValidator.Validate(set, ImportContent.From(set));

    private static string Write(FormFixture fixture, string name, params FormGrid[] grids)
    {
        var path = fixture.PathOf(name);
        DocxFormBuilder.Write(path, grids);
        return path;
    }

    private static FormGrid Replace(FormGrid grid, string from, string to) =>
        new(grid.Rows.Select(row => row.Select(cell => cell == from ? to : cell).ToArray()).ToList());

    [Fact]
    public void Import_finds_the_Shifeng_calculation_text_that_says_15_over_items_of_20()
    {
        using var fixture = new FormFixture();
        var findings = Check(FormFixture.Read(fixture.ShifengDocx()));

        var finding = Assert.Single(findings);
        Assert.Equal((FindingCodes.ImportCalculationText, Severity.Error), (finding.Code, finding.Severity));
        Assert.Contains("户外公益广告制作", finding.Message, StringComparison.Ordinal);
        Assert.Contains("共计15万元", finding.Message, StringComparison.Ordinal);
        Assert.Contains("10 + 7 + 3", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("党的二十大精神大型宣传喷绘10万元；文明创建宣传栏7万元；重大项目3万元，共计15万元", 20, 15, 3)]
    [InlineData("各镇街开展文艺展演活动1万元*8，奖励物资7万元，共计15万", 15, 15, 2)]
    [InlineData("全年开展60场文明实践志愿服务活动，2500元*60场，共计15万元", 15, 15, 1)]
    [InlineData("每月至少组织一次区委理论中心组学习，0.8万*12次=9.6万元", 9.6, 9.6, 0)]
    public void Import_reads_stated_totals_and_items_of_calculation_texts(string text, decimal items, decimal stated, int count)
    {
        var parsed = CalculationTextParser.Parse(text, FormUnit.TenThousandYuan);

        Assert.Equal(stated, parsed.StatedTotal);
        Assert.Equal(count < 2 ? 0 : items, parsed.Items.Sum());
        Assert.Empty(parsed.WrongProducts);
    }

    [Fact]
    public void Import_finds_a_product_whose_arithmetic_is_wrong()
    {
        var parsed = CalculationTextParser.Parse("1.35*4次=5.6万", FormUnit.TenThousandYuan);

        Assert.Equal((5.4m, 5.6m), (parsed.WrongProducts.Single().Computed, parsed.WrongProducts.Single().Stated));
    }

    [Fact]
    public void Import_compares_table1_project_spending_with_the_projects()
    {
        using var fixture = new FormFixture();
        var table1 = Replace(PublishedForms.Table1, "95", "90");
        var path = Write(fixture, "rg501.docx", table1, PublishedForms.Summary);

        var finding = Assert.Single(Check(FormFixture.Read(path)), f => f.Code == FindingCodes.ImportProjectTotal);
        Assert.Contains("90.00", finding.Message, StringComparison.Ordinal);
        Assert.Contains("95.00", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Check(FormFixture.Read(Write(fixture, "ok.docx", PublishedForms.Table1, PublishedForms.Summary))), f => f.Code == FindingCodes.ImportProjectTotal);
    }

    [Fact]
    public void Import_compares_table1_total_with_its_parts()
    {
        using var fixture = new FormFixture();
        var path = Write(fixture, "rg502.docx", Replace(PublishedForms.Table1, "231.42", "230.42"));

        Assert.Contains(Check(FormFixture.Read(path)), f => f.Code == FindingCodes.ImportDepartmentTotal);
    }

    [Fact]
    public void Import_finds_details_that_do_not_add_up_to_the_project_amount()
    {
        using var fixture = new FormFixture();
        var path = Write(fixture, "rg504.docx", Replace(PublishedForms.Ideology, "9.6万", "8.6万"));

        var codes = Check(FormFixture.Read(path)).Select(f => f.Code).ToList();
        Assert.Contains(FindingCodes.ImportDetailSum, codes);
        Assert.Contains(FindingCodes.ImportCalculationText, codes); // "0.8万*12次=9.6万元" no longer matches 8.6万
    }

    [Fact]
    public void Import_compares_summary_total_and_summary_lines_with_table3()
    {
        using var fixture = new FormFixture();
        var summary = new FormGrid(PublishedForms.Summary.Rows.Select(row => row[1] == "融媒体中心专项经费" && row[0] == "1" ? row.Select(c => c == "30" ? "35" : c).ToArray() : row).ToList());
        var path = Write(fixture, "rg506.docx", summary, PublishedForms.Media);

        var findings = Check(FormFixture.Read(path)).Where(f => f.Code == FindingCodes.ImportSummaryTotal).ToList();
        Assert.Equal(2, findings.Count); // 合计 95 vs 100, and 35 in the 汇总表 vs 30 in 附表3
    }

    [Fact]
    public void Import_flags_target_values_left_as_form_prompts_but_not_no_direct_benefit()
    {
        using var fixture = new FormFixture();
        var grid = Replace(Replace(PublishedForms.Media, "≥3000篇", "全年宣传报道"), "不断优化", "目标内容1");
        var findings = Check(FormFixture.Read(Write(fixture, "rg505.docx", grid))).Where(f => f.Code == FindingCodes.ImportPromptText).ToList();

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Null(FormImportValidator.PromptReason(new FormIndicator("效益指标", "经济效益指标", "无直接经济效益", "无直接经济效益", SourceLocation.None)));
        Assert.NotNull(FormImportValidator.PromptReason(new FormIndicator("产出指标", "数量指标", "指标2", "……", SourceLocation.None)));
    }

    [Fact]
    public void Import_checks_hebei_funding_split_and_cumulative_plan()
    {
        using var fixture = new FormFixture();
        var good = Check(FormFixture.Read(Write(fixture, "hebei.docx", PublishedForms.Hebei())));
        var bad = Check(FormFixture.Read(Write(fixture, "hebei-bad.docx", Replace(PublishedForms.Hebei("60%"), "20.00", "25.00"))));

        Assert.Empty(good);
        Assert.Contains(bad, f => f.Code == FindingCodes.ImportFundingSplit);
        Assert.Contains(bad, f => f.Code == FindingCodes.ImportSpendingPlan);
    }
}
