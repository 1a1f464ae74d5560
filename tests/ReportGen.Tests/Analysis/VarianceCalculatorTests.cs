using ReportGen.Analysis;
using ReportGen.Model;

namespace ReportGen.Tests.Analysis;

public sealed class VarianceCalculatorTests
{
    private static BudgetLine Line(string name, decimal initial, decimal? adjustment, decimal? final, decimal actual,
        ExpenseCategory category = ExpenseCategory.Project, LineSource? source = null) => new()
        {
            Name = name,
            Category = category,
            Source = source ?? (initial > 0 ? LineSource.Initial : LineSource.MidYear),
            InitialBudget = initial,
            AdjustmentGiven = adjustment,
            FinalBudgetGiven = final,
            Actual = actual,
            Location = new SourceLocation("t.xlsx", "预算执行", 2),
        };

    [Fact]
    public void Final_budget_is_initial_plus_adjustment_and_carry_over_is_final_minus_actual()
    {
        var figures = VarianceCalculator.Calculate([Line("融媒体中心专项经费", 30m, 8.72m, null, 38.57m)]);
        var a = Assert.Single(figures.Lines).Amounts;
        Assert.Equal(38.72m, a.Final);
        Assert.Equal(0.15m, a.CarryOver);
        Assert.Equal(38.57m / 38.72m, a.ExecutionRate);
    }

    [Fact]
    public void Adjustment_is_derived_from_a_given_final_budget()
    {
        var a = VarianceCalculator.Calculate([Line("文明经费", 50m, null, 122.51m, 82.48m)]).Lines[0].Amounts;
        Assert.Equal(72.51m, a.Adjustment);
        Assert.Equal(40.03m, a.CarryOver);
    }

    [Fact]
    public void Without_adjustment_or_final_the_final_budget_is_the_initial_one()
    {
        var a = VarianceCalculator.Calculate([Line("a", 10m, null, null, 4m)]).Lines[0].Amounts;
        Assert.Equal(0m, a.Adjustment);
        Assert.Equal(10m, a.Final);
        Assert.Equal(6m, a.CarryOver);
    }

    [Fact]
    public void Sums_per_category_and_for_the_department_are_unrounded()
    {
        var figures = VarianceCalculator.Calculate(
        [
            Line("基本支出", 231.42m, 18.56m, null, 245.80m, ExpenseCategory.Basic),
            Line("p1", 0.004m, 0m, null, 0m),
            Line("p2", 0.004m, 0m, null, 0m),
        ]);
        Assert.Equal(0.008m, figures.Projects.Initial); // two parts rounding to 0.00 each, 0.01 in sum
        Assert.Equal(2, figures.ProjectCount);
        Assert.Equal(231.428m, figures.Department.Initial);
        Assert.Equal(249.98m, figures.Basic.Final);
        Assert.Single(figures.BasicLines);
    }

    [Fact]
    public void Execution_rate_is_null_when_the_final_budget_is_zero()
    {
        var line = VarianceCalculator.Calculate([Line("空", 0m, 0m, null, 0m)]).Lines[0];
        Assert.Null(line.Amounts.ExecutionRate);
        Assert.False(line.LowRate);
        Assert.False(line.LargeCarryOver);
        Assert.Equal("—", Money.FormatPercent(line.Amounts.ExecutionRate));
    }

    [Theory]
    [InlineData(30, 8.72, AdjustmentKind.Increase)]
    [InlineData(30, -5, AdjustmentKind.Decrease)]
    [InlineData(30, 0, AdjustmentKind.None)]
    [InlineData(0, 22.74, AdjustmentKind.MidYear)]
    public void Adjustment_kind_follows_the_sign_and_the_source(double initial, double adjustment, AdjustmentKind expected)
    {
        Assert.Equal(expected, VarianceCalculator.KindOf(Line("x", (decimal)initial, (decimal)adjustment, null, 0m)));
    }

    [Fact]
    public void A_line_marked_mid_year_is_mid_year_whatever_its_initial_budget()
    {
        Assert.Equal(AdjustmentKind.MidYear, VarianceCalculator.KindOf(Line("x", 5m, 1m, null, 0m, source: LineSource.MidYear)));
    }

    [Fact]
    public void Attention_flags_low_rate_large_carry_over_and_overspend()
    {
        var figures = VarianceCalculator.Calculate(
        [
            Line("低", 100m, 0m, null, 89.99m),
            Line("正好", 100m, 0m, null, 90m),
            Line("超", 10m, 0m, null, 10.5m),
        ]);
        Assert.True(figures.Lines[0].LowRate);
        Assert.False(figures.Lines[0].LargeCarryOver); // 10.01% carried
        Assert.False(figures.Lines[1].LowRate);
        Assert.True(figures.Lines[2].Overspent);
        Assert.False(figures.Lines[2].LowRate);
    }

    [Fact]
    public void Large_carry_over_starts_at_a_fifth_of_the_final_budget()
    {
        var figures = VarianceCalculator.Calculate([Line("a", 100m, 0m, null, 80m), Line("b", 100m, 0m, null, 80.01m)]);
        Assert.True(figures.Lines[0].LargeCarryOver);
        Assert.False(figures.Lines[1].LargeCarryOver);
    }

    [Fact]
    public void Target_names_are_attached_to_their_lines()
    {
        var line = Line("文明经费", 50m, 72.51m, null, 82.48m);
        var figures = VarianceCalculator.Calculate([line], new Dictionary<BudgetLine, string> { [line] = "文明建设经费" });
        Assert.Equal("文明建设经费", figures.Lines[0].TargetName);
    }
}
