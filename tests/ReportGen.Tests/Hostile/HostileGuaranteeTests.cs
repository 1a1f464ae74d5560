using System.CommandLine;
using ReportGen.Cli;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Guarantees: no stack trace ever reaches the user. A broken input is exit 2 with one Chinese line; an
/// unexpected exception (a bug) is exit 3 with one Chinese sentence, and <c>--verbose</c> adds the detail.
/// </summary>
public sealed class HostileGuaranteeTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> BrokenInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in new[] { "check", "preview", "generate" })
        {
            foreach (var input in new[] { "空", "截断", "随机", "压缩包", "Word", "加密", "文件夹" })
            {
                data.Add(command, input);
            }
        }

        return data;
    }

    private string Broken(string kind)
    {
        var path = _temp.File(kind + ".xlsx");
        var sample = HostileFiles.Sample();
        switch (kind)
        {
            case "文件夹":
                Directory.CreateDirectory(path);
                break;
            default:
                File.WriteAllBytes(path, kind switch
                {
                    "空" => [],
                    "截断" => sample[..(sample.Length / 3)],
                    "随机" => [.. Enumerable.Range(0, 999).Select(i => (byte)(i * 37))],
                    "压缩包" => HostileFiles.Zip(("a.txt", [1, 2, 3])),
                    "Word" => File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "ReportGen.Tests", "Import", "TestFiles", "hebei-python-docx.docx")),
                    _ => HostileFiles.EncryptedXlsx(),
                });
                break;
        }

        return path;
    }

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public void Hostile_broken_input_is_one_chinese_line_and_exit_2(string command, string input)
    {
        var args = command == "generate" ? new[] { command, Broken(input), "-o", _temp.File("报告.docx") } : [command, Broken(input)];
        var result = CliHarness.Run(args);

        Assert.Equal(2, result.ExitCode);
        result.AssertNoStackTrace();
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("错误：", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("报告.docx")));
    }

    [Fact]
    public void Hostile_verbose_adds_the_detail_of_a_broken_input()
    {
        var result = CliHarness.Run("check", Broken("加密"), "--verbose");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("InvalidPasswordException", result.Error, StringComparison.Ordinal);
    }

    private static (int Code, string Error) RunWork(Func<int> work, params string[] args)
    {
        var root = new RootCommand { CliRunner.Verbose };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new CliRunner(output, error).Run(root.Parse(args), work);
        return (code, error.ToString());
    }

    [Fact]
    public void Hostile_unexpected_exception_is_exit_3_with_one_chinese_sentence()
    {
        var (code, error) = RunWork(() => throw new NullReferenceException("模拟的程序缺陷"));

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Equal("内部错误：ReportGen 遇到了意外问题，输入文件未被修改。请加 --verbose 重新运行，并将输出反馈给开发者。", error.TrimEnd());
    }

    [Fact]
    public void Hostile_unexpected_exception_with_verbose_shows_the_detail()
    {
        var (code, error) = RunWork(() => throw new NullReferenceException("模拟的程序缺陷"), "--verbose");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.StartsWith("内部错误：", error, StringComparison.Ordinal);
        Assert.Contains("System.NullReferenceException: 模拟的程序缺陷", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(28, "磁盘空间不足")]
    [InlineData(30, "输出位置是只读的")]
    [InlineData(5, "无法读写文件：")]
    public void Hostile_io_failures_are_exit_2_in_chinese(int errno, string expected)
    {
        var (code, error) = RunWork(() => throw new IOException("English text from .NET", errno));

        Assert.Equal(ExitCodes.InputError, code);
        Assert.StartsWith("错误：" + expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_permission_failure_is_exit_2_in_chinese()
    {
        var (code, error) = RunWork(() => throw new UnauthorizedAccessException("Access to the path '/x' is denied."));

        Assert.Equal(ExitCodes.InputError, code);
        Assert.StartsWith("错误：没有读写权限", error, StringComparison.Ordinal);
    }
}
