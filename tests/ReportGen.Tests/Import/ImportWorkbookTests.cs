using ReportGen.Import;
using ReportGen.Input;
using ReportGen.Output;

namespace ReportGen.Tests.Import;

/// <summary>Merging into the input workbook: new and existing workbooks, idempotence, the user's columns, dry runs.</summary>
public class ImportWorkbookTests
{
    private static ImportResult Import(string target, bool dryRun = false, params string[] forms) =>
        ImportJob.Run(new ImportRequest(forms, target, dryRun));

    private static List<string[]> Sheet(string path, string name) =>
        WorkbookLoader.Load(path).Find(name)!.Rows.Select(row => row.Select(CellText.Of).ToArray()).ToList();

    [Fact]
    public void Import_creates_a_workbook_with_every_target_sheet_and_a_budget_sheet_to_complete()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("石峰2023.xlsx");

        var result = Import(target, false, fixture.ShifengDocx());

        Assert.True(result.Written);
        Assert.Equal(["填写说明", "基本信息", "预算执行", "绩效指标", "重点工作", "项目目标"], WorkbookLoader.Load(target).Sheets.Select(s => s.Name));
        var info = Sheet(target, "基本信息").ToDictionary(row => row[0], row => row.ElementAtOrDefault(1) ?? "");
        Assert.Equal(("中共株洲市石峰区委员会宣传部", "2023", "万元"), (info["部门名称"], info["年度"], info["金额单位"]));
        Assert.Equal(("326.42", "326.42", "231.42", "95"), (info["年初资金总额"], info["一般公共预算拨款"], info["年初基本支出"], info["年初项目支出"]));
        var budget = Sheet(target, "预算执行");
        Assert.Equal(["项目名称", "支出类别", "来源", "年初预算数", "调整数", "全年预算数", "实际支出数", "结余结转数", "资金来源", "主要用途", "别名", "偏差原因"], budget[0]);
        Assert.Equal([("基本支出", "基本支出", "231.42"), ("融媒体中心专项经费", "项目支出", "30"), ("文明建设经费", "项目支出", "50"), ("意识形态工作专项经费", "项目支出", "15")],
            budget.Skip(1).Select(row => (row[0], row[1], row[3])));
        var indicators = Sheet(target, "绩效指标");
        Assert.Equal(["归属", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "完成情况", "得分", "偏差原因", "评价标准"], indicators[0]);
        Assert.Equal(36, indicators.Count - 1);
        Assert.Equal(11, indicators.Count(row => row[0] == "部门整体"));
        var projects = Sheet(target, "项目目标");
        Assert.Equal(["融媒体中心专项经费", "30", "2023年全年"], new[] { projects[1][0], projects[1][2], projects[1][3] });
        Assert.Equal(8, Sheet(target, "重点工作").Count);
    }

    [Fact]
    public void Import_twice_gives_the_same_workbook_and_does_not_rewrite_it()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("wb.xlsx");
        var docx = fixture.ShifengDocx();
        Import(target, false, docx);
        var first = FormFixture.Hash(target);

        var again = Import(target, false, docx);
        var fromExcel = Import(target, false, fixture.ShifengXlsx());

        Assert.False(again.Written);
        Assert.False(fromExcel.Written);
        Assert.Equal(first, FormFixture.Hash(target));
    }

    [Fact]
    public void Import_keeps_the_users_columns_and_budget_sheet_and_updates_changed_targets()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("wb.xlsx");
        Import(target, false, fixture.ShifengDocx());

        // The user fills in the year: actuals, scores, outcomes, and the budget execution; plus a sheet of their own.
        var workbook = WorkbookLoader.Load(target);
        var sheets = workbook.Sheets.Select(sheet => new XlsxSheet(sheet.Name, sheet.Rows.Select((row, r) =>
        {
            var cells = row.Cast<object?>().ToList();
            while (cells.Count < 12)
            {
                cells.Add(null);
            }

            if (r > 0 && sheet.Name == "绩效指标" && CellText.Of(cells[3]) == "全年宣传报道")
            {
                (cells[5], cells[6], cells[7], cells[8], cells[9]) = ("2886篇次", 5m, "部分达成", 4.81m, "报道数量略低于目标");
            }

            if (r > 0 && sheet.Name == "预算执行" && CellText.Of(cells[0]) == "融媒体中心专项经费")
            {
                (cells[4], cells[6], cells[10]) = (8.72m, 38.57m, "融媒体经费");
            }

            if (r > 0 && sheet.Name == "项目目标")
            {
                cells[6] = "完成年度目标";
            }

            return (IReadOnlyList<object?>)cells;
        }).ToList())).Append(new XlsxSheet("备注", [["自己的笔记"]])).ToList();
        XlsxWriter.Write(target, sheets);
        var budgetBefore = Sheet(target, "预算执行");

        // A corrected form: the 融媒体 target is raised, and a new indicator is added.
        var media = new FormGrid(PublishedForms.Media.Rows.Select(row => row.Select(c => c == "≥3000篇" ? "≥3200篇" : c).ToArray()).ToList());
        var path = fixture.PathOf("corrected.docx");
        DocxFormBuilder.Write(path, [PublishedForms.Table1, PublishedForms.Summary, media, PublishedForms.Civil, PublishedForms.Ideology]);
        var result = Import(target, false, path);

        Assert.True(result.Written);
        var row = Sheet(target, "绩效指标").Single(r => r[3] == "全年宣传报道");
        Assert.Equal(["融媒体中心专项经费", "≥3200篇", "2886篇次", "5", "部分达成", "4.81", "报道数量略低于目标"], new[] { row[0], row[4], row[5], row[6], row[7], row[8], row[9] });
        Assert.Equal(budgetBefore.Select(r => string.Join("|", r)), Sheet(target, "预算执行").Select(r => string.Join("|", r)));
        Assert.All(Sheet(target, "项目目标").Skip(1), r => Assert.Equal("完成年度目标", r[6]));
        Assert.Equal("自己的笔记", Sheet(target, "备注")[0][0]);
        Assert.Equal(37, Sheet(target, "绩效指标").Count);
        Assert.Contains(result.Merge.Changes, change => change.Sheet == "绩效指标" && change.Updated == 1 && change.Added == 0);
    }

    [Fact]
    public void Import_dry_run_writes_nothing_and_inputs_are_never_modified()
    {
        using var fixture = new FormFixture();
        var docx = fixture.ShifengDocx();
        var xls = fixture.PathOf("copy.xls");
        File.Copy(FormFixture.TestFile("石峰目标表-libreoffice.xls"), xls);
        var hashes = new[] { docx, xls }.Select(FormFixture.Hash).ToList();
        var target = fixture.PathOf("wb.xlsx");

        var dry = Import(target, true, docx, xls);
        Assert.False(dry.Written);
        Assert.False(File.Exists(target));

        Import(target, false, docx, xls);
        var written = FormFixture.Hash(target);
        // Another department's form (forced past the department check): the dry run still writes nothing.
        var dryAgain = ImportJob.Run(new ImportRequest([fixture.LiwanDocx()], target, DryRun: true, Force: true));

        Assert.False(dryAgain.Written);
        Assert.True(dryAgain.Merge.Changed);
        Assert.Equal(written, FormFixture.Hash(target));
        Assert.Equal(hashes, new[] { docx, xls }.Select(FormFixture.Hash).ToList());
        Assert.Empty(Directory.GetFiles(fixture.Folder, "*.tmp"));
    }

    [Fact]
    public void Import_writes_amounts_in_yuan_into_a_workbook_kept_in_yuan()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("yuan.xlsx");
        XlsxWriter.Write(target, [new XlsxSheet("基本信息", [["项目", "内容"], ["部门名称", PublishedForms.Department], ["金额单位", "元"]])]);

        Import(target, false, fixture.ShifengDocx());

        var info = Sheet(target, "基本信息").ToDictionary(row => row[0], row => row[1]);
        Assert.Equal((PublishedForms.Department, "3264200"), (info["部门名称"], info["年初资金总额"]));
        Assert.Equal("300000", Sheet(target, "项目目标")[1][2]);
        // The workbook had no 预算执行: the import makes one, its amounts in 元 like the rest.
        Assert.Equal([("基本支出", "2314200"), ("融媒体中心专项经费", "300000")], Sheet(target, "预算执行").Skip(1).Take(2).Select(row => (row[0], row[3])));
    }

    [Fact]
    public void Import_keeps_the_hebei_spending_plan_in_its_own_sheet()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("hebei.xlsx");

        Import(target, false, FormFixture.TestFile("hebei-python-docx.docx"));

        Assert.Equal(["乡村文化振兴专项资金", "20%", "50%", "80%", "100%"], Sheet(target, "支出计划")[1]);
        var info = Sheet(target, "基本信息").ToDictionary(row => row[0], row => row.ElementAtOrDefault(1) ?? "");
        Assert.Equal(("中共平山县委宣传部", "2024"), (info["部门名称"], info["年度"]));
    }
}
