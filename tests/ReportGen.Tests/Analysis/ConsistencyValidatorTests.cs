using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Analysis;

/// <summary>Every check of ConsistencyValidator, the failing and the passing case (docs/domain.md §3).</summary>
public sealed class ConsistencyValidatorTests
{
    private static WorkbookBuilder Book() => WorkbookBuilder.Create().Basic("基本支出", 20m, 0m, 20m);

    private static string At(Finding finding) => finding.Location.ToString();

    // RG101 / RG103: 全年预算数 = 年初预算数 + 调整数

    [Fact]
    public void RG101_agreeing_final_budget_gives_no_finding()
    {
        var analysis = Book().Line("融媒体中心专项经费", "项目支出", 30m, 8.72m, 38.72m, 38.57m, 0.15m, note: "追加").Analyze();
        Assert.DoesNotContain(analysis.Findings, f => f.Code is "RG101" or "RG102" or "RG103");
    }

    [Fact]
    public void RG101_final_budget_not_initial_plus_adjustment_is_an_error_at_the_final_budget_cell()
    {
        var analysis = Book().Line("融媒体中心专项经费", "项目支出", 30m, 8.72m, 40m, 38.57m, note: "追加").Analyze();
        var finding = FindingAssert.Single(analysis, "RG101");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("预算执行!F3", At(finding));
        Assert.Contains("应为 38.72万元", finding.Message, StringComparison.Ordinal);
        FindingAssert.None(analysis, "RG103");
    }

    [Theory]
    [InlineData(38.73, "RG103")] // 0.01 off: a 尾差 of one part
    [InlineData(38.71, "RG103")]
    [InlineData(38.74, "RG101")] // 0.02 off: beyond one part's rounding
    public void RG103_final_budget_within_a_cent_is_a_rounding_note_not_an_error(double final, string expected)
    {
        var analysis = Book().Line("p", "项目支出", 30m, 8.72m, (decimal)final, 38m, note: "追加").Analyze();
        var finding = Assert.Single(analysis.Findings, f => f.Code is "RG101" or "RG103");
        Assert.Equal(expected, finding.Code);
        Assert.Equal(expected == "RG103" ? Severity.Info : Severity.Error, finding.Severity);
        if (expected == "RG103")
        {
            Assert.StartsWith("尾差：", finding.Message, StringComparison.Ordinal);
        }
    }

    // RG102: 结余结转数 = 全年预算数 − 实际支出数

