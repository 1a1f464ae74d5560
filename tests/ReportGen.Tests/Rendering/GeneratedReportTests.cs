using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ReportGen.Cli;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>The generated sample report as a file: valid Open XML, deterministic, atomic, readable by LibreOffice.</summary>
public sealed class GeneratedReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reportgen-gen-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Generate(string name, string template = "default")
    {
        var path = Path.Combine(_dir, name);
        var result = Run("generate", Repo.SampleCsvFolder, "-o", path, "-t", template);
        Assert.True(result.Code == 0, result.Error);
        return path;
    }

    [Theory]
    [InlineData("default")]
    [InlineData("sichuan")]
    [InlineData("hunan")]
    [InlineData("guangdong")]
    [InlineData("hebei")]
    public void Report_passes_the_open_xml_validator(string template)
    {
        using var document = WordprocessingDocument.Open(Generate($"{template}.docx", template), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Same_input_gives_byte_identical_reports()
    {
        var first = File.ReadAllBytes(Generate("a.docx"));
        var second = File.ReadAllBytes(Generate("b.docx"));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_prints_the_key_figures_and_leaves_no_temp_file()
    {
        var path = Path.Combine(_dir, "报告.docx");
        var (code, output, _) = Run("generate", Repo.SampleCsvFolder, "-o", path);
        Assert.Equal(0, code);
        Assert.Contains("560.75", output, StringComparison.Ordinal);
        Assert.Contains("458.04", output, StringComparison.Ordinal);
        Assert.Contains("81.68%", output, StringComparison.Ordinal);
        Assert.Equal(["报告.docx"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    /// <summary>
    /// A copy of the sample with an error: 实际支出 245.80 → 300 on the 基本支出 line (final budget 249.98), an
    /// overspend without a 偏差原因.
    /// </summary>
    private string OverspentSample()
    {
        var input = Path.Combine(_dir, "input");
        Directory.CreateDirectory(input);
        foreach (var file in Directory.GetFiles(Repo.SampleCsvFolder))
        {
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        }

        var lines = Path.Combine(input, "预算执行.csv");
        File.WriteAllText(lines, File.ReadAllText(lines).Replace("249.98,245.80,4.18", "249.98,300,-50.02", StringComparison.Ordinal));
        return input;
    }

    [Fact]
    public void Generate_refuses_a_workbook_with_errors_and_writes_nothing()
    {
        var input = OverspentSample();
        var path = Path.Combine(_dir, "out.docx");
        var (code, _, error) = Run("generate", input, "-o", path);
        Assert.Equal(ExitCodes.FindingsWithErrors, code);
        Assert.Contains("RG120", error, StringComparison.Ordinal);
        Assert.Contains("未生成报告", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    /// <summary>
    /// generate parses the template while it reads the workbook; the workbook's errors still come first, and a
    /// broken template with a good workbook is still a located error, never an internal one.
    /// </summary>
    [Fact]
    public void Workbook_errors_come_before_template_errors_and_template_errors_are_located()
    {
        var input = OverspentSample();
        var template = Path.Combine(_dir, "坏模板.sbn");
        File.WriteAllText(template, "正文\n{{ if department }}a{{ else }}b{{ end }}{{ end }}\n");
        var path = Path.Combine(_dir, "out.docx");

        var withErrors = Run("generate", input, "-t", template, "-o", path);
        var good = Run("generate", Repo.SampleCsvFolder, "-t", template, "-o", path);

        Assert.Equal(ExitCodes.FindingsWithErrors, withErrors.Code);
        Assert.Contains("RG120", withErrors.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("坏模板", withErrors.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InputError, good.Code);
        Assert.Contains("模板 坏模板.sbn 第 2 行第 ", good.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", good.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_missing_output_folder_is_a_clear_error()
    {
        var (code, _, error) = Run("generate", Repo.SampleCsvFolder, "-o", Path.Combine(_dir, "没有这个文件夹", "报告.docx"));
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("输出文件夹不存在", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fonts_can_be_changed_from_the_command_line()
    {
        var path = Path.Combine(_dir, "fonts.docx");
        Assert.Equal(0, Run("generate", Repo.SampleCsvFolder, "-o", path, "--font", "正文=宋体", "--font", "标题=黑体").Code);
        using var document = WordprocessingDocument.Open(path, false);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.OuterXml;
        Assert.Contains("w:eastAsia=\"宋体\"", styles, StringComparison.Ordinal);
        Assert.Contains("w:eastAsia=\"黑体\"", styles, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InputError, Run("generate", Repo.SampleCsvFolder, "-o", path, "--font", "脚注=宋体").Code);
    }

    [Fact]
    public void A_reference_document_replaces_the_styles()
    {
        // The user's reference: our own report with the body style's East Asian font changed to 楷体.
        var reference = Generate("reference.docx");
        using (var document = WordprocessingDocument.Open(reference, true))
        {
            var body = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>()
                .Single(s => s.StyleId == "RGBody");
            body.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>().Single().EastAsia = "楷体";
        }

        var path = Path.Combine(_dir, "styled.docx");
        var (code, _, error) = Run("generate", Repo.SampleCsvFolder, "-o", path, "--style", reference);
        Assert.True(code == 0, error);
        using var styled = WordprocessingDocument.Open(path, false);
        var styledBody = styled.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>()
            .Single(s => s.StyleId == "RGBody");
        Assert.Equal("楷体", styledBody.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>().Single().EastAsia?.Value);
    }

    /// <summary>The published report's defects (shifeng-2023.md) must not come back.</summary>
    [Fact]
    public void The_sample_report_does_not_repeat_the_published_defects()
    {
        var (code, text, _) = Run("generate", Repo.SampleCsvFolder, "--text");
        Assert.Equal(0, code);
        Assert.DoesNotContain("万元万元", text, StringComparison.Ordinal);
        Assert.DoesNotContain("不存在相关问题", text, StringComparison.Ordinal);
        Assert.Contains("部门预算执行率为81.68%，低于90%", text, StringComparison.Ordinal);
        // Each project's use is described under its own heading only: 意识形态 is not given 融媒体中心's sentence.
        var ideology = text[text.IndexOf("#### 4.意识形态工作专项经费", StringComparison.Ordinal)..text.IndexOf("#### 5.", StringComparison.Ordinal)];
        Assert.DoesNotContain("维持融媒体中心的运转", ideology, StringComparison.Ordinal);
        Assert.Contains("主要用于区委理论学习中心组学习培训", ideology, StringComparison.Ordinal);
    }

    /// <summary>The real-client test: LibreOffice opens the report, and the PDF carries the key figures on A4 pages.</summary>
    [LibreOfficeFact]
    public void LibreOffice_renders_the_report_with_the_key_figures()
    {
        var docx = Generate("sample.docx");
        RunProcess("soffice", $"--headless --convert-to pdf --outdir \"{_dir}\" \"{docx}\"");
        var pdf = Path.Combine(_dir, "sample.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice produced no PDF");
        var text = RunProcess("pdftotext", $"-layout \"{pdf}\" -");
        foreach (var figure in new[] { "560.75", "458.04", "81.68%", "102.71", "0.15", "40.03", "3.06", "55.29" })
        {
            Assert.Contains(figure, text, StringComparison.Ordinal);
        }

        var info = RunProcess("pdfinfo", $"\"{pdf}\"");
        Assert.Contains("(A4)", info, StringComparison.Ordinal);
    }

    private static string RunProcess(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), $"{program} did not finish");
        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}");
        return output;
    }
}
