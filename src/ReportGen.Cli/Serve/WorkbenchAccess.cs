using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ReportGen.Cli.Serve;

/// <summary>
/// Who may use the workbench, checked on every request before anything else (docs/serve.md):
/// <list type="bullet">
/// <item>With a token (listening beyond loopback, or <c>--token</c>): a POST carries it in the
/// <see cref="TokenHeader"/> header, which a form on another site cannot set; a GET (the page, its files, a held
/// preview) carries it in the header, in <c>?token=</c> (the address printed at start), or in the cookie the page
/// sets from that address (SameSite=Strict, HttpOnly). Anything else is 401 and nothing more.</item>
/// <item>On loopback: the Host header must name this machine (a page of another site that makes its own name
/// point at 127.0.0.1 cannot read answers), and a browser's cross-site POST (an Origin that is not ours) is refused.</item>
/// </list>
/// </summary>
internal sealed class WorkbenchAccess(WorkbenchOptions options)
{
    public const string TokenHeader = "X-ReportGen-Token";
    public const string TokenCookie = "reportgen_token";
    public const string TokenQuery = "token";

    private readonly byte[]? _token = options.Token is null ? null : Encoding.UTF8.GetBytes(options.Token);

    /// <summary>Why the request is refused (its status and sentence), or null when it may go on.</summary>
    public (int Status, string Message)? Refusal(HttpContext context)
    {
        var request = context.Request;
        if (_token is not null)
        {
            var isPost = HttpMethods.IsPost(request.Method);
            var presented = request.Headers[TokenHeader].ToString();
            if (presented.Length == 0 && !isPost)
            {
                presented = request.Query[TokenQuery].ToString() is { Length: > 0 } query ? query : request.Cookies[TokenCookie] ?? "";
            }

            if (!Matches(presented))
            {
                return (StatusCodes.Status401Unauthorized, isPost
                    ? $"需要访问令牌：请求头 {TokenHeader} 缺少或不是启动 reportgen serve 时显示的令牌。"
                    : "需要访问令牌：请用启动 reportgen serve 时显示的完整地址（含 ?token=…）打开工作台。");
            }

            return null;
        }

        if (!IsLoopbackHost(request.Host.Host))
        {
            return (StatusCodes.Status403Forbidden, "工作台只接受本机地址（127.0.0.1 或 localhost）的访问。");
        }

        if (HttpMethods.IsPost(request.Method) && request.Headers.Origin.ToString() is { Length: > 0 } origin
            && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status403Forbidden, "拒绝来自其他网站的请求：只有工作台自己的页面可以提交。");
        }

        return null;
    }

    /// <summary>After a GET with a valid <c>?token=</c>: the cookie that lets the page load its files and previews.</summary>
    public void Remember(HttpContext context)
    {
        if (_token is not null && context.Request.Query[TokenQuery].Count > 0)
        {
            context.Response.Cookies.Append(TokenCookie, options.Token!, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
        }
    }

    private bool Matches(string presented) =>
        _token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token);

    private static bool IsLoopbackHost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1"
        || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
}
