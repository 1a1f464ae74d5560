using System.Diagnostics;
using System.Runtime.InteropServices;
using ReportGen.Cli;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Output;

/// <summary>
/// <c>generate --pdf</c>, <c>-o 报告.pdf</c> and <c>batch --pdf</c>: finding LibreOffice, refusing clearly without
/// it, one profile per conversion, the time limit, atomic PDFs. Stand-in <c>soffice</c> scripts exercise the
/// process handling anywhere; the real LibreOffice checks the PDF itself.
/// </summary>
[Collection(ExternalProgramsCollection.Name)]
public sealed class PdfConverterTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CliResult Run(Func<string?> locate, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, new CliRunner(output, error) { LocateLibreOffice = locate });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    // ----- finding LibreOffice -----

    private static LibreOfficeSearch Machine(OSPlatform platform, string? path, params string[] files) => new(
        path,
        platform,
        [@"C:\Program Files", @"C:\Program Files (x86)"],
        files.Contains,
        (parent, _) => files.Where(f => f.StartsWith(parent + "/libreoffice", StringComparison.Ordinal))
            .Select(f => f[..f.IndexOf("/program/", StringComparison.Ordinal)]).Distinct());

    [Fact]
    public void Locator_prefers_the_path_then_the_install_folders_of_each_system()
    {
        Assert.Equal("/home/u/bin/libreoffice",
            LibreOfficeLocator.Find(Machine(OSPlatform.Linux, "/usr/local/bin:/home/u/bin", "/home/u/bin/libreoffice", "/usr/lib/libreoffice/program/soffice")));
        Assert.Equal("/usr/lib/libreoffice/program/soffice",
            LibreOfficeLocator.Find(Machine(OSPlatform.Linux, "/usr/bin", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice24.8/program/soffice")));
        Assert.Equal("/opt/libreoffice24.8/program/soffice",
            LibreOfficeLocator.Find(Machine(OSPlatform.Linux, "/usr/bin", "/opt/libreoffice7.6/program/soffice", "/opt/libreoffice24.8/program/soffice")));
        Assert.Equal(Path.Join(@"C:\Program Files (x86)", "LibreOffice", "program", "soffice.exe"),
            LibreOfficeLocator.Find(Machine(OSPlatform.Windows, @"C:\Windows", Path.Join(@"C:\Program Files (x86)", "LibreOffice", "program", "soffice.exe"))));
        Assert.Equal("/Applications/LibreOffice.app/Contents/MacOS/soffice",
            LibreOfficeLocator.Find(Machine(OSPlatform.OSX, "/usr/bin", "/Applications/LibreOffice.app/Contents/MacOS/soffice")));
    }

    [Fact]
    public void Locator_finds_nothing_on_a_machine_without_LibreOffice()
    {
        Assert.Null(LibreOfficeLocator.Find(Machine(OSPlatform.Linux, "/usr/bin:/bin", "/usr/bin/soffice.bak")));
        Assert.Null(LibreOfficeLocator.Find(Machine(OSPlatform.Windows, null)));
        Assert.Null(LibreOfficeLocator.Find(Machine(OSPlatform.OSX, "")));
    }

    // ----- without LibreOffice -----

    [Theory]
    [InlineData("报告.docx", true)]
    [InlineData("报告.pdf", false)]
    public void Without_LibreOffice_generate_says_how_to_install_it_and_writes_nothing(string name, bool pdfOption)
    {
        string[] args = ["generate", Repo.SampleCsvFolder, "-o", _dir.File(name), .. pdfOption ? new[] { "--pdf" } : []];
        var result = Run(() => null, args);
        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Equal($"错误：{PdfConverter.NotInstalledMessage}\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Contains("安装 LibreOffice", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Without_LibreOffice_batch_pdf_refuses_before_any_report()
    {
        var input = Directory.CreateDirectory(_dir.File("in")).FullName;
        CopyFolder(Repo.SampleCsvFolder, Path.Combine(input, "石峰"));
        var result = Run(() => null, "batch", input, "-o", _dir.File("out"), "--pdf");
        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Contains("未找到 LibreOffice", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("out")));
    }

    // ----- the process, with stand-in soffice scripts -----

    /// <summary>A stand-in soffice: logs its arguments, then runs <paramref name="body"/> (POSIX sh).</summary>
    private string Script(string name, string body)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, $"#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{_dir.File(name + ".log")}'\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>Writes a PDF header into --outdir under the input's name, as soffice does.</summary>
    private string Converting() => Script("soffice-ok", """
        prev=""; out=""; last=""
        for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done
        printf '%%PDF-1.7 stand-in\n' > "$out/$(basename "$last" .docx).pdf"
        """);

    private string[] Log(string script) => File.ReadAllLines(_dir.File(Path.GetFileName(script) + ".log"));

    [UnixFact]
    public void Generate_pdf_converts_beside_the_docx_each_run_in_its_own_profile()
    {
        var soffice = Converting();
        var docx = _dir.File("报告.docx");
        for (var run = 0; run < 2; run++)
        {
            var result = Run(() => soffice, "generate", Repo.SampleCsvFolder, "-o", docx, "--pdf");
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains($"已生成 {_dir.File("报告.pdf")}", result.Output, StringComparison.Ordinal);
        }

        Assert.StartsWith("%PDF-1.7 stand-in", File.ReadAllText(_dir.File("报告.pdf")), StringComparison.Ordinal);
        Assert.Equal("PK", File.ReadAllText(docx)[..2]);
        var log = Log(soffice);
        var profiles = log.Where(a => a.StartsWith("-env:UserInstallation=file:///", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, profiles.Count);
        Assert.NotEqual(profiles[0], profiles[1]);
        Assert.Contains("--headless", log);
        Assert.Contains("pdf:writer_pdf_Export", log);

        // The profile and the conversion folder are gone; nothing but the two outputs (and the stand-in) is left.
        Assert.All(profiles, p => Assert.False(Directory.Exists(new Uri(p["-env:UserInstallation=".Length..]).LocalPath)));
        Assert.Equal(["soffice-ok", "soffice-ok.log", "报告.docx", "报告.pdf"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [UnixFact]
    public void Output_named_pdf_writes_the_docx_of_the_same_name_and_the_pdf()
    {
        var soffice = Converting();
        var result = Run(() => soffice, "generate", Repo.SampleCsvFolder, "-o", _dir.File("自评报告.pdf"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"已生成 {_dir.File("自评报告.docx")}", result.Output, StringComparison.Ordinal);
        Assert.Contains($"已生成 {_dir.File("自评报告.pdf")}", result.Output, StringComparison.Ordinal);
        Assert.Equal("PK", File.ReadAllText(_dir.File("自评报告.docx"))[..2]);
        Assert.StartsWith("%PDF", File.ReadAllText(_dir.File("自评报告.pdf")), StringComparison.Ordinal);
    }

    [UnixFact]
    public void Batch_pdf_writes_a_pdf_beside_every_report()
    {
        var soffice = Converting();
        var input = Directory.CreateDirectory(_dir.File("in")).FullName;
        CopyFolder(Repo.SampleCsvFolder, Path.Combine(input, "甲"));
        CopyFolder(Repo.SampleCsvFolder, Path.Combine(input, "乙"));
        var result = Run(() => soffice, "batch", input, "-o", _dir.File("out"), "--pdf", "--jobs", "2");
        Assert.True(result.ExitCode == 0, result.Error);
        var reports = Directory.GetFiles(_dir.File("out"), "*.docx", SearchOption.AllDirectories);
        Assert.Equal(2, reports.Length);
        Assert.All(reports, r => Assert.StartsWith("%PDF", File.ReadAllText(PdfConverter.PdfPathFor(r)), StringComparison.Ordinal));
    }

    [UnixFact]
    public void A_conversion_past_the_time_limit_is_stopped_with_its_children_and_leaves_the_old_pdf()
    {
        var pidFile = _dir.File("child.pid");
        var soffice = Script("soffice-hangs", $"sleep 300 &\necho $! > '{pidFile}'\nwait");
        var docx = WriteDocx();
        var pdf = _dir.File("报告.pdf");
        File.WriteAllText(pdf, "previous");
        // The message names the 2-second limit only when the converter stopped the script (else it would end
        // after 300 s with no output, another message), and the child is gone: no clock needed.
        var error = Assert.Throws<InputException>(() => new PdfConverter(soffice) { Timeout = TimeSpan.FromSeconds(2) }.Convert(docx, pdf));
        Assert.Equal("LibreOffice 在 2 秒内没有完成“报告.docx”的 PDF 转换，已终止转换，未生成 PDF。请关闭其他正在运行的 LibreOffice 后重试。", error.Message);
        Assert.Equal("previous", File.ReadAllText(pdf));
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ProcessGone(child), $"the script's child {child} still runs");
        Assert.Empty(Directory.GetFiles(_dir.Path, ".*"));
    }

    [UnixFact]
    public void A_failing_or_silent_LibreOffice_leaves_the_old_pdf_and_says_so()
    {
        var docx = WriteDocx();
        var pdf = _dir.File("报告.pdf");
        File.WriteAllText(pdf, "previous");
        var failing = Assert.Throws<InputException>(() => new PdfConverter(Script("soffice-fails", "echo 'Error: source file could not be loaded' >&2\nexit 5")).Convert(docx, pdf));
        Assert.StartsWith("LibreOffice 转换“报告.docx”失败（退出码 5），未生成 PDF。", failing.Message, StringComparison.Ordinal);
        Assert.Contains("source file could not be loaded", failing.InnerException!.Message, StringComparison.Ordinal);
        var silent = Assert.Throws<InputException>(() => new PdfConverter(Script("soffice-silent", "exit 0")).Convert(docx, pdf));
        Assert.Contains("没有输出文件", silent.Message, StringComparison.Ordinal);
        Assert.Equal("previous", File.ReadAllText(pdf));
    }

    [Fact]
    public void A_program_that_cannot_start_is_a_clear_error()
    {
        var notExecutable = _dir.File("soffice");
        File.WriteAllText(notExecutable, "not a program");
        var error = Assert.Throws<InputException>(() => new PdfConverter(notExecutable).Convert(WriteDocx(), _dir.File("a.pdf")));
        Assert.StartsWith($"无法启动 LibreOffice（{notExecutable}）", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("error occurred", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("没有执行这个程序的权限", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("a.pdf")));
    }

    // ----- the real LibreOffice -----

    /// <summary>
    /// Two reports converted at the same moment (each with its own profile) both come out whole: A4 pages holding
    /// the key figures of the sample.
    /// </summary>
    [LibreOfficeFact]
    public void Two_parallel_conversions_give_A4_pdfs_with_the_key_figures()
    {
        var start = new Barrier(2);
        var results = new[] { "甲.docx", "乙.docx" }.AsParallel().WithDegreeOfParallelism(2).Select(name =>
        {
            start.SignalAndWait();
            return (Name: name, Result: Run(LibreOfficeLocator.Find, "generate", Repo.SampleCsvFolder, "-o", _dir.File(name), "--pdf"));
        }).ToList();
        foreach (var (name, result) in results)
        {
            Assert.True(result.ExitCode == 0, $"{name}: {result.Error}");
            var pdf = _dir.File(Path.ChangeExtension(name, ".pdf"));
            var text = Tool("pdftotext", "-layout", pdf, "-");
            foreach (var figure in new[] { "560.75", "458.04", "81.68%" })
            {
                Assert.Contains(figure, text, StringComparison.Ordinal);
            }

            var info = Tool("pdfinfo", pdf);
            Assert.Contains("(A4)", info, StringComparison.Ordinal);
            Assert.Matches(@"Pages:\s+([2-9]|\d\d)", info);
        }
    }

    private string WriteDocx()
    {
        var docx = _dir.File("报告.docx");
        DocxWriter.WriteFile(SampleReports.Small(), docx, DocxLayout.Default);
        return docx;
    }

    /// <summary>Whether process <paramref name="pid"/> has ended, waiting up to 5 s.</summary>
    internal static bool ProcessGone(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (process.HasExited)
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }

    private static string Tool(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"{program} did not finish");
        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}");
        return output;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
