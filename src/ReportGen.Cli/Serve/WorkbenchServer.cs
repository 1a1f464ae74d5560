using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReportGen.Output;

namespace ReportGen.Cli.Serve;

/// <summary>
/// The workbench's web server (docs/serve.md): ASP.NET Core's slim builder with Kestrel, one request delegate that
/// checks access (<see cref="WorkbenchAccess"/>), sets the security headers and sends the request to the page, a
/// held preview or an endpoint (<see cref="WorkbenchEndpoints"/>). Requests are served in parallel; each runs its
/// job on the files of its own <see cref="UploadFolder"/>.
/// </summary>
internal sealed class WorkbenchServer : IAsyncDisposable
{
    /// <summary>The policy of the workbench page: its own script and style only, answers from itself only.</summary>
    public const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly Dictionary<string, (string Resource, string Type)> Page = new(StringComparer.Ordinal)
    {
        ["/"] = ("index.html", "text/html; charset=utf-8"),
        ["/workbench.css"] = ("workbench.css", "text/css; charset=utf-8"),
        ["/workbench.js"] = ("workbench.js", "text/javascript; charset=utf-8"),
    };

    private readonly WebApplication _app;

    private WorkbenchServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address to open: the server's root, with <c>?token=</c> when a token is required.</summary>
    public Uri Address { get; }

    /// <summary>Starts listening; the caller waits with <see cref="WaitForShutdownAsync"/> or stops it.</summary>
    public static async Task<WorkbenchServer> StartAsync(WorkbenchOptions options, Func<string?>? locateLibreOffice = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = "reportgen",

            // Not the current folder: no appsettings.json of the clerk's is read, nothing is looked for there.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = WorkbenchOptions.MaxRequestBytes;
            kestrel.Listen(options.Address, options.Port);
        });

        var app = builder.Build();
        var access = new WorkbenchAccess(options);
        var endpoints = new WorkbenchEndpoints(locateLibreOffice ?? LibreOfficeLocator.Find);
        var posts = endpoints.Posts;
        app.Run(context => Dispatch(context, access, endpoints, posts));
        await app.StartAsync();

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var host = options.Address.Equals(IPAddress.Any) || options.Address.Equals(IPAddress.IPv6Any) ? Dns.GetHostName()
            : options.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{options.Address}]"
            : options.Address.ToString();
        var address = new Uri(options.Token is null ? $"http://{host}:{port}/" : $"http://{host}:{port}/?{WorkbenchAccess.TokenQuery}={options.Token}");
        return new WorkbenchServer(app, address);
    }

    /// <summary>Until Ctrl+C (or SIGTERM), or until <paramref name="stop"/> is cancelled.</summary>
    public Task WaitForShutdownAsync(CancellationToken stop = default) => _app.WaitForShutdownAsync(stop);

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task Dispatch(HttpContext context, WorkbenchAccess access, WorkbenchEndpoints endpoints,
        IReadOnlyDictionary<string, Func<HttpContext, IFormCollection, UploadFolder, Task>> posts)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = "no-store";

        if (access.Refusal(context) is { } refusal)
        {
            context.Response.StatusCode = refusal.Status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(refusal.Message);
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        if (posts.TryGetValue(path, out var post))
        {
            if (!HttpMethods.IsPost(method))
            {
                await NotAllowed(context, "POST");
                return;
            }

            await WorkbenchEndpoints.Run(context, post);
            return;
        }

        var isGet = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        if (Page.TryGetValue(path, out var file) || path == "/api/info" || path.StartsWith(HeldPreviews.Prefix, StringComparison.Ordinal))
        {
            if (!isGet)
            {
                await NotAllowed(context, "GET");
                return;
            }

            access.Remember(context);
            if (path == "/api/info")
            {
                await endpoints.Info(context);
            }
            else if (path.StartsWith(HeldPreviews.Prefix, StringComparison.Ordinal))
            {
                await endpoints.Previews.Serve(context);
            }
            else
            {
                context.Response.ContentType = file.Type;
                await context.Response.Body.WriteAsync(Resource(file.Resource), context.RequestAborted);
            }

            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("没有这个地址。工作台在 / ，接口见 docs/serve.md。");
    }

    private static Task NotAllowed(HttpContext context, string allowed)
    {
        context.Response.Headers.Allow = allowed;
        return WorkbenchEndpoints.Fail(context, StatusCodes.Status405MethodNotAllowed, $"这个地址只接受 {allowed} 请求（见 docs/serve.md）。");
    }

    /// <summary>A file of the page, embedded in the executable (Serve/Page/).</summary>
    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Serve.Page." + name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
