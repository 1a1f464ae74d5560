using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Rendering;

namespace ReportGen;

/// <summary>
/// What <c>generate</c> produced: the analysis, and the report written (null when refused for errors); for
/// <c>--text</c>, the narrative instead; with <c>--pdf</c>, the PDF written or why it was not.
/// </summary>
public sealed record GenerateResult(DepartmentAnalysis Analysis, string? OutputPath, ReportDocument? Document)
{
    public int Placeholders => Document?.Placeholders.Count ?? 0;

    /// <summary>The workbook cells behind <see cref="Placeholders"/>: one cell may show in several places of the report.</summary>
    public int PlaceholderCells => Document?.PlaceholderCells.Count ?? 0;

    /// <summary>The rendered narrative of a <see cref="GenerateRequest.TextOnly"/> request; null otherwise.</summary>
    public string? Narrative { get; init; }

    /// <summary>The tables workbook written beside the report (<c>--xlsx</c>).</summary>
    public string? XlsxPath { get; init; }

    /// <summary>The PDF written beside the report, when one was asked for and converted.</summary>
    public string? PdfPath { get; init; }

    /// <summary>Why the PDF was not written although the .docx was (LibreOffice failed or timed out).</summary>
    public JobFailure? PdfFailure { get; init; }
}

/// <summary>
/// The <c>generate</c> job (docs/architecture.md): read the workbook, match names, compute, check, score, render
/// the template, write the .docx, convert it to PDF. Each stage is its own class; this one only calls them in
/// order. <c>check</c> and <c>preview</c> run its first stages (<see cref="Analyze(string)"/>); a batch runs it once
/// per workbook.
/// </summary>
public static class GenerateJob
{
    public static DepartmentAnalysis Analyze(string workbookPath) => Analyze(ExecutionWorkbookReader.Read(workbookPath));

    public static DepartmentAnalysis Analyze(ExecutionWorkbook workbook)
    {
        var projectLines = workbook.Lines.Where(l => l.Category == ExpenseCategory.Project).ToList();
        var matcher = new ProjectNameMatcher(projectLines);
        var targetNames = workbook.ProjectTargets.Select(t => t.Name)
            .Concat(workbook.Indicators.Where(i => !i.IsDepartment).Select(i => i.Scope))
            .Distinct()
            .ToList();
        var matches = targetNames.ToDictionary(name => name, matcher.Match);
        var lineTargetNames = new Dictionary<BudgetLine, string>();
        foreach (var match in matches.Values.Where(m => m.Line is not null))
        {
            lineTargetNames.TryAdd(match.Line!, match.TargetName);
        }

        var figures = VarianceCalculator.Calculate(workbook.Lines, lineTargetNames);
        var (departmentScore, projectScores) = ScoreIndicators(workbook, figures, matches);
        var (progress, progressFindings) = SpendingProgressCalculator.Calculate(workbook, figures);
        var findings = workbook.ReadFindings
            .Concat(ConsistencyValidator.Validate(workbook, figures, matcher))
            .Concat(progressFindings)
            .Concat(departmentScore is null ? [NoDepartmentIndicators(workbook)] : [])
            .Concat((departmentScore?.Findings ?? []).Concat(projectScores.Values.SelectMany(s => s.Findings)))
            .OrderByDescending(f => f.Severity)
            .ToList();
        var analysis = new DepartmentAnalysis(workbook, figures, matches, findings)
        {
            DepartmentScore = departmentScore,
            ProjectScores = projectScores,
            SpendingProgress = progress,
        };
        var narrative = ProblemsCheck.FindAll(analysis);
        return narrative.Count == 0 ? analysis : analysis with { Findings = [.. findings.Concat(narrative).OrderByDescending(f => f.Severity)] };
    }

