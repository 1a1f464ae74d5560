using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Input;

public sealed class ExecutionWorkbookReaderTests
{
    // 基本信息

    [Fact]
    public void Department_facts_are_read_by_item_with_synonyms()
    {
        var workbook = new WorkbookBuilder()
            .Sheet("基本信息", ["项目", "内容"], ["单位名称", "石峰区委宣传部"], ["预算年度", "2023年度"], ["内设科室", "综合办公室"])
            .Sheet("预算执行", WorkbookBuilder.LineHeader)
            .Project("p", 1m, 0m, 1m)
            .Read();
        Assert.Equal("石峰区委宣传部", workbook.Department.Name);
        Assert.Equal(2023, workbook.Department.Year);
        Assert.Equal("万元", workbook.Department.SourceUnit);
        Assert.Equal("综合办公室", workbook.Department.Fact("内设机构"));
        Assert.Equal("基本信息!B4", workbook.Department.FactRows["内设机构"].ToString());
    }

    [Fact]
    public void Department_facts_without_a_header_row_use_columns_A_and_B()
    {
        var workbook = new WorkbookBuilder()
            .Sheet("基本信息", ["部门名称", "石峰区委宣传部"], ["年度", 2023])
            .Sheet("预算执行", WorkbookBuilder.LineHeader)
            .Project("p", 1m, 0m, 1m)
            .Read();
        Assert.Equal("石峰区委宣传部", workbook.Department.Name);
        Assert.Equal(2023, workbook.Department.Year);
    }

    // Readers: layout tolerance

    [Fact]
    public void Lines_are_read_from_headers_in_any_order_with_synonyms_and_extra_columns_ignored()
    {
        var workbook = WorkbookBuilder.Create()
            .Sheet("预算执行",
                ["序号", "全年执行数", "调整后预算数", "名称", "备注", "年初预算", "类别"],
                [1, 38.57, 38.72, "融媒体中心专项经费", "备注不读", 30, "项目支出"])
            .Read();
        var line = Assert.Single(workbook.Lines);
        Assert.Equal("融媒体中心专项经费", line.Name);
        Assert.Equal(30m, line.InitialBudget);
        Assert.Equal(38.72m, line.FinalBudget);
        Assert.Equal(8.72m, line.Adjustment);
        Assert.Equal(38.57m, line.Actual);
        Assert.Equal(0.15m, line.CarryOver);
        Assert.Equal("预算执行!B2", line.CellOf("实际支出数").ToString());
    }

    [Fact]
    public void A_footnote_under_the_table_is_not_a_budget_line()
    {
        var workbook = WorkbookBuilder.Create()
            .Sheet("预算执行", WorkbookBuilder.LineHeader)
            .Project("融媒体中心专项经费", 30m, 8.72m, 38.57m)
            .Row("预算执行", "注：本表金额单位为万元。")
            .Read();
        Assert.Equal("融媒体中心专项经费", Assert.Single(workbook.Lines).Name);
        var note = Assert.Single(workbook.ReadFindings, f => f.Code == "RG108");
        Assert.Equal("预算执行!A3", note.Location.ToString());
    }

    [Fact]
    public void A_title_row_above_the_header_and_blank_rows_in_the_middle()
    {
        var workbook = WorkbookBuilder.Create()
            .Sheet("预算执行",
                ["石峰区委宣传部2023年度预算执行情况", null, null, null],
                [null, null, null, null],
                ["项目名称", "支出类别", "年初预算数", "实际支出数"],
                ["基本支出", "基本支出", 231.42, 245.8],
                [null, "", "  ", null],
                ["文明经费", "项目支出", 50, 82.48])
            .Read();
        Assert.Equal(["基本支出", "文明经费"], workbook.Lines.Select(l => l.Name));
        Assert.Equal("预算执行!6", workbook.Lines[1].Location.ToString());
        Assert.Empty(workbook.ReadFindings);
    }

