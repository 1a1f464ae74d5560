using System.Reflection;
using System.Text.RegularExpressions;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Analysis;

/// <summary>
/// The finding codes are declared once (<see cref="FindingCodes"/>) and documented once (docs/workbook.md's code
/// table): the two lists are equal, and no code appears in src/ without being declared.
/// </summary>
public sealed partial class FindingCodeCatalogueTests
{
    /// <summary>The codes of <see cref="FindingCodes"/>, read from its constants.</summary>
    public static IReadOnlyList<string> Declared() =>
        typeof(FindingCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

    [Fact]
    public void Every_code_is_declared_once_and_each_declared_code_is_in_the_docs_code_table()
    {
        var declared = Declared();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.All(declared, code => Assert.Matches(@"^RG[1-6]\d\d$", code));

        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "workbook.md"));
        var documented = TableRow().Matches(doc).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.Equal(declared.Order(), documented.Order());
    }

    [Fact]
    public void Every_code_named_in_src_is_declared_and_only_the_catalogue_spells_one_as_a_literal()
    {
        var declared = Declared().ToHashSet();
        var catalogue = Path.Combine("Model", "FindingCodes.cs");
        var obj = $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}";
        var files = Directory.GetFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(obj, StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith(catalogue, StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var code in AnyCode().Matches(text).Select(m => m.Value))
            {
                Assert.True(declared.Contains(code), $"{code} in {file} is not declared in FindingCodes");
            }

            if (!file.EndsWith(catalogue, StringComparison.Ordinal))
            {
                Assert.False(QuotedCode().IsMatch(text), $"{file} spells a finding code as a literal; use FindingCodes");
            }
        }
    }

    [GeneratedRegex(@"^\| (RG\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"\bRG\d{3}\b")]
    private static partial Regex AnyCode();

    [GeneratedRegex(@"""RG\d{3}""")]
    private static partial Regex QuotedCode();
}
