using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using ReportGen.Analysis;
using ReportGen.Input;
using ReportGen.Model;

namespace ReportGen.Tests.Analysis;

/// <summary>The identities of docs/domain.md §3 and the amount grammar, over generated inputs (FsCheck, fixed runs).</summary>
public sealed class FigurePropertyTests
{
    private static BudgetLine Line(int index, long initialCents, long adjustmentCents, long actualCents) => new()
    {
        Name = "项目" + index,
        Category = index % 3 == 0 ? ExpenseCategory.Basic : ExpenseCategory.Project,
        Source = LineSource.Initial,
        InitialBudget = Math.Abs(initialCents) / 100m,
        AdjustmentGiven = adjustmentCents / 100m,
        Actual = Math.Abs(actualCents) / 100m,
        Location = new SourceLocation("t.xlsx", "预算执行", index + 2),
    };

    [Fact]
    public void Totals_are_the_sums_of_their_lines_and_every_identity_holds()
    {
        Prop.ForAll<(long, long, long)[]>(values =>
        {
            var lines = values.Select((v, i) => Line(i, v.Item1, v.Item2, v.Item3)).ToList();
            var figures = VarianceCalculator.Calculate(lines);
            var identities = figures.Lines.All(f =>
                f.Amounts.Final == f.Amounts.Initial + f.Amounts.Adjustment
                && f.Amounts.CarryOver == f.Amounts.Final - f.Amounts.Actual);
            var d = figures.Department;
            var sums = d == figures.Basic + figures.Projects
                       && d.Actual == lines.Sum(l => l.Actual)
                       && d.Final == lines.Sum(l => l.FinalBudget)
                       && d.CarryOver == d.Final - d.Actual
                       && figures.ProjectCount == lines.Count(l => l.Category == ExpenseCategory.Project);
            return identities && sums;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_two_decimal_amount_survives_separators_full_width_digits_and_yuan()
    {
        Prop.ForAll<long>(cents =>
        {
            var wan = cents / 100m;
            var grouped = wan.ToString("#,0.00", CultureInfo.InvariantCulture);
            var fullWidth = string.Concat(grouped.Select(c => c is >= '0' and <= '9' ? (char)(c + 0xFEE0) : c));
            var yuan = (wan * 10000m).ToString("#,0.00", CultureInfo.InvariantCulture);
            return AmountParser.Parse(grouped, false).Value == wan
                   && AmountParser.Parse(fullWidth, false).Value == wan
                   && AmountParser.Parse(yuan, true).Value == wan
                   && AmountParser.Parse(grouped + "万元", true).Value == wan;
        }).QuickCheckThrowOnFailure();
    }
}
