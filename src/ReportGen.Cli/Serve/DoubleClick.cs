using System.Runtime.InteropServices;

namespace ReportGen.Cli.Serve;

/// <summary>
/// Whether <c>reportgen.exe</c> was started by a double-click on Windows: no arguments, and the console window is
/// its own (Explorer made it; a terminal would have other processes attached). Then the workbench starts
/// instead of the help, which would flash and vanish (docs/serve.md). Elsewhere always false.
/// </summary>
internal static partial class DoubleClick
{
    public static bool Started(string[] args)
    {
        if (args.Length != 0 || !OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            var processes = new uint[2];
            return GetConsoleProcessList(processes, (uint)processes.Length) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("kernel32.dll", SetLastError = false)]
    private static extern uint GetConsoleProcessList([Out] uint[] processList, uint processCount);
}
