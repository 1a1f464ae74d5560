using System.Diagnostics;

namespace ReportGen.Output;

/// <summary>
/// Which of a report's fonts this machine lacks, and what LibreOffice will draw instead, asked of fontconfig
/// (<c>fc-list</c>, <c>fc-match</c>) where it exists: a PDF made without 仿宋_GB2312 or 方正小标宋简体 looks different
/// from the report in Word, and <c>--pdf</c> says so (README, "PDF").
/// </summary>
public static class FontCheck
{
    /// <summary>A font the report names that is not installed, and the font fontconfig substitutes (null when unknown).</summary>
    public sealed record Missing(string Font, string? Substitute);

    /// <summary>
    /// The report's East Asian fonts and its Latin font missing from this machine; empty where fontconfig is absent
    /// (Windows, macOS without it), since nothing can be said there.
    /// </summary>
    public static IReadOnlyList<Missing> Check(DocxLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var installed = Run("fc-list", ":", "family");
        if (installed is null)
        {
            return [];
        }

        var families = installed.Split('\n')
            .SelectMany(line => line.Split(','))
            .Select(name => name.Trim())
            .Where(name => name.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        string[] fonts = [layout.TitleFont, layout.BodyFont, layout.Heading1Font, layout.Heading2Font, layout.Heading3Font, layout.Heading4Font,
            layout.TableFont, layout.PageNumberFont, layout.LatinFont];
        return [.. fonts.Distinct(StringComparer.Ordinal)
            .Where(font => !families.Contains(font))
            .Select(font => new Missing(font, Substitute(font)))];
    }

    /// <summary>The family fontconfig picks for a font name.</summary>
    private static string? Substitute(string font)
    {
        // A Chinese font's stand-in is the one fontconfig gives for Chinese text, as LibreOffice asks for it.
        var pattern = font.Any(c => c > '\u007F') ? font + ":lang=zh-cn" : font;
        var match = Run("fc-match", pattern, "--format=%{family[0]}")?.Trim();
        return string.IsNullOrEmpty(match) ? null : match;
    }

    /// <summary>One line of warning for the user; null when nothing is missing.</summary>
    public static string? Warning(IReadOnlyList<Missing> missing) => missing.Count == 0
        ? null
        : "警告：本机没有报告使用的字体 " + string.Join("、", missing.Select(m => m.Substitute is null ? m.Font : $"{m.Font}（LibreOffice 将改用 {m.Substitute}）"))
          + "，PDF 的字形和分页会与在 Word 中不同。安装这些字体的方法见 README“PDF”一节。";

    private static string? Run(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? output.GetAwaiter().GetResult() : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            // No fontconfig on this machine: nothing to say.
            return null;
        }
    }
}
