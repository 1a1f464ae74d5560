using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Import;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Output;
using ReportGen.Tests.Snapshots;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportGen.Tests.Import;

/// <summary>
/// Import into a workbook the clerk has dressed, saved by LibreOffice Calc (TestFiles/石峰工作簿-libreoffice.xlsx: a
/// chart, a comment, a drop-down list, a conditional format, formulas, widths, a hidden row and column, an extra
/// sheet): only the edited sheets and the shared strings change, and inside them only the imported cells.
/// </summary>
public sealed partial class ImportInPlaceTests
{
    private const string Fixture = "石峰工作簿-libreoffice.xlsx";

    // In the fixture: sheet1 基本信息, sheet2 预算执行, sheet3 绩效指标, sheet4 重点工作, sheet5 项目目标, sheet6 备注.
    // 预算执行 holds 基本支出 and one project of three: the import adds the other two projects' lines.
    private static readonly string[] Edited =
        ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml", "xl/sharedStrings.xml"];

    private static Dictionary<string, byte[]> Parts(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static string Part(Dictionary<string, byte[]> parts, string name) => System.Text.Encoding.UTF8.GetString(parts[name]);

    private static string Imported(FormFixture fixture, out ImportResult result)
    {
        var target = fixture.PathOf("石峰2023.xlsx");
        File.Copy(FormFixture.TestFile(Fixture), target);
        result = ImportJob.Run(new ImportRequest([fixture.ShifengDocx()], target));
        return target;
    }

    [Fact]
    public void Every_part_the_import_does_not_edit_stays_byte_for_byte()
    {
        using var fixture = new FormFixture();
        var before = Parts(FormFixture.TestFile(Fixture));

        var target = Imported(fixture, out var result);

        Assert.True(result.Written);
        var after = Parts(target);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var unchanged = before.Keys.Except(Edited).ToList();
        Assert.Contains("xl/charts/chart1.xml", unchanged);
        Assert.Contains("xl/comments3.xml", unchanged);
        Assert.Contains("xl/drawings/vmlDrawing1.vml", unchanged);
        Assert.Contains("xl/styles.xml", unchanged);
        Assert.All(unchanged, name => Assert.True(before[name].AsSpan().SequenceEqual(after[name]), $"{name} changed"));
        Assert.All(Edited, name => Assert.False(before[name].AsSpan().SequenceEqual(after[name]), $"{name} not edited"));
    }

    [Fact]
    public void Inside_an_edited_sheet_formulas_formats_lists_and_hidden_rows_stay()
    {
        using var fixture = new FormFixture();
        var target = Imported(fixture, out _);

        foreach (var path in new[] { FormFixture.TestFile(Fixture), target })
        {
            using var document = SpreadsheetDocument.Open(path, isEditable: false);
            var sheet = Worksheet(document, "绩效指标");
            var g2 = Cell(sheet, "G2");
            Assert.Equal(("2+3", "5"), (g2.CellFormula?.Text, g2.CellValue?.Text));
            Assert.Equal("\"达成,部分达成,未达成\"", sheet.Descendants<S.DataValidation>().Single().Formula1!.Text);
            Assert.Equal("I2:I100", sheet.Descendants<S.ConditionalFormatting>().Single().SequenceOfReferences!.InnerText);
            var columns = sheet.Descendants<S.Column>().ToList();
            Assert.Equal(40d, columns.Single(c => c.Min!.Value == 1).Width!.Value);
            Assert.True(columns.Single(c => c.Min!.Value == 10).Hidden!.Value);
            Assert.True(sheet.Descendants<S.Row>().Single(r => r.RowIndex!.Value == 3).Hidden!.Value);
            Assert.NotNull(sheet.GetFirstChild<S.LegacyDrawing>());
        }

        // The header keeps its bold red on yellow; the first new row sits right under the table (not under
        // LibreOffice's formatted empty rows down to 100) and takes the formats of the row above.
        using (var before = SpreadsheetDocument.Open(FormFixture.TestFile(Fixture), isEditable: false))
        using (var after = SpreadsheetDocument.Open(target, isEditable: false))
        {
            var old = Worksheet(before, "绩效指标");
            var sheet = Worksheet(after, "绩效指标");
            Assert.Equal(Cell(old, "A1").StyleIndex!.Value, Cell(sheet, "A1").StyleIndex!.Value);
            Assert.Equal(Cell(sheet, "H3").StyleIndex?.Value, Cell(sheet, "H4").StyleIndex?.Value);
        }

        var workbook = WorkbookLoader.Load(target);
        var indicators = workbook.Find("绩效指标")!;
        Assert.Equal(("≥3000篇", "2886篇次", 5d, "部分达成"), (indicators.Text(2, 5), indicators.Text(2, 6), indicators.Value(2, 7), indicators.Text(2, 8)));
        Assert.Equal("旧指标（已隐藏）", indicators.Text(3, 4));
        Assert.Equal("部门整体", indicators.Text(4, 1));
        Assert.Equal("X-1", indicators.Text(2, 10));
        Assert.Equal("自己的笔记：第 2 季度核对过融媒体中心的发票。", workbook.Find("备注")!.Text(1, 1));
        Assert.Equal("已完成全年学习计划", workbook.Find("重点工作")!.Text(2, 4));
        Assert.Equal("完成年度目标", workbook.Find("项目目标")!.Text(2, 7));
    }

    private static S.Worksheet Worksheet(SpreadsheetDocument document, string name)
    {
        var part = document.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<S.Sheet>().Single(s => s.Name?.Value == name);
        return ((WorksheetPart)part.GetPartById(sheet.Id!.Value!)).Worksheet;
    }

    private static S.Cell Cell(S.Worksheet sheet, string reference) =>
        sheet.Descendants<S.Cell>().Single(cell => cell.CellReference?.Value == reference);

    [Fact]
    public void Importing_twice_adds_nothing()
    {
        using var fixture = new FormFixture();
        var target = Imported(fixture, out _);
        var first = FormFixture.Hash(target);

        var again = ImportJob.Run(new ImportRequest([fixture.ShifengDocx()], target));

        Assert.False(again.Written);
        Assert.False(again.Merge.Changed);
        Assert.Equal(first, FormFixture.Hash(target));
    }

    [Fact]
    public void A_workbook_from_reportgen_new_keeps_its_frozen_header_widths_and_lists()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("新.xlsx");
        XlsxWriter.Write(target, WorkbookLayout.New("中共株洲市石峰区委员会宣传部", 2023, "万元", null));
        var before = Parts(target);

        ImportJob.Run(new ImportRequest([fixture.ShifengDocx()], target));

        var after = Parts(target);
        Assert.Equal(before["xl/styles.xml"], after["xl/styles.xml"]);
        Assert.Equal(before["xl/worksheets/sheet1.xml"], after["xl/worksheets/sheet1.xml"]);
        using var document = SpreadsheetDocument.Open(target, isEditable: false);
        var sheet = Worksheet(document, "绩效指标");
        var pane = sheet.Descendants<S.Pane>().Single();
        Assert.Equal((1d, "A2", true), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value == S.PaneStateValues.Frozen));
        Assert.Equal(28d, sheet.Descendants<S.Column>().Single(c => c.Min!.Value == 4).Width!.Value);
        Assert.Contains(sheet.Descendants<S.DataValidation>(), v => v.Formula1!.Text == "\"达成,部分达成,未达成\"");

