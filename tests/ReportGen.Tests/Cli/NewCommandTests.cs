using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportGen.Tests.Cli;

/// <summary><c>reportgen new</c>: a ready-to-fill workbook that check reads, never over an existing file.</summary>
public sealed class NewCommandTests
{
    [Fact]
    public void A_new_workbook_is_valid_and_check_lists_only_what_is_not_yet_filled()
    {
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "统计局2024.xlsx");

        var made = CliHarness.Run("new", path, "--department", "某县统计局", "--year", "2024");
        var check = CliHarness.Run("check", path, "--format", "json");

        Assert.Equal(0, made.ExitCode);
        Assert.Contains("工作簿填写说明.md", made.Output, StringComparison.Ordinal);
        using (var document = SpreadsheetDocument.Open(path, isEditable: false))
        {
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document));
            var names = document.WorkbookPart!.Workbook.Sheets!.Elements<S.Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["填写说明", "基本信息", "预算执行", "绩效指标", "重点工作", "项目目标", "支出计划"], names);
        }

        Assert.Equal(1, check.ExitCode);
        var codes = System.Text.Json.JsonDocument.Parse(check.Output).RootElement.GetProperty("findings").EnumerateArray()
            .Select(finding => finding.GetProperty("code").GetString()).ToList();
        // RG100 (no budget line yet), the missing-input findings of a blank workbook (docs/workbook.md, "Missing-input codes") and RG321
        // (no 部门整体 indicator yet): each says what is not yet filled, none says something is wrong.
        Assert.Equal("RG100", codes[0]);
        Assert.All(codes.Skip(1).Where(code => code != "RG321"), code => Assert.Contains(code!, ConsistencyValidator.MissingInputCodes));
        Assert.Contains("RG321", codes);
        Assert.Contains("RG195", codes);
    }

    [Fact]
    public void The_sheets_are_dressed_from_the_schema()
    {
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "新.xlsx");
        Assert.Equal(0, CliHarness.Run("new", path, "--unit", "元").ExitCode);

        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var part = document.WorkbookPart!;
        S.Worksheet Sheet(string name) => ((WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<S.Sheet>().Single(s => s.Name == name).Id!)).Worksheet;
        var lines = Sheet("预算执行");
        Assert.Equal(WorkbookSchema.Lines.Columns.Select(c => c.Name), lines.Descendants<S.Row>().First().Elements<S.Cell>().Select(c => Text(part, c)));
        Assert.Equal(S.PaneStateValues.Frozen, lines.Descendants<S.Pane>().Single().State!.Value);
        Assert.Equal(WorkbookSchema.Lines.Columns.Select(c => c.Width), lines.Descendants<S.Column>().Select(c => c.Width!.Value));
        var lists = lines.Descendants<S.DataValidation>().Select(v => (v.SequenceOfReferences!.InnerText, v.Formula1!.Text)).ToList();
        Assert.Contains(("B2:B1001", "\"基本支出,项目支出\""), lists);
        Assert.Contains(("C2:C1001", "\"年初预算,年中追加\""), lists);
        var formats = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<S.CellFormat>().ToList();
        var amount = lines.Descendants<S.Column>().ElementAt(3).Style!.Value;
        Assert.Equal(2u, formats[(int)amount].NumberFormatId!.Value);
        Assert.Contains(Sheet("绩效指标").Descendants<S.DataValidation>(), v => v.Formula1!.Text == "'预算执行'!$A$2:$A$1000");
        Assert.Contains(Sheet("绩效指标").Descendants<S.DataValidation>(), v => v.Formula1!.Text == "\"达成,部分达成,未达成\"");
        var info = Sheet("基本信息").Descendants<S.Row>().Select(r => r.Elements<S.Cell>().Select(c => Text(part, c)).ToList()).ToList();
        Assert.Contains(info, row => row.SequenceEqual(["金额单位", "元"]));
        Assert.Contains(info, row => row[0] == "事业编制构成");
        var guide = string.Join("\n", Sheet("填写说明").Descendants<S.Cell>().Select(c => Text(part, c)));
        Assert.All(WorkbookSchema.Sheets.SelectMany(s => s.Columns).SelectMany(c => c.Synonyms.Prepend(c.Name)), name => Assert.Contains(name, guide, StringComparison.Ordinal));
    }

    [Fact]
    public void An_existing_file_is_never_overwritten()
    {
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "已有.xlsx");
        File.WriteAllText(path, "mine");

        var result = CliHarness.Run("new", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("已经存在", result.Error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(path));
    }

    [Fact]
    public void A_message_about_the_workbook_format_gives_the_installed_guide()
    {
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "缺表.xlsx");
        ReportGen.Output.XlsxWriter.Write(path, [new("基本信息", [["项目", "内容"], ["部门名称", "某部门"], ["年度", 2024]])]);

        var result = CliHarness.Run("check", path);

        Assert.Equal(2, result.ExitCode);
        var guide = Path.Combine(ReportGen.Cli.Bundled.TemplatesDirectory, WorkbookGuide.GuideFile);
        Assert.True(File.Exists(guide));
        Assert.Contains($"《工作簿填写说明》（{guide}）", result.Error, StringComparison.Ordinal);
    }

    [LibreOfficeFact]
    public void LibreOffice_opens_a_new_workbook_without_repair()
    {
        using var temp = new TempDir();
        var path = Path.Combine(temp.Path, "新建.xlsx");
        Assert.Equal(0, CliHarness.Run("new", path, "--department", "某县统计局", "--year", "2024").ExitCode);
        var output = Path.Combine(temp.Path, "lo");

        var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", $"-env:UserInstallation=file://{output}-profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", output, path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000));
        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("项目名称,支出类别,来源,年初预算数", File.ReadAllText(Path.Combine(output, "新建-预算执行.csv")), StringComparison.Ordinal);
        Assert.Contains("部门名称,某县统计局", File.ReadAllText(Path.Combine(output, "新建-基本信息.csv")), StringComparison.Ordinal);
    }

    private static string Text(WorkbookPart part, S.Cell cell) =>
        cell.DataType?.Value == S.CellValues.SharedString
            ? part.SharedStringTablePart!.SharedStringTable.Elements<S.SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
            : cell.CellValue?.Text ?? "";
}
