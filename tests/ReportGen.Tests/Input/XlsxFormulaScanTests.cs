using System.IO.Compression;
using System.Text;
using ReportGen.Input;
using ReportGen.Tests.Hostile;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Input;

/// <summary>
/// <see cref="XlsxPackageReader.Inspect"/> finds the formula cells ExcelDataReader reads as blank in one pass over
/// each sheet. The sheets here are raw SpreadsheetML, so the tests control what real writers vary: shared
/// formulas, self-closing cells, cells and rows without <c>r</c>, namespace prefixes. Where a position is counted
/// rather than given, the test also loads the workbook, so the problem is checked to stand where ExcelDataReader
/// puts the cell's neighbours.
/// </summary>
public sealed class XlsxFormulaScanTests : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A package from <see cref="RawXlsx"/> with each sheet's part replaced by the XML given.</summary>
    private static byte[] Package(params (string Name, string Xml)[] sheets)
    {
        var book = new RawXlsx();
        foreach (var (name, _) in sheets)
        {
            book.AddSheet(name);
        }

        using var memory = new MemoryStream();
        memory.Write(book.ToBytes());
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < sheets.Length; i++)
            {
                var part = $"xl/worksheets/sheet{i + 1}.xml";
                zip.GetEntry(part)!.Delete();
                using var stream = zip.CreateEntry(part).Open();
                stream.Write(Encoding.UTF8.GetBytes(sheets[i].Xml));
            }
        }

        return memory.ToArray();
    }

    /// <summary>A worksheet part in the default namespace holding <paramref name="sheetData"/>'s rows.</summary>
    private static string Sheet(string sheetData) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>{sheetData}</sheetData></worksheet>""";

    private static Dictionary<string, Dictionary<(int Row, int Column), FormulaProblem>> Scan(params (string Name, string Xml)[] sheets)
    {
        using var stream = new MemoryStream(Package(sheets));
        return XlsxPackageReader.Inspect(stream, "公式.xlsx");
    }

    private static Dictionary<(int Row, int Column), FormulaProblem> ScanOne(string sheetData) =>
        Assert.Single(Scan(("表1", Sheet(sheetData)))).Value;

    /// <summary>The sheet as <see cref="WorkbookLoader"/> gives it: ExcelDataReader's cells, the problems in place.</summary>
    private SheetData Load(string sheetXml)
    {
        var path = _temp.File("公式.xlsx");
        File.WriteAllBytes(path, Package(("表1", sheetXml)));
        return WorkbookLoader.Load(path).Find("表1")!;
    }

    [Fact]
    public void An_error_cell_is_reported_with_its_formula_and_error_value()
    {
        var problems = ScanOne("""<row r="2"><c r="A2"><v>5</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>""");

        Assert.Equal(new Dictionary<(int, int), FormulaProblem> { [(2, 2)] = new("1/0", "#DIV/0!") }, problems);
    }

    [Fact]
    public void An_error_value_typed_in_without_a_formula_is_reported_with_an_empty_formula()
    {
        var problems = ScanOne("""<row r="1"><c r="C1" t="e"><v>#N/A</v></c></row>""");

        Assert.Equal(new Dictionary<(int, int), FormulaProblem> { [(1, 3)] = new("", "#N/A") }, problems);
    }

    [Fact]
    public void A_formula_without_a_cached_value_is_reported_and_a_calculated_one_is_not()
    {
        var problems = ScanOne(
            """<row r="4"><c r="A4"><f>SUM(B4:C4)</f></c><c r="B4"><f>C4*2</f><v>6</v></c><c r="D4" t="str"><f>"元"</f><v>元</v></c></row>""");

        Assert.Equal(new Dictionary<(int, int), FormulaProblem> { [(4, 1)] = new("SUM(B4:C4)", null) }, problems);
    }

    [Fact]
    public void Each_follower_of_a_shared_formula_without_a_value_is_reported_with_an_empty_formula()
    {
        var problems = ScanOne(
            """
            <row r="2"><c r="D2"><f t="shared" ref="D2:D5" si="0">B2+C2</f></c></row>
            <row r="3"><c r="D3"><f t="shared" si="0"/></c></row>
            <row r="4"><c r="D4"><f t="shared" si="0"/><v>7</v></c></row>
            <row r="5"><c r="D5"><f t="shared" si="0"/></c></row>
            """);

        Assert.Equal(
            new Dictionary<(int, int), FormulaProblem>
            {
                [(2, 4)] = new("B2+C2", null),
                [(3, 4)] = new("", null),
                [(5, 4)] = new("", null),
            },
            problems);
    }

    [Fact]
    public void A_self_closing_cell_between_formula_cells_is_not_reported_and_does_not_shift_the_columns()
    {
        var problems = ScanOne(
            """<row r="3"><c r="B3"><f>A3+1</f></c><c r="C3"/><c r="D3" t="e"><f>C3/0</f><v>#DIV/0!</v></c><c s="1"/><c><f>E3</f></c></row>""");

        Assert.Equal(
            new Dictionary<(int, int), FormulaProblem>
            {
                [(3, 2)] = new("A3+1", null),
                [(3, 4)] = new("C3/0", "#DIV/0!"),
                [(3, 6)] = new("E3", null),
            },
            problems);
    }

    [Fact]
    public void Cells_without_r_count_from_the_previous_cell_and_rows_without_r_from_the_previous_row()
    {
        const string rows =
            """
            <row><c><v>1</v></c><c><f>A1*2</f></c><c><v>3</v></c></row>
            <row r="4"><c r="B4"><v>4</v></c><c><f>B4*2</f></c></row>
            <row><c><v>5</v></c><c r="D5"><v>6</v></c><c t="e"><f>D5/0</f><v>#DIV/0!</v></c></row>
            """;

        var problems = ScanOne(rows);

        Assert.Equal(
            new Dictionary<(int, int), FormulaProblem>
            {
                [(1, 2)] = new("A1*2", null),
                [(4, 3)] = new("B4*2", null),
                [(5, 5)] = new("D5/0", "#DIV/0!"),
            },
            problems);

        // ExcelDataReader counts the same way: the numbers land beside the problems, not on them.
        var sheet = Load(Sheet(rows));
        Assert.Equal(new object?[] { 1d, new FormulaProblem("A1*2", null), 3d }, sheet.Rows[0]);
        Assert.Equal(new object?[] { null, 4d, new FormulaProblem("B4*2", null) }, sheet.Rows[3]);
        Assert.Equal(new object?[] { 5d, null, null, 6d, new FormulaProblem("D5/0", "#DIV/0!") }, sheet.Rows[4]);
    }

    [Fact]
    public void An_inline_string_right_after_a_formula_cell_is_not_reported()
    {
        var problems = ScanOne(
            """<row r="2"><c r="A2"><f>B2&amp;"x"</f></c><c t="inlineStr"><is><t>x</t></is></c><c r="C2" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>""");

        Assert.Equal(new Dictionary<(int, int), FormulaProblem> { [(2, 1)] = new("B2&\"x\"", null) }, problems);
    }

    [Fact]
    public void Elements_with_a_namespace_prefix_are_read_like_the_default_namespace()
    {
        var xml =
            $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <x:worksheet xmlns:x="{Main}"><x:sheetData>
            <x:row r="1"><x:c r="A1"><x:f>SUM(B1)</x:f></x:c><x:c r="B1"/><x:c r="C1" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c></x:row>
            <x:row><x:c><x:v>2</x:v></x:c><x:c><x:f>A2</x:f><x:v>2</x:v></x:c><x:c><x:f t="shared" si="0"/></x:c></x:row>
            </x:sheetData></x:worksheet>
            """;

        var problems = Scan(("前缀", xml));

        Assert.Equal(
            new Dictionary<string, Dictionary<(int Row, int Column), FormulaProblem>>
            {
                ["前缀"] = new()
                {
                    [(1, 1)] = new("SUM(B1)", null),
                    [(1, 3)] = new("1/0", "#DIV/0!"),
                    [(2, 3)] = new("", null),
                },
            },
            problems);
        var sheet = Load(xml);
        Assert.Equal(new object?[] { new FormulaProblem("SUM(B1)", null), null, new FormulaProblem("1/0", "#DIV/0!") }, sheet.Rows[0]);
        Assert.Equal(new object?[] { 2d, 2d, new FormulaProblem("", null) }, sheet.Rows[1]);
    }

    [Fact]
    public void Cells_in_another_namespace_are_not_read_as_cells()
    {
        // Only SpreadsheetML's c counts: an extension's element of the same name neither reports nor takes a column.
        const string rows = """<row r="1"><c r="A1"><v>1</v></c><c xmlns="urn:ext"><f>X</f></c><c><f>A1</f></c><c><v>3</v></c></row>""";

        var problems = ScanOne(rows);

        Assert.Equal(new Dictionary<(int, int), FormulaProblem> { [(1, 2)] = new("A1", null) }, problems);
        Assert.Equal(new object?[] { 1d, new FormulaProblem("A1", null), 3d }, Load(Sheet(rows)).Rows[0]);
    }

    /// <summary>openpyxl writes an uncalculated formula with an empty &lt;v&gt;; only a text result (t="str") may be empty.</summary>
    [Fact]
    public void A_formula_with_an_empty_cached_value_as_openpyxl_writes_it_is_reported()
    {
        const string rows =
            """<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v></v></c><c r="C1"><f>A1*3</f><v/></c><c r="D1" t="str"><f>IF(A1=1,"","x")</f><v></v></c><c r="E1"><v>4</v></c></row>""";

        var problems = Scan(("表1", Sheet(rows)));

        Assert.Equal(
            new Dictionary<string, Dictionary<(int Row, int Column), FormulaProblem>>
            {
                ["表1"] = new() { [(1, 2)] = new("A1*2", null), [(1, 3)] = new("A1*3", null) },
            },
            problems);
        Assert.Equal(new object?[] { 1d, new FormulaProblem("A1*2", null), new FormulaProblem("A1*3", null), null, 4d }, Load(Sheet(rows)).Rows[0]);
    }

    [Fact]
    public void A_formula_cell_that_is_the_last_element_of_the_sheet_is_reported()
    {
        var problems = Scan(
            ("末尾", Sheet("""<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="Z9"><f>A1*3</f></c></row>""")),
            ("末尾错误", Sheet("""<row r="2"><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>""")),
            ("末尾共享", Sheet("""<row r="3"><c r="C3"><f t="shared" si="2"/></c></row>""")));

        Assert.Equal(
            new Dictionary<string, Dictionary<(int Row, int Column), FormulaProblem>>
            {
                ["末尾"] = new() { [(9, 26)] = new("A1*3", null) },
                ["末尾错误"] = new() { [(2, 2)] = new("1/0", "#DIV/0!") },
                ["末尾共享"] = new() { [(3, 3)] = new("", null) },
            },
            problems);
    }

    [Fact]
    public void Problems_are_kept_apart_by_sheet_and_sheets_without_any_are_left_out()
    {
        var problems = Scan(
            ("基本信息", Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c><c r="B1"><f>1+1</f><v>2</v></c></row>""")),
            ("预算执行", Sheet("""<row r="3"><c r="F3"><f>D3+E3</f></c></row>""")),
            ("附表", Sheet("""<row r="3"><c r="F3" t="e"><f>#REF!+1</f><v>#REF!</v></c></row>""")));

        Assert.Equal(
            new Dictionary<string, Dictionary<(int Row, int Column), FormulaProblem>>
            {
                ["预算执行"] = new() { [(3, 6)] = new("D3+E3", null) },
                ["附表"] = new() { [(3, 6)] = new("#REF!+1", "#REF!") },
            },
            problems);
    }

    [Fact]
    public void The_stream_is_left_where_it_was_for_ExcelDataReader()
    {
        using var stream = new MemoryStream(Package(("表1", Sheet("""<row r="1"><c r="A1"><f>1</f></c></row>"""))));

        XlsxPackageReader.Inspect(stream, "公式.xlsx");

        Assert.Equal(0, stream.Position);
    }
}
