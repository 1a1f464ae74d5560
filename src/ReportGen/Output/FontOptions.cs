using ReportGen.Model;

namespace ReportGen.Output;

/// <summary>
/// Applies <c>--font 角色=字体</c> settings to a layout, so that a machine or a province with other fonts can be
/// served without a reference document. Roles are the Chinese names a clerk knows.
/// </summary>
public static class FontOptions
{
    public static readonly IReadOnlyList<string> Roles = ["标题", "正文", "一级标题", "二级标题", "三级标题", "表格", "页码", "西文"];

    public static DocxLayout Apply(DocxLayout layout, IEnumerable<string> settings)
    {
        foreach (var setting in settings)
        {
            var parts = setting.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[1].Length == 0)
            {
                throw new InputException($"字体设置“{setting}”格式不对，应为“角色=字体”，如 正文=仿宋。");
            }

            layout = parts[0] switch
            {
                "标题" => layout with { TitleFont = parts[1] },
                "正文" => layout with { BodyFont = parts[1], Heading4Font = parts[1] },
                "一级标题" => layout with { Heading1Font = parts[1] },
                "二级标题" => layout with { Heading2Font = parts[1] },
                "三级标题" => layout with { Heading3Font = parts[1] },
                "表格" => layout with { TableFont = parts[1] },
                "页码" => layout with { PageNumberFont = parts[1] },
                "西文" => layout with { LatinFont = parts[1] },
                _ => throw new InputException($"字体设置“{setting}”中的角色“{parts[0]}”无法识别，可用：{string.Join("、", Roles)}。"),
            };
        }

        return layout;
    }
}
