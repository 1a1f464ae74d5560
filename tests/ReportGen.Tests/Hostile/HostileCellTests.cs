using ReportGen.Analysis;
using ReportGen.Input;
using ReportGen.Model;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Cells: what finance staff and other programs put in cells, read from real .xlsx packages written part
/// by part (<see cref="RawXlsx"/>). A bad cell is a finding at that cell; it never crashes the run and never
/// turns silently into 0. Row 2 of 预算执行 is 基本支出 20 万元; the row under test is row 3.
/// </summary>
public sealed class HostileCellTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private DepartmentAnalysis Analyze(Action<RawXlsx.Sheet> lines, Action<RawXlsx>? more = null) =>
        RawXlsx.AnalyzeStandard(_temp, lines, more);

    private static Finding At(DepartmentAnalysis analysis, string code, string cell) =>
        Assert.Single(analysis.Findings, f => f.Code == code && f.Location.ToString() == cell);

    private static BudgetLine Line(DepartmentAnalysis analysis, string name) => analysis.Workbook.Lines.Single(l => l.Name == name);

    [Theory]
    [InlineData("#DIV/0!", "D2/0")]
    [InlineData("#REF!", "#REF!+1")]
    [InlineData("#N/A", "VLOOKUP(A3,Sheet9!A:B,2,0)")]
    public void Hostile_formula_error_in_an_amount_is_RG110_naming_the_cell_and_the_error(string error, string formula)
    {
        var analysis = Analyze(s => s.Row("文明经费", "项目支出", null, RawCell.FormulaError(formula, error), 0, 50, 50, 0));

        var finding = At(analysis, "RG110", "预算执行!D3");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains($"年初预算数单元格是公式错误值 {error}（公式 ={formula}）", finding.Message, StringComparison.Ordinal);
        Assert.True(analysis.HasErrors);
    }

    [Fact]
    public void Hostile_formula_error_in_a_text_cell_is_RG118_and_never_reaches_the_report()
    {
        var analysis = Analyze(s => s.Row("文明经费", "项目支出", null, 50, 0, 50, 50, 0, null, RawCell.FormulaError("Sheet9!A1", "#REF!")));

        var finding = At(analysis, "RG118", "预算执行!J3");
        Assert.Contains("#REF!", finding.Message, StringComparison.Ordinal);
        Assert.Null(Line(analysis, "文明经费").Purpose);
    }

    [Fact]
    public void Hostile_formula_without_cached_value_asks_to_open_and_save_in_excel()
    {
        // openpyxl writes <c><f>D3+E3</f></c> and leaves the calculation to Excel.
        var analysis = Analyze(s => s.Row("文明经费", "项目支出", null, 50, 0, RawCell.FormulaWithoutValue("D3+E3"), 50, 0));

        var finding = At(analysis, "RG110", "预算执行!F3");
        Assert.Contains("全年预算数单元格是公式（=D3+E3），但文件中没有保存计算结果", finding.Message, StringComparison.Ordinal);
        Assert.Contains("请用 Excel 或 WPS 打开该文件、保存后重试", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_formulas_with_cached_values_read_as_their_values()
    {
        var analysis = Analyze(s => s
            .Row("文明经费", "项目支出", null, 50, 8.5, new RawCell(null, "<f>D3+E3</f><v>58.5</v>"), 50, new RawCell(null, "<f t=\"shared\" ref=\"H3:H3\" si=\"0\">F3-G3</f><v>8.5</v>"))
            .Row("宣传经费", "项目支出", null, 10, 0, 10, 10, new RawCell(null, "<f t=\"shared\" si=\"0\"/><v>0</v>")));

        Assert.DoesNotContain(analysis.Findings, f => f.Code is "RG118" or "RG110");
        Assert.Equal(58.5m, Line(analysis, "文明经费").FinalBudgetGiven);
        Assert.Equal(0m, Line(analysis, "宣传经费").CarryOverGiven);
    }

    [Fact]
    public void Hostile_date_where_an_amount_belongs_is_RG110()
    {
        var analysis = Analyze(s => s.Row("文明经费", "项目支出", null, 50, 0, 50, RawCell.Date(new DateTime(2023, 12, 31)), 0));
        Assert.Contains("实际支出数单元格是日期格式，应为金额", At(analysis, "RG110", "预算执行!G3").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_number_past_decimal_range_is_RG110_not_a_crash()
    {
        var analysis = Analyze(s => s.Row("文明经费", "项目支出", null, RawCell.Number("1E+300"), 0, 50, 50, 0, null, RawCell.Number("-1E+300")));

        Assert.Contains("不是有效数字或超出范围", At(analysis, "RG110", "预算执行!D3").Message, StringComparison.Ordinal);
        Assert.Equal("-1E+300", Line(analysis, "文明经费").Purpose);
    }

    [Theory]
    [InlineData("1,234.50", 1234.5)]
    [InlineData("１２３４．５", 1234.5)]
    [InlineData("１，２３４．５０万元", 1234.5)]
    [InlineData("1.2345E+3", 1234.5)]
    [InlineData("12345000元", 1234.5)]
    [InlineData(" 1234.5 ", 1234.5)]
    [InlineData("1234.5\u200B", 1234.5)]
    [InlineData("\uFEFF1234.5", 1234.5)]
    [InlineData("1234.5\u00A0", 1234.5)]
    [InlineData("\u30001234.5", 1234.5)]
    [InlineData("-0", 0)]
    public void Hostile_amount_typed_as_text_reads_its_value(string text, double expected)
    {
        var analysis = Analyze(s => s.Row("文明经费", "项目支出", null, text, 0, text, 0, text));

        Assert.DoesNotContain(analysis.Findings, f => f.Code is "RG110" or "RG111");
        Assert.Equal((decimal)expected, Line(analysis, "文明经费").InitialBudget);
        Assert.Equal((decimal)expected, Line(analysis, "文明经费").FinalBudgetGiven);
    }

    [Theory]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("1E+1")]
    [InlineData("1.5e-3")]
    public void Hostile_numbers_in_scientific_or_negative_zero_form_read_as_numbers(string raw)
    {
        var analysis = Analyze(s => s.Row("文明经费", "项目支出", null, 50, RawCell.Number(raw), null, 50, null));

        Assert.DoesNotContain(analysis.Findings, f => f.Code is "RG110" or "RG111");
        var adjustment = Line(analysis, "文明经费").AdjustmentGiven!.Value;
        Assert.Equal(decimal.Parse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), adjustment);
        Assert.DoesNotContain("-0.00", Money.Format(adjustment), StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_invisible_characters_in_names_do_not_make_a_second_project()
    {
        var analysis = Analyze(s => s
            .Row("\uFEFF文明经费\u200B ", "项目支出\u00A0", null, 50, 0, 50, 50, 0)
            .Row("文明经费", "项目支出", null, 10, 0, 10, 10, 0));

        Assert.Equal("文明经费", analysis.Workbook.Lines[1].Name);
        Assert.Single(analysis.Findings, f => f.Code == "RG116");
    }

    [Fact]
    public void Hostile_vertically_merged_category_applies_to_every_merged_row()
    {
        var analysis = Analyze(s => s
            .Row("文明经费", "项目支出", null, 50, 0, 50, 50, 0)
            .Row("宣传经费", null, null, 10, 0, 10, 10, 0)
            .Row("网信经费", null, null, 5, 0, 5, 5, 0)
            .Merge("B3:B5"));

        Assert.DoesNotContain(analysis.Findings, f => f.Code == "RG112");
        Assert.All(analysis.Workbook.Lines.Skip(1), line => Assert.Equal(ExpenseCategory.Project, line.Category));
    }

    [Fact]
    public void Hostile_merged_amount_counts_once_and_warns_RG119()
    {
        var analysis = Analyze(s => s
            .Row("文明经费", "项目支出", null, 60, 0, 60, 60, 0)
            .Row("宣传经费", "项目支出", null, null, 0, null, null, null)
            .Merge("D3:D4").Merge("F3:F4").Merge("G3:G4"));

        var finding = At(analysis, "RG119", "预算执行!D3");
        Assert.Contains("D3:D4 跨 2 行合并，金额只计入第 3 行", finding.Message, StringComparison.Ordinal);
        Assert.Equal(80m, analysis.Figures.Department.Initial);
    }

    [Fact]
    public void Hostile_hidden_rows_are_read_and_said_so_RG104()
    {
        var analysis = Analyze(s => s
            .HiddenRow("文明经费", "项目支出", null, 50, 0, 50, 50, 0)
            .Row("宣传经费", "项目支出", null, 10, 0, 10, 10, 0));

        Assert.Equal(80m, analysis.Figures.Department.Initial);
        var finding = At(analysis, "RG104", "预算执行!3");
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("第 3 行是隐藏行，已照常读取并计入", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_hidden_data_sheet_is_read_and_said_so_RG104()
    {
        var book = new RawXlsx();
        book.AddSheet("基本信息").Row("部门名称", "测试部门").Row("年度", "2023");
        book.AddSheet("预算执行", hidden: true).Row(WorkbookBuilder.LineHeader.Cast<object?>().ToArray()).Row("基本支出", "基本支出", null, 20, 0, 20, 20, 0);
        var analysis = GenerateJob.Analyze(book.Write(_temp.File("隐藏.xlsx")));

        Assert.Equal(20m, analysis.Figures.Department.Actual);
        Assert.Contains("工作表“预算执行”是隐藏的工作表，已照常读取", At(analysis, "RG104", "预算执行").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_blank_rows_in_the_middle_are_skipped()
    {
        var analysis = Analyze(s => s
            .Row().Row(null, "", "  ", "\u200B")
            .Row("文明经费", "项目支出", null, 50, 0, 50, 50, 0));

        Assert.Equal(2, analysis.Workbook.Lines.Count);
        Assert.Equal("预算执行!5", Line(analysis, "文明经费").Location.ToString());
        Assert.DoesNotContain(analysis.Findings, f => f.Code == "RG115");
    }

    [Fact]
    public void Hostile_duplicate_header_uses_the_first_column_and_warns_RG105()
    {
        var book = new RawXlsx();
        book.AddSheet("基本信息").Row("部门名称", "测试部门").Row("年度", "2023");
        book.AddSheet("预算执行")
            .Row("项目名称", "支出类别", "年初预算数", "实际支出数", "年初预算数")
            .Row("基本支出", "基本支出", 20, 20, 999);
        var analysis = GenerateJob.Analyze(book.Write(_temp.File("重复.xlsx")));

        Assert.Contains("“年初预算数”出现多次，只使用第一列（C 列）", At(analysis, "RG105", "预算执行!1").Message, StringComparison.Ordinal);
        Assert.Equal(20m, analysis.Figures.Department.Initial);
    }

    [Fact]
    public void Hostile_very_long_cells_are_read_whole()
    {
        var name = "文明经费" + new string('长', 32_000);
        var purpose = string.Concat(Enumerable.Repeat("用于宣传文化工作。", 3_500));
        var analysis = Analyze(s => s.Row(name, "项目支出", null, 50, 0, 50, 50, 0, null, purpose));

        Assert.Equal(name, analysis.Workbook.Lines[1].Name);
        Assert.Equal(purpose.Length, analysis.Workbook.Lines[1].Purpose!.Length);
    }

    [Fact]
    public void Hostile_error_cells_in_the_loader_stand_where_excel_shows_them()
    {
        var book = RawXlsx.Standard(out var sheet);
        sheet.Row().Row().Row(null, null, null, null, null, null, null, null, null, null, null, RawCell.FormulaWithoutValue("X1"));
        var data = WorkbookLoader.Load(book.Write(_temp.File("位置.xlsx")));

        var problem = Assert.IsType<FormulaProblem>(data.Find("预算执行")!.Value(4, 12));
        Assert.Equal("X1", problem.Formula);
        Assert.Equal("", data.Find("预算执行")!.Text(4, 12));
    }
}
