using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Import;
using ReportGen.Model;
using ReportGen.Tests.Import;
using ReportGen.Tests.TestSupport;
using Xunit.Abstractions;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Fuzzing: mutated copies of the sample workbook (.xlsx, .xls, and the .csv folder with one of its
/// sheets mutated) and of the import forms (.docx, .xlsx, .xls), through the library and, every fifth case, through
/// the CLI. Besides damaged bytes and parts, the mutations change number formats (percent, 万, dates, nonsense
/// codes), sheet names (a space added, a twin, empty, overlong) and CSV quoting, separators, encodings and number
/// text (docs/errors.md, "Fuzzing"). Every case must end in a result or an
/// <see cref="InputException"/> (CLI: exit 0, 1 or 2 without a stack trace) within <see cref="PerCase"/>.
/// The random start value is fixed; REPORTGEN_FUZZ_CASES=N runs N cases instead of the CI's 240 (REPORTGEN_FUZZ_SEED
/// changes it). A failing case is saved under the temp folder and named in the failure with its
/// index, so it can be replayed.
/// </summary>
public sealed partial class HostileFuzzTests(ITestOutputHelper log) : IDisposable
{
    private const int DefaultCases = 240;
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(20);

    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private enum Kind { Workbook, Form, CsvSheet }

    private sealed record Seed(string Name, Kind Kind, string Extension, byte[] Bytes)
    {
        public bool IsZip => Bytes.Length > 1 && Bytes[0] == 'P' && Bytes[1] == 'K';
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    [Fact]
    public async Task Hostile_fuzz_mutated_workbooks_and_forms_end_in_a_result_or_a_clean_input_error()
    {
        var cases = Setting("REPORTGEN_FUZZ_CASES", DefaultCases);
        var start = Setting("REPORTGEN_FUZZ_SEED", 20231231);
        var origins = Seeds();
        var outcomes = new Dictionary<string, int>();
        var failures = new List<string>();
        var slowest = (Time: TimeSpan.Zero, Case: "");
        var clock = Stopwatch.StartNew();
        for (var index = 0; index < cases; index++)
        {
            var random = new Random(start * 7919 + index);
            var origin = origins[index % origins.Count];
            var (mutation, bytes) = Mutate(random, origin);
            var label = $"#{index} {origin.Name} {mutation}";
            var path = _temp.File($"case{index}{origin.Extension}");
            if (origin.Kind == Kind.CsvSheet)
            {
                // A copy of the sample's .csv folder with this one sheet mutated.
                path = _temp.File($"case{index}");
                CopyCsvFolder(path);
                File.WriteAllBytes(Path.Combine(path, origin.Name), bytes);
            }
            else
            {
                File.WriteAllBytes(path, bytes);
            }

            var started = clock.Elapsed;
            string outcome;
            try
            {
                outcome = await Task.Run(() => RunCase(origin.Kind, path, viaCli: index % 5 == 0)).WaitAsync(PerCase);
            }
            catch (TimeoutException)
            {
                outcome = "失败：超时";
            }

            var took = clock.Elapsed - started;
            if (took > slowest.Time)
            {
                slowest = (took, label);
            }

            outcomes[outcome.StartsWith("失败", StringComparison.Ordinal) ? "失败" : outcome] =
                outcomes.GetValueOrDefault(outcome.StartsWith("失败", StringComparison.Ordinal) ? "失败" : outcome) + 1;
            if (outcome.StartsWith("失败", StringComparison.Ordinal))
            {
                var kept = Path.Combine(Path.GetTempPath(), "reportgen-fuzz-failures", $"start{start}-case{index}{origin.Extension}");
                Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
                if (origin.Kind == Kind.CsvSheet)
                {
                    kept = Path.Combine(Path.GetDirectoryName(kept)!, $"start{start}-case{index}");
                    Directory.CreateDirectory(kept);
                    foreach (var file in Directory.GetFiles(path))
                    {
                        File.Copy(file, Path.Combine(kept, Path.GetFileName(file)), overwrite: true);
                    }
                }
                else
                {
                    File.Copy(path, kept, overwrite: true);
                }

                failures.Add($"{label}: {outcome} (saved as {kept})");
            }

            if (origin.Kind == Kind.CsvSheet)
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }

        log.WriteLine($"fuzz: start {start}, {cases} cases in {clock.Elapsed.TotalSeconds:0.0} s; "
                      + string.Join(", ", outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))
                      + $"; slowest {slowest.Time.TotalSeconds:0.00} s ({slowest.Case})");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Cases the 10,000-case run found (docs/errors.md, "Fuzzing"), replayed at every run: .xls files whose damage
    /// makes ExcelDataReader index past an array (exit 3 before).
    /// </summary>
    [Theory]
    [InlineData(7625)]
    [InlineData(8875)]
    public void Hostile_fuzz_cases_found_by_the_long_run_end_cleanly(int index)
    {
        var start = 20231231; // the CI's start value, with which the long run found them
        var origins = Seeds();
        var origin = origins[index % origins.Count];
        var (mutation, bytes) = Mutate(new Random(start * 7919 + index), origin);
        var path = _temp.File($"case{index}{origin.Extension}");
        File.WriteAllBytes(path, bytes);

        var outcome = RunCase(origin.Kind, path, viaCli: true);
        Assert.False(outcome.StartsWith("失败", StringComparison.Ordinal), $"#{index} {origin.Name} {mutation}: {outcome}");
        Assert.Equal("输入错误", outcome);
    }

    /// <summary>One case: "结果", "输入错误" or "失败：…" (anything but InputException escaping, or a bad exit).</summary>
    private string RunCase(Kind kind, string path, bool viaCli)
    {
        try
        {
            if (viaCli)
            {
                var result = kind != Kind.Form
                    ? CliHarness.Run("check", path)
                    : CliHarness.Run("import", path, "--into", _temp.File("目标.xlsx"), "--dry-run");
                if (result.Error.Contains("   at ", StringComparison.Ordinal) || result.ExitCode is not (0 or 1 or 2))
                {
                    return $"失败：CLI 退出码 {result.ExitCode}：{Head(result.Error)}";
                }

                return result.ExitCode == 2 ? "输入错误" : "结果";
            }

            if (kind != Kind.Form)
            {
                var report = GenerateJob.Run(new GenerateRequest(path, "default", Path.Combine(Repo.Root, "templates"),
                    _temp.File("报告.docx"), null));
                return report.OutputPath is null ? "结果（有错误，未生成）" : "结果（已生成）";
            }

            ImportJob.Run(new ImportRequest([path], _temp.File("目标.xlsx"), DryRun: true));
            return "结果";
        }
        catch (InputException)
        {
            return "输入错误";
        }
        catch (Exception ex)
        {
            return $"失败：{ex.GetType().Name}: {Head(ex.Message)} @ {Head(ex.StackTrace ?? "", 300)}";
        }
    }

    private static string Head(string text, int length = 160) => text.Length <= length ? text : text[..length] + "…";

    private List<Seed> Seeds()
    {
        var forms = Path.Combine(Repo.Root, "tests", "ReportGen.Tests", "Import", "TestFiles");
        var liwan = _temp.File("liwan.docx");
        DocxFormBuilder.Write(liwan, PublishedForms.LiwanBlocks);
        var shifeng = _temp.File("shifeng.xlsx");
        XlsxFormBuilder.Write(shifeng, [("附表", PublishedForms.Shifeng)]);
        return
        [
            new("样例.xlsx", Kind.Workbook, ".xlsx", File.ReadAllBytes(Repo.SampleXlsx)),
            new("样例.xls", Kind.Workbook, ".xls", File.ReadAllBytes(Repo.SampleXls)),
            new("hebei.docx", Kind.Form, ".docx", File.ReadAllBytes(Path.Combine(forms, "hebei-python-docx.docx"))),
            new("石峰目标表.xls", Kind.Form, ".xls", File.ReadAllBytes(Path.Combine(forms, "石峰目标表-libreoffice.xls"))),
            new("liwan.docx", Kind.Form, ".docx", File.ReadAllBytes(liwan)),
            new("shifeng.xlsx", Kind.Form, ".xlsx", File.ReadAllBytes(shifeng)),
            new("预算执行.csv", Kind.CsvSheet, ".csv", File.ReadAllBytes(Path.Combine(Repo.SampleCsvFolder, "预算执行.csv"))),
            new("绩效指标.csv", Kind.CsvSheet, ".csv", File.ReadAllBytes(Path.Combine(Repo.SampleCsvFolder, "绩效指标.csv"))),
        ];
    }

    private static void CopyCsvFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Repo.SampleCsvFolder, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    private static (string Mutation, byte[] Bytes) Mutate(Random random, Seed origin)
    {
        if (origin.Kind == Kind.CsvSheet)
        {
            return random.Next(4) == 0 ? ByteMutation(random, origin.Bytes) : CsvMutation.Apply(random, origin.Bytes);
        }

        var workbookXlsx = origin.IsZip && origin.Kind == Kind.Workbook;
        var choice = random.Next(origin.IsZip ? workbookXlsx ? 11 : 8 : 3);
        return choice switch
        {
            0 => ("翻转字节", FlipBytes(random, origin.Bytes)),
            1 => ("截断", origin.Bytes[..random.Next(origin.Bytes.Length)]),
            2 => ("复制片段", Splice(random, origin.Bytes)),
            3 => ("打乱条目", Rezip(HostileFiles.Entries(origin.Bytes).OrderBy(_ => random.Next()).ToList())),
            4 => RemoveEntry(random, origin.Bytes),
            8 or 9 => Rezipped(XlsxMutation.NumberFormats(random, HostileFiles.Entries(origin.Bytes))),
            10 => Rezipped(XlsxMutation.SheetName(random, HostileFiles.Entries(origin.Bytes))),
            _ => MutateEntry(random, origin.Bytes),
        };
    }

    private static (string, byte[]) Rezipped((string How, List<(string Name, byte[] Content)> Entries) mutation) =>
        (mutation.How, Rezip(mutation.Entries));

    private static (string, byte[]) ByteMutation(Random random, byte[] bytes) => random.Next(3) switch
    {
        0 => ("翻转字节", FlipBytes(random, bytes)),
        1 => ("截断", bytes[..random.Next(bytes.Length)]),
        _ => ("复制片段", Splice(random, bytes)),
    };

    private static byte[] FlipBytes(Random random, byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = random.Next(1, 17); i > 0; i--)
        {
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        }

        return copy;
    }

    private static byte[] Splice(Random random, byte[] bytes)
    {
        var from = random.Next(bytes.Length);
        var length = random.Next(1, Math.Min(4096, bytes.Length - from) + 1);
        var at = random.Next(bytes.Length);
        return [.. bytes[..at], .. bytes.AsSpan(from, length), .. bytes[at..]];
    }

    private static byte[] Rezip(List<(string Name, byte[] Content)> entries) => HostileFiles.Zip([.. entries]);

    private static (string, byte[]) RemoveEntry(Random random, byte[] bytes)
    {
        var entries = HostileFiles.Entries(bytes);
        var removed = entries[random.Next(entries.Count)];
        entries.Remove(removed);
        return ($"删除条目 {removed.Name}", Rezip(entries));
    }

    /// <summary>Changes one part's content and zips it again, so the damage gets past the zip's CRCs.</summary>
    private static (string, byte[]) MutateEntry(Random random, byte[] bytes)
    {
        var entries = HostileFiles.Entries(bytes);
        var xmlParts = entries.Where(e => e.Content.Length > 0).ToList();
        var index = entries.IndexOf(xmlParts[random.Next(xmlParts.Count)]);
        var (name, content) = entries[index];
        string how;
        (how, content) = random.Next(5) switch
        {
            0 => ("翻转字节", FlipBytes(random, content)),
            1 => ("复制片段", Splice(random, content)),
            2 => ("截断", content[..random.Next(content.Length)]),
            3 => Nest(random, content),
            _ => ReplaceNumber(random, content),
        };
        entries[index] = (name, content);
        return ($"{name} {how}", Rezip(entries));
    }

    /// <summary>Nests elements 50,000 deep (or 900, just under the limit) after the part's first start tag.</summary>
    private static (string, byte[]) Nest(Random random, byte[] content)
    {
        var text = System.Text.Encoding.UTF8.GetString(content);
        var open = text.IndexOf('<', text.StartsWith("<?", StringComparison.Ordinal) ? text.IndexOf("?>", StringComparison.Ordinal) + 2 : 0);
        var close = open < 0 ? -1 : text.IndexOf('>', open);
        if (close < 0 || text[close - 1] == '/')
        {
            return ("无元素可嵌套", content);
        }

        var depth = random.Next(2) == 0 ? 50_000 : 900;
        var nested = new System.Text.StringBuilder(text[..(close + 1)]);
        nested.Insert(nested.Length, "<n>", depth).Insert(nested.Length, "</n>", depth).Append(text[(close + 1)..]);
        return ($"嵌套 {depth} 层", System.Text.Encoding.UTF8.GetBytes(nested.ToString()));
    }

    private static readonly string[] Extremes =
        ["0", "-1", "-0", "1E+308", "-1E+308", "NaN", "INF", "4294967296", "1048577", "16385", "99999999999999999999999999999", "", "1.5"];

    /// <summary>Replaces one number in the XML (a value, a row or style index, a count) with an extreme one.</summary>
    private static (string, byte[]) ReplaceNumber(Random random, byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        var numbers = NumberInXml().Matches(text);
        if (numbers.Count == 0)
        {
            return ("无数字可换", content);
        }

        var match = numbers[random.Next(numbers.Count)];
        var extreme = Extremes[random.Next(Extremes.Length)];
        return ($"数字 {match.Value}→{extreme}", Encoding.UTF8.GetBytes(text[..match.Index] + extreme + text[(match.Index + match.Length)..]));
    }

    [GeneratedRegex(@"(?<=[>""])-?\d+(\.\d+)?(?=[<""])")]
    private static partial Regex NumberInXml();
}
