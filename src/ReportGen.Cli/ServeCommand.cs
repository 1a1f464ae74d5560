using System.CommandLine;
using System.Diagnostics;
using System.Net;
using ReportGen.Cli.Serve;
using ReportGen.Model;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen serve [--no-open] [--port N] [--listen 地址:端口] [--token 令牌]</c>: the workbench, a page in the
/// browser that does the whole job (docs/serve.md). Listens on 127.0.0.1 at a free port unless told otherwise,
/// prints the address, opens the default browser there, and runs until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliRunner runner)
    {
        var noOpen = new Option<bool>("--no-open") { Description = "不自动打开浏览器（只显示地址）" };
        var port = new Option<int?>("--port", "-p") { HelpName = "端口", Description = "在 127.0.0.1 的这个端口上提供服务；默认由系统选择一个空闲端口" };
        port.Validators.Add(result =>
        {
            if (result.GetValue(port) is { } value && value is < 1 or > 65535)
            {
                result.AddError($"端口“{value}”无效：请填写 1–65535 之间的数字，或不指定端口由系统选择。");
            }
        });
        var listen = new Option<string?>("--listen")
        {
            HelpName = "地址:端口",
            Description = "在指定的地址和端口上提供服务，例如 0.0.0.0:8080 让单位内网中的其他电脑访问；不是本机地址时必须使用访问令牌（自动生成并显示，或用 --token 指定）",
        };
        listen.Validators.Add(result =>
        {
            if (result.GetValue(listen) is { } text && !TryParseEndpoint(text, out _))
            {
                result.AddError($"监听地址“{text}”无效：请写成 地址:端口，例如 0.0.0.0:8080 或 127.0.0.1:18080。");
            }
        });
        var token = new Option<string?>("--token")
        {
            HelpName = "令牌",
            Description = "访问令牌（至少 16 个字符）：每个请求都必须带上它；不指定时，监听非本机地址会自动生成一个",
        };
        token.Validators.Add(result =>
        {
            if (result.GetValue(token) is { } value && (value.Length < 16 || value.Any(ch => ch <= ' ' || ch > '~')))
            {
                result.AddError("访问令牌至少需要 16 个字符，且只能由英文字母、数字和符号组成（不含空格）。");
            }
        });
        var command = new Command("serve", "在浏览器中使用 ReportGen：启动本机工作台（新建工作簿、导入目标表、检查、预览、生成报告），按 Ctrl+C 停止")
        {
            noOpen, port, listen, token,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(port) is not null && result.GetValue(listen) is not null)
            {
                result.AddError("--port 和 --listen 只能选一个：--listen 已包含端口。");
            }
        });
        command.SetAction(parse => runner.Run(parse, () =>
        {
            var options = Options(parse.GetValue(port), parse.GetValue(listen), parse.GetValue(token));
            return Serve(runner, options, open: !parse.GetValue(noOpen));
        }));
        return command;
    }

    /// <summary>Where to listen and the token: beyond loopback a token is required, generated when not given.</summary>
    public static WorkbenchOptions Options(int? port, string? listen, string? token)
    {
        if (listen is null)
        {
            return WorkbenchOptions.Loopback(port ?? 0, token);
        }

        _ = TryParseEndpoint(listen, out var endpoint);
        var options = new WorkbenchOptions(endpoint!.Address, endpoint.Port, token);
        return options.IsLoopback || token is not null ? options : options with { Token = WorkbenchOptions.NewToken() };
    }

    /// <summary>Runs the workbench until Ctrl+C: prints the address, opens the browser, waits.</summary>
    public static int Serve(CliRunner runner, WorkbenchOptions options, bool open)
    {
        WorkbenchServer server;
        try
        {
            server = WorkbenchServer.StartAsync(options, runner.LocateLibreOffice).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            var where = options.Port == 0 ? options.Address.ToString() : $"{options.Address}:{options.Port}";
            throw new InputException($"无法在 {where} 上启动工作台：该地址或端口已被占用，或本机没有这个地址。请换一个端口，或不指定端口由系统选择空闲端口。", null, ex);
        }

        var output = runner.Output;
        output.WriteLine($"ReportGen 工作台已启动：{server.Address}");
        if (options.Token is not null)
        {
            output.WriteLine($"  访问令牌：{options.Token}（在其他电脑上用上面的完整地址打开；脚本在请求头 {WorkbenchAccess.TokenHeader} 中附上令牌）");
        }

        if (!options.IsLoopback)
        {
            output.WriteLine($"  正在监听 {options.Address}，同一网络中的电脑都能访问，请只把地址告诉需要使用的同事。");
        }

        output.WriteLine("  在浏览器中打开上面的地址即可使用；按 Ctrl+C 停止。");
        if (open && !OpenBrowser(options.IsLoopback || options.Token is null ? server.Address : LocalAddress(server.Address)))
        {
            output.WriteLine("  未能自动打开浏览器，请手动打开上面的地址。");
        }

        output.Flush();
        server.WaitForShutdownAsync().GetAwaiter().GetResult();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        output.WriteLine("工作台已停止。");
        return ExitCodes.Ok;
    }

    public static bool TryParseEndpoint(string text, out IPEndPoint? endpoint)
    {
        endpoint = null;
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            text = "127.0.0.1" + text["localhost".Length..];
        }

        if (IPEndPoint.TryParse(text, out var parsed) && parsed.Port is > 0 and <= 65535 && text.Contains(':', StringComparison.Ordinal))
        {
            endpoint = parsed;
            return true;
        }

        return false;
    }

    /// <summary>The address as this machine's browser reaches it (a server on 0.0.0.0 is at 127.0.0.1 too).</summary>
    private static Uri LocalAddress(Uri address) => new UriBuilder(address) { Host = "127.0.0.1" }.Uri;

    /// <summary>Opens the default browser; false when the system has no way to (a server without a desktop).</summary>
    private static bool OpenBrowser(Uri address)
    {
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(address.AbsoluteUri) { UseShellExecute = true }
            : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [address.AbsoluteUri])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
        try
        {
            using var process = Process.Start(start);
            if (process is not null && !OperatingSystem.IsWindows())
            {
                // xdg-open's chatter stays out of the terminal; it ends when the browser has the address.
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                return process.WaitForExit(10_000) ? process.ExitCode == 0 : true;
            }

            return process is not null || OperatingSystem.IsWindows();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
