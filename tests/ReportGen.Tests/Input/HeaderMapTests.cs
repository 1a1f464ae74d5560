using ReportGen.Input;
using ReportGen.Model;

namespace ReportGen.Tests.Input;

public sealed class HeaderMapTests
{
    private static SheetData Sheet(params object?[][] rows) => new("预算执行", rows);

    [Fact]
    public void Headers_in_any_order_with_synonyms_and_extra_columns()
    {
        var header = HeaderMap.Find(
            Sheet(["备注", "全年执行数", "年初预算", "调整后预算数", "类别", "名称", "经办人"]), "t.xlsx", WorkbookSchema.Lines.Columns);
        Assert.Equal(1, header.HeaderRow);
        Assert.Equal(2, header.Column("实际支出数"));
        Assert.Equal(3, header.Column("年初预算数"));
        Assert.Equal(4, header.Column("全年预算数"));
        Assert.Equal(5, header.Column("支出类别"));
        Assert.Equal(6, header.Column("项目名称"));
        Assert.Null(header.Column("调整数"));
    }

    [Fact]
    public void The_header_row_may_sit_below_a_title()
    {
        var header = HeaderMap.Find(
            Sheet(["石峰区委宣传部2023年预算执行情况表"], [null], ["单位：万元"], ["项目名称", "支出类别", "年初预算数", "实际支出数"]),
            "t.xlsx", WorkbookSchema.Lines.Columns);
        Assert.Equal(4, header.HeaderRow);
    }

    [Fact]
    public void A_unit_in_brackets_is_split_off_and_yuan_remembered()
    {
        var header = HeaderMap.Find(
            Sheet(["*项目名称", "支出类别", "年初预算数（元）", "实际支出数(万元)", " 调整数 "]), "t.xlsx", WorkbookSchema.Lines.Columns);
        Assert.Equal(1, header.Column("项目名称"));
        Assert.True(header.IsYuan(3, workbookIsYuan: false));
        Assert.False(header.IsYuan(4, workbookIsYuan: true));
        Assert.Equal(5, header.Column("调整数"));
    }

    [Fact]
    public void A_repeated_header_uses_the_first_column_and_is_listed()
    {
        var header = HeaderMap.Find(
            Sheet(["项目名称", "支出类别", "年初预算数", "实际支出数", "全年执行数"]), "t.xlsx", WorkbookSchema.Lines.Columns);
        Assert.Equal(4, header.Column("实际支出数"));
        Assert.Equal(["实际支出数"], header.Duplicates);
    }

    [Fact]
    public void A_missing_required_column_names_file_sheet_columns_and_the_likely_header_row()
    {
        var ex = Assert.Throws<InputException>(() => HeaderMap.Find(
            Sheet(["标题"], ["项目名称", "支出类别", "年初预算数", "备注"]), "/x/石峰.xlsx", WorkbookSchema.Lines.Columns));
        Assert.Contains("石峰.xlsx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("“预算执行”", ex.Message, StringComparison.Ordinal);
        Assert.Contains("缺少必填列：实际支出数", ex.Message, StringComparison.Ordinal);
        Assert.Contains("第 2 行像是表头", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Location.Row);
        Assert.Equal("预算执行", ex.Location.Sheet);
    }
}
