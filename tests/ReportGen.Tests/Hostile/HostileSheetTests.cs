using System.IO.Compression;
using System.Text;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Sheets and files the way people leave them (docs/errors.md): a CSV quote that never closes, a CSV pieced together
/// from two encodings, 预算执行.CSV in capitals, an .ods, two sheets that differ only by a space. Each ends in a
/// Chinese message naming the file (and the row or both sheets), never a silent loss or a system text.
/// </summary>
public sealed class HostileSheetTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    static HostileSheetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static WorkbookBuilder ThreeProjects() => WorkbookBuilder.Create()
        .Project("甲项目", 10m, 0m, 10m).Project("乙项目", 20m, 0m, 20m).Project("丙项目", 30m, 0m, 30m);

    [Fact]
    public void Csv_with_an_unclosed_quote_is_refused_naming_the_file_and_the_row_where_it_opened()
    {
        var folder = ThreeProjects().WriteCsvFolder(_temp.File("csv"));
        var path = Path.Combine(folder, "预算执行.csv");
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        lines[1] = lines[1].Replace("甲项目", "\"甲项目", StringComparison.Ordinal); // row 2 opens a quote, nothing closes it
        File.WriteAllLines(path, lines, new UTF8Encoding(true));

        var ex = Assert.Throws<InputException>(() => ExecutionWorkbookReader.Read(folder));
        Assert.Contains("“预算执行.csv”第 2 行", ex.Message, StringComparison.Ordinal);
        Assert.Contains("没有闭合", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Location!.Row);

        var cli = CliHarness.Run("check", folder);
        Assert.Equal(2, cli.ExitCode);
        cli.AssertNoStackTrace();
    }

    [Fact]
    public void Csv_with_quotes_that_close_across_lines_keeps_every_project()
    {
        var folder = ThreeProjects().WriteCsvFolder(_temp.File("csv"));
        var path = Path.Combine(folder, "预算执行.csv");
        var text = File.ReadAllText(path, Encoding.UTF8).Replace("甲项目", "\"甲\n项目\"\"一\"\"\"", StringComparison.Ordinal);
        File.WriteAllText(path, text, new UTF8Encoding(true));

        var workbook = ExecutionWorkbookReader.Read(folder);
        Assert.Equal(["甲\n项目\"一\"", "乙项目", "丙项目"], workbook.Lines.Select(l => l.Name));
    }

    [Fact]
    public void Csv_of_two_encodings_is_refused_in_chinese_naming_the_file()
    {
        var folder = _temp.File("mixed");
        Directory.CreateDirectory(folder);
        var bytes = Encoding.UTF8.GetBytes("项目名称,支出类别\n文明经费,项目支出\n")
            .Concat(Encoding.GetEncoding("GB18030").GetBytes("宣传经费,项目支出\n")).ToArray();
        File.WriteAllBytes(Path.Combine(folder, "预算执行.csv"), bytes);

        var ex = Assert.Throws<InputException>(() => WorkbookLoader.Load(folder));
        Assert.Contains("“预算执行.csv”", ex.Message, StringComparison.Ordinal);
        Assert.Contains("编码混杂", ex.Message, StringComparison.Ordinal);
        Assert.Contains("第 3 行", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_with_an_upper_case_extension_is_read_like_csv()
    {
        var folder = ThreeProjects().WriteCsvFolder(_temp.File("upper"));
        File.Move(Path.Combine(folder, "预算执行.csv"), Path.Combine(folder, "预算执行.CSV"));

        Assert.Equal(3, ExecutionWorkbookReader.Read(folder).Lines.Count);
        Assert.Equal("预算执行", WorkbookLoader.Load(Path.Combine(folder, "预算执行.CSV")).Sheets.Single().Name);
    }

    [Fact]
    public void Two_csv_files_whose_names_differ_by_a_space_are_an_error_naming_both()
    {
        var folder = ThreeProjects().WriteCsvFolder(_temp.File("twice"));
        File.Copy(Path.Combine(folder, "预算执行.csv"), Path.Combine(folder, "预算执行 .csv"));

        var ex = Assert.Throws<InputException>(() => ExecutionWorkbookReader.Read(folder));
        Assert.Contains("“预算执行 .csv”", ex.Message, StringComparison.Ordinal);
        Assert.Contains("“预算执行.csv”", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("预算执行 ")]
    [InlineData("预算 执行")]
    public void Two_sheets_whose_names_differ_only_by_spaces_are_an_error_naming_both(string other)
    {
        var book = RawXlsx.Standard(out var lines);
        lines.Row("文明经费", "项目支出", null, 50, 0, 50, 50, 0);
        book.AddSheet(other).Row(WorkbookBuilder.LineHeader.Cast<object?>().ToArray()).Row("旧经费", "项目支出", null, 9, 0, 9, 9, 0);
        var path = book.Write(_temp.File("工作簿.xlsx"));

        var ex = Assert.Throws<InputException>(() => ExecutionWorkbookReader.Read(path));
        Assert.Contains($"工作表“预算执行”和工作表“{other}”", ex.Message, StringComparison.Ordinal);
        var cli = CliHarness.Run("check", path);
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains($"“{other}”", cli.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("部门.ods")]
    [InlineData("部门.xlsx")] // an .ods renamed: recognised by its content
    public void Ods_workbook_is_refused_in_clean_chinese_suggesting_xlsx(string name)
    {
        var path = _temp.File(name);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var entry = zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open())
            {
                entry.Write("application/vnd.oasis.opendocument.spreadsheet"u8);
            }

            using var content = new StreamWriter(zip.CreateEntry("content.xml").Open());
            content.Write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
        }

        var cli = CliHarness.Run("check", path);
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains($"“{name}”是 OpenDocument 表格（.ods）", cli.Error, StringComparison.Ordinal);
        Assert.Contains("另存为”Excel 工作簿（.xlsx）", cli.Error, StringComparison.Ordinal);
        cli.AssertNoStackTrace();
    }
}
