using System.Globalization;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ReportGen.Tests.Snapshots;

/// <summary>
/// Golden-file snapshots (Verify.Xunit cannot be restored here): the expected text lives beside its input, LF
/// endings. On a mismatch the test fails with a diff that starts at the first differing line and writes
/// <c>*.received.txt</c> beside the golden file. <c>REPORTGEN_ACCEPT=1 dotnet test</c> rewrites the golden files
/// after a reviewed change.
/// </summary>
public static class Golden
{
    public static void Verify(string goldenPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var received = Path.ChangeExtension(goldenPath, ".received.txt");
        if (TestSupport.Repo.Accept)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        var expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        Assert.Fail(expected is null
            ? $"没有快照文件 {goldenPath}。检查 {received} 后，用 REPORTGEN_ACCEPT=1 dotnet test 接受。"
            : $"快照不符：{goldenPath}\n{Diff(expected, actual)}\n实际输出已写入 {received}；确认无误后用 REPORTGEN_ACCEPT=1 dotnet test 接受。");
    }

    /// <summary>A unified-style diff from the first difference, with a few lines of context, at most 40 lines.</summary>
    public static string Diff(string expected, string actual)
    {
        var model = new InlineDiffBuilder(new DiffPlex.Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false);
        var lines = model.Lines;
        var first = lines.ToList().FindIndex(l => l.Type != ChangeType.Unchanged);
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"第一处不同在第 {lines[first].Position ?? first + 1} 行附近：");
        foreach (var line in lines.Skip(Math.Max(0, first - 2)).Take(40))
        {
            var mark = line.Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "- ", _ => "  " };
            builder.Append(mark).AppendLine(line.Text);
        }

        return builder.ToString();
    }
}
