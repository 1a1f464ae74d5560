using ReportGen.Analysis.Indicators;
using ReportGen.Model;

namespace ReportGen.Tests.Analysis.Indicators;

public class DeviationNoteCheckTests
{
    private static BudgetLine Line(string name, LineSource source, decimal initial, decimal adjustment, decimal actual, string? note = null) => new()
    {
        Name = name,
        Category = ExpenseCategory.Project,
        Source = source,
        InitialBudget = initial,
        AdjustmentGiven = adjustment,
        Actual = actual,
        DeviationNote = note,
        Location = new SourceLocation("sample.xlsx", "预算执行", 3),
    };

    [Fact]
    public void Shifeng_lines_without_notes()
    {
        // seed 004 / shifeng-2023.md: 意识形态 15 + 111.32 = 126.32, spent 71.03 → 56.23%; 代理记账 0 + 0.48, spent 0.48.
        var findings = DeviationNoteCheck.Validate(
        [
            Line("意识形态工作专项经费", LineSource.Initial, 15m, 111.32m, 71.03m),
            Line("2023年区直部门代理记账服务费", LineSource.MidYear, 0m, 0.48m, 0.48m),
            Line("融媒体中心专项经费", LineSource.Initial, 30m, 8.72m, 38.57m, note: "宣传任务增加"),
        ]);
        Assert.Equal(
            [
                "RG320 意识形态工作专项经费：预算执行率56.23%，低于90%，未填写偏差原因",
                "RG321 意识形态工作专项经费：年中调增111.32万元，未填写偏差原因",
                "RG321 2023年区直部门代理记账服务费：年中追加0.48万元，未填写偏差原因",
            ],
            findings.Select(f => $"{f.Code} {f.Message}"));
    }

    [Theory]
    [InlineData(90, 100, null, false)]      // exactly 90%: no note needed
    [InlineData(89.99, 100, null, true)]
    [InlineData(458.04, 560.75, null, true)] // Shifeng department, 81.68%
    [InlineData(458.04, 560.75, "追加项目未完工", false)]
    public void Department_rate_below_90_needs_a_note(double actual, double budget, string? note, bool flagged)
    {
        var findings = DeviationNoteCheck.ValidateScope("部门整体", ScopeFacts.From((decimal)actual, (decimal)budget), note, SourceLocation.None);
        Assert.Equal(flagged, findings.Count == 1);
    }
}
