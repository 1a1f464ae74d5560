using System.Text.RegularExpressions;
using ReportGen.Model;
using ReportGen.Tests.Analysis;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Input;

/// <summary>Keeps docs/workbook.md true to the code: every column, synonym, info item and finding code.</summary>
public sealed partial class WorkbookDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "workbook.md"));

    /// <summary>The clerk's guide in Chinese, shipped beside the templates.</summary>
    private static readonly string Guide = File.ReadAllText(Path.Combine(Repo.Root, "templates", WorkbookGuide.GuideFile));

    public static TheoryData<string> ColumnNames()
    {
        var data = new TheoryData<string>();
        var specs = WorkbookSchema.Sheets.SelectMany(sheet => sheet.Columns);
        var names = specs.SelectMany(s => s.Synonyms.Prepend(s.Name))
            .Concat(WorkbookSchema.Items.All.SelectMany(item => item.Names));
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
        Assert.Contains(name, DocNames);
        Assert.Contains(name, GuideNames);
    }

    private static readonly HashSet<string> DocNames = TableNames(Doc);

    private static readonly HashSet<string> GuideNames = TableNames(Guide);

    /// <summary>
    /// The names written in a document's table cells, a cell holding one name or a list (<c>实际支出, 全年执行数</c>,
    /// <c>部门职责、职责</c>): a name counts as documented only as a whole cell entry, never as part of a longer word.
    /// </summary>
    private static HashSet<string> TableNames(string document) =>
        document.Split('\n')
            .Where(line => line.StartsWith('|'))
            .SelectMany(line => line.Trim().Trim('|').Split('|'))
            .SelectMany(cell => cell.Split([',', '，', '、']))
            .Select(entry => entry.Trim().Trim('`').Trim())
            .Where(entry => entry.Length > 0)
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void The_guide_describes_every_sheet_and_every_code_the_code_emits()
    {
        Assert.All(WorkbookSchema.Sheets, sheet => Assert.Contains($"“{sheet.Name}”", Guide, StringComparison.Ordinal));
        var documented = DocumentedCode().Matches(Guide).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(FindingCodeCatalogueTests.Declared().Order(), documented.Order());
    }

    [Fact]
    public void Required_columns_are_marked_required()
    {
        foreach (var spec in WorkbookSchema.Lines.Columns.Concat(WorkbookSchema.Indicators.Columns).Concat(WorkbookSchema.Targets.Columns))
        {
            var row = Doc.Split('\n').First(l => l.StartsWith($"| {spec.Name} |", StringComparison.Ordinal));
            Assert.Contains(spec.Required ? "| yes |" : "| no |", row, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^\| (RG\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedCode();
}
