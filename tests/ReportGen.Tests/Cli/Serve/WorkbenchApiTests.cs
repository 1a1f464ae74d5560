using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ReportGen.Cli;
using ReportGen.Cli.Serve;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli.Serve;

/// <summary>
/// The workbench's endpoints as a script uses them (docs/serve.md): each answers what the same command writes for
/// the same input, failures are Chinese sentences that never show where the server kept an upload, and no
/// request leaves anything behind.
/// </summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchApiTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> Samples => new()
    {
        { "示例县文化旅游局2024.xlsx", "default" },
        { "石峰区委宣传部2023.xlsx", "default" },
        { "石峰区委宣传部2023.xlsx", "hunan" },
    };

    private static string Sample(string name) => Path.Combine(Repo.Root, "data", "sample", name);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Generate_returns_the_bytes_generate_writes(string sample, string template)
    {
        var cliPath = _dir.File("cli.docx");
        var cli = CliHarness.Run("generate", Sample(sample), "-t", template, "-o", cliPath);
        Assert.True(cli.ExitCode == 0, cli.Error);

        await using var workbench = await WorkbenchClient.Start();
        using var response = await workbench.Post($"/api/generate?template={template}", WorkbenchClient.Upload(Sample(sample)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllBytes(cliPath), await response.Content.ReadAsByteArrayAsync());

        // Named as generate names it without -o, and with the summary generate prints.
        var name = response.Content.Headers.ContentDisposition?.FileNameStar;
        Assert.EndsWith("年度部门整体支出绩效自评报告.docx", name, StringComparison.Ordinal);
        var summary = Uri.UnescapeDataString(response.Headers.GetValues(WorkbenchEndpoints.SummaryHeader).Single());
        Assert.Contains(cli.Output.Split('\n')[1].Trim(), summary, StringComparison.Ordinal);
        Assert.Empty(await WorkbenchClient.UploadFoldersLeft());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Check_answers_the_fields_of_check_json(string sample, string template)
    {
        var cli = CliHarness.Run("check", Sample(sample), "-t", template, "--format", "json");
        var expected = JsonDocument.Parse(cli.Output).RootElement;

        await using var workbench = await WorkbenchClient.Start();
        using var response = await workbench.Post($"/api/check?template={template}", WorkbenchClient.Upload(Sample(sample)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.EnumerateObject().Select(p => p.Name));
        Assert.Equal(sample, actual.GetProperty("file").GetString());
        foreach (var field in new[] { "department", "year", "errors", "warnings", "infos", "findings" })
        {
            Assert.Equal(expected.GetProperty(field).GetRawText(), actual.GetProperty(field).GetRawText());
        }
    }

    [Fact]
    public async Task Preview_is_the_page_preview_html_writes()
    {
        var cliPath = _dir.File("预览.html");
        Assert.Equal(0, CliHarness.Run("preview", Repo.SampleXlsx, "-f", "html", "-t", "hunan", "-o", cliPath).ExitCode);

        await using var workbench = await WorkbenchClient.Start();
        using var response = await workbench.Post("/api/preview?template=hunan", WorkbenchClient.Upload(Repo.SampleXlsx));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllText(cliPath), await response.Content.ReadAsStringAsync());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // Held for the page's frame: its address answers the same page, once asked for with the hold header.
        using var hold = new HttpRequestMessage(HttpMethod.Post, "/api/preview?template=hunan") { Content = WorkbenchClient.Upload(Repo.SampleXlsx) };
        hold.Headers.Add(WorkbenchEndpoints.HoldHeader, "1");
        using var held = await workbench.Http.SendAsync(hold);
        var view = JsonDocument.Parse(await held.Content.ReadAsStringAsync()).RootElement.GetProperty("view").GetString()!;
        Assert.StartsWith(HeldPreviews.Prefix, view, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(cliPath), await workbench.Http.GetStringAsync(view));
        Assert.Equal(HttpStatusCode.NotFound, (await workbench.Http.GetAsync(HeldPreviews.Prefix + "0123456789abcdef0123456789abcdef")).StatusCode);
    }

    [Fact]
    public async Task New_returns_the_workbook_new_writes()
    {
        var cliPath = _dir.File("cli.xlsx");
        Assert.Equal(0, CliHarness.Run("new", cliPath, "--department", "某某县财政局", "--year", "2025", "--unit", "元").ExitCode);

        await using var workbench = await WorkbenchClient.Start();
        using var response = await workbench.Post("/api/new", WorkbenchClient.Upload(fields: [("department", "某某县财政局"), ("year", "2025"), ("unit", "元")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(File.ReadAllBytes(cliPath), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("某某县财政局2025.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);

        using var badYear = await workbench.Post("/api/new", WorkbenchClient.Upload(fields: [("year", "二〇二五")]));
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Contains("不是有效的年份", await badYear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_edits_the_uploaded_workbook_and_says_what_it_did()
    {
        var forms = Path.Combine(Repo.Root, "tests", "ReportGen.Tests", "Import", "TestFiles");
        var workbook = _dir.File("部门.xlsx");
        Assert.Equal(0, CliHarness.Run("new", workbook, "--year", "2023").ExitCode);
        var before = File.ReadAllBytes(workbook);

        await using var workbench = await WorkbenchClient.Start();
        using var response = await workbench.Post("/api/import", WorkbenchClient.Upload(workbook, [Path.Combine(forms, "石峰目标表-libreoffice.xls")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("部门.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);

        // The summary import prints, naming the form (not the server's copy of it); the form's RG503 is counted.
        var summary = Uri.UnescapeDataString(response.Headers.GetValues(WorkbenchEndpoints.SummaryHeader).Single());
        Assert.Contains("识别出 5 张绩效目标表", summary, StringComparison.Ordinal);
        Assert.Contains("RG503 石峰目标表-libreoffice.xls 文明建设!D20", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("reportgen-serve-", summary, StringComparison.Ordinal);
        Assert.Equal("1", response.Headers.GetValues("X-ReportGen-Errors").Single());

        // What came back is the workbook with the targets in it: check reads the imported budget lines.
        var imported = _dir.File("导入后.xlsx");
        File.WriteAllBytes(imported, await response.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(before, File.ReadAllBytes(imported));
        Assert.Equal(before, File.ReadAllBytes(workbook));
        var cliTarget = _dir.File("命令行.xlsx");
        File.Copy(workbook, cliTarget);
        Assert.Equal(1, CliHarness.Run("import", Path.Combine(forms, "石峰目标表-libreoffice.xls"), "--into", cliTarget).ExitCode);
        var check = CliHarness.Run("check", imported).Output.Split('\n').Skip(1);
        // The forms' 万元 amounts at their value: import wrote the 预算执行 rows, which now wait for their actuals.
        Assert.Contains(check, line => line.Contains("“基本支出”全年预算数 231.42万元", StringComparison.Ordinal));
        Assert.Equal(CliHarness.Run("check", cliTarget).Output.Split('\n').Skip(1), check);

        // Without a workbook, a new one named after the department and year the forms give.
        using var fresh = await workbench.Post("/api/import", WorkbenchClient.Upload(forms: [Path.Combine(forms, "石峰目标表-libreoffice.xls")]));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("中共株洲市石峰区委员会宣传部2023.xlsx", fresh.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Empty(await WorkbenchClient.UploadFoldersLeft());
    }

    [Fact]
    public async Task A_workbook_with_errors_is_refused_with_its_errors()
    {
        var workbook = _dir.File("空白.xlsx");
        Assert.Equal(0, CliHarness.Run("new", workbook, "--department", "测试部门", "--year", "2024").ExitCode);

        await using var workbench = await WorkbenchClient.Start();
        using var response = await workbench.Post("/api/generate", WorkbenchClient.Upload(workbook));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("未生成报告：空白.xlsx 有 1 个错误", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("RG100", body.GetProperty("findings")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("坏文件.xlsx", "garbage", "/api/check", "文件“坏文件.xlsx”不是可读取的 Excel 工作簿")]
    [InlineData("说明.txt", "text", "/api/generate", "工作簿“说明.txt”不是可用的文件类型")]
    [InlineData("示例.xlsx", "", "/api/check?template=../../etc/passwd", "没有名为“../../etc/passwd”的报告模板")]
    [InlineData("示例.xlsx", "", "/api/generate?template=%2Fetc%2Fx.sbn", "没有名为“/etc/x.sbn”的报告模板")]
    public async Task Bad_input_is_answered_with_a_sentence(string name, string content, string endpoint, string expected)
    {
        var path = _dir.File(name);
        if (content.Length > 0)
        {
            File.WriteAllText(path, content);
        }
        else
        {
            File.Copy(Repo.ExampleXlsx, path);
        }

        await using var workbench = await WorkbenchClient.Start();
        using var response = await workbench.Post(endpoint, WorkbenchClient.Upload(path));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Empty(await WorkbenchClient.UploadFoldersLeft());
    }

    [Fact]
    public async Task Requests_that_are_not_uploads_are_told_what_to_send()
    {
        await using var workbench = await WorkbenchClient.Start();
        using var noFile = await workbench.Post("/api/check", WorkbenchClient.Upload(fields: [("x", "1")]));
        Assert.Contains("没有选择工作簿", await noFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var notMultipart = await workbench.Post("/api/check", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);
        Assert.Contains("multipart/form-data", await notMultipart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var get = await workbench.Http.GetAsync("/api/generate");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        using var unknown = await workbench.Http.GetAsync("/etc/passwd");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var noForms = await workbench.Post("/api/import", WorkbenchClient.Upload(Repo.ExampleXlsx));
        Assert.Contains("没有选择年初绩效目标表", await noForms.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_over_50_MB_is_refused_before_any_job_runs()
    {
        await using var workbench = await WorkbenchClient.Start();
        var big = new byte[WorkbenchOptions.MaxRequestBytes + 1024];
        using var content = new MultipartFormDataContent { { new ByteArrayContent(big), "workbook", "大.xlsx" } };

        // Answered from the headers: a client that waits for "100 Continue" (as curl does) sends nothing at all.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/check") { Content = content };
        request.Headers.ExpectContinue = true;
        using var response = await workbench.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("上传的文件太大：每次最多 50 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await WorkbenchClient.UploadFoldersLeft());
    }

    [Fact]
    public async Task Every_answer_carries_the_strict_policy()
    {
        await using var workbench = await WorkbenchClient.Start();
        foreach (var path in new[] { "/", "/workbench.js", "/workbench.css", "/api/info" })
        {
            using var response = await workbench.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        var page = await workbench.Http.GetStringAsync("/");
        Assert.DoesNotContain("http://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_site_cannot_post_to_the_loopback_workbench_nor_reach_it_by_another_name()
    {
        await using var workbench = await WorkbenchClient.Start();
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/check") { Content = WorkbenchClient.Upload(Repo.ExampleXlsx) };
        crossSite.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await workbench.Http.SendAsync(crossSite)).StatusCode);

        // A name of another site that resolves to 127.0.0.1 (DNS rebinding) is not this machine's name.
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        rebound.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.Forbidden, (await workbench.Http.SendAsync(rebound)).StatusCode);

        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "/api/check") { Content = WorkbenchClient.Upload(Repo.ExampleXlsx) };
        sameSite.Headers.Add("Origin", workbench.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await workbench.Http.SendAsync(sameSite)).StatusCode);
    }

    [Fact]
    public async Task Beyond_loopback_a_request_without_the_token_gets_401_and_nothing_else()
    {
        var options = ServeCommand.Options(null, "0.0.0.0:" + FreePort(), null);
        Assert.NotNull(options.Token);
        Assert.False(options.IsLoopback);

        await using var workbench = await WorkbenchClient.Start(options);
        Assert.Contains("?token=" + options.Token, workbench.Server.Address.AbsoluteUri, StringComparison.Ordinal);
        var before = WorkbenchClient.UploadFolders().Count;
        foreach (var path in new[] { "/", "/workbench.js", "/api/info", "/nothing" })
        {
            using var get = await workbench.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
            Assert.DoesNotContain("<html", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var post = await workbench.Post("/api/generate", WorkbenchClient.Upload(Repo.ExampleXlsx));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal("text/plain", post.Content.Headers.ContentType?.MediaType);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/check") { Content = WorkbenchClient.Upload(Repo.ExampleXlsx) };
        wrong.Headers.Add(WorkbenchAccess.TokenHeader, options.Token![..^1] + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await workbench.Http.SendAsync(wrong)).StatusCode);
        Assert.Equal(before, WorkbenchClient.UploadFolders().Count);

        // The printed address opens the page and sets the cookie its files need; a POST still needs the header.
        using var page = await workbench.Http.GetAsync("/?token=" + options.Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookie = page.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        using var cookieOnly = new HttpRequestMessage(HttpMethod.Post, "/api/check") { Content = WorkbenchClient.Upload(Repo.ExampleXlsx) };
        cookieOnly.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await workbench.Http.SendAsync(cookieOnly)).StatusCode);

        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/check") { Content = WorkbenchClient.Upload(Repo.ExampleXlsx) };
        withToken.Headers.Add(WorkbenchAccess.TokenHeader, options.Token);
        Assert.Equal(HttpStatusCode.OK, (await workbench.Http.SendAsync(withToken)).StatusCode);
    }

    [Fact]
    public async Task Parallel_requests_each_get_their_own_report()
    {
        var example = _dir.File("example.docx");
        var shifeng = _dir.File("shifeng.docx");
        Assert.Equal(0, CliHarness.Run("generate", Repo.ExampleXlsx, "-o", example).ExitCode);
        Assert.Equal(0, CliHarness.Run("generate", Repo.SampleXlsx, "-o", shifeng).ExitCode);

        await using var workbench = await WorkbenchClient.Start();
        var workbooks = Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? Repo.ExampleXlsx : Repo.SampleXlsx).ToList();
        var answers = await Task.WhenAll(workbooks.Select(async workbook =>
        {
            using var response = await workbench.Post("/api/generate", WorkbenchClient.Upload(workbook));
            return (workbook, await response.Content.ReadAsByteArrayAsync());
        }));
        foreach (var (workbook, bytes) in answers)
        {
            Assert.Equal(File.ReadAllBytes(workbook == Repo.ExampleXlsx ? example : shifeng), bytes);
        }

        Assert.Empty(await WorkbenchClient.UploadFoldersLeft());
    }

    [Fact]
    public async Task Info_lists_the_templates_with_their_descriptions_and_the_outputs()
    {
        await using var workbench = await WorkbenchClient.Start(locateLibreOffice: () => null);
        var info = JsonDocument.Parse(await workbench.Http.GetStringAsync("/api/info")).RootElement;
        var templates = info.GetProperty("templates").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("summary").GetString());
        Assert.Equal(["default", "guangdong", "hebei", "hunan", "sichuan"], templates.Keys);
        Assert.Contains("湖南省格式", templates["hunan"], StringComparison.Ordinal);
        var pdf = info.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "pdf");
        Assert.False(pdf.GetProperty("available").GetBoolean());

        // Asked for anyway: the sentence generate --pdf gives, and nothing is generated.
        using var response = await workbench.Post("/api/generate?pdf=1", WorkbenchClient.Upload(Repo.ExampleXlsx));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("未找到 LibreOffice", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [LibreOfficeFact]
    public async Task Generate_with_pdf_returns_the_report_as_pdf()
    {
        await using var workbench = await WorkbenchClient.Start();
        using var response = await workbench.Post("/api/generate?pdf=1", WorkbenchClient.Upload(Repo.ExampleXlsx));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("年度部门整体支出绩效自评报告.pdf", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var pdf = _dir.File("报告.pdf");
        File.WriteAllBytes(pdf, await response.Content.ReadAsByteArrayAsync());
        var text = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true })!;
        var words = await text.StandardOutput.ReadToEndAsync();
        await text.WaitForExitAsync();
        Assert.Contains("示例县文化旅游局", words, StringComparison.Ordinal);
        Assert.Empty(await WorkbenchClient.UploadFoldersLeft());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
