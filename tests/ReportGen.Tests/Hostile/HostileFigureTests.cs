using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Figures read as the cell shows them (docs/workbook.md, "Number formats" and "Numbers in text"): percent and 万
/// formats written into real .xlsx packages (<see cref="RawXlsx"/>), misplaced separators, negative and overlong
/// actuals. Row 2 of 预算执行 is 基本支出 20 万元; the row under test is row 3.
/// </summary>
public sealed class HostileFigureTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private DepartmentAnalysis Analyze(Action<RawXlsx.Sheet> lines, Action<RawXlsx>? more = null) =>
        RawXlsx.AnalyzeStandard(_temp, lines, more);

    /// <summary>A workbook whose 绩效指标 holds one 部门整体 row: 产出指标 / 质量指标 / 完成率, 分值 10.</summary>
    private DepartmentAnalysis AnalyzeIndicator(object target, object actual) => Analyze(_ => { }, book => book
        .AddSheet(WorkbookSchema.IndicatorsSheet)
        .Row(WorkbookBuilder.IndicatorHeader.Cast<object?>().ToArray())
        .Row(IndicatorRow.DepartmentScope, "产出指标", "质量指标", "完成率", target, actual, 10));

    private static Finding At(DepartmentAnalysis analysis, string code, string cell) =>
        Assert.Single(analysis.Findings, f => f.Code == code && f.Location.ToString() == cell);

    [Fact]
    public void Percent_typed_in_excel_as_an_actual_is_read_as_the_percent_it_shows_and_is_met()
    {
        // Excel stores a typed 96% as 0.96 with the built-in format 0% (numFmtId 9).
        var analysis = AnalyzeIndicator("≥95%", RawCell.Percent(0.96));

        var result = Assert.Single(analysis.DepartmentScore!.Results);
        Assert.Equal("96%", result.ActualText);
        Assert.Equal(IndicatorStatus.Met, result.Status);
        Assert.Equal(10m, result.Score);
    }

    [Fact]
    public void Percent_typed_in_excel_as_a_target_shows_as_that_percent()
    {
        var analysis = AnalyzeIndicator(RawCell.Formatted(0.95, "0%"), RawCell.Percent(0.9567, twoDecimals: true));

        Assert.Equal("95%", analysis.Workbook.Indicators.Single().Target);
        var result = Assert.Single(analysis.DepartmentScore!.Results);
        Assert.Equal("95.67%", result.ActualText); // the full value, never rounded before it is compared
        Assert.Equal(IndicatorStatus.Met, result.Status);
    }

    [Fact]
    public void Date_cell_as_an_actual_reads_as_the_date_it_shows()
    {
        var analysis = AnalyzeIndicator("2023年12月31日前", RawCell.Date(new DateTime(2023, 12, 20)));

        var result = Assert.Single(analysis.DepartmentScore!.Results);
        Assert.Equal("2023-12-20", result.ActualText);
        Assert.Equal(IndicatorStatus.Met, result.Status);
    }

    /// <summary>
    /// One percentage grammar (docs/architecture.md, "One reader per kind of value"): a percent typed in Excel, 0.2
    /// shown as 20%, is the share 20% in a 支出计划 and the value 20% in a 指标值; typed as text, 百分之二十, the same.
    /// </summary>
    [Fact]
    public void A_percent_cell_reads_as_the_same_percentage_as_a_share_and_as_an_indicator_value()
    {
        var analysis = Analyze(_ => { }, book =>
        {
            book.AddSheet(WorkbookSchema.PlanSheet).Row("项目名称", "3月底", "6月底", "10月底", "12月底")
                .Row("基本支出", RawCell.Percent(0.2), "百分之五十", RawCell.Formatted(0.8, "0.00%"), "100%");
            book.AddSheet(WorkbookSchema.IndicatorsSheet)
                .Row(WorkbookBuilder.IndicatorHeader.Cast<object?>().ToArray())
                .Row(IndicatorRow.DepartmentScope, "产出指标", "质量指标", "完成率", RawCell.Percent(0.2), "百分之二十", 10);
        });

        Assert.Equal([0.2m, 0.5m, 0.8m, 1m], Assert.Single(analysis.Workbook.SpendingPlan).Values);
        var result = Assert.Single(analysis.DepartmentScore!.Results);
        Assert.Equal("20%", analysis.Workbook.Indicators.Single().Target);
        Assert.Equal((20m, "%"), (result.Target.Number, result.Target.Unit));
        Assert.Equal((20m, "%"), (result.Actual!.Number, result.Actual.Unit));
        Assert.Equal(IndicatorStatus.Met, result.Status);
    }

    [Theory]
    [InlineData("0.00%")]
    [InlineData("0%")]
    public void Amount_cell_with_a_percent_format_is_RG110_naming_the_cell_not_an_amount(string format)
    {
        var analysis = Analyze(s => s.Row("文明经费", "项目支出", null, 50, 0, 50, RawCell.Formatted(0.8168, format), 0));

        var finding = At(analysis, "RG110", "预算执行!G3");
        Assert.Contains("百分比格式", finding.Message, StringComparison.Ordinal);
        Assert.Contains("实际支出数", finding.Message, StringComparison.Ordinal);
        Assert.True(analysis.HasErrors);
        Assert.Equal(0m, analysis.Workbook.Lines.Single(l => l.Name == "文明经费").Actual);
    }

    [Theory]
    [InlineData("0!.0000\"万\"", "12.3456万")]
    [InlineData("0\\.0000\"万元\"", "12.3456万元")]
    [InlineData("#,##0.00,,\"万\"", "0.123456万")]
    [InlineData("[$-804]#,##0.0,\"千元\"", "123.456千元")]
    [InlineData("[<10000]0.00;0!.0000\"万\"", "12.3456万")]
    [InlineData("[>=10000]0!.0000\"万\";0.00", "12.3456万")]
    [InlineData("0.00;-0.00;0;[<10000]0!.0000\"万\"", null)]
    public void Amount_cell_whose_format_shows_another_number_than_it_stores_is_RG110_naming_the_cell(string format, string? shown)
    {
        // 123456 元 shown as 万 by a display format: read as 万元 it would be 10,000 times too large. A format of
        // sections and conditions is read by the section that shows the number (the fourth is for text only).
        var analysis = Analyze(s => s.Row("文明经费", "项目支出", null, RawCell.Formatted(123456, format), 0, 50, 50, 0));
        if (shown is null)
        {
            Assert.Contains(analysis.Workbook.Lines, l => l.InitialBudget == 123456m);
            return;
        }

        var finding = At(analysis, "RG110", "预算执行!D3");
        Assert.Contains($"把存储的 123456 显示为“{shown}”", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(analysis.Workbook.Lines, l => l.InitialBudget == 123456m);
    }

    [Fact]
    public void Amount_cell_with_unit_words_in_its_format_is_read_in_that_unit()
    {
        // 30 shown as "30.00万元" in a workbook whose unit is 元: the cell says 万元, as "30万元" typed would.
        var book = new RawXlsx();
        book.AddSheet("基本信息").Row("项目", "内容").Row("部门名称", "测试部门").Row("年度", "2023").Row("金额单位", "元");
        book.AddSheet("预算执行").Row(WorkbookBuilder.LineHeader.Cast<object?>().ToArray())
            .Row("文明经费", "项目支出", null, RawCell.Formatted(30, "0.00\"万元\""), 0, 300000, 300000, 0);
        var analysis = GenerateJob.Analyze(book.Write(_temp.File("元.xlsx")));

        var line = analysis.Workbook.Lines.Single();
        Assert.Equal(30m, line.InitialBudget);
        Assert.Equal(30m, line.Actual);
        Assert.DoesNotContain(analysis.Findings, f => f.Code == "RG110");
    }

    [Theory]
    [InlineData("≥5%", "-1%")]
    [InlineData("≥0%", "-1%")]
    [InlineData("≥0%", "－1%")]
    [InlineData("≥5%", "负1%")]
    public void Negative_actual_keeps_its_sign_and_is_not_met(string target, string actual)
    {
        var analysis = AnalyzeIndicator(target, actual);

        var result = Assert.Single(analysis.DepartmentScore!.Results);
        Assert.Equal(-1m, result.Actual!.Number);
        Assert.Equal(IndicatorStatus.NotMet, result.Status);
        Assert.Equal(0m, result.Score);
    }

    [Theory]
    [InlineData("38,57")]
    [InlineData("1,2345.6")]
    [InlineData("12,34,567")]
    [InlineData("38 57")]
    [InlineData("３８，５７")]
    public void Amount_text_with_misplaced_separators_is_RG110_naming_the_cell(string text)
    {
        var analysis = Analyze(s => s.Row("文明经费", "项目支出", null, text, 0, 50, 50, 0));

        var finding = At(analysis, "RG110", "预算执行!D3");
        Assert.Contains("年初预算数", finding.Message, StringComparison.Ordinal);
        Assert.Equal(0m, analysis.Workbook.Lines.Single(l => l.Name == "文明经费").InitialBudget);
    }

    [Theory]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("１，２３４，５６７.８９", "1234567.89")]
    [InlineData("-1,234", "-1234")]
    [InlineData("38 万元", "38")]
    public void Amount_text_with_well_formed_thousands_grouping_is_a_number(string text, string expected)
    {
        var result = AmountParser.Parse(text, defaultUnitIsYuan: false);
        Assert.Null(result.Problem);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("38,57")]
    [InlineData("1,2345.6篇")]
    [InlineData("≥12,34,567人次")]
    [InlineData("38 57")]
    public void Indicator_value_with_misplaced_separators_is_not_understood(string text)
    {
        var value = TargetValueParser.Parse(text);
        Assert.Equal(TargetKind.Unknown, value.Kind);
        Assert.Null(value.Number);
    }

    [Fact]
    public void Indicator_value_with_well_formed_grouping_is_the_number()
    {
        Assert.Equal(1234567m, TargetValueParser.Parse("≥1,234,567人次").Number);
    }

    [Theory]
    [InlineData("12345678901234567890123456789")]
    [InlineData("≥99999999999999999999999999999999篇")]
    [InlineData("1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9")]
    [InlineData("达到9999999999999999999亿")]
    public void Overlong_numbers_in_indicator_values_are_not_understood_and_never_throw(string text)
    {
        var value = TargetValueParser.Parse(text);
        Assert.Equal(TargetKind.Unknown, value.Kind);
        Assert.NotNull(value.Problem);
    }

    [Fact]
    public void Chinese_numeral_past_decimal_range_gives_no_number_and_never_throws()
    {
        Assert.Null(TargetValueParser.Parse("九千九百亿亿亿亿亿亿亿亿亿亿亿亿亿亿").Number);
    }

    [Fact]
    public void Overlong_actual_is_a_finding_at_its_cell_and_the_run_ends_cleanly()
    {
        var analysis = AnalyzeIndicator("≥95%", new string('9', 29) + "%");

        var finding = At(analysis, FindingCodes.ActualInWords, "绩效指标!F2");
        Assert.Contains("位数过多", finding.Message, StringComparison.Ordinal);
        Assert.Equal(IndicatorStatus.Undetermined, Assert.Single(analysis.DepartmentScore!.Results).Status);
    }

    [Fact]
    public void Overlong_target_is_a_finding_at_its_cell()
    {
        var analysis = AnalyzeIndicator("≥" + new string('9', 30), "95%");

        Assert.Contains("位数过多", At(analysis, FindingCodes.TargetNotUnderstood, "绩效指标!E2").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Year_zero_in_a_deadline_is_a_date_that_does_not_exist()
    {
        var value = TargetValueParser.Parse("0000年2月底前");
        Assert.Equal(TargetKind.Unknown, value.Kind);
        Assert.Equal(TargetKind.Unknown, TargetValueParser.Parse("0000年12月31日").Kind);
    }

    [Theory]
    [InlineData("其中：人员经费", "其中：公用经费")]
    [InlineData("其中:人员经费", "  公用经费")]
    [InlineData("  人员经费", "  公用经费")]
    [InlineData("\u3000人员经费", "含：公用经费")]
    public void Detail_rows_under_a_line_are_not_added_to_it_and_agree_silently(string first, string second)
    {
        var analysis = WorkbookBuilder.Create()
            .Line("基本支出", "基本支出", 100m, 0m, 100m, 100m, 0m)
            .Line(first, "基本支出", 80m, 0m, 80m, 80m, 0m)
            .Line(second, "基本支出", 20m, 0m, 20m, 20m, 0m)
            .Project("文明经费", 50m, 0m, 50m)
            .Analyze();

        Assert.Equal(["基本支出", "文明经费"], analysis.Workbook.Lines.Select(l => l.Name));
        Assert.Equal(150m, analysis.Figures.Department.Initial);
        Assert.Equal(100m, analysis.Figures.Basic.Initial);
        FindingAssert.None(analysis, "RG125");
        var info = FindingAssert.Single(analysis, "RG126");
        Assert.Equal("预算执行!A3", info.Location.ToString());
        Assert.Contains("第 2 行“基本支出”的明细", info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_rows_that_do_not_sum_to_their_line_are_a_finding_at_the_parent_cell()
    {
        var analysis = WorkbookBuilder.Create()
            .Line("基本支出", "基本支出", 100m, 0m, 100m, 90m, 10m)
            .Line("其中：人员经费", "基本支出", 80m, 0m, 80m, 80m, 0m)
            .Line("其中：公用经费", "基本支出", 30m, 0m, 30m, 10m, 20m)
            .Analyze();

        Assert.Equal(100m, analysis.Workbook.Lines.Single().InitialBudget);
        var findings = analysis.Findings.Where(f => f.Code == "RG125").ToList();
        Assert.Equal(["预算执行!D2", "预算执行!F2", "预算执行!H2"], findings.Select(f => f.Location.ToString()));
        Assert.Contains("“基本支出”的年初预算数 100.00 万元 不等于其明细行（“其中：人员经费”、“其中：公用经费”）之和 110.00 万元", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_rows_under_a_total_row_are_checked_against_the_total()
    {
        var analysis = WorkbookBuilder.Create()
            .Basic("基本支出", 100m, 0m, 100m)
            .Project("文明经费", 50m, 0m, 50m)
            .Line("合计", "", 150m, 0m, 150m, 150m, 0m)
            .Line("其中：基本支出", "", 100m, 0m, 100m, 100m, 0m)
            .Line("其中：项目支出", "", 40m, 0m, 40m, 40m, 0m)
            .Analyze();

        Assert.Equal(2, analysis.Workbook.Lines.Count);
        Assert.Contains(analysis.Findings, f => f.Code == "RG125" && f.Location.ToString() == "预算执行!D4");
        FindingAssert.None(analysis, "RG112");
    }

    [Theory]
    [InlineData("≥95%", "95分", "单位“%”与实际完成值单位“分”")]
    [InlineData("五大行动", "五大专项整治", "计数对象“行动”与实际完成值计数对象“专项整治”")]
    [InlineData("≥10场", "12次", "单位“场”与实际完成值单位“次”")]
    [InlineData("≥95分", "96%", "单位“分”与实际完成值单位“%”")]
    public void Units_and_counted_words_that_differ_are_never_compared(string target, string actual, string message)
    {
        var analysis = AnalyzeIndicator(target, actual);

        var result = Assert.Single(analysis.DepartmentScore!.Results);
        Assert.NotEqual(IndicatorStatus.Met, result.Status);
        Assert.Contains(message, At(analysis, FindingCodes.UnitMismatch, "绩效指标!F2").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("≥95分", "96分")]
    [InlineData("≥95%", "96")]
    [InlineData("五大行动", "五大行动")]
    [InlineData("五大行动", "5项")]
    [InlineData("≥10场", "12场次")]
    [InlineData("≥3000篇", "3200篇次")]
    public void Same_units_or_a_bare_number_compare(string target, string actual)
    {
        var analysis = AnalyzeIndicator(target, actual);

        Assert.Equal(IndicatorStatus.Met, Assert.Single(analysis.DepartmentScore!.Results).Status);
        FindingAssert.None(analysis, FindingCodes.UnitMismatch);
    }

    [Fact]
    public void Amounts_whose_sum_would_overflow_are_RG110_and_the_check_ends_with_exit_1()
    {
        // Two cells of 7×10^28 each were read, and their sum threw OverflowException: exit 3.
        const string huge = "70000000000000000000000000000";
        var path = WorkbookBuilder.Create()
            .Line("基本支出", "基本支出", huge, huge, null, huge)
            .Line("文明经费", "项目支出", huge, 0, huge, huge, 0)
            .WriteCsvFolder(_temp.File("huge"));

        var cli = CliHarness.Run("check", path);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("预算执行!D2", cli.Output, StringComparison.Ordinal);
        Assert.Contains("超出范围", cli.Output, StringComparison.Ordinal);
        cli.AssertNoStackTrace();
        Assert.Null(AmountParser.Parse(1e13, defaultUnitIsYuan: false).Value);
        Assert.Equal(AmountParser.MaxWan, AmountParser.Parse((double)AmountParser.MaxWan, defaultUnitIsYuan: false).Value);
    }
}
