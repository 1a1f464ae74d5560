using ReportGen.Cli;

namespace ReportGen.Tests.TestSupport;

/// <summary>What a user would see from one <c>reportgen</c> run.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Asserts the run printed no .NET stack trace anywhere.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Error, StringComparison.Ordinal);
    }
}

public static class CliHarness
{
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
