using ReportGen.Batch;
using ReportGen.Cli;
using ReportGen.Model;
using ReportGen.Tests.Batch;

namespace ReportGen.Tests;

/// <summary>
/// <see cref="JobFailure"/>, the one place an exception becomes an outcome: its kind, its Chinese sentence, the exit
/// code of the command line and the status of a batch row.
/// </summary>
public sealed class JobFailureTests
{
    [Fact]
    public void An_input_failure_keeps_its_message_and_cell_and_exits_2()
    {
        var location = new SourceLocation("部门.xlsx", "预算执行", 3, 4);
        var cause = new FormatException("inner");
        var failure = JobFailure.Of(new InputException("工作表“预算执行”缺少“实际支出数”列。", location, cause));
        Assert.Equal((FailureKind.Input, location, cause), (failure.Kind, failure.Location, failure.Detail));
        Assert.Equal("错误：工作表“预算执行”缺少“实际支出数”列。", failure.Line);
        Assert.Equal(ExitCodes.InputError, ExitCodes.Of(failure.Kind));
    }

    [Fact]
    public void A_file_system_failure_is_one_Chinese_sentence_naming_the_output_and_exits_2()
    {
        var exception = new UnauthorizedAccessException("Access to the path is denied.");
        var failure = JobFailure.Of(exception, "/只读/报告.docx");
        Assert.Equal((FailureKind.FileSystem, null), (failure.Kind, failure.Location));
        Assert.Equal("错误：没有读写权限：/只读/报告.docx。请换一个有写入权限的输出位置，或关闭正在使用该文件的程序后重试。", failure.Line);
        Assert.Same(exception, failure.Detail);
        Assert.Equal(ExitCodes.InputError, ExitCodes.Of(failure.Kind));
    }

    [Fact]
    public void A_bug_is_an_internal_error_that_exits_3_and_a_batch_row_names_its_type()
    {
        var exception = new InvalidOperationException("Sequence contains no elements");
        var failure = JobFailure.Of(exception);
        Assert.Equal(FailureKind.Internal, failure.Kind);
        Assert.Equal("内部错误：ReportGen 遇到了意外问题，输入文件未被修改。请加 --verbose 重新运行，并将输出反馈给开发者。", failure.Line);
        Assert.Equal(ExitCodes.InternalError, ExitCodes.Of(failure.Kind));

        var row = JobFailure.OfWorkbook(exception, "out/部门.docx");
        Assert.Equal(FailureKind.Internal, row.Kind);
        Assert.Equal("内部错误：处理该工作簿时 ReportGen 遇到了意外问题（InvalidOperationException），输入文件未被修改。请将该工作簿反馈给开发者。", row.Message);
        Assert.DoesNotContain("Sequence contains", row.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_and_a_batch_row_say_the_same_of_an_unreadable_workbook()
    {
        using var folder = new BatchFolder();
        var summary = BatchJob.GenerateAll(new BatchRequest(folder.Input, folder.Output, "default", Bundled.TemplatesDirectory) { Jobs = 1 },
            WorkbookFinder.Find(folder.Input, folder.Output));
        var row = summary.Departments.Single(d => d.Workbook == BatchFolder.Corrupt);
        Assert.Equal(BatchStatus.Unreadable, row.Status);

        var (output, error) = (new StringWriter(), new StringWriter());
        var code = Program.Run(["check", Path.Combine(folder.Input, BatchFolder.Corrupt)], output, error);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Equal($"错误：{row.Message}", error.ToString().TrimEnd());
    }
}
