using ReportGen.Import;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Import;

/// <summary>
/// One import result whatever the workbook's state (nothing, a <c>new</c> workbook, one the clerk started), unit lines
/// as budget systems print them, one money reader for forms and workbooks, and the Hebei 部门整体绩效目标 document.
/// </summary>
public sealed class ImportStateTests
{
    /// <summary>Each sheet's rows with content, as text, the 填写说明 (which names where the guide is installed) aside.</summary>
    private static Dictionary<string, List<string>> Content(string path) =>
        WorkbookLoader.Load(path).Sheets.Where(sheet => sheet.Name != "填写说明").ToDictionary(sheet => sheet.Name, sheet =>
            sheet.Rows.Select(row => string.Join(" | ", row.Select(CellText.Of)).TrimEnd(' ', '|')).Where(line => line.Length > 0).ToList());

    [Fact]
    public void The_same_forms_give_the_same_workbook_imported_into_nothing_into_a_new_workbook_or_into_a_started_one()
    {
        using var fixture = new FormFixture();
        var forms = fixture.ShifengDocx();
        var fresh = fixture.PathOf("空.xlsx");
        var made = fixture.PathOf("新建.xlsx");
        var started = fixture.PathOf("已开始.xlsx");
        ImportJob.Run(new ImportRequest([forms], fresh));
        Assert.Equal(0, CliHarness.Run("new", made).ExitCode);
        Assert.Equal(0, CliHarness.Run("new", started).ExitCode);
        ImportJob.Run(new ImportRequest([forms], made));

        // The clerk started: typed 基本支出 with its spending, a project under another name with the form's as 别名,
        // and left a blank row between them.
        var clerk = new Clerk(started);
        var lines = clerk.Sheet(WorkbookSchema.LinesSheet);
        var basic = lines.Append(new Dictionary<string, object?> { ["项目名称"] = "基本支出", ["实际支出数"] = 245.8m });
        lines.Append(new Dictionary<string, object?>());
        var civil = lines.Append(new Dictionary<string, object?> { ["项目名称"] = "文明经费", ["别名"] = "文明建设经费", ["实际支出数"] = 82.48m });
        clerk.Save();
        ImportJob.Run(new ImportRequest([forms], started));

        var expected = Content(fresh);
        var fromNew = Content(made);
        foreach (var (sheet, content) in expected)
        {
            Assert.Equal(content, fromNew[sheet]);
        }

        // `new` also writes the 支出计划 sheet: empty, as the Shifeng forms have no plan.
        Assert.All(fromNew.Keys.Except(expected.Keys), sheet => Assert.Single(fromNew[sheet]));
        Assert.StartsWith("基本支出 | 基本支出 | 年初预算 | 231.42", expected["预算执行"][1], StringComparison.Ordinal);
        Assert.Equal(4, expected["预算执行"].Count - 1);

        var after = Content(started);
        foreach (var sheet in expected.Keys.Where(sheet => sheet != WorkbookSchema.LinesSheet))
        {
            Assert.Equal(expected[sheet], after[sheet]);
        }

        var reopened = new Clerk(started);
        var rows = reopened.Rows(WorkbookSchema.LinesSheet).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(("231.42", "245.8"), (reopened.Text(WorkbookSchema.LinesSheet, basic, "年初预算数"), reopened.Text(WorkbookSchema.LinesSheet, basic, "实际支出数")));
        Assert.Equal(("文明经费", "50", "82.48", "项目支出"), (reopened.Text(WorkbookSchema.LinesSheet, civil, "项目名称"),
            reopened.Text(WorkbookSchema.LinesSheet, civil, "年初预算数"), reopened.Text(WorkbookSchema.LinesSheet, civil, "实际支出数"),
            reopened.Text(WorkbookSchema.LinesSheet, civil, "支出类别")));
        Assert.Equal("融媒体中心专项经费", reopened.Text(WorkbookSchema.LinesSheet, basic + 1, "项目名称")); // the blank row, filled in place
        Assert.DoesNotContain(rows, row => reopened.Text(WorkbookSchema.LinesSheet, row, "项目名称") == "文明建设经费");

        // Importing again changes nothing.
        var hash = FormFixture.Hash(started);
        Assert.False(ImportJob.Run(new ImportRequest([forms], started)).Written);
        Assert.Equal(hash, FormFixture.Hash(started));
    }