        // The new indicator rows take the column formats: the forms' columns blue in their cells, the clerk's
        // empty cells yellow from their column.
        Assert.Equal((uint)XlsxStyle.FromForms, Cell(sheet, "E2").StyleIndex!.Value);
        Assert.DoesNotContain(sheet.Descendants<S.Cell>(), cell => cell.CellReference?.Value == "F2");
        Assert.Equal((uint)XlsxStyle.ToFill, sheet.Descendants<S.Column>().Single(c => c.Min!.Value == 6).Style!.Value);
        Assert.Equal("五大行动", WorkbookLoader.Load(target).Find("绩效指标")!.Text(2, 5));
    }

    [Fact]
    public void A_formula_in_a_form_cell_is_never_overwritten()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("公式.xlsx");

        // 部门名称 given by a formula without a saved result (as openpyxl writes it): the import must not replace it.
        XlsxWriter.Write(target, [new XlsxSheet("基本信息", [["项目", "内容"], ["部门名称", "x"], ["年度", 2023]])]);
        RewritePart(target, "xl/worksheets/sheet1.xml", xml => FirstCellOfRow2Column2().Replace(xml, "<x:c r=\"B2\"><x:f>\"中共\"&amp;\"石峰\"</x:f></x:c>"));

        var result = ImportJob.Run(new ImportRequest([fixture.ShifengDocx()], target));

        using (var document = SpreadsheetDocument.Open(target, isEditable: false))
        {
            Assert.Equal("\"中共\"&\"石峰\"", Cell(Worksheet(document, "基本信息"), "B2").CellFormula!.Text);
        }

        Assert.Contains(result.Skipped, item => item.Location.ToString().Contains("B2", StringComparison.Ordinal) && item.Reason.Contains("公式", StringComparison.Ordinal));
    }

    [Fact]
    public void A_formula_without_a_saved_result_in_an_edited_sheet_keeps_its_finding()
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf("未计算.xlsx");
        XlsxWriter.Write(target, WorkbookLayout.New("中共株洲市石峰区委员会宣传部", 2023, "万元", null));
        ImportJob.Run(new ImportRequest([fixture.ShifengDocx()], target));

        // The clerk types 实际完成值 as a formula in a program that saves no result (openpyxl), then imports a
        // corrected form: the formula stays a formula, and check still names its cell.
        RewritePart(target, "xl/worksheets/sheet4.xml", xml => Regex.Replace(xml, "(<x:c r=\"E2\"[^>]*>.*?</x:c>)", "$1<x:c r=\"F2\"><x:f>1/0</x:f></x:c>"));
        Assert.Contains("RG118", CheckOutput(target), StringComparison.Ordinal);
        var media = new FormGrid(PublishedForms.Media.Rows.Select(row => row.Select(c => c == "≥3000篇" ? "≥3200篇" : c).ToArray()).ToList());
        var corrected = fixture.PathOf("corrected.docx");
        DocxFormBuilder.Write(corrected, [PublishedForms.Table1, PublishedForms.Summary, media, PublishedForms.Civil, PublishedForms.Ideology]);

        var result = ImportJob.Run(new ImportRequest([corrected], target));

        Assert.True(result.Written);
        using (var document = SpreadsheetDocument.Open(target, isEditable: false))
        {
            var cell = Cell(Worksheet(document, "绩效指标"), "F2");
            Assert.Equal(("1/0", null), (cell.CellFormula?.Text, cell.CellValue?.Text));
        }

        Assert.Contains("RG118 绩效指标!F2", CheckOutput(target), StringComparison.Ordinal);
    }

    private static string CheckOutput(string path)
    {
        var output = new StringWriter();
        ReportGen.Cli.Program.Run(["check", path], output, new StringWriter());
        return output.ToString();
    }

    [Theory]
    [InlineData("执行.xls")]
    [InlineData("执行")]
    public void An_xls_or_a_csv_folder_is_never_overwritten(string name)
    {
        using var fixture = new FormFixture();
        var target = fixture.PathOf(name);
        if (Path.HasExtension(name))
        {
            File.Copy(FormFixture.TestFile("石峰目标表-libreoffice.xls"), target);
        }
        else
        {
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, "基本信息.csv"), "项目,内容\n部门名称,某部门\n");
        }

        var error = Assert.Throws<InputException>(() => ImportJob.Run(new ImportRequest([fixture.ShifengDocx()], target)));

        Assert.Contains("--into 执行.xlsx", error.Message, StringComparison.Ordinal);
        Assert.Contains("不会", error.Message, StringComparison.Ordinal);
    }

    [LibreOfficeFact]
    public void LibreOffice_reopens_the_imported_workbook_with_its_chart_and_comment()
    {
        using var fixture = new FormFixture();
        var target = Imported(fixture, out _);
        var output = Path.Combine(fixture.Folder, "lo");

        // Back through LibreOffice: it must open the file (no repair) and write it again with the chart and the note.
        Soffice(output, "xlsx:Calc MS Excel 2007 XML", target);
        var parts = Parts(Path.Combine(output, "石峰2023.xlsx"));
        Assert.Contains(parts.Keys, name => name.StartsWith("xl/charts/chart", StringComparison.Ordinal));
        var comments = string.Join("", parts.Where(p => p.Key.StartsWith("xl/comments", StringComparison.Ordinal)).Select(p => Part(parts, p.Key)));
        Assert.Contains("2886 篇次来自宣传科台账", Regex.Replace(comments, "<[^>]+>", ""), StringComparison.Ordinal);

        // And as text: every sheet to CSV (the last filter option -1 = all sheets, one file each).
        Soffice(output, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", target);
        var indicators = File.ReadAllText(Path.Combine(output, "石峰2023-绩效指标.csv"));
        Assert.Contains("融媒体中心专项经费,产出指标,数量指标,全年宣传报道,≥3000篇,2886篇次,5,部分达成,4.81,X-1", indicators, StringComparison.Ordinal);
        Assert.Contains("部门整体,产出指标,数量指标,实施全域行动,五大行动", indicators, StringComparison.Ordinal);
    }

    private static void Soffice(string outdir, string filter, string file)
    {
        var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", $"-env:UserInstallation=file://{outdir}-profile", "--convert-to", filter, "--outdir", outdir, file })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "soffice did not finish");
        Assert.Equal(0, process.ExitCode);
    }

    private static void RewritePart(string path, string name, Func<string, string> edit)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(name)!;
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(edit(xml));
    }

    [GeneratedRegex("<x:c r=\"B2\"[^>]*>.*?</x:c>")]
    private static partial Regex FirstCellOfRow2Column2();
}
