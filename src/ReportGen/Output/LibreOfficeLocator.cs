using System.Runtime.InteropServices;

namespace ReportGen.Output;

/// <summary>
/// What <see cref="LibreOfficeLocator"/> looks at: the PATH, the operating system, the Program Files folders and the
/// file system. A record so that tests can describe a machine with or without LibreOffice.
/// </summary>
public sealed record LibreOfficeSearch(
    string? PathVariable,
    OSPlatform Platform,
    IReadOnlyList<string> ProgramFilesFolders,
    Func<string, bool> FileExists,
    Func<string, string, IEnumerable<string>> Directories)
{
    /// <summary>This machine.</summary>
    public static LibreOfficeSearch Machine => new(
        Environment.GetEnvironmentVariable("PATH"),
        OperatingSystem.IsWindows() ? OSPlatform.Windows : OperatingSystem.IsMacOS() ? OSPlatform.OSX : OSPlatform.Linux,
        new[] { Environment.GetEnvironmentVariable("ProgramFiles"), Environment.GetEnvironmentVariable("ProgramFiles(x86)"), Environment.GetEnvironmentVariable("ProgramW6432") }
            .OfType<string>().Where(p => p.Length > 0).Distinct().ToList(),
        File.Exists,
        (parent, pattern) => Directory.Exists(parent) ? Directory.EnumerateDirectories(parent, pattern) : []);
}

/// <summary>
/// Finds LibreOffice's <c>soffice</c>: first on the PATH (<c>soffice</c>, <c>libreoffice</c>), then in the folders
/// its installers use (docs/errors.md lists them): /usr/lib/libreoffice/program and /opt/libreoffice*/program on
/// Linux, Program Files\LibreOffice\program on Windows, /Applications/LibreOffice.app on macOS.
/// </summary>
public static class LibreOfficeLocator
{
    public static string? Find() => Find(LibreOfficeSearch.Machine);

    public static string? Find(LibreOfficeSearch search) => Candidates(search).FirstOrDefault(search.FileExists);

    private static IEnumerable<string> Candidates(LibreOfficeSearch search)
    {
        var windows = search.Platform == OSPlatform.Windows;
        string[] names = windows ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
        var separator = windows ? ';' : ':';
        foreach (var folder in (search.PathVariable ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var name in names)
            {
                yield return Path.Join(folder.Trim('"'), name);
            }
        }

        if (windows)
        {
            foreach (var programFiles in search.ProgramFilesFolders)
            {
                yield return Path.Join(programFiles, "LibreOffice", "program", "soffice.exe");
            }
        }
        else if (search.Platform == OSPlatform.OSX)
        {
            yield return "/Applications/LibreOffice.app/Contents/MacOS/soffice";
            if (Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home)
            {
                yield return Path.Join(home, "Applications/LibreOffice.app/Contents/MacOS/soffice");
            }
        }
        else
        {
            yield return "/usr/lib/libreoffice/program/soffice";
            yield return "/usr/lib64/libreoffice/program/soffice";
            yield return "/usr/local/lib/libreoffice/program/soffice";

            // The Document Foundation's own packages install /opt/libreoffice7.6, /opt/libreoffice24.8: newest first.
            foreach (var folder in search.Directories("/opt", "libreoffice*").OrderByDescending(VersionOf))
            {
                yield return Path.Join(folder, "program", "soffice");
            }

            yield return "/snap/bin/libreoffice";
        }
    }

    private static Version VersionOf(string folder)
    {
        var text = Path.GetFileName(folder)["libreoffice".Length..];
        return Version.TryParse(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", out var version) ? version : new Version(0, 0);
    }
}