    [Theory]
    [InlineData("融媒体中心专项经费 ")]
    [InlineData("融媒体中心专项经费\u200B")]
    [InlineData("\u00A0融媒体中心专项经费\u00A0")]
    [InlineData("\uFEFF融媒体中心专项经费\u3000")]
    public void Names_lose_trailing_zero_width_and_non_breaking_spaces_and_then_match_exactly(string written)
    {
        var analysis = WorkbookBuilder.Create()
            .Project(written, 30m, 0m, 30m)
            .Target("融媒体中心专项经费", 30m)
            .Analyze();
        Assert.Equal("融媒体中心专项经费", analysis.Workbook.Lines[0].Name);
        Assert.Equal(MatchKind.Exact, analysis.Matches["融媒体中心专项经费"].Kind);
        Assert.DoesNotContain(analysis.Findings, f => f.Code is "RG170" or "RG171");
    }

    [Fact]
    public void Numbers_stored_as_text_are_amounts()
    {
        var workbook = WorkbookBuilder.Create()
            .Line("p", "项目支出", "30.00", " 8.72", "38.72 ", "38.57", "0.15")
            .Read();
        var line = Assert.Single(workbook.Lines);
        Assert.Equal(30m, line.InitialBudget);
        Assert.Equal(8.72m, line.AdjustmentGiven);
        Assert.Equal(0.15m, line.CarryOverGiven);
        Assert.Empty(workbook.ReadFindings);
    }

    [Fact]
    public void Blank_actual_counts_as_zero_and_blank_optional_amounts_stay_null()
    {
        var line = Assert.Single(WorkbookBuilder.Create().Line("p", "项目支出", 30m, null, null, null).Read().Lines);
        Assert.Equal(0m, line.Actual);
        Assert.Null(line.AdjustmentGiven);
        Assert.Null(line.FinalBudgetGiven);
        Assert.Null(line.CarryOverGiven);
    }

    [Fact]
    public void Text_in_an_amount_is_RG110_at_its_cell_and_counted_as_zero()
    {
        var workbook = WorkbookBuilder.Create().Basic("基本支出", 1m, 0m, 1m).Line("p", "项目支出", "三十万", null, null, 10m).Read();
        var finding = FindingAssert.Single(workbook.ReadFindings, "RG110");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("预算执行!D3", finding.Location.ToString());
        Assert.Contains("“三十万”不是金额", finding.Message, StringComparison.Ordinal);
        Assert.Equal(0m, workbook.Lines[1].InitialBudget);
    }