    [Theory]
    [InlineData("金额单位")]
    [InlineData("单位")]
    [InlineData("金额单位（万元/元）")]
    public void A_workbook_in_yuan_takes_the_forms_wan_amounts_at_their_value_whatever_its_unit_label(string label)
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("元.xlsx");
        Assert.Equal(0, CliHarness.Run("new", target, "--unit", "元").ExitCode);
        var clerk = new Clerk(target);
        clerk.Type(WorkbookSchema.InfoSheet, clerk.Row(WorkbookSchema.InfoSheet, "金额单位"), "项目", label);
        clerk.Save();

        ImportJob.Run(new ImportRequest([fixture.ShifengDocx()], target));

        var workbook = ExecutionWorkbookReader.Read(target);
        Assert.Equal("元", workbook.Department.SourceUnit);
        Assert.Equal(231.42m, workbook.Department.Amount("年初基本支出")!.Value);
        Assert.Equal(231.42m, workbook.Lines.Single(line => line.Name == "基本支出").InitialBudget);
        Assert.Equal(50m, workbook.ProjectTargets.Single(target => target.Name == "文明建设经费").Amount);
    }

    private static FormGrid HebeiWithout(int unitRow, string owner = "")
    {
        var rows = PublishedForms.Hebei().Rows.Select(row => row.ToArray()).ToList();
        rows.RemoveAt(unitRow);
        rows[3][1] = owner;
        return new FormGrid(rows);
    }

    public static TheoryData<string, object[]> UnitLines => new()
    {
        { "one paragraph, spaces", ["211001中共曹妃甸区委宣传部本级        单位：万元", HebeiWithout(2)] },
        { "one paragraph, tab and full-width spaces", ["211001\t中共曹妃甸区委宣传部本级\u3000\u3000单位：万元", HebeiWithout(2)] },
        { "stamp and bracketed code", ["单位名称：[211001]中共曹妃甸区委宣传部本级（盖章）   金额单位：万元", HebeiWithout(2)] },
        { "split over cells", [new FormGrid([["211001", "中共曹妃甸区委宣传部本级", "", "", "", "单位：万元", "<"], .. HebeiWithout(2).Rows])] },
    };

    [Theory]
    [MemberData(nameof(UnitLines))]
    public void A_unit_line_as_the_budget_system_prints_it_names_the_department(string shape, object[] blocks)
    {
        using var fixture = new FormFixture();
        var path = fixture.PathOf("曹妃甸.docx");
        DocxFormBuilder.Write(path, blocks);
        var target = fixture.PathOf("曹妃甸.xlsx");

        var result = ImportJob.Run(new ImportRequest([path], target));

        Assert.True(result.Content.DepartmentName == "中共曹妃甸区委宣传部", $"{shape}: {result.Content.DepartmentName}");
        var output = new StringWriter();
        ImportSummaryRenderer.Render(result, output);
        Assert.Contains("部门：中共曹妃甸区委宣传部", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("中共曹妃甸区委宣传部", ExecutionWorkbookReader.Read(target).Department.Name);
    }

    [Fact]
    public void An_amount_a_workbook_refuses_is_refused_in_a_form_too_with_its_place_and_the_closing_line_says_what_was_not_written()
    {
        using var fixture = new FormFixture();
        var rows = PublishedForms.Hebei().Rows.Select(row => row.ToArray()).ToList();
        rows[6][1] = "38,57";
        var path = fixture.PathOf("河北.xlsx");
        XlsxFormBuilder.Write(path, [("项目", [new FormGrid(rows)])]);
        var target = fixture.PathOf("工作簿.xlsx");

        var run = CliHarness.Run("import", path, "--into", target);

        Assert.Equal(1, run.ExitCode);
        Assert.NotNull(AmountParser.Parse("38,57", false).Problem);
        Assert.Contains("RG509", run.Output, StringComparison.Ordinal);
        Assert.Contains("项目!B7", run.Output, StringComparison.Ordinal);
        Assert.Contains("“预算数”的金额“38,57”无法读取", run.Output, StringComparison.Ordinal);
        Assert.Contains("无法读取的 1 个金额没有写入工作簿", run.Output, StringComparison.Ordinal);
        var project = ImportJob.Run(new ImportRequest([path], fixture.PathOf("试.xlsx"), DryRun: true)).Content.Projects.Single();
        Assert.Null(project.Amount);
    }

    [Fact]
    public void A_Hebei_department_document_is_recognised_from_its_headings_with_its_standards_duties_and_goal()
    {
        using var fixture = new FormFixture();
        var path = fixture.PathOf("承德.docx");
        DocxFormBuilder.Write(path, HebeiDepartmentDocument.Blocks);

        var department = Assert.IsType<DepartmentForm>(Assert.Single(FormFixture.Read(path).Forms));

        Assert.Equal((FormLayout.HebeiDepartment, HebeiDepartmentDocument.Department, 2024), (department.Layout, department.Name, department.Year));
        Assert.StartsWith("贯彻落实上级有关宣传工作的各项政策。", department.OverallGoal, StringComparison.Ordinal);
        Assert.Equal(HebeiDepartmentDocument.Indicators, department.Indicators.Select(i => (i.Level2, i.Level3)).ToArray());
        Assert.All(department.Indicators, indicator =>
            Assert.Equal(("产出指标", "100%", "优：100%；良：90%；中：80%；差：60%以下"), (indicator.Level1, indicator.Target, indicator.Scale)));
        Assert.Equal(["综合科", "宣传科", "传媒科", "财务科"], department.KeyTasks.Select(task => task.Owner));
        var publicity = department.KeyTasks[1].Goal!;
        Assert.StartsWith("负责指导协调全区理论学习、理论宣传工作。", publicity, StringComparison.Ordinal);
        Assert.Contains("组织对全区先进典型的学习推广。", publicity, StringComparison.Ordinal);
        Assert.Equal(7, publicity.Split('\n').Length);
        Assert.Contains("认真完成综合协调", department.KeyTasks[0].Goal, StringComparison.Ordinal);
        Assert.StartsWith("财务科计划完成 2024 年度专项资金", department.KeyTasks[3].Goal, StringComparison.Ordinal);
        Assert.DoesNotContain(department.KeyTasks, task => task.Goal!.Contains("保障措施", StringComparison.Ordinal) || task.Goal.Contains("绩效指标", StringComparison.Ordinal));

        var target = fixture.PathOf("承德.xlsx");
        ImportJob.Run(new ImportRequest([path], target));
        var workbook = ExecutionWorkbookReader.Read(target);
        Assert.Equal(11, workbook.Indicators.Count(row => row.IsDepartment && row.Standard == "优：100%；良：90%；中：80%；差：60%以下"));
        Assert.StartsWith("贯彻落实", workbook.Department.Fact("年度总体目标"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("年度绩效目标：1.年满60周岁的老人全部纳入", "年满60周岁的老人全部纳入")]
    [InlineData("1、完成送戏下乡60场\n2、扶持队伍20支", "完成送戏下乡60场\n扶持队伍20支")]
    [InlineData("（1）1.5万人次受益", "1.5万人次受益")]
    [InlineData("2024年完成全部任务", "2024年完成全部任务")]
    public void Goals_lose_their_label_and_list_prefixes(string written, string imported) =>
        Assert.Equal(imported, FormText.Goal(written));
}
