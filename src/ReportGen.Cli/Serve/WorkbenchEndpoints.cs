using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ReportGen.Analysis;
using ReportGen.Import;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Rendering;

namespace ReportGen.Cli.Serve;

/// <summary>
/// The five jobs of the workbench as endpoints (docs/serve.md): each reads its multipart upload into an
/// <see cref="UploadFolder"/>, runs the same job the command runs, and answers with the file or JSON. Every failure
/// becomes the sentence <see cref="JobFailure"/> makes of it, with the server's folder taken out of it.
/// </summary>
internal sealed class WorkbenchEndpoints(Func<string?> locateLibreOffice)
{
    /// <summary>Workbooks the server takes: one file each (a folder of CSV files cannot be uploaded).</summary>
    private static readonly string[] WorkbookExtensions = [".xlsx", ".xls"];

    private static readonly string[] FormExtensions = [".docx", ".xlsx", ".xls"];

    /// <summary>The header that carries a one-paragraph Chinese account with a file (UTF-8, percent-encoded).</summary>
    public const string SummaryHeader = "X-ReportGen-Summary";

    /// <summary>Asks <c>/api/preview</c> to keep the page for the workbench's frame (<see cref="HeldPreviews"/>).</summary>
    public const string HoldHeader = "X-ReportGen-Hold";

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly FormOptions Form = new()
    {
        // Uploads stay in memory up to the request limit: nothing is buffered to a temp file outside the request's folder.
        MemoryBufferThreshold = (int)WorkbenchOptions.MaxRequestBytes,
        BufferBodyLengthLimit = WorkbenchOptions.MaxRequestBytes,
        MultipartBodyLengthLimit = WorkbenchOptions.MaxRequestBytes,
        ValueCountLimit = 64,
    };

    public HeldPreviews Previews { get; } = new();

    public IReadOnlyDictionary<string, Func<HttpContext, IFormCollection, UploadFolder, Task>> Posts =>
        new Dictionary<string, Func<HttpContext, IFormCollection, UploadFolder, Task>>(StringComparer.Ordinal)
        {
            ["/api/new"] = New,
            ["/api/import"] = Import,
            ["/api/check"] = Check,
            ["/api/preview"] = Preview,
            ["/api/generate"] = Generate,
        };

    /// <summary>
    /// Runs a POST endpoint: reads the form, runs <paramref name="handle"/> with a private folder, removes the folder
    /// once the response is written, and turns any failure into a sentence.
    /// </summary>
    public static async Task Run(HttpContext context, Func<HttpContext, IFormCollection, UploadFolder, Task> handle)
    {
        UploadFolder? folder = null;
        try
        {
            if (context.Request.ContentLength > WorkbenchOptions.MaxRequestBytes)
            {
                await Fail(context, StatusCodes.Status413PayloadTooLarge, TooLarge);
                return;
            }

            if (!context.Request.HasFormContentType)
            {
                await Fail(context, StatusCodes.Status400BadRequest,
                    "请求必须以 multipart/form-data 上传文件（工作簿放在名为 workbook 的字段中），见 docs/serve.md。");
                return;
            }

            context.Features.Set<IFormFeature>(new FormFeature(context.Request, Form));
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            folder = new UploadFolder();
            await handle(context, form, folder);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Fail(context, StatusCodes.Status413PayloadTooLarge, TooLarge);
        }
        catch (InvalidDataException)
        {
            // The multipart reader's own limits (too many fields, a section too long) and a malformed body.
            await Fail(context, StatusCodes.Status400BadRequest, "上传的内容无法读取（格式不完整或超出限制）。请重新选择文件后再试。");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The browser went away: nobody is left to answer.
        }
        catch (Exception ex)
        {
            var failure = JobFailure.Of(ex);
            var message = folder?.Scrub(failure.Message) ?? failure.Message;
            await Fail(context, failure.Kind == FailureKind.Input ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError,
                failure.Kind == FailureKind.Internal ? InternalMessage : message);
        }
        finally
        {
            folder?.Dispose();
        }
    }

    private static string TooLarge => $"上传的文件太大：每次最多 {WorkbenchOptions.MaxRequestBytes / 1024 / 1024} MB（工作簿和目标表合计）。";

    /// <summary>The internal-error sentence without the command line's --verbose, which a browser user has not got.</summary>
    public const string InternalMessage = "内部错误：ReportGen 遇到了意外问题，上传的文件未被保存。请在命令行用 reportgen 处理同一文件（加 --verbose），并将输出反馈给开发者。";