    /// <summary>
    /// <c>check</c>: the analysis and, when it has no error, the missing items only the chosen outline has (RG200: the report is
    /// rendered in memory, nothing is written), so that <c>check -t hunan</c> lists every placeholder that
    /// <c>generate -t hunan</c> would leave.
    /// </summary>
    public static DepartmentAnalysis Check(string workbookPath, string template, string templatesDirectory)
    {
        var templatePath = TemplateFiles.Check(template, templatesDirectory)[0];
        var analysis = Analyze(workbookPath);
        return analysis.HasErrors ? analysis : Render(analysis, templatePath).Analysis;
    }

    /// <summary>
    /// The report rendered with <paramref name="templatePath"/>, and the analysis with a finding for every placeholder
    /// no check stands behind (<see cref="MissingOutlineItems"/>): what generate, batch, check and the html preview report.
    /// </summary>
    public static (DepartmentAnalysis Analysis, ReportDocument Document) Render(DepartmentAnalysis analysis, string templatePath) =>
        Render(analysis, templatePath, prepared: null);

    /// <param name="prepared">The template read once for a whole batch (<see cref="GenerateRequest.Prepared"/>), or null to read it now.</param>
    internal static (DepartmentAnalysis Analysis, ReportDocument Document) Render(DepartmentAnalysis analysis, string templatePath, ParsedTemplate? prepared)
    {
        var document = prepared is null ? ReportRenderer.Render(analysis, templatePath) : ReportRenderer.Render(analysis, prepared);
        var outlineItems = MissingOutlineItems.Find(analysis, document, templatePath);
        return (outlineItems.Count == 0 ? analysis : analysis with { Findings = [.. analysis.Findings.Concat(outlineItems).OrderByDescending(f => f.Severity)] }, document);
    }

    /// <summary>
    /// Scores 部门整体 against the department's figures and each project's indicators against its own line. Rows
    /// whose 归属 matches no line are not scored (RG170 already says so).
    /// </summary>
    private static (ScopeScore? Department, Dictionary<BudgetLine, ScopeScore> Projects) ScoreIndicators(
        ExecutionWorkbook workbook, BudgetFigures figures, IReadOnlyDictionary<string, NameMatch> matches)
    {
        var departmentRows = workbook.Indicators.Where(r => r.IsDepartment).ToList();
        var department = departmentRows.Count == 0
            ? null
            : IndicatorScorer.Score(IndicatorRow.DepartmentScope, departmentRows,
                ScopeFacts.From(figures.Department, "预算执行表各行实际支出数之和"));
        var projects = new Dictionary<BudgetLine, ScopeScore>();
        foreach (var group in workbook.Indicators.Where(r => !r.IsDepartment).GroupBy(r => r.Scope))
        {
            if (matches.GetValueOrDefault(group.Key)?.Line is { } line && !projects.ContainsKey(line))
            {
                var amounts = figures.Lines.First(f => f.Line == line).Amounts;
                projects[line] = IndicatorScorer.Score(group.Key, group.ToList(), ScopeFacts.From(amounts, $"{line.CellOf(WorkbookSchema.Lines.Actual)}"));
            }
        }

        return (department, projects);
    }

    /// <summary>
    /// RG321: without 部门整体 indicators the department's score cannot be computed; the report says so in words
    /// (docs/workbook.md), and the clerk is told where to add them.
    /// </summary>
    private static Finding NoDepartmentIndicators(ExecutionWorkbook workbook) => new(
        FindingCodes.NoDepartmentIndicators, Severity.Warning, new SourceLocation(workbook.Path, WorkbookSchema.IndicatorsSheet),
        "绩效指标表中没有归属为“部门整体”的指标，部门整体绩效自评得分无法计算，报告中只写明未设定指标。"
        + "请用 reportgen import 导入附表1 或部门整体绩效目标，或在绩效指标表中填写归属为“部门整体”的指标。");

    /// <summary>The output check of one report: its inputs are the workbook, the template's files and the style reference.</summary>
    private static OutputGuard InputGuard(GenerateRequest request) =>
        new([request.WorkbookPath, request.StyleReference, .. TemplateFiles.Check(request.Template, request.TemplatesDirectory)]);

