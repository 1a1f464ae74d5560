using System.Diagnostics;
using ReportGen.Tests.Output;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// SIGINT or SIGTERM while LibreOffice converts (<c>generate --pdf</c>): the run ends, LibreOffice and its children
/// with it, and the private temp folder with its profile is removed (docs/errors.md, "Exit 2: PDF"). The command
/// runs as a process of its own, with a stand-in soffice that hangs and a temp folder of its own.
/// </summary>
public sealed class HostileSignalTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixTheory]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [InlineData("TERM")]
    [InlineData("INT")]
    public void A_signal_during_the_pdf_conversion_removes_the_private_profile(string signal)
    {
        var bin = Directory.CreateDirectory(_temp.File("bin")).FullName;
        var tmp = Directory.CreateDirectory(_temp.File("tmp")).FullName;
        var started = _temp.File("started");
        var soffice = Path.Combine(bin, "soffice");
        File.WriteAllText(soffice, $"#!/bin/sh\nsleep 300 &\necho $! > '{started}'\nwait\n");
        File.SetUnixFileMode(soffice, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "reportgen.dll"), "generate", Repo.SampleCsvFolder, "-o", _temp.File("报告.docx"), "--pdf" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["TMPDIR"] = tmp;
        using var run = Process.Start(start)!;
        var waited = Stopwatch.StartNew();
        while (!File.Exists(started) || File.ReadAllText(started).Trim().Length == 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(120) && !run.HasExited, "the stand-in soffice never started: " + (run.HasExited ? run.StandardError.ReadToEnd() : ""));
            Thread.Sleep(100);
        }

        Assert.NotEmpty(Directory.GetDirectories(tmp, "reportgen-pdf-*"));
        using (var kill = Process.Start("kill", ["-" + signal, run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(run.WaitForExit(60_000), "reportgen did not end after the signal");
        Assert.Empty(Directory.GetDirectories(tmp, "reportgen-pdf-*"));
        var child = int.Parse(File.ReadAllText(started).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(PdfConverterTests.ProcessGone(child), $"LibreOffice's child {child} still runs");
    }
}
