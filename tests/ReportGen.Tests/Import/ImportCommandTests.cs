using ReportGen.Cli;

namespace ReportGen.Tests.Import;

/// <summary>The <c>import</c> verb: output in Chinese, exit codes 0 / 1 / 2, no stack traces.</summary>
public class ImportCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(["import", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Import_command_prints_what_it_recognised_and_exits_1_on_the_Shifeng_forms_defect()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("wb.xlsx");

        var (code, output, error) = Run(fixture.ShifengDocx(), "--into", target);

        Assert.Equal(ExitCodes.FindingsWithErrors, code);
        Assert.Equal("", error);
        Assert.Contains("部门：中共株洲市石峰区委员会宣传部，2023年度", output, StringComparison.Ordinal);
        Assert.Contains("项目 3 个，金额合计 95.00 万元", output, StringComparison.Ordinal);
        Assert.Contains("绩效指标 36 个：部门整体 11 个；融媒体中心专项经费 8 个；文明建设经费 9 个；意识形态工作专项经费 8 个", output, StringComparison.Ordinal);
        Assert.Contains("RG503", output, StringComparison.Ordinal);
        Assert.True(File.Exists(target));
    }

    [Fact]
    public void Import_command_dry_run_exits_0_on_clean_forms_without_writing()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("wb.xlsx");

        var (code, output, _) = Run(FormFixture.TestFile("hebei-python-docx.docx"), "--into", target, "--dry-run");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("试运行", output, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Import_command_exits_2_with_a_message_and_no_stack_trace_on_unreadable_input()
    {
        using var fixture = new FormFixture();

        var (code, output, error) = Run(fixture.PathOf("不存在.docx"), "--into", fixture.PathOf("wb.xlsx"));
        var (xlsCode, _, xlsError) = Run(fixture.ShifengDocx(), "--into", fixture.PathOf("wb.xls"));

        Assert.Equal((ExitCodes.InputError, ""), (code, output));
        Assert.Contains("找不到文件", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InputError, xlsCode);
        Assert.Contains(".xlsx", xlsError, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_command_exits_2_when_no_target_form_is_recognised()
    {
        using var fixture = new FormFixture();
        var path = fixture.PathOf("通知.docx");
        DocxFormBuilder.Write(path, ["关于报送绩效目标的通知", FormGrid.Of(["单位", "联系人"], ["宣传部", "张三"])]);

        var (code, _, error) = Run(path, "--into", fixture.PathOf("wb.xlsx"));

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("没有识别出任何绩效目标表", error, StringComparison.Ordinal);
        Assert.Contains("通知.docx", error, StringComparison.Ordinal);
    }
}
