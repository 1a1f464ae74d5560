using Microsoft.Playwright;
using ReportGen.Cli.Serve;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli.Serve;

/// <summary>
/// The workbench in a real browser: Debian's Chromium driven by Playwright, as the HTML preview is tested. A
/// clerk's year: check the example workbook (0 errors), preview it, download the .docx (the bytes
/// <c>generate</c> writes); a broken workbook gets its sentence; a department named like a script shows as text;
/// two uploads at once; the token page. Nothing is requested from outside and the console stays clean.
/// <c>REPORTGEN_WORKBENCH_SCREENSHOT=file.png</c> saves the screenshot README shows.
/// </summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchBrowserTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    /// <summary>A browser page on the workbench that records what a test must not see: outside requests, console errors, dialogs.</summary>
    private sealed class Session(IPlaywright playwright, IBrowser browser, IPage page, Uri address) : IAsyncDisposable
    {
        public IPage Page => page;

        public IBrowser Browser => browser;

        public List<string> Problems { get; } = [];

        public List<string> Requests { get; } = [];

        public static async Task<Session> Open(Uri address, int width = 1200)
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumFactAttribute.Executable,
                Headless = true,
                Args = ChromiumArgs,
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true, ViewportSize = new ViewportSize { Width = width, Height = 900 } });
            var session = new Session(playwright, browser, page, address);
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    session.Problems.Add($"{message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => session.Problems.Add("page error: " + error);
            page.Dialog += (_, dialog) => session.Problems.Add("dialog: " + dialog.Message);
            page.Request += (_, request) => session.Requests.Add(request.Url);
            await page.GotoAsync(address.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

            // The page is ready when /api/info has filled the templates and the generate buttons.
            await page.Locator("#generate-buttons button").First.WaitForAsync();
            return session;
        }

        /// <summary>Every request went to the workbench itself (or a blob/data URL the page made).</summary>
        public void AssertOnlyOwnRequests()
        {
            var origin = address.GetLeftPart(UriPartial.Authority);
            Assert.All(Requests, url => Assert.True(url.StartsWith(origin + "/", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal)
                || url.StartsWith("data:", StringComparison.Ordinal), url));
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private async Task<byte[]> CliReport(string workbook, string template = "default")
    {
        var path = _dir.File(Guid.NewGuid().ToString("N") + ".docx");
        var result = CliHarness.Run("generate", workbook, "-t", template, "-o", path);
        Assert.True(result.ExitCode == 0, result.Error);
        return await File.ReadAllBytesAsync(path);
    }

    private async Task<byte[]> Download(IPage page, Func<Task> click)
    {
        var download = await page.RunAndWaitForDownloadAsync(click);
        var path = _dir.File(Guid.NewGuid().ToString("N"));
        await download.SaveAsAsync(path);
        Assert.Null(await download.FailureAsync());
        return await File.ReadAllBytesAsync(path);
    }

    [ChromiumFact]
    public async Task The_example_workbook_is_checked_previewed_and_generated_in_the_browser()
    {
        await using var workbench = await WorkbenchClient.Start();
        var screenshot = Environment.GetEnvironmentVariable("REPORTGEN_WORKBENCH_SCREENSHOT");
        await using var session = await Session.Open(workbench.Server.Address, width: 900);
        var page = session.Page;

        // The templates, each with its one-line description.
        var options = await page.Locator("#template option").AllInnerTextsAsync();
        Assert.Equal(5, options.Count);
        Assert.StartsWith("default：", options[0], StringComparison.Ordinal);
        Assert.Contains(options, o => o.StartsWith("hunan：湖南省格式", StringComparison.Ordinal));

        await page.SetInputFilesAsync("#workbook-file", Repo.ExampleXlsx);

        // 检查: nothing to fix, said plainly.
        await page.ClickAsync("#check-run");
        var verdict = page.Locator("#check-verdict");
        await verdict.WaitForAsync();
        Assert.Equal("未发现问题（0 个错误、0 个警告、0 个提示），可以生成报告。", await verdict.InnerTextAsync());
        Assert.False(await page.Locator("#check-findings").IsVisibleAsync());

        // 预览: the report in the frame, as preview --format html renders it.
        if (screenshot is { Length: > 0 })
        {
            // Small enough to keep in the repository (README): a shorter preview frame.
            await page.Locator("#preview-frame").EvaluateAsync("frame => frame.style.height = '300px'");
        }

        await page.ClickAsync("#preview-run");
        var frame = page.FrameLocator("#preview-frame");
        Assert.Contains("示例县文化旅游局", await frame.Locator("article.report h1.title").InnerTextAsync(), StringComparison.Ordinal);
        var totals = await frame.Locator("#variance tr.total td").AllInnerTextsAsync();
        Assert.Contains("987.30", totals.Select(t => t.Trim()));

        // 生成: the download is the file generate writes.
        var docx = await Download(page, () => page.ClickAsync("#generate-buttons button[data-output=docx]"));
        Assert.Equal(await CliReport(Repo.ExampleXlsx), docx);
        Assert.Contains("已生成并下载 示例县文化旅游局2024年度部门整体支出绩效自评报告.docx", await page.Locator("#generate .status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("部门整体绩效自评得分 97.82 分", await page.Locator("#generate .status").InnerTextAsync(), StringComparison.Ordinal);

        if (screenshot is { Length: > 0 })
        {
            // The title bar and the year-end steps (3–5) as the clerk just used them. A whole-page capture: a clipped
            // one leaves the preview frame (painted by its own renderer) blank.
            await page.Locator("#new, #import, footer").EvaluateAllAsync<int>("parts => { parts.forEach(p => p.hidden = true); return parts.length; }");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true, Type = ScreenshotType.Png });
        }

        session.AssertOnlyOwnRequests();
        Assert.Empty(session.Problems);
        Assert.Empty(await WorkbenchClient.UploadFoldersLeft());
    }

    [ChromiumFact]
    public async Task A_broken_workbook_gets_a_sentence_and_a_workbook_with_errors_lists_them()
    {
        await using var workbench = await WorkbenchClient.Start();
        await using var session = await Session.Open(workbench.Server.Address);
        var page = session.Page;

        var broken = _dir.File("坏掉的工作簿.xlsx");
        await File.WriteAllBytesAsync(broken, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]);
        await page.SetInputFilesAsync("#workbook-file", broken);
        await page.ClickAsync("#check-run");
        var error = page.Locator("#check .status .error");
        await error.WaitForAsync();
        Assert.StartsWith("文件“坏掉的工作簿.xlsx”不是可读取的 Excel 工作簿", await error.InnerTextAsync(), StringComparison.Ordinal);

        // The same workbook to 生成: the same sentence, and no download.
        await page.ClickAsync("#generate-buttons button[data-output=docx]");
        var generateError = page.Locator("#generate .status .error");
        await generateError.WaitForAsync();
        Assert.StartsWith("文件“坏掉的工作簿.xlsx”", await generateError.InnerTextAsync(), StringComparison.Ordinal);

        // Nothing chosen: the page says what to do.
        await page.SetInputFilesAsync("#workbook-file", Array.Empty<string>());
        await page.ClickAsync("#preview-run");
        Assert.Equal("请先在“年终工作簿”中选择工作簿（.xlsx 或 .xls）。", await page.Locator("#preview .status .error").InnerTextAsync());
        // The browser logs each 400 answer; nothing else may show.
        Assert.DoesNotContain(session.Problems, p => !p.Contains("status of 400", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task A_department_named_like_a_script_shows_as_text_everywhere()
    {
        const string Injected = "<script>alert(1)</script>";
        await using var workbench = await WorkbenchClient.Start();
        await using var session = await Session.Open(workbench.Server.Address);
        var page = session.Page;

        // 新建工作簿 with that name: the workbook downloads, its name without the characters no file system takes.
        await page.FillAsync("#new-department", Injected);
        await page.FillAsync("#new-year", "2024");
        var workbook = _dir.File("injected.xlsx");
        await File.WriteAllBytesAsync(workbook, await Download(page, () => page.ClickAsync("#new-form button")));
        Assert.Contains("已新建 scriptalert(1)script2024.xlsx", await page.Locator("#new .status").InnerTextAsync(), StringComparison.Ordinal);

        // 检查 shows the department as the workbook has it, as text.
        await page.SetInputFilesAsync("#workbook-file", workbook);
        await page.ClickAsync("#check-run");
        await page.Locator("#check-verdict").WaitForAsync();
        Assert.Contains($"（{Injected}，2024年度）", await page.Locator("#check .status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("请先在工作簿中修正错误", await page.Locator("#check-verdict").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("错误", await page.Locator("#check-findings tbody tr").First.Locator("td").First.InnerTextAsync());

        // 预览 too: the title reads the name; the frame runs no script.
        await page.ClickAsync("#preview-run");
        var frame = page.FrameLocator("#preview-frame");
        Assert.Contains(Injected, await frame.Locator("article.report h1.title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await frame.Locator("script").CountAsync());

        // One script on the workbench: its own.
        Assert.Equal(1, await page.Locator("script").CountAsync());
        Assert.DoesNotContain(session.Problems, p => p.StartsWith("dialog", StringComparison.Ordinal));
        Assert.Empty(session.Problems);
    }

    [ChromiumFact]
    public async Task Two_uploads_at_once_each_get_their_own_report()
    {
        await using var workbench = await WorkbenchClient.Start();
        await using var first = await Session.Open(workbench.Server.Address);
        await using var second = await Session.Open(workbench.Server.Address);
        await first.Page.SetInputFilesAsync("#workbook-file", Repo.ExampleXlsx);
        await second.Page.SetInputFilesAsync("#workbook-file", Repo.SampleXlsx);
        await second.Page.SelectOptionAsync("#template", "hunan");

        var downloads = await Task.WhenAll(
            Download(first.Page, () => first.Page.ClickAsync("#generate-buttons button[data-output=docx]")),
            Download(second.Page, () => second.Page.ClickAsync("#generate-buttons button[data-output=docx]")));
        Assert.Equal(await CliReport(Repo.ExampleXlsx), downloads[0]);
        Assert.Equal(await CliReport(Repo.SampleXlsx, "hunan"), downloads[1]);
        Assert.Empty(first.Problems.Concat(second.Problems));
        Assert.Empty(await WorkbenchClient.UploadFoldersLeft());
    }

    [ChromiumFact]
    public async Task With_a_token_the_printed_address_works_and_the_bare_address_is_refused()
    {
        var options = WorkbenchOptions.Loopback(token: WorkbenchOptions.NewToken());
        await using var workbench = await WorkbenchClient.Start(options);

        // The printed address (with ?token=): the page, its files, its requests and the preview frame all pass.
        await using var session = await Session.Open(workbench.Server.Address);
        var page = session.Page;
        await page.SetInputFilesAsync("#workbook-file", Repo.ExampleXlsx);
        await page.ClickAsync("#check-run");
        await page.Locator("#check-verdict").WaitForAsync();
        Assert.StartsWith("未发现问题", await page.Locator("#check-verdict").InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("#preview-run");
        Assert.Contains("示例县文化旅游局", await page.FrameLocator("#preview-frame").Locator("article.report h1.title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(session.Problems);

        // Without it: 401 and a sentence, nothing of the page.
        await using var fresh = await session.Browser.NewContextAsync();
        var bare = await fresh.NewPageAsync();
        var response = await bare.GotoAsync(workbench.Server.Address.GetLeftPart(UriPartial.Authority) + "/");
        Assert.Equal(401, response!.Status);
        Assert.StartsWith("需要访问令牌", await bare.InnerTextAsync("body"), StringComparison.Ordinal);
    }
}
