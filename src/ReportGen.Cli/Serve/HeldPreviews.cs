using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ReportGen.Cli.Serve;

/// <summary>
/// Previews kept in memory for the workbench's frame. The preview page has its own inline styles, which the
/// workbench's Content-Security-Policy does not allow and a frame made from script would inherit; so the page is
/// fetched by its own address (<c>/preview/{id}</c>, a random id) and served with the preview's own, equally closed
/// policy (no script at all, sandboxed). Only memory: a preview is dropped after <see cref="Lifetime"/>, and
/// the oldest beyond <see cref="Capacity"/>.
/// </summary>
internal sealed class HeldPreviews
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public const int Capacity = 16;

    public const string Prefix = "/preview/";

    /// <summary>What a preview may do in the browser: show itself, styled, and be printed; nothing else.</summary>
    public const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox allow-modals";

    private readonly ConcurrentDictionary<string, (string Html, DateTime Until)> _held = new(StringComparer.Ordinal);

    /// <summary>Keeps a preview and returns its address.</summary>
    public string Hold(string html)
    {
        var now = DateTime.UtcNow;
        foreach (var stale in _held.Where(entry => entry.Value.Until < now).Select(entry => entry.Key).ToList())
        {
            _held.TryRemove(stale, out _);
        }

        foreach (var oldest in _held.OrderBy(entry => entry.Value.Until).Take(Math.Max(0, _held.Count - Capacity + 1)).Select(entry => entry.Key).ToList())
        {
            _held.TryRemove(oldest, out _);
        }

        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _held[id] = (html, now + Lifetime);
        return Prefix + id;
    }

    /// <summary><c>GET /preview/{id}</c>: the held page, or 404 with a sentence when it is unknown or gone.</summary>
    public async Task Serve(HttpContext context)
    {
        var id = context.Request.Path.Value![Prefix.Length..];
        if (!_held.TryGetValue(id, out var entry) || entry.Until < DateTime.UtcNow)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("这份预览已过期，请在工作台中重新预览。", Encoding.UTF8);
            return;
        }

        await Write(context, entry.Html);
    }

    /// <summary>A preview page with its own policy in place of the workbench's.</summary>
    public static async Task Write(HttpContext context, string html)
    {
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.XFrameOptions = "SAMEORIGIN";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, Encoding.UTF8, context.RequestAborted);
    }
}
