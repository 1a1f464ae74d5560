using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Every statement compares the value as the report prints it (两位小数, 四舍五入): an execution rate of 89.996%
/// prints 90.00% and is not 低于90%; an overspend of 0.004 万元 prints as none. Names indented with spaces (ASCII or
/// full-width) are lines of their own unless they add up to the line above (docs/workbook.md, "其中 rows").
/// </summary>
public sealed class HostileStatementTests
{
    private static WorkbookBuilder Book() => WorkbookBuilder.Create().Basic("基本支出", 20m, 0m, 20m);

    [Theory]
    [InlineData(89.996, false)]
    [InlineData(89.995, false)]
    [InlineData(89.994, true)]
    public void A_rate_is_low_only_when_the_printed_rate_is_below_90(double actual, bool low)
    {
        var analysis = Book().Project("文明经费", 100m, 0m, (decimal)actual).Analyze();

        var line = analysis.Figures.Lines.Single(l => l.Name == "文明经费");
        Assert.Equal(low, line.LowRate);
        Assert.Equal(low, ShortfallFinder.Find(analysis).Any(shortfall => shortfall.Kind == ShortfallKind.LowRate));
        Assert.Equal(low, analysis.Findings.Any(f => f.Code == FindingCodes.LowRateWithoutNote));
        if (!low)
        {
            Assert.Equal("90.00%", Money.FormatPercent(line.Amounts.ExecutionRate));
        }
    }

    [Fact]
    public void A_department_rate_printed_as_90_00_percent_is_not_a_shortfall()
    {
        var analysis = WorkbookBuilder.Create().Basic("基本支出", 100m, 0m, 89.996m).Analyze();

        Assert.DoesNotContain(ShortfallFinder.Find(analysis), shortfall => shortfall.Kind == ShortfallKind.DepartmentLowRate);
    }

    [Theory]
    [InlineData(50.004, false, 0)]
    [InlineData(50.006, true, 0.01)]
    [InlineData(50.5, true, 0.5)]
    public void An_overspend_is_what_the_printed_figures_show(double actual, bool overspent, double shown)
    {
        var analysis = Book().Line("文明经费", "项目支出", 50m, 0m, 50m, (decimal)actual, 50m - (decimal)actual, note: "已报批").Analyze();

        var line = analysis.Figures.Lines.Single(l => l.Name == "文明经费");
        Assert.Equal(overspent, line.Overspent);
        Assert.Equal(overspent, analysis.Findings.Any(f => f.Code == FindingCodes.Overspend));
        // What a template sees as the line's amounts.overspend.
        var script = ScriptModelBuilder.Build(TemplateModelBuilder.Build(analysis));
        var lines = Assert.IsType<Scriban.Runtime.ScriptArray>(script["lines"]);
        var scriptLine = lines.OfType<Scriban.Runtime.ScriptObject>().Single(l => Equals(l["name"], "文明经费"));
        var amounts = Assert.IsType<Scriban.Runtime.ScriptObject>(scriptLine["amounts"]);
        var overspend = Assert.IsType<decimal>(amounts["overspend"]);
        Assert.Equal((decimal)shown, overspend);
        if (overspent)
        {
            Assert.NotEqual("0.00", Money.Format(overspend));
        }
    }

    [Theory]
    [InlineData("　　送戏下乡")]
    [InlineData("    送戏下乡")]
    [InlineData("\u00A0\u00A0送戏下乡")]
    public void An_indented_line_that_does_not_add_up_to_the_line_above_is_a_line_of_its_own(string name)
    {
        var analysis = Book().Project("文明经费", 50m, 0m, 48m).Project(name, 9.5m, 0m, 9.5m).Analyze();

        var line = Assert.Single(analysis.Workbook.Lines, l => l.Name == "送戏下乡");
        Assert.Equal(9.5m, line.InitialBudget);
        Assert.Equal(79.5m, analysis.Figures.Department.Final);
        Assert.Equal(77.5m, analysis.Figures.Department.Actual);
        Assert.DoesNotContain(analysis.Findings, f => f.Code == FindingCodes.DetailsDoNotSum);
    }

    [Fact]
    public void Indented_rows_that_add_up_to_the_line_above_stay_its_breakdown()
    {
        var analysis = Book().Project("文明经费", 50m, 0m, 48m).Project("　　送戏下乡", 30m, 0m, 28m).Project("　　图书购置", 20m, 0m, 20m).Analyze();

        Assert.DoesNotContain(analysis.Workbook.Lines, l => l.Name.Contains("送戏下乡", StringComparison.Ordinal));
        Assert.Equal(70m, analysis.Figures.Department.Final);
    }
}