    [Fact]
    public void RG102_carry_over_not_final_minus_actual_is_an_error_at_the_carry_over_cell()
    {
        var analysis = Book().Line("p", "项目支出", 50m, 72.51m, 122.51m, 82.48m, 45m, note: "说明").Analyze();
        var finding = FindingAssert.Single(analysis, "RG102");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("预算执行!H3", At(finding));
        Assert.Contains("应为 40.03万元", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RG102_carry_over_a_cent_off_is_a_rounding_note()
    {
        var analysis = Book().Line("p", "项目支出", 50m, 72.51m, 122.51m, 82.48m, 40.04m, note: "说明").Analyze();
        Assert.Equal(Severity.Info, FindingAssert.Single(analysis, "RG103").Severity);
        FindingAssert.None(analysis, "RG102");
    }

    [Fact]
    public void RG102_carry_over_is_checked_against_a_derived_final_budget()
    {
        var analysis = Book().Line("p", "项目支出", 30m, 8.72m, null, 38.57m, 0.15m, note: "说明").Analyze();
        Assert.DoesNotContain(analysis.Findings, f => f.Code is "RG102" or "RG103");
    }

    // RG140: typed 合计 / 小计 rows

    [Fact]
    public void RG140_totals_rows_that_agree_give_no_finding_and_are_not_budget_lines()
    {
        var analysis = Book()
            .Project("a", 30m, 8.72m, 38.57m, note: "说明")
            .Project("b", 50m, 72.51m, 82.48m, note: "说明")
            .Line("项目支出小计", "", 80m, 81.23m, 161.23m, 121.05m, 40.18m)
            .Line("基本支出合计", "", 20m, 0m, 20m, 20m, 0m)
            .Line("合计", "", 100m, 81.23m, 181.23m, 141.05m, 40.18m)
            .Analyze();
        Assert.DoesNotContain(analysis.Findings, f => f.Code is "RG140" or "RG103" or "RG112" or "RG116");
        Assert.Equal(2, analysis.Figures.ProjectCount);
        Assert.Equal(3, analysis.Figures.Lines.Count);
        Assert.Equal(3, analysis.Workbook.StatedTotals.Count);
    }

    [Fact]
    public void RG140_a_total_that_disagrees_is_an_error_at_its_cell()
    {
        var analysis = Book()
            .Project("a", 30m, 8.72m, 38.57m, note: "说明")
            .Project("b", 50m, 72.51m, 82.48m, note: "说明")
            .Line("合计", "", 100m, 81.23m, 181.23m, 150m, 40.18m)
            .Analyze();
        var finding = FindingAssert.Single(analysis, "RG140");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("预算执行!G5", At(finding));
        Assert.Contains("“合计”行的实际支出数 150.00万元", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RG140_the_rounding_tolerance_grows_with_the_number_of_parts()
    {
        // Three project lines: a stated subtotal may be 0.03 off their sum (尾差), not 0.04.
        var book = Book()
            .Project("a", 10m, 0m, 10m)
            .Project("b", 10m, 0m, 10m)
            .Project("c", 10m, 0m, 10m);
        var within = Clone(book).Line("项目支出小计", "", 30.03m, null, null, null).Analyze();
        Assert.Equal(Severity.Info, FindingAssert.Single(within, "RG103").Severity);
        FindingAssert.None(within, "RG140");

        var beyond = Clone(book).Line("项目支出小计", "", 30.04m, null, null, null).Analyze();
        FindingAssert.Single(beyond, "RG140");
    }

    private static WorkbookBuilder Clone(WorkbookBuilder book)
    {
        var copy = WorkbookBuilder.Create();
        foreach (var row in book.Rows("预算执行").Skip(1))
        {
            copy.Row("预算执行", row);
        }

        return copy;
    }

    // RG150–RG153: 附表1 facts in 基本信息

    private static WorkbookBuilder WithForm(object total, object general, object basic, object projects) => Book()
        .Project("p", 30m, 0m, 30m)
        .Info("年初资金总额", total).Info("一般公共预算拨款", general).Info("政府性基金拨款", "0").Info("其他资金", "0")
        .Info("年初基本支出", basic).Info("年初项目支出", projects);

    [Fact]
    public void RG150_to_RG153_an_agreeing_form_gives_no_finding()
    {
        var analysis = WithForm("50", "50", "20", "30").Analyze();
        Assert.DoesNotContain(analysis.Findings, f => f.Code.StartsWith("RG15", StringComparison.Ordinal) || f.Code == "RG103");
    }

    [Fact]
    public void RG150_total_not_the_sum_of_funding_sources()
    {
        var analysis = WithForm("50", "45", "20", "30").Analyze();
        var finding = FindingAssert.Single(analysis, "RG150");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("基本信息!B5", At(finding)); // the 年初资金总额 row
        FindingAssert.None(analysis, "RG151");
    }

    [Fact]
    public void RG151_total_not_basic_plus_projects()
    {
        var analysis = WithForm("60", "60", "20", "30").Analyze();
        Assert.Equal(Severity.Error, FindingAssert.Single(analysis, "RG151").Severity);
        FindingAssert.None(analysis, "RG150");
    }

    [Fact]
    public void RG152_and_RG153_form_figures_not_the_lines_initial_budgets()
    {
        var analysis = WithForm("50", "50", "25", "25").Analyze();
        Assert.Equal("基本信息!B9", At(FindingAssert.Single(analysis, "RG152")));
        Assert.Equal("基本信息!B10", At(FindingAssert.Single(analysis, "RG153")));
        FindingAssert.None(analysis, "RG151");
    }

    [Fact]
    public void RG150_a_form_total_a_cent_off_its_parts_is_a_rounding_note()
    {
        var analysis = WithForm("50.01", "50", "20", "30").Analyze();
        FindingAssert.None(analysis, "RG150");
        FindingAssert.None(analysis, "RG151");
        Assert.All(analysis.Findings.Where(f => f.Code == "RG103"), f => Assert.Equal(Severity.Info, f.Severity));
    }

    [Fact]
    public void RG110_a_form_figure_in_words_is_an_error_at_its_cell()
    {
        var analysis = WithForm("五十", "50", "20", "30").Analyze();
        var finding = FindingAssert.Single(analysis, "RG110");
        Assert.Equal("基本信息!B5", At(finding));
        Assert.Contains("“五十”不是金额", finding.Message, StringComparison.Ordinal);
    }

    // RG120 / RG121 / RG122: execution

    [Fact]
    public void RG120_overspend_without_a_reason_is_an_error()
    {
        var analysis = Book().Project("p", 10m, 0m, 10.5m).Analyze();
        var finding = FindingAssert.Single(analysis, "RG120");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("预算执行!G3", At(finding));
        Assert.Contains("超支 0.50万元", finding.Message, StringComparison.Ordinal);
        Assert.True(analysis.HasErrors);
    }

    [Fact]
    public void RG120_overspend_with_a_reason_is_a_warning()
    {
        var analysis = Book().Project("p", 10m, 0m, 10.5m, note: "经区财政局批准超支").Analyze();
        Assert.Equal(Severity.Warning, FindingAssert.Single(analysis, "RG120").Severity);
        Assert.False(analysis.HasErrors);
    }

    [Fact]
    public void RG120_spending_exactly_the_budget_is_no_overspend()
    {
        FindingAssert.None(Book().Project("p", 10m, 0m, 10m).Analyze(), "RG120");
    }

    [Fact]
    public void RG121_rate_below_90_percent_without_a_reason_is_a_warning_at_the_reason_cell()
    {
        var analysis = Book().Project("意识形态工作专项经费", 126.32m, 0m, 71.03m).Analyze();
        var finding = FindingAssert.Single(analysis, "RG121");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("预算执行!L3", At(finding));
        Assert.Contains("56.23%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("结余结转 55.29万元", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(90, null, false)]
    [InlineData(89.99, null, true)]
    [InlineData(50, "项目跨年实施，资金按进度拨付", false)]
    public void RG121_needs_a_rate_below_90_percent_and_no_reason(double actual, string? note, bool expected)
    {
        var analysis = Book().Project("p", 100m, 0m, (decimal)actual, note: note).Analyze();
        Assert.Equal(expected, analysis.Findings.Any(f => f.Code == "RG121"));
    }

    [Theory]
    [InlineData(30, 8.72, "年中调增 8.72万元")]
    [InlineData(30, -5, "年中调减 5.00万元")]
    [InlineData(0, 22.74, "为年中追加项目（22.74万元）")]
    public void RG122_an_adjustment_without_a_reason_is_a_warning(double initial, double adjustment, string words)
    {
        var analysis = Book().Project("p", (decimal)initial, (decimal)adjustment, (decimal)(initial + adjustment)).Analyze();
        var finding = FindingAssert.Single(analysis, "RG122");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains(words, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RG122_no_adjustment_or_a_reason_given_gives_no_finding()
    {
        FindingAssert.None(Book().Project("p", 30m, 0m, 30m).Analyze(), "RG122");
        FindingAssert.None(Book().Project("p", 30m, 8.72m, 38.72m, note: "区委安排追加").Analyze(), "RG122");
    }

    // RG116 / RG112 / RG113 / RG114 / RG115 / RG117: reading budget lines

    [Fact]
    public void RG116_a_project_listed_twice_is_an_error_naming_the_first_row()
    {
        var analysis = Book().Project("文明经费", 50m, 0m, 50m).Project("2023年 文明经费", 10m, 0m, 10m).Analyze();
        var finding = FindingAssert.Single(analysis, "RG116");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("预算执行!A4", At(finding));
        Assert.Contains("预算执行!3", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RG116_distinct_projects_pass()
    {
        FindingAssert.None(Book().Project("文明经费", 50m, 0m, 50m).Project("文明建设经费", 10m, 0m, 10m).Analyze(), "RG116");
    }

    [Theory]
    [InlineData("其他支出")]
    [InlineData("")]
    public void RG112_an_unknown_category_is_an_error_and_the_line_counts_as_a_project(string category)
    {
        var analysis = Book().Line("p", category, 10m, 0m, 10m, 10m).Analyze();
        var finding = FindingAssert.Single(analysis, "RG112");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("预算执行!B3", At(finding));
        Assert.Equal(1, analysis.Figures.ProjectCount);
    }

    [Theory]
    [InlineData("基本支出", ExpenseCategory.Basic)]
    [InlineData("人员经费", ExpenseCategory.Basic)]
    [InlineData("公用经费", ExpenseCategory.Basic)]
    [InlineData("项目支出", ExpenseCategory.Project)]
    [InlineData("项目", ExpenseCategory.Project)]
    public void RG112_known_categories_pass(string category, ExpenseCategory expected)
    {
        var analysis = WorkbookBuilder.Create().Line("x", category, 10m, 0m, 10m, 10m).Analyze();
        FindingAssert.None(analysis, "RG112");
        Assert.Equal(expected, analysis.Workbook.Lines[0].Category);
    }

    [Fact]
    public void RG113_an_unknown_source_is_a_warning_and_the_budget_decides()
    {
        var analysis = Book().Line("p", "项目支出", 0m, 5m, 5m, 5m, source: "专项下达").Analyze();
        var finding = FindingAssert.Single(analysis, "RG113");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("预算执行!C3", At(finding));
        Assert.Equal(LineSource.MidYear, analysis.Workbook.Lines[1].Source);
    }

    [Theory]
    [InlineData("年初预算", 10, LineSource.Initial)]
    [InlineData("年中追加", 0, LineSource.MidYear)]
    [InlineData("追加", 0, LineSource.MidYear)]
    [InlineData(null, 10, LineSource.Initial)]
    [InlineData(null, 0, LineSource.MidYear)]
    public void RG113_known_or_blank_sources_pass(string? source, int initial, LineSource expected)
    {
        var analysis = Book().Line("p", "项目支出", (decimal)initial, 5m, initial + 5m, 5m, source: source).Analyze();
        FindingAssert.None(analysis, "RG113");
        Assert.Equal(expected, analysis.Workbook.Lines[1].Source);
    }

    [Fact]
    public void RG117_mid_year_with_an_initial_budget_is_a_warning_at_the_initial_budget()
    {
        var analysis = Book().Line("p", "项目支出", 5m, 5m, 10m, 10m, source: "年中追加").Analyze();
        var finding = FindingAssert.Single(analysis, "RG117");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("预算执行!D3", At(finding));
        FindingAssert.None(Book().Line("p", "项目支出", 0m, 5m, 5m, 5m, source: "年中追加").Analyze(), "RG117");
    }

    [Fact]
    public void RG114_an_unknown_funding_source_is_a_warning()
    {
        var analysis = Book().Line("p", "项目支出", 5m, 0m, 5m, 5m, funding: "自筹").Analyze();
        Assert.Equal("预算执行!I3", At(FindingAssert.Single(analysis, "RG114")));
        var known = Book().Line("p", "项目支出", 5m, 0m, 5m, 5m, funding: "政府性基金").Analyze();
        FindingAssert.None(known, "RG114");
        Assert.Equal(FundingSource.GovernmentFund, known.Workbook.Lines[1].Funding);
    }

    [Fact]
    public void RG115_amounts_without_a_project_name_are_an_error_and_not_counted()
    {
        var analysis = Book().Line("", "项目支出", 5m, 0m, 5m, 5m).Analyze();
        Assert.Equal("预算执行!A3", At(FindingAssert.Single(analysis, "RG115")));
        Assert.Single(analysis.Figures.Lines);
    }

    // RG160 / RG170 / RG171 / RG173: names and targets

    [Fact]
    public void RG170_an_unmatched_target_name_is_an_error_naming_the_closest_line_and_its_alias_cell()
    {
        var analysis = Book().Project("文明经费", 50m, 0m, 50m).Target("文明建设经费", 50m).Analyze();
        var finding = FindingAssert.Single(analysis, "RG170");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("项目目标!A2", At(finding));
        Assert.Contains("“文明建设经费”在预算执行表中找不到", finding.Message, StringComparison.Ordinal);
        Assert.Contains("最接近的是预算执行表中的“文明经费”（预算执行!A3）", finding.Message, StringComparison.Ordinal);
        Assert.Contains("请在预算执行!K3（别名列）填写“文明建设经费”", finding.Message, StringComparison.Ordinal);
        Assert.Null(analysis.Figures.Lines[1].TargetName);
    }

    [Fact]
    public void RG170_unmatched_indicator_scope_is_reported_once_per_scope()
    {
        var analysis = Book().Project("文明经费", 50m, 0m, 50m)
            .Indicator("文明建设经费", "产出指标", "数量指标", "新增规上住宿业企业", "2家")
            .Indicator("文明建设经费", "产出指标", "质量指标", "预算资金使用率", "100%")
            .Analyze();
        var finding = FindingAssert.Single(analysis, "RG170");
        Assert.Equal("绩效指标!A2", At(finding));
    }

    [Fact]
    public void RG171_a_normalised_match_is_an_info_and_the_line_is_matched()
    {
        var analysis = Book().Project("融媒体中心专项经费", 30m, 0m, 30m).Target("2023年\u3000融媒体中心专项经费", 30m).Analyze();
        var finding = FindingAssert.Single(analysis, "RG171");
        Assert.Equal(Severity.Info, finding.Severity);
        FindingAssert.None(analysis, "RG170");
        Assert.Equal("2023年 融媒体中心专项经费", analysis.Figures.Lines[1].TargetName); // as read: U+3000 made a plain space
    }

    [Fact]
    public void Alias_match_gives_no_name_finding_and_sets_the_target_name()
    {
        var analysis = Book().Project("文明经费", 50m, 0m, 50m, alias: "文明建设经费").Target("文明建设经费", 50m).Analyze();
        Assert.DoesNotContain(analysis.Findings, f => f.Code is "RG170" or "RG171" or "RG173");
        Assert.Equal("文明建设经费", analysis.Figures.Lines[1].TargetName);
        Assert.Same(analysis.Workbook.Lines[1], analysis.LineFor("文明建设经费"));
    }

    [Fact]
    public void RG160_project_amount_not_the_lines_initial_budget_is_an_error()
    {
        var analysis = Book().Project("文明经费", 50m, 0m, 50m, alias: "文明建设经费").Target("文明建设经费", 60m).Analyze();
        var finding = FindingAssert.Single(analysis, "RG160");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("项目目标!C2", At(finding));
        FindingAssert.None(Book().Project("文明经费", 50m, 0m, 50m, alias: "文明建设经费").Target("文明建设经费", 50m).Analyze(), "RG160");
    }

    [Fact]
    public void RG173_a_start_of_year_project_without_targets_is_an_info_once_targets_exist()
    {
        var analysis = Book().Project("a", 30m, 0m, 30m).Project("b", 20m, 0m, 20m).Project("追加", 0m, 5m, 5m)
            .Target("a", 30m).Analyze();
        var finding = FindingAssert.Single(analysis, "RG173");
        Assert.Contains("“b”", finding.Message, StringComparison.Ordinal);
        FindingAssert.None(Book().Project("a", 30m, 0m, 30m).Analyze(), "RG173"); // no targets at all: nothing to compare
    }

    // RG180 / RG181: text leftovers

    [Theory]
    [InlineData("项目主要用途（100字以内）")]
    [InlineData("主要用于……")]
    [InlineData("请填写项目用途")]
    public void RG180_form_prompts_in_a_purpose_are_warnings(string purpose)
    {
        var analysis = Book().Project("p", 10m, 0m, 10m, purpose: purpose).Analyze();
        var finding = FindingAssert.Single(analysis, "RG180");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("预算执行!J3", At(finding));
    }

    [Fact]
    public void RG180_form_prompt_in_a_department_fact()
    {
        var analysis = Book().Project("p", 10m, 0m, 10m).Info("存在问题", "……").Analyze();
        Assert.StartsWith("基本信息!B", At(FindingAssert.Single(analysis, "RG180")), StringComparison.Ordinal);
    }

    [Fact]
    public void RG180_an_unfilled_indicator_name_from_the_blank_form()
    {
        var analysis = Book().Project("p", 10m, 0m, 10m)
            .Indicator("p", "产出指标", "数量指标", "指标2", "指标值")
            .Analyze();
        var finding = FindingAssert.Single(analysis, "RG180");
        Assert.Equal("绩效指标!D2", At(finding));
    }

    [Fact]
    public void RG180_ordinary_text_passes()
    {
        var analysis = Book().Project("p", 10m, 0m, 10m, purpose: "发放代理记账人员记账服务费")
            .Indicator("p", "产出指标", "数量指标", "全年宣传报道", "≥3000篇")
            .Info("其他说明", "无其他需要说明的情况。").Analyze();
        FindingAssert.None(analysis, "RG180");
    }

    [Fact]
    public void RG181_the_same_purpose_under_two_projects_is_a_warning_at_the_second()
    {
        const string text = "主要用于维持融媒体中心的运转，广泛宣传我区各方面取得的成就";
        var analysis = Book().Project("融媒体中心专项经费", 30m, 0m, 30m, purpose: text)
            .Project("意识形态工作专项经费", 15m, 0m, 15m, purpose: text).Analyze();
        var finding = FindingAssert.Single(analysis, "RG181");
        Assert.Equal("预算执行!J4", At(finding));
        Assert.Contains("“融媒体中心专项经费”", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RG181_distinct_or_short_texts_pass()
    {
        FindingAssert.None(Book().Project("a", 30m, 0m, 30m, purpose: "维持融媒体中心的运转和宣传")
            .Project("b", 15m, 0m, 15m, purpose: "区委理论学习中心组学习培训").Analyze(), "RG181");
        FindingAssert.None(Book().Project("a", 30m, 0m, 30m, purpose: "办公")
            .Project("b", 15m, 0m, 15m, purpose: "办公").Analyze(), "RG181");
    }

    [Fact]
    public void RG181_the_same_outcome_under_two_targets()
    {
        const string text = "全年完成各项宣传任务，社会反响良好。";
        var analysis = Book().Project("a", 30m, 0m, 30m).Project("b", 15m, 0m, 15m)
            .Target("a", 30m, outcome: text).Target("b", 15m, outcome: text).Analyze();
        Assert.Equal("项目目标!G3", At(FindingAssert.Single(analysis, "RG181")));
    }

    // RG190 / RG191: the narrative

    [Fact]
    public void RG190_no_problems_above_a_low_rate_is_an_error_listing_the_problems()
    {
        var analysis = Book().Project("意识形态工作专项经费", 126.32m, 0m, 71.03m).Info("存在问题", "绩效管理不存在相关问题。").Analyze();
        var finding = FindingAssert.Single(analysis, "RG190");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("“意识形态工作专项经费”预算执行率56.23%，低于90%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("1. 部门预算执行率", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("无")]
    [InlineData("没有问题")]
    [InlineData("不存在问题")]
    [InlineData("无其他问题")]
    [InlineData("暂无问题。")]
    public void RG190_each_way_of_saying_none_beside_a_shortfall_stops_generate(string none)
    {
        var analysis = Book().Project("p", 100m, 0m, 50m).Project("q", 10m, 0m, 12m).Info("存在问题", none).Analyze();
        var finding = FindingAssert.Single(analysis, "RG190");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("基本信息!B5", At(finding));
        Assert.Contains("“p”预算执行率50.00%，低于90%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("“q”实际支出12.00万元，超过全年预算10.00万元", finding.Message, StringComparison.Ordinal);
        Assert.True(analysis.HasErrors);
    }

    [Fact]
    public void RG190_measures_written_as_none_beside_a_shortfall_is_an_error_at_the_measures_cell()
    {
        var analysis = Book().Project("p", 100m, 0m, 50m).Info("存在问题", "p项目执行进度慢。").Info("改进措施", "无").Analyze();
        var finding = FindingAssert.Single(analysis, "RG190");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("“改进措施”写的是“无”", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RG190_an_unmet_indicator_is_a_problem_too()
    {
        var analysis = Book().Project("p", 100m, 0m, 100m).Info("存在问题", "无")
            .Indicator(IndicatorRow.DepartmentScope, "产出指标", "数量指标", "演出场次", "≥120场", "60场").Analyze();
        var finding = FindingAssert.Single(analysis, "RG190");
        Assert.Contains("部门整体指标“演出场次”未达成（指标值≥120场，实际完成值60场）", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RG190_no_problems_with_every_rate_at_or_above_90_percent_passes()
    {
        var analysis = Book().Project("p", 100m, 0m, 95m).Info("存在问题", "绩效管理不存在相关问题。").Analyze();
        FindingAssert.None(analysis, "RG190");
        FindingAssert.None(analysis, "RG191");
    }

    [Fact]
    public void RG190_real_problems_written_above_a_low_rate_pass()
    {
        var analysis = Book().Project("p", 100m, 0m, 50m).Info("存在问题", "部分项目预算执行进度偏慢，年中追加资金较多。").Analyze();
        FindingAssert.None(analysis, "RG190");
    }

    [Fact]
    public void RG191_no_problems_written_with_a_low_rate_is_a_warning_at_the_problems_cell()
    {
        var finding = FindingAssert.Single(Book().Info("存在问题", "").Project("p", 100m, 0m, 50m).Analyze(), "RG191");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("基本信息!B5", At(finding));
    }

    [Fact]
    public void RG191_is_not_asked_when_section_four_lists_only_facts_with_their_own_cells()
    {
        // The department's rate is 90% or more; the low line's cause belongs in its 偏差原因 (RG121).
        var analysis = Book().Project("p", 100m, 0m, 100m).Project("q", 10m, 0m, 5m).Analyze();
        FindingAssert.None(analysis, "RG191");
        FindingAssert.Single(analysis, "RG121");
    }

    [Fact]
    public void RG192_to_RG199_name_the_cell_of_each_missing_text()
    {
        var analysis = Book().Info("改进措施", "").Project("p", 10m, 0m, 10m).Target("p", 10m).Analyze();
        Assert.Equal("基本信息!B5", At(FindingAssert.Single(analysis, "RG192")));
        Assert.Equal("基本信息", At(FindingAssert.Single(analysis, "RG193")));
        Assert.Equal("基本信息", At(FindingAssert.Single(analysis, "RG194")));
        Assert.Equal("基本信息", At(FindingAssert.Single(analysis, "RG195")));
        Assert.Equal("项目目标!F2", At(FindingAssert.Single(analysis, "RG196")));
        Assert.Equal("项目目标!G2", At(FindingAssert.Single(analysis, "RG197")));
        Assert.Equal("重点工作", At(FindingAssert.Single(analysis, "RG198")));
        Assert.Equal("预算执行!J3", At(FindingAssert.Single(analysis, "RG199")));
        var filled = Book().WithTexts().Project("p", 10m, 0m, 10m, purpose: "用于p。").Target("p", 10m, "年度目标。", "已完成。")
            .Indicator("部门整体", "产出指标", "数量指标", "宣传报道", "≥10篇", "11篇").Analyze();
        Assert.Empty(filled.Findings);
    }

    // Ordering and cleanliness

    [Fact]
    public void A_clean_workbook_has_no_findings()
    {
        var analysis = Book().WithTexts().Project("p", 30m, 0m, 29m, purpose: "用于p。")
            .Indicator("部门整体", "产出指标", "数量指标", "宣传报道", "≥10篇", "11篇").Analyze();
        Assert.Empty(analysis.Findings);

        // Without a 部门整体 indicator the department's score cannot be computed: said once, at 绩效指标.
        var without = Book().WithTexts().Project("p", 30m, 0m, 29m, purpose: "用于p。").Analyze();
        Assert.Equal("绩效指标", At(FindingAssert.Single(without, "RG321")));
    }

    [Fact]
    public void Findings_are_ordered_errors_first()
    {
        var analysis = Book().Project("p", 10m, 0m, 10.5m).Project("q", 100m, 0m, 50m).Analyze();
        var severities = analysis.Findings.Select(f => f.Severity).ToList();
        Assert.Equal(severities.OrderByDescending(s => s).ToList(), severities);
    }
}