    /// <summary>An error answer: <c>{"error": "…"}</c>, and the findings when a workbook's checks are why.</summary>
    public static Task Fail(HttpContext context, int status, string message, JsonArray? findings = null)
    {
        var body = new JsonObject { ["error"] = message };
        if (findings is not null)
        {
            body["findings"] = findings;
        }

        return Json(context, body, status);
    }

    public static async Task Json(HttpContext context, JsonNode body, int status = StatusCodes.Status200OK)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(VariancePreviewRenderer.ToJson(body), Encoding.UTF8, context.RequestAborted);
    }

    /// <summary><c>GET /api/info</c>: the templates with their one-line descriptions, and which outputs 生成 offers.</summary>
    public Task Info(HttpContext context)
    {
        var templates = new JsonArray(TemplateCatalog.List(Bundled.TemplatesDirectory)
            .Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["summary"] = t.Summary }).ToArray<JsonNode?>());
        var outputs = new JsonArray(ReportOutputs.All(locateLibreOffice)
            .Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["label"] = o.Label, ["available"] = o.Available, ["note"] = o.Note }).ToArray<JsonNode?>());
        return Json(context, new JsonObject
        {
            ["templates"] = templates,
            ["outputs"] = outputs,
            ["units"] = new JsonArray(WorkbookSchema.Units.Select(u => (JsonNode)JsonValue.Create(u)).ToArray<JsonNode?>()),
            ["maxUploadMegabytes"] = WorkbenchOptions.MaxRequestBytes / 1024 / 1024,
        });
    }

    /// <summary><c>POST /api/new</c>: the workbook <c>reportgen new</c> writes, for the fields department, year, unit.</summary>
    private static async Task New(HttpContext context, IFormCollection form, UploadFolder folder)
    {
        var department = Field(form, "department");
        var yearText = Field(form, "year");
        int? year = null;
        if (yearText is not null)
        {
            year = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1949 and <= 2200
                ? parsed
                : throw new InputException($"年度“{yearText}”不是有效的年份，请填写四位数字，例如 2024。");
        }

        var unit = Field(form, "unit") ?? WorkbookSchema.Units[0];
        if (!WorkbookSchema.Units.Contains(unit))
        {
            throw new InputException($"金额单位“{unit}”无法使用，请选择 {string.Join(" 或 ", WorkbookSchema.Units)}。");
        }

        var sheets = WorkbookLayout.New(department, year, unit, NewCommand.GuidePath());
        using var buffer = new MemoryStream();
        XlsxWriter.Write(buffer, sheets);
        var name = FileName($"{department}{year}", "新建工作簿") + ".xlsx";
        await File(context, buffer.ToArray(), XlsxType, name,
            $"已新建 {name}（{WorkbookGuide.GuideSheet}、{string.Join("、", WorkbookLayout.NewSheets)}）。黄色格由您填写，蓝色格可在“导入目标表”中从年初绩效目标表导入。");
    }

    /// <summary>
    /// <c>POST /api/import</c>: the forms (field <c>forms</c>, one or more) imported into the workbook (field
    /// <c>workbook</c>; without one, a new workbook), edited in place exactly as <c>reportgen import --into</c> does.
    /// </summary>
    private static async Task Import(HttpContext context, IFormCollection form, UploadFolder folder)
    {
        var formFiles = form.Files.GetFiles("forms").Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (formFiles.Count == 0)
        {
            throw new InputException("没有选择年初绩效目标表：请在 forms 中上传附表1、附表3 等目标表（.docx、.xlsx 或 .xls）。");
        }

        var forms = new List<string>();
        foreach (var file in formFiles)
        {
            forms.Add(await folder.SaveAsync(file, "目标表", FormExtensions, context.RequestAborted));
        }

        var workbook = Upload(form, "workbook");
        if (workbook is not null && !Path.GetExtension(workbook.FileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var name = UploadFolder.SafeName(workbook.FileName, ".xlsx");
            throw new InputException($"导入只写 .xlsx 工作簿，“{name}”不是 .xlsx。请先在 Excel 或 WPS 中把它另存为 .xlsx 再选择，或不选工作簿，导入到一个新工作簿。");
        }

        var target = workbook is null
            ? folder.Output("工作簿.xlsx")
            : await folder.SaveAsync(workbook, "工作簿", [".xlsx"], context.RequestAborted);
        var result = ImportJob.Run(new ImportRequest(forms, target, DryRun: false, NewCommand.GuidePath()));
        var summary = new StringWriter();
        ImportSummaryRenderer.Render(result, summary);
        var text = folder.Scrub(summary.ToString()).TrimEnd();
        if (!System.IO.File.Exists(target))
        {
            await Fail(context, StatusCodes.Status422UnprocessableEntity, "目标表中没有可以写入工作簿的内容。\n" + text);
            return;
        }

        var download = workbook is null
            ? FileName($"{result.Content.DepartmentName}{result.Content.Year}", "导入的工作簿") + ".xlsx"
            : UploadFolder.SafeName(workbook.FileName, ".xlsx");
        context.Response.Headers["X-ReportGen-Errors"] = result.Findings.CountOf(Severity.Error).ToString(CultureInfo.InvariantCulture);
        await File(context, await System.IO.File.ReadAllBytesAsync(target, context.RequestAborted), XlsxType, download, text);
    }

    /// <summary><c>POST /api/check</c>: the findings as <c>reportgen check --format json</c> prints them (<c>?template=</c>).</summary>
    private static async Task Check(HttpContext context, IFormCollection form, UploadFolder folder)
    {
        var template = Template(context);
        var (path, name) = await Workbook(context, form, folder);
        var analysis = GenerateJob.Check(path, template, Bundled.TemplatesDirectory);
        await Json(context, CheckCommand.Json(Scrubbed(analysis, folder), name));
    }

    /// <summary>
    /// <c>POST /api/preview</c>: the page <c>reportgen preview --format html</c> writes (<c>?template=</c>); with the
    /// <see cref="HoldHeader"/>, kept for the workbench's frame and answered with its address.
    /// </summary>
    private async Task Preview(HttpContext context, IFormCollection form, UploadFolder folder)
    {
        var template = Template(context);
        var templatePath = TemplateFiles.Check(template, Bundled.TemplatesDirectory)[0];
        var (path, _) = await Workbook(context, form, folder);
        var analysis = Scrubbed(GenerateJob.Analyze(path), folder);
        var html = PreviewJob.Html(analysis, templatePath);
        if (context.Request.Headers[HoldHeader].Count > 0)
        {
            await Json(context, new JsonObject { ["view"] = Previews.Hold(html) });
            return;
        }

        await HeldPreviews.Write(context, html);
    }

    /// <summary>
    /// <c>POST /api/generate</c>: the report <c>reportgen generate</c> writes for the same workbook and template
    /// (<c>?template=</c>), its PDF (<c>?pdf=1</c>) or its tables workbook (<c>?xlsx=1</c>); refused with the errors when the checks find any.
    /// </summary>
    private async Task Generate(HttpContext context, IFormCollection form, UploadFolder folder)
    {
        var template = Template(context);
        var output = ReportOutputs.Requested(context.Request.Query);

        // Found before anything is uploaded or rendered: without LibreOffice the PDF cannot be made.
        var pdf = output.Id == ReportOutputs.Pdf.Id ? PdfConverter.Create(locateLibreOffice) : null;
        var (path, name) = await Workbook(context, form, folder);
        var result = GenerateJob.Run(new GenerateRequest(path, template, Bundled.TemplatesDirectory, folder.Output("报告.docx"), null)
        {
            Pdf = pdf,
            Xlsx = output.Id == ReportOutputs.Xlsx.Id,
        });
        var analysis = Scrubbed(result.Analysis, folder);
        if (result.OutputPath is null)
        {
            var errors = analysis.Findings.Errors().ToList();
            await Fail(context, StatusCodes.Status422UnprocessableEntity,
                $"未生成报告：{name} 有 {errors.Count} 个错误，报告中的数字将不可靠。请先修正下列错误（“检查”列出全部问题）。",
                VariancePreviewRenderer.FindingsJson(errors));
            return;
        }

        if (result.PdfFailure is { } failure)
        {
            await Fail(context, StatusCodes.Status500InternalServerError, folder.Scrub(failure.Message));
            return;
        }

        var department = analysis.Workbook.Department;
        var docxName = Path.GetFileName(GenerateRequest.DefaultOutputPath(FileName(department.Name, "部门"), department.Year));
        var summary = Summary(analysis, result.Placeholders);
        if (result.PdfPath is { } pdfPath)
        {
            await File(context, await System.IO.File.ReadAllBytesAsync(pdfPath, context.RequestAborted), "application/pdf",
                Path.ChangeExtension(docxName, ".pdf"), summary);
            return;
        }

        if (result.XlsxPath is { } xlsxPath)
        {
            await File(context, await System.IO.File.ReadAllBytesAsync(xlsxPath, context.RequestAborted), XlsxType,
                Path.GetFileName(TablesWorkbookWriter.PathFor(docxName)), summary);
            return;
        }

        await File(context, await System.IO.File.ReadAllBytesAsync(result.OutputPath, context.RequestAborted), DocxType, docxName, summary);
    }

    /// <summary>What <c>generate</c> prints after the file, in the workbench's words.</summary>
    private static string Summary(DepartmentAnalysis analysis, int placeholders)
    {
        var figures = analysis.Figures.Department;
        var text = new StringBuilder(
            $"预算收入 {Money.Format(figures.Final)} 万元，支出 {Money.Format(figures.Actual)} 万元，执行率 {Money.FormatPercent(figures.ExecutionRate)}，{analysis.Figures.ProjectCount} 个项目。");
        var undetermined = (analysis.DepartmentScore?.Undetermined ?? 0) + analysis.ProjectScores.Values.Sum(s => s.Undetermined);
        if (undetermined > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{undetermined} 个指标缺少实际完成值或完成情况，得分为暂定。");
        }

        var warnings = analysis.Findings.CountOf(Severity.Warning);
        if (placeholders > 0 || warnings > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"报告中有 {placeholders} 处【待填写】内容（已用黄色标出），检查发现 {warnings} 个警告；在“检查”中查看需要补充的信息。");
        }
        else if (analysis.DepartmentScore is { } score)
        {
            text.Append(CultureInfo.InvariantCulture, $"部门整体绩效自评得分 {Money.Format(score.Total)} 分，等级“{score.Grade}”。");
        }

        return text.ToString();
    }

    /// <summary>The uploaded workbook (field <c>workbook</c>), saved under its own name; its path and that name.</summary>
    private static async Task<(string Path, string Name)> Workbook(HttpContext context, IFormCollection form, UploadFolder folder)
    {
        var file = Upload(form, "workbook")
            ?? throw new InputException("没有选择工作簿：请在 workbook 中上传年终预算执行工作簿（.xlsx 或 .xls）。");
        var path = await folder.SaveAsync(file, "工作簿", WorkbookExtensions, context.RequestAborted);
        return (path, Path.GetFileName(path));
    }

    /// <summary>
    /// <c>?template=</c>: a bundled template by name (default "default"). A path is not taken: the server reads only
    /// the templates it ships, never a file a request names.
    /// </summary>
    private static string Template(HttpContext context)
    {
        var name = context.Request.Query["template"].ToString();
        if (name.Length == 0)
        {
            return "default";
        }

        var templates = TemplateCatalog.List(Bundled.TemplatesDirectory);
        return templates.Any(t => t.Name == name)
            ? name
            : throw new InputException($"没有名为“{name}”的报告模板。可用的模板：{string.Join("、", templates.Select(t => t.Name))}。");
    }

    /// <summary>The analysis with the server's folder taken out of every finding's sentence.</summary>
    private static DepartmentAnalysis Scrubbed(DepartmentAnalysis analysis, UploadFolder folder) => analysis with
    {
        Findings = analysis.Findings.Select(f => f with { Message = folder.Scrub(f.Message) }).ToList(),
    };

    /// <summary>The file of a field; a browser's empty file input (no name, no bytes) counts as none.</summary>
    private static IFormFile? Upload(IFormCollection form, string name) =>
        form.Files.GetFile(name) is { } file && (file.Length > 0 || file.FileName.Length > 0) ? file : null;

    private static string? Field(IFormCollection form, string name) =>
        form[name].ToString().Trim() is { Length: > 0 } value ? value : null;

    /// <summary>A download name from the workbook's words: characters no file system takes are left out.</summary>
    private static string FileName(string? text, string fallback) =>
        UploadFolder.Clean(text ?? "") is { Length: > 0 } name ? name : fallback;

    /// <summary>A file to download, with its name (RFC 6266, UTF-8) and, when there is one, its summary header.</summary>
    private static async Task File(HttpContext context, byte[] bytes, string type, string name, string? summary)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        if (summary is not null)
        {
            context.Response.Headers[SummaryHeader] = Uri.EscapeDataString(summary);
        }

        context.Response.ContentType = type;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
