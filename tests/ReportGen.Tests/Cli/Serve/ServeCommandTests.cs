using System.Net;
using System.Net.Sockets;
using ReportGen.Cli;
using ReportGen.Cli.Serve;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli.Serve;

/// <summary><c>reportgen serve</c>'s options: mistakes are Chinese usage errors (exit 2); --listen beyond loopback gets a token.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("端口“70000”无效", "serve", "--port", "70000")]
    [InlineData("--port 和 --listen 只能选一个", "serve", "--port", "18080", "--listen", "0.0.0.0:8080")]
    [InlineData("监听地址“intranet”无效", "serve", "--listen", "intranet")]
    [InlineData("监听地址“0.0.0.0”无效", "serve", "--listen", "0.0.0.0")]
    [InlineData("访问令牌至少需要 16 个字符", "serve", "--token", "short")]
    public void Option_mistakes_are_usage_errors(string expected, params string[] args)
    {
        var result = CliHarness.Run(args);
        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Serve_is_in_the_help_and_no_arguments_on_a_terminal_still_print_the_help()
    {
        var help = CliHarness.Run();
        Assert.Equal(ExitCodes.Ok, help.ExitCode);
        Assert.Contains("serve", help.Output, StringComparison.Ordinal);
        Assert.False(DoubleClick.Started(["generate"]));
        if (!OperatingSystem.IsWindows())
        {
            Assert.False(DoubleClick.Started([]));
        }

        var serveHelp = CliHarness.Run("serve", "--help");
        Assert.Contains("--no-open", serveHelp.Output, StringComparison.Ordinal);
        Assert.Contains("--listen", serveHelp.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:18080", false)]
    [InlineData("localhost:18080", false)]
    [InlineData("0.0.0.0:8080", true)]
    [InlineData("[::]:8080", true)]
    public void Listening_beyond_loopback_generates_a_token(string listen, bool token)
    {
        var options = ServeCommand.Options(null, listen, null);
        Assert.Equal(token, options.Token is not null);
        Assert.Equal(!token, options.IsLoopback);
        Assert.Equal("given-token-0123456789", ServeCommand.Options(null, listen, "given-token-0123456789").Token);
        if (token)
        {
            Assert.Equal(32, options.Token!.Length);
            Assert.NotEqual(options.Token, ServeCommand.Options(null, listen, null).Token);
        }
    }

    [Fact]
    public void A_port_in_use_is_a_sentence_not_an_exception()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = CliHarness.Run("serve", "--no-open", "--port", port);
        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Contains($"无法在 127.0.0.1:{port} 上启动工作台", result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }
}
