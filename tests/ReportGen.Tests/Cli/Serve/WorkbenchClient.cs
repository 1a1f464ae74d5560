using System.Net.Http.Headers;
using ReportGen.Cli.Serve;

namespace ReportGen.Tests.Cli.Serve;

/// <summary>A running workbench and an HTTP client for it, as a script would use the endpoints (docs/serve.md).</summary>
internal sealed class WorkbenchClient : IAsyncDisposable
{
    private WorkbenchClient(WorkbenchServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = new Uri(server.Address.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromMinutes(3) };
    }

    public WorkbenchServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<WorkbenchClient> Start(WorkbenchOptions? options = null, Func<string?>? locateLibreOffice = null) =>
        new(await WorkbenchServer.StartAsync(options ?? WorkbenchOptions.Loopback(), locateLibreOffice));

    /// <summary>A multipart upload: the workbook (field <c>workbook</c>), forms, and text fields.</summary>
    public static MultipartFormDataContent Upload(string? workbook = null, IEnumerable<string>? forms = null, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        if (workbook is not null)
        {
            content.Add(File(workbook), "workbook", Path.GetFileName(workbook));
        }

        foreach (var form in forms ?? [])
        {
            content.Add(File(form), "forms", Path.GetFileName(form));
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    private static ByteArrayContent File(string path)
    {
        var file = new ByteArrayContent(System.IO.File.ReadAllBytes(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return file;
    }

    public Task<HttpResponseMessage> Post(string path, HttpContent content) => Http.PostAsync(path, content);

    /// <summary>The temp folders of requests (<c>reportgen-serve-*</c>) present now.</summary>
    public static IReadOnlyList<string> UploadFolders() =>
        Directory.GetDirectories(Path.GetTempPath(), "reportgen-serve-*");

    /// <summary>Waits (a little) until every request's folder is gone: each is removed just after its response is sent.</summary>
    public static async Task<IReadOnlyList<string>> UploadFoldersLeft()
    {
        for (var attempt = 0; attempt < 40 && UploadFolders().Count > 0; attempt++)
        {
            await Task.Delay(50);
        }

        return UploadFolders();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
    }
}
