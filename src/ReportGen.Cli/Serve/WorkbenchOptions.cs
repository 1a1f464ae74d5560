using System.Net;
using System.Security.Cryptography;

namespace ReportGen.Cli.Serve;

/// <summary>
/// Where the workbench listens and who may use it: on loopback (the default) anyone on this machine; beyond
/// loopback (<c>--listen</c>) only who holds <see cref="Token"/> (docs/serve.md).
/// </summary>
/// <param name="Address">The address to listen on; 127.0.0.1 unless <c>--listen</c> names another.</param>
/// <param name="Port">The port; 0 for a free one chosen by the system.</param>
/// <param name="Token">The access token every request must carry; null on loopback without <c>--token</c>.</param>
internal sealed record WorkbenchOptions(IPAddress Address, int Port, string? Token)
{
    /// <summary>The most a request may carry: the workbook, the forms and the fields together.</summary>
    public const long MaxRequestBytes = 50L * 1024 * 1024;

    public static WorkbenchOptions Loopback(int port = 0, string? token = null) => new(IPAddress.Loopback, port, token);

    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>A new access token: 24 random bytes, URL-safe (32 characters).</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
