namespace ReportGen.Tests.TestSupport;

/// <summary>
/// Whether the tests run in CI (.ci/run sets CI=1; CI services set CI=true): there a test whose tool is missing
/// fails instead of skipping, so that a broken install cannot pass unnoticed.
/// </summary>
public static class Ci
{
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } value
        && value != "0" && !value.Equals("false", StringComparison.OrdinalIgnoreCase);
}
