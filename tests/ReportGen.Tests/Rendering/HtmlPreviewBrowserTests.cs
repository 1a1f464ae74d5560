using System.Text.Json;
using Microsoft.Playwright;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// <c>preview --format html</c> opened in a real browser: Debian's Chromium driven by Playwright (its bundled node
/// driver; no browser download). The page shows the key figures, its tables have the right cells, nothing is
/// requested from outside and the console stays free of errors.
/// </summary>
[Collection(ExternalProgramsCollection.Name)]
public sealed class HtmlPreviewBrowserTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    [ChromiumFact]
    public async Task The_sample_preview_shows_its_figures_and_tables_in_Chromium()
    {
        var path = _dir.File("预览.html");
        var result = CliHarness.Run("preview", Repo.SampleCsvFolder, "--format", "html", "-o", path);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(CliHarness.Run("preview", Repo.SampleCsvFolder, "--format", "json").Output).RootElement;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Request += (_, request) => requests.Add(request.Url);
        var url = new Uri(path).AbsoluteUri;
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        // The key figures, as the reader sees them (innerText is what is rendered, not the markup).
        var text = await page.InnerTextAsync("body");
        foreach (var figure in new[] { "560.75", "458.04", "81.68%", "102.71" })
        {
            Assert.Contains(figure, text, StringComparison.Ordinal);
        }

        Assert.Contains("中共株洲市石峰区委员会宣传部", await page.InnerTextAsync("article.report h1.title"), StringComparison.Ordinal);

        // 差异表: the totals row, cell by cell.
        Assert.Equal(
            ["合计", "", "326.42", "234.33", "560.75", "458.04", "102.71", "81.68%", ""],
            (await page.Locator("#variance tr.total td").AllInnerTextsAsync()).Select(t => t.Trim()));

        // The department's score as the JSON gives it.
        var score = json.GetProperty("scores").GetProperty("department");
        var summary = await page.Locator("#score-summary tbody tr").First.Locator("td").AllInnerTextsAsync();
        Assert.Equal("部门整体", summary[0]);
        // While provisional, the range from total (undecided at 0) to totalMax (at full weight), and the grade as JSON has it (待定).
        var total = score.GetProperty("total").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var expected = score.GetProperty("provisional").GetBoolean()
            ? $"{total}至{score.GetProperty("totalMax").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}（暂定）"
            : total;
        Assert.Equal(expected, summary[5]);
        Assert.Equal(score.GetProperty("grade").GetString(), summary[6]);

        // 部门整体支出绩效自评表: the 产出指标 cell spans the department's output indicators.
        var outputs = json.GetProperty("indicators").EnumerateArray()
            .Count(i => i.GetProperty("scope").GetString() == "部门整体" && i.GetProperty("level1").GetString() == "产出指标");
        var firstTable = page.Locator("article.report table").First;
        Assert.Contains("部门整体支出绩效自评表", await firstTable.Locator("caption").InnerTextAsync(), StringComparison.Ordinal);
        // Its indicators are a table of their own, joined to it, whose heading row repeats on printed pages.
        var outputCell = page.Locator("article.report table").Nth(1).Locator("td", new LocatorLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^产出指标$") });
        Assert.Equal(outputs, await outputCell.EvaluateAsync<int>("cell => cell.rowSpan"));

        // Every table's rows cover the same number of columns once merged cells are placed (the browser's own
        // table layout: a wrong rowspan shifts the cells of the rows below).
        var grids = await page.EvaluateAsync<JsonElement>("""
            () => Array.from(document.querySelectorAll('table')).map(table => {
              const used = [];
              Array.from(table.rows).forEach((row, r) => {
                used[r] = used[r] || [];
                let c = 0;
                for (const cell of row.cells) {
                  while (used[r][c]) c++;
                  for (let dr = 0; dr < cell.rowSpan; dr++)
                    for (let dc = 0; dc < cell.colSpan; dc++) (used[r + dr] = used[r + dr] || [])[c + dc] = true;
                  c += cell.colSpan;
                }
              });
              const widths = used.slice(0, table.rows.length).map(row => row.filter(Boolean).length);
              return { caption: table.caption ? table.caption.innerText : '', widths: [...new Set(widths)],
                       columns: table.querySelectorAll('col').length, merged: table.querySelectorAll('[rowspan]').length };
            })
            """);
        var tables = grids.EnumerateArray().ToList();
        Assert.True(tables.Count >= 8, $"{tables.Count} tables");
        Assert.True(tables.Sum(t => t.GetProperty("merged").GetInt32()) > 10);
        foreach (var table in tables)
        {
            var widths = table.GetProperty("widths").EnumerateArray().Select(w => w.GetInt32()).ToList();
            var caption = table.GetProperty("caption").GetString();
            Assert.True(widths.Count == 1, $"{caption}: rows of {string.Join("/", widths)} columns");
            var columns = table.GetProperty("columns").GetInt32();
            Assert.True(columns == 0 || columns == widths[0], $"{caption}: {columns} columns declared, rows cover {widths[0]}");
        }

        // Placeholders are highlighted (a yellow background is computed).
        var marks = page.Locator("article.report mark.placeholder");
        Assert.True(await marks.CountAsync() > 0);
        Assert.Equal("rgb(255, 235, 59)", await marks.First.EvaluateAsync<string>("m => getComputedStyle(m).backgroundColor"));

        Assert.Equal([url], requests);
        Assert.Empty(problems);

        if (Environment.GetEnvironmentVariable("REPORTGEN_HTML_LOOK") is { Length: > 0 } look)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(look, "preview.png"), FullPage = true });
            await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(look, "preview.pdf"), Format = "A4" });
        }
    }
}
