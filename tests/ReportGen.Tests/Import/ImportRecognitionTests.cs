using ReportGen.Import;
using ReportGen.Model;

namespace ReportGen.Tests.Import;

/// <summary>What the recognisers take from each layout, measured on the published forms.</summary>
public class ImportRecognitionTests
{
    [Fact]
    public void Import_reads_the_shifeng_table1_budget_and_eleven_department_indicators()
    {
        using var fixture = new FormFixture();
        var department = FormFixture.Read(fixture.ShifengDocx()).Departments.Single();

        Assert.Equal(FormLayout.HunanDepartment, department.Layout);
        Assert.Equal(PublishedForms.Department, department.Name);
        Assert.Equal(2023, department.Year);
        Assert.Equal((326.42m, 326.42m, 231.42m, 95m), (department.Budget.Total, department.Budget.General, department.Budget.Basic, department.Budget.Project));
        Assert.Null(department.Budget.GovernmentFund);
        Assert.Equal(11, department.Indicators.Count);
        Assert.Equal(7, department.KeyTasks.Count);
        Assert.Equal(("提高程度", "宣传部"), (department.KeyTasks[3].Item, department.KeyTasks[3].Owner));
        Assert.StartsWith("（一）指导全区", department.Duties, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_reads_three_table3_projects_with_amounts_indicators_and_details()
    {
        using var fixture = new FormFixture();
        var projects = FormFixture.Read(fixture.ShifengDocx()).Projects.ToList();

        Assert.Equal(["融媒体中心专项经费", "文明建设经费", "意识形态工作专项经费"], projects.Select(p => p.Name));
        Assert.Equal([30m, 50m, 15m], projects.Select(p => p.Amount!.Value));
        Assert.Equal([8, 9, 8], projects.Select(p => p.Indicators.Count));
        Assert.Equal([1, 3, 2], projects.Select(p => p.Details.Count));
        Assert.Equal([30m, 50m, 15m], projects.Select(p => p.DetailTotal!.Amount!.Value));
        Assert.Equal([9.6m, 5.4m], projects[2].Details.Select(d => d.Amount!.Value));
        Assert.Equal("融媒体中心专项经费", projects[0].Program);
        Assert.Equal("2023年全年", projects[0].Period);
        Assert.Equal("计划标准", projects[0].Indicators[0].Standard);
        Assert.Equal("可持续影响指标", projects[0].Indicators[6].Level2); // "可持续影响  指标" in the form
    }

    [Fact]
    public void Import_reads_the_summary_table_with_programs_and_its_total()
    {
        using var fixture = new FormFixture();
        var summary = FormFixture.Read(fixture.ShifengDocx()).Summaries.Single();

        Assert.Equal(95m, summary.StatedTotal);
        Assert.Equal(["融媒体中心专项经费", "文明建设经费", "意识形态工作专项经费"], summary.Entries.Select(e => e.Name));
        Assert.Equal([30m, 50m, 15m], summary.Entries.Select(e => e.Amount!.Value));
        Assert.All(summary.Entries, entry => Assert.Equal(entry.Name, entry.Program));
    }

    [Fact]
    public void Import_puts_a_satisfaction_row_under_a_merged_benefit_cell_into_the_satisfaction_group()
    {
        using var fixture = new FormFixture();
        var last = FormFixture.Read(fixture.ShifengDocx()).Departments.Single().Indicators[^1];

        Assert.Equal(("满意度指标", "社会公众及服务对象满意度指标", "90%"), (last.Level1, last.Level2, last.Target));
    }

    [Fact]
    public void Import_converts_guangdong_yuan_to_wan_yuan_and_reads_indicators_by_task()
    {
        using var fixture = new FormFixture();
        var set = FormFixture.Read(fixture.LiwanDocx());
        var department = set.Departments.Single();

        Assert.Equal(FormLayout.GuangdongDepartment, department.Layout);
        Assert.Equal("中国共产党广州市荔湾区委员会宣传部", department.Name);
        Assert.Equal(2023, department.Year);
        Assert.Equal(2803.6202m, department.Budget.Total);
        Assert.Equal("2803.62", Money.Format(department.Budget.Total!.Value));
        Assert.Equal(2803.6202m, department.Budget.FiscalAppropriation);
        Assert.Equal(0m, department.Budget.Other);
        Assert.Equal(19, department.Indicators.Count);
        Assert.Equal(3, set.Skipped.Count(item => item.Reason.Contains("只导入一次", StringComparison.Ordinal)));
        Assert.Equal(["新闻宣传和融媒体中心建设工作", "社会主义精神文明建设工作", "理论和出版、版权工作", "网络信息和舆情工作"], department.KeyTasks.Select(t => t.Item));
        Assert.Contains(department.Indicators, i => i.Level3 == "舆情处置率" && i.Target == "达90%" && i.Level1 == "产出指标");
        Assert.Contains(department.Indicators, i => i.Level3 == "文明社区示范点推荐数量" && i.Target == "不少于2个");
    }

    [Fact]
    public void Import_reads_a_hebei_project_form_with_funding_split_and_spending_plan()
    {
        using var fixture = new FormFixture();
        var path = fixture.PathOf("hebei.xlsx");
        XlsxFormBuilder.Write(path, [("项目绩效目标表", [PublishedForms.Hebei("=%0.2")])]);

        var project = FormFixture.Read(path).Projects.Single();

        Assert.Equal(FormLayout.HebeiProject, project.Layout);
        Assert.Equal(("乡村文化振兴专项资金", "13013124P00123456789"), (project.Name, project.Code));
        Assert.Equal((120m, 100m, 20m), (project.Amount, project.FiscalFunds, project.OtherFunds));
        Assert.Equal(new SpendingPlan(20m, 50m, 80m, 100m, project.Plan!.Location), project.Plan);
        Assert.Equal(8, project.Indicators.Count);
        Assert.Equal(("全年组织专业院团送戏下乡演出场次", "年度工作计划"), (project.Indicators[0].Description, project.Indicators[0].Basis));
        Assert.Equal(("中共平山县委宣传部", 2024), (project.DepartmentName, project.Year));
    }

    [Fact]
    public void Import_keeps_a_form_found_twice_once_and_says_so()
    {
        using var fixture = new FormFixture();
        var path = fixture.PathOf("two.xlsx");
        XlsxFormBuilder.Write(path, [("融媒体", [PublishedForms.Media]), ("融媒体(打印)", [PublishedForms.Media]), ("说明", [FormGrid.Of(["填表说明", "请按要求填写"])])]);

        var set = FormFixture.Read(path);

        Assert.Single(set.Projects);
        Assert.Contains(set.Skipped, item => item.Location.Sheet == "融媒体(打印)" && item.Reason.Contains("内容相同", StringComparison.Ordinal));
        Assert.Contains(set.Skipped, item => item.Location.Sheet == "说明");
    }
}