    /// <summary>
    /// The report's narrative as the template renders it (<c>generate --text</c>), whatever the checks found: it is
    /// for looking at a template, not a report to file.
    /// </summary>
    private static GenerateResult RenderNarrative(GenerateRequest request)
    {
        var templatePath = TemplateFiles.Check(request.Template, request.TemplatesDirectory)[0];
        var analysis = Analyze(request.WorkbookPath);
        var model = TemplateModelBuilder.Build(analysis);
        var narrative = ReportRenderer.RenderText(model, templatePath);
        return new GenerateResult(analysis, null, null) { Narrative = narrative };
    }

    /// <summary>
    /// The job: check the outputs against the inputs, analyse, refuse when a check found an error (a report must
    /// not carry wrong figures), render the template, write the .docx atomically, convert it to PDF when asked.
    /// </summary>
    public static GenerateResult Run(GenerateRequest request)
    {
        if (request.TextOnly)
        {
            return RenderNarrative(request);
        }

        // Every file the report is made from, checked before the template engine or the writer touches one.
        var guard = request.OutputChecked ? null : InputGuard(request);
        if (request.Pdf is not null && request.OutputPath is not null)
        {
            guard?.CheckFile(request.PdfPath ?? PdfConverter.PdfPathFor(request.OutputPath));
        }

        if (request.OutputPath is not null)
        {
            guard?.CheckFile(request.OutputPath);
            RefuseEdited(request, request.OutputPath);
            if (request.Xlsx)
            {
                guard?.CheckFile(TablesWorkbookWriter.PathFor(request.OutputPath));
            }
        }

        var analysis = Analyze(request.WorkbookPath);
        if (analysis.HasErrors)
        {
            return new GenerateResult(analysis, null, null);
        }

        var template = request.Prepared?.File ?? TemplateRenderer.Resolve(request.Template, request.TemplatesDirectory);
        (analysis, var document) = Render(analysis, template, request.Prepared);
        document = document with { Workbook = Path.GetFileName(Path.TrimEndingDirectorySeparator(request.WorkbookPath)) };
        var department = analysis.Workbook.Department;
        var path = request.OutputPath;
        if (path is null)
        {
            path = GenerateRequest.DefaultOutputPath(department.Name, department.Year);
            guard?.CheckFile(path, named: false);
            RefuseEdited(request, path);
            if (request.Xlsx)
            {
                guard?.CheckFile(TablesWorkbookWriter.PathFor(path), named: false);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        if (guard is not null)
        {
            _ = AtomicFile.RemoveStale(Path.GetDirectoryName(Path.GetFullPath(path))!, path);
        }

        DocxWriter.WriteFile(document, path, request.Layout, request.StyleReference);
        var result = new GenerateResult(analysis, path, document);
        if (request.Xlsx)
        {
            var xlsx = TablesWorkbookWriter.PathFor(path);
            TablesWorkbookWriter.WriteFile(document, xlsx);
            result = result with { XlsxPath = xlsx };
        }

        return request.Pdf is { } pdf ? ConvertToPdf(pdf, result, request.PdfPath ?? PdfConverter.PdfPathFor(path)) : result;
    }

    /// <summary>
    /// A report edited after ReportGen wrote it is not replaced unless forced (docs/report-fields.md); a batch checks
    /// all of its reports before it starts (BatchOutputs).
    /// </summary>
    private static void RefuseEdited(GenerateRequest request, string path)
    {
        if (!request.Force && !request.OutputChecked)
        {
            ReportStampReader.RefuseEdited(path, request.WorkbookPath);
        }
    }

    /// <summary>
    /// The PDF beside the written report. A failed conversion (a Chinese <see cref="InputException"/> from the
    /// converter) leaves the .docx standing and becomes the result's <see cref="GenerateResult.PdfFailure"/>.
    /// </summary>
    private static GenerateResult ConvertToPdf(PdfConverter pdf, GenerateResult result, string pdfPath)
    {
        try
        {
            pdf.Convert(result.OutputPath!, pdfPath);
            return result with { PdfPath = pdfPath };
        }
        catch (InputException ex)
        {
            return result with { PdfFailure = JobFailure.Of(ex) };
        }
    }
}
