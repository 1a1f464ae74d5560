using System.Text.RegularExpressions;
using ReportGen.Input;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Input;

/// <summary>Keeps docs/workbook.md true to the code: every column, synonym, info item and finding code.</summary>
public sealed partial class WorkbookDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "workbook.md"));

    /// <summary>The clerk's guide in Chinese, shipped beside the templates.</summary>
    private static readonly string Guide = File.ReadAllText(Path.Combine(Repo.Root, "templates", WorkbookTemplate.GuideFile));

    public static TheoryData<string> ColumnNames()
    {
        var data = new TheoryData<string>();
        var specs = WorkbookSchema.Sheets.SelectMany(sheet => sheet.Columns);
        var names = specs.SelectMany(s => s.Synonyms.Prepend(s.Name))
            .Concat(WorkbookSchema.InfoItems.SelectMany(pair => pair.Value.Prepend(pair.Key)));
        foreach (var name in names.Distinct())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ColumnNames))]
    public void Every_header_and_synonym_is_documented(string name)
    {
        Assert.Contains(name, Doc);
        Assert.Contains(name, Guide);
    }

    [Fact]
    public void The_guide_describes_every_sheet_and_every_code_the_code_emits()
    {
        Assert.All(WorkbookSchema.Sheets, sheet => Assert.Contains($"“{sheet.Name}”", Guide));
        var source = Directory.GetFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .SelectMany(text => AnyCode().Matches(text).Select(m => m.Groups[1].Value))
            .ToHashSet();
        var documented = DocumentedCode().Matches(Guide).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(source.Order(), documented.Order());
    }

    [Fact]
    public void Required_columns_are_marked_required()
    {
        foreach (var spec in WorkbookSchema.LineColumns.Concat(WorkbookSchema.IndicatorColumns).Concat(WorkbookSchema.TargetColumns))
        {
            var row = Doc.Split('\n').First(l => l.StartsWith($"| {spec.Name} |", StringComparison.Ordinal));
            Assert.Contains(spec.Required ? "| yes |" : "| no |", row);
        }
    }

    [Fact]
    public void The_finding_codes_table_lists_exactly_the_codes_the_code_emits()
    {
        var source = Directory.GetFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .SelectMany(text => EmittedCode().Matches(text).Select(m => m.Groups[1].Value))
            .ToHashSet();
        var documented = DocumentedCode().Matches(Doc).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(source.Order(), documented.Order());
    }

    [GeneratedRegex(@"(?:Add|CompareIdentity|new Finding)\(""(RG\d{3})""")]
    private static partial Regex EmittedCode();

    [GeneratedRegex(@"""(RG\d{3})""")]
    private static partial Regex AnyCode();

    [GeneratedRegex(@"^\| (RG\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedCode();
}
