using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ReportGen.Model;

namespace ReportGen.Output;

/// <summary>
/// Turns a written .docx into a PDF with LibreOffice (<c>soffice --headless --convert-to pdf</c>). Each conversion
/// runs in a temp folder of its own with its own LibreOffice profile (<c>-env:UserInstallation</c>), so parallel
/// conversions (a batch, two terminals) do not wait for or break each other; it is stopped, with every process it
/// started, after <see cref="Timeout"/>; and the PDF reaches its place through <see cref="AtomicFile"/>, so a
/// failure leaves the previous PDF (or none), never half of one (docs/errors.md).
/// </summary>
public sealed class PdfConverter
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    public PdfConverter(string soffice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(soffice);
        Soffice = soffice;
    }

    /// <summary>The LibreOffice program used.</summary>
    public string Soffice { get; }

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>A converter using the LibreOffice that <paramref name="locate"/> finds.</summary>
    /// <exception cref="InputException">LibreOffice is not installed (the message says how to install it).</exception>
    public static PdfConverter Create(Func<string?> locate) =>
        new(locate() ?? throw new InputException(NotInstalledMessage));

    public const string NotInstalledMessage =
        "未找到 LibreOffice，无法生成 PDF（--pdf 用 LibreOffice 把 Word 报告转换为 PDF）。请安装 LibreOffice 后重试"
        + "（Windows、macOS：从 LibreOffice 官网 https://zh-cn.libreoffice.org/ 下载安装；Debian、Ubuntu：sudo apt-get install libreoffice-writer），"
        + "或去掉 --pdf 只生成 .docx，再用 Word 或 WPS 打开后另存为 PDF。";

    /// <summary>The PDF that goes beside a report: the same name with the extension .pdf.</summary>
    public static string PdfPathFor(string docxPath) => Path.ChangeExtension(docxPath, ".pdf");

    /// <summary>Converts <paramref name="docxPath"/> and writes the result to <paramref name="pdfPath"/>.</summary>
    /// <exception cref="InputException">LibreOffice could not start, failed, or ran past the time limit.</exception>
    public void Convert(string docxPath, string pdfPath)
    {
        var work = Path.Combine(Path.GetTempPath(), "reportgen-pdf-" + Guid.NewGuid().ToString("N"));
        var active = Active.Add(work);
        try
        {
            var input = Path.Combine(work, "in", "report.docx");
            var outFolder = Path.Combine(work, "out");
            Directory.CreateDirectory(Path.GetDirectoryName(input)!);
            Directory.CreateDirectory(outFolder);

            // A copy under a plain name: LibreOffice names its output after the input and reads some names (a
            // leading "-", a ":") as options or URLs.
            File.Copy(docxPath, input);
            Run(docxPath, input, outFolder, Path.Combine(work, "profile"), active);
            var pdf = Path.Combine(outFolder, "report.pdf");
            if (!IsPdf(pdf))
            {
                throw new InputException(
                    $"LibreOffice 没有把“{Path.GetFileName(docxPath)}”转换为 PDF（没有输出文件），未生成 PDF。请用 LibreOffice 打开该报告确认能正常显示后重试。");
            }

            AtomicFile.Write(pdfPath, stream =>
            {
                using var source = File.OpenRead(pdf);
                source.CopyTo(stream);
            });
        }
        finally
        {
            Active.Remove(active);
            DeleteQuietly(work);
        }
    }

    /// <summary>
    /// The conversions under way, so that SIGINT or SIGTERM (Ctrl+C, a service stop) still ends their LibreOffice
    /// and removes their temp folder and private profile: the process is about to end and no finally runs. A
    /// signal another handler cancels (a batch stopping cleanly) leaves them to finish.
    /// </summary>
    private static class Active
    {
        private static readonly Lock Gate = new();
        private static readonly List<Conversion> Conversions = [];
        private static IDisposable[]? Registrations;

        public static Conversion Add(string work)
        {
            var conversion = new Conversion(work);
            lock (Gate)
            {
                Conversions.Add(conversion);
                if (Registrations is null && !OperatingSystem.IsWindows() && !OperatingSystem.IsBrowser())
                {
                    Registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
                }
            }

            return conversion;
        }

        public static void Remove(Conversion conversion)
        {
            lock (Gate)
            {
                Conversions.Remove(conversion);
            }
        }

        private static void OnSignal(PosixSignalContext context)
        {
            if (context.Cancel)
            {
                return;
            }

            Conversion[] all;
            lock (Gate)
            {
                all = [.. Conversions];
            }

            foreach (var conversion in all)
            {
                if (conversion.Process is { } process)
                {
                    KillTree(process);
                }

                DeleteQuietly(conversion.Work);
            }
        }
    }

    private sealed class Conversion(string work)
    {
        public string Work { get; } = work;
        public Process? Process { get; set; }
    }

    private void Run(string docxPath, string input, string outFolder, string profile, Conversion conversion)
    {
        var start = new ProcessStartInfo(Soffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = Path.GetDirectoryName(input)!,
        };

        // The profile as a file URL (file:///tmp/…/profile, file:///C:/…/profile on Windows).
        foreach (var argument in new[]
                 {
                     "-env:UserInstallation=" + new Uri(profile + Path.DirectorySeparatorChar).AbsoluteUri,
                     "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                     "--convert-to", "pdf:writer_pdf_Export", "--outdir", outFolder, input,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        try
        {
            process.Start();
            conversion.Process = process;
        }
        catch (Win32Exception ex)
        {
            // The system's own words ("An error occurred trying to start process…") go with --verbose only.
            throw new InputException($"无法启动 LibreOffice（{Soffice}）：{StartFailure(ex.NativeErrorCode)}。请确认 LibreOffice 已正确安装。", inner: ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            // soffice is a launcher: soffice.bin and its helpers are its children, and all must go.
            KillTree(process);
            throw new InputException(
                $"LibreOffice 在 {Timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} 秒内没有完成“{Path.GetFileName(docxPath)}”的 PDF 转换，已终止转换，未生成 PDF。"
                + "请关闭其他正在运行的 LibreOffice 后重试。");
        }

        // The parameterless wait also drains the redirected output.
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            string detail;
            lock (log)
            {
                detail = log.ToString();
            }

            throw new InputException(
                $"LibreOffice 转换“{Path.GetFileName(docxPath)}”失败（退出码 {process.ExitCode}），未生成 PDF。请确认 LibreOffice 能正常启动后重试；加 --verbose 可查看 LibreOffice 的输出。",
                inner: new InvalidOperationException($"{Soffice} exited {process.ExitCode}:\n{detail}"));
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    /// <summary>Why a program could not start, in words (errno on Linux and macOS, the Win32 code on Windows).</summary>
    public static string StartFailure(int code) => (code, OperatingSystem.IsWindows()) switch
    {
        (2 or 3, _) => "找不到这个程序文件",
        (13, false) or (5, true) => "没有执行这个程序的权限（文件缺少可执行权限）",
        (8, false) or (193 or 216, true) => "这不是本机能运行的程序（文件损坏，或是其他处理器架构的版本）",
        (12, false) or (8, true) => "内存不足",
        _ => $"系统拒绝启动它（系统错误代码 {code}）",
    };

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It ended on its own between the timeout and the kill.
        }
        catch (Win32Exception)
        {
            // A child that could not be killed (already gone); the parent is.
        }
    }

    private static bool IsPdf(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        Span<byte> head = stackalloc byte[5];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual("%PDF-"u8);
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A LibreOffice child still closing a profile file; the temp folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