    [Theory]
    [InlineData("年初预算数", "预算执行!D2")]
    [InlineData("全年预算数", "预算执行!F2")]
    [InlineData("实际支出数", "预算执行!G2")]
    public void Negative_amounts_are_RG111_at_their_cell(string field, string location)
    {
        var book = WorkbookBuilder.Create().Line("p", "项目支出",
            field == "年初预算数" ? -1m : 10m, null, field == "全年预算数" ? -1m : null, field == "实际支出数" ? -1m : 5m);
        var finding = FindingAssert.Single(book.Read().ReadFindings, "RG111");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(location, finding.Location.ToString());
        Assert.Contains(field + "为负数", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_adjustment_or_carry_over_is_allowed()
    {
        var workbook = WorkbookBuilder.Create().Line("p", "项目支出", 30m, -5m, 25m, 26m, -1m, note: "超支已批").Read();
        Assert.Empty(workbook.ReadFindings);
    }

    [Fact]
    public void A_duplicated_header_is_RG105()
    {
        var workbook = WorkbookBuilder.Create()
            .Sheet("预算执行", ["项目名称", "支出类别", "年初预算数", "实际支出数", "全年执行数"], ["p", "项目支出", 10, 9, 99])
            .Read();
        Assert.Equal(Severity.Warning, FindingAssert.Single(workbook.ReadFindings, "RG105").Severity);
        Assert.Equal(9m, workbook.Lines[0].Actual);
    }

    // 元 → 万元

    [Fact]
    public void A_yuan_workbook_is_converted_to_wan()
    {
        var workbook = WorkbookBuilder.Create()
            .Info("金额单位", "元")
            .Line("基本支出", "基本支出", "28,036,202.00", null, null, "１２３４５")
            .Line("p", "项目支出", 300000, "30万元", null, 500000)
            .Read();
        Assert.Equal("元", workbook.Department.SourceUnit);
        Assert.Equal(2803.6202m, workbook.Lines[0].InitialBudget);
        Assert.Equal(1.2345m, workbook.Lines[0].Actual);
        Assert.Equal(30m, workbook.Lines[1].InitialBudget);
        Assert.Equal(30m, workbook.Lines[1].AdjustmentGiven);
        Assert.Equal(60m, workbook.Lines[1].FinalBudget);
        Assert.Empty(workbook.ReadFindings);
    }

    [Fact]
    public void A_yuan_column_header_in_a_wan_workbook_converts_that_column_only()
    {
        var workbook = WorkbookBuilder.Create()
            .Sheet("预算执行", ["项目名称", "支出类别", "年初预算数（元）", "实际支出数"], ["p", "项目支出", 300000, 25])
            .Read();
        Assert.Equal(30m, workbook.Lines[0].InitialBudget);
        Assert.Equal(25m, workbook.Lines[0].Actual);
    }

    [Fact]
    public void A_wan_column_header_in_a_yuan_workbook_is_not_divided_again()
    {
        var workbook = WorkbookBuilder.Create()
            .Info("金额单位", "元")
            .Sheet("预算执行", ["项目名称", "支出类别", "年初预算数（万元）", "实际支出数"], ["p", "项目支出", 30, 250000])
            .Read();
        Assert.Equal(30m, workbook.Lines[0].InitialBudget);
        Assert.Equal(25m, workbook.Lines[0].Actual);
    }

    [Fact]
    public void Yuan_workbook_converts_target_amounts_and_form_facts_too()
    {
        var analysis = WorkbookBuilder.Create()
            .Info("金额单位", "元")
            .Info("年初资金总额", "500,000.00").Info("年初基本支出", "200000").Info("年初项目支出", "300000")
            .Line("基本支出", "基本支出", 200000, 0, 200000, 200000)
            .Line("p", "项目支出", 300000, 0, 300000, 300000)
            .Target("p", 300000)
            .Analyze();
        Assert.Equal(30m, analysis.Workbook.ProjectTargets[0].Amount);
        Assert.DoesNotContain(analysis.Findings, f => f.Code is "RG151" or "RG152" or "RG153" or "RG160" or "RG103");
        Assert.Equal(50m, analysis.Figures.Department.Final);
    }

    [Fact]
    public void Info_amounts_are_parsed_once_into_typed_values_in_wan_with_their_cell()
    {
        var department = WorkbookBuilder.Create()
            .Info("金额单位", "元")
            .Info("年初资金总额", "500,000.00").Info("其他资金来源", "65400").Info("年初基本支出", "待定").Info("年初项目支出", " ")
            .Project("p", 1m, 0m, 1m)
            .Read().Department;
        var total = department.Amount("年初资金总额")!;
        Assert.Equal((50m, null), (total.Value, total.Problem));
        Assert.Equal(department.FactRows["年初资金总额"], total.Cell);
        Assert.Equal(6.54m, department.Amount("其他资金来源")!.Value);
        var unreadable = department.Amount("年初基本支出")!;
        Assert.Null(unreadable.Value);
        Assert.NotNull(unreadable.Problem);
        Assert.Null(department.Amount("年初项目支出"));  // blank: no amount
        Assert.Null(department.Amount("部门名称"));      // not an amount item
    }

    // 绩效指标

    [Fact]
    public void Indicators_with_blank_level_cells_mean_same_as_above()
    {
        var workbook = WorkbookBuilder.Create().Project("p", 1m, 0m, 1m)
            .Indicator("部门整体", "产出指标", "数量指标", "实施全域行动", "五大行动")
            .Indicator(null, null, null, "新增规上住宿业企业", "2家")
            .Indicator(null, null, "质量指标", "预算资金使用率", "100%")
            .Indicator(null, "效益指标", "社会效益指标", "人民生活的幸福感", "不断提高")
            .Indicator("p", null, null, "全年宣传报道", "≥3000篇", "2886篇次", 10, "部分达成", 9.62, "受疫情影响")
            .Read();
        var rows = workbook.Indicators;
        Assert.Equal(5, rows.Count);
        Assert.Equal(("部门整体", "产出指标", "数量指标"), (rows[1].Scope, rows[1].Level1, rows[1].Level2));
        Assert.Equal(("产出指标", "质量指标"), (rows[2].Level1, rows[2].Level2));
        Assert.Equal(("效益指标", "社会效益指标"), (rows[3].Level1, rows[3].Level2));
        Assert.Equal(("p", "效益指标", "社会效益指标"), (rows[4].Scope, rows[4].Level1, rows[4].Level2));
        Assert.True(rows[0].IsDepartment);
        Assert.Equal("2886篇次", rows[4].Actual);
        Assert.Equal(10m, rows[4].Weight);
        Assert.Equal(9.62m, rows[4].UserScore);
        Assert.Equal("部分达成", rows[4].UserStatus);
        Assert.Equal("受疫情影响", rows[4].DeviationNote);
        Assert.Empty(workbook.ReadFindings);
    }

    [Fact]
    public void A_new_level1_does_not_inherit_the_old_level2()
    {
        var workbook = WorkbookBuilder.Create().Project("p", 1m, 0m, 1m)
            .Indicator("部门整体", "产出指标", "数量指标", "实施全域行动", "五大行动")
            .Indicator(null, "效益指标", null, "生活环境", "不断优化")
            .Read();
        var finding = FindingAssert.Single(workbook.ReadFindings, "RG106");
        Assert.Contains("缺少二级指标", finding.Message, StringComparison.Ordinal);
        Assert.Equal("绩效指标!C3", finding.Location.ToString());
        Assert.Single(workbook.Indicators);
    }

    [Fact]
    public void An_indicator_without_target_is_RG106_and_a_bad_weight_RG107()
    {
        var workbook = WorkbookBuilder.Create().Project("p", 1m, 0m, 1m)
            .Indicator("部门整体", "产出指标", "数量指标", "实施全域行动", null)
            .Indicator("部门整体", "产出指标", "数量指标", "新增规上住宿业企业", "2家", null, "十分")
            .Read();
        Assert.Equal("绩效指标!E2", FindingAssert.Single(workbook.ReadFindings, "RG106").Location.ToString());
        Assert.Equal("绩效指标!G3", FindingAssert.Single(workbook.ReadFindings, "RG107").Location.ToString());
        Assert.Null(Assert.Single(workbook.Indicators).Weight);
    }

    // 重点工作 and 项目目标

    [Fact]
    public void Tasks_and_targets_are_read_and_total_rows_of_targets_skipped()
    {
        var workbook = WorkbookBuilder.Create().Project("p", 30m, 0m, 30m)
            .Sheet("重点工作", ["事项", "责任单位", "工作目标", "完成情况"], ["凝聚思想伟力", "宣传部", "凝心铸魂", "学习12次"], [null, null, null, null])
            .Target("p", "30", "年度目标", "完成")
            .Row("项目目标", "合计", null, 30)
            .Read();
        var task = Assert.Single(workbook.KeyTasks);
        Assert.Equal(("凝聚思想伟力", "宣传部", "学习12次"), (task.Item, task.Owner, task.Outcome));
        var target = Assert.Single(workbook.ProjectTargets);
        Assert.Equal((30m, "年度目标", "完成"), (target.Amount, target.AnnualGoal, target.Outcome));
    }

    [Fact]
    public void Optional_sheets_may_be_absent()
    {
        var workbook = WorkbookBuilder.Create().Project("p", 1m, 0m, 1m).Read();
        Assert.Empty(workbook.Indicators);
        Assert.Empty(workbook.KeyTasks);
        Assert.Empty(workbook.ProjectTargets);
    }

    [Fact]
    public void A_lines_sheet_without_lines_is_a_not_yet_filled_finding()
    {
        var workbook = WorkbookBuilder.Create().Read("空.xlsx");

        var finding = FindingAssert.Single(workbook.ReadFindings, "RG100");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("预算执行!2", finding.Location.ToString());
        Assert.Contains("没有任何预算行", finding.Message, StringComparison.Ordinal);
        Assert.Empty(workbook.Lines);
    }

    [Fact]
    public void Sheet_names_match_ignoring_width_and_spaces()
    {
        var workbook = new WorkbookBuilder()
            .Sheet(" 基本信息 ", ["部门名称", "x"], ["年度", "2023"])
            .Sheet("预算执行", WorkbookBuilder.LineHeader)
            .Project("p", 1m, 0m, 1m)
            .Read();
        Assert.Equal("x", workbook.Department.Name);
    }
}
