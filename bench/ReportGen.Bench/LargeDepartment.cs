using ReportGen.Output;

namespace ReportGen.Bench;

/// <summary>
/// A large department for the benchmarks: the sample's 基本信息, one 基本支出 line and
/// <see cref="Projects"/> project lines, each with its 项目目标 row and <see cref="IndicatorsPerProject"/> indicators,
/// written as an .xlsx with <see cref="XlsxWriter"/>. Figures are consistent, so the workbook has no error and is
/// rendered. Values are deterministic (seeded), so every run measures the same workbook.
/// </summary>
internal static class LargeDepartment
{
    public const int Projects = 2000;
    public const int IndicatorsPerProject = 5;

    public static void Write(string path, int projects = Projects)
    {
        var random = new Random(20231231);
        var lines = new List<IReadOnlyList<object?>>
        {
            new object?[] { "项目名称", "支出类别", "来源", "年初预算数", "调整数", "全年预算数", "实际支出数", "结余结转数", "资金来源", "主要用途", "别名", "偏差原因" },
        };
        var targets = new List<IReadOnlyList<object?>>
        {
            new object?[] { "项目名称", "所属专项", "项目金额", "实施期", "实施期目标", "年度目标", "实际完成情况" },
        };
        var indicators = new List<IReadOnlyList<object?>>
        {
            new object?[] { "归属", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "完成情况", "得分", "偏差原因" },
        };

        decimal initialProjects = 0, initialBasic = 2314.20m;
        lines.Add(Line("基本支出", "基本支出", "年初预算", initialBasic, 185.60m, 2450.00m, null, null));
        for (var i = 1; i <= projects; i++)
        {
            var name = $"专项经费{i:0000}号";
            var initial = random.Next(5, 500);
            var adjustment = random.Next(-4, 40);
            var final = initial + adjustment;
            // Most projects spend 90–100%; every tenth is low and explains why, as 10号文 asks.
            var low = i % 10 == 0;
            var actual = Math.Round(final * (low ? 0.7m : 0.9m + random.Next(0, 10) / 100m), 2);
            initialProjects += initial;
            lines.Add(Line(name, "项目支出", "年初预算", initial, adjustment, actual, $"用于{name}相关业务支出",
                low || adjustment != 0 ? "项目进度受审批影响，部分资金结转下年使用，下一步加快执行进度。" : null));
            targets.Add([name, name, (decimal)initial, "2023年全年", $"完成{name}年度任务", $"完成{name}年度任务", "已完成年度任务"]);
            var count = random.Next(900, 1100);
            indicators.Add([name, "产出指标", "数量指标", "完成活动场次", $"≥{count}场", $"{count + random.Next(-50, 100)}场", null, null, null, "部分活动受天气影响推迟，下一步合理安排。"]);
            indicators.Add([name, "产出指标", "质量指标", "预算资金使用率", "100%", null, null, null, null, null]);
            indicators.Add([name, "产出指标", "成本指标", "不超过预算", $"≤{initial}万元", $"{actual}万元", null, null, null, "年中调整增加预算，下一步精准编制。"]);
            indicators.Add([name, "效益指标", "社会效益指标", "群众获得感", "不断提高", "明显提高", null, "达成", null, null]);
            indicators.Add([name, "满意度指标", "服务对象满意度指标", "服务对象满意度", "90%", $"{random.Next(85, 99)}%", null, null, null, "个别服务对象对活动时间安排不满意，下一步改进。"]);
        }

        var total = initialBasic + initialProjects;
        var overrides = new Dictionary<string, decimal>
        {
            ["年初资金总额"] = total, ["一般公共预算拨款"] = total, ["年初基本支出"] = initialBasic, ["年初项目支出"] = initialProjects,
        };
        var info = SampleSheet("基本信息")
            .Select(row => row.Count >= 2 && row[0] is string key && overrides.TryGetValue(key, out var value) ? [key, value] : row)
            .ToList();
        var sheets = new List<XlsxSheet>
        {
            new("基本信息", info),
            new("预算执行", lines),
            new("绩效指标", indicators),
            new("重点工作", SampleSheet("重点工作")),
            new("项目目标", targets),
        };
        using var stream = File.Create(path);
        XlsxWriter.Write(stream, sheets);
    }

    private static object?[] Line(string name, string category, string source, decimal initial, decimal adjustment, decimal actual, string? purpose, string? note)
    {
        var final = initial + adjustment;
        return [name, category, source, initial, adjustment, final, actual, final - actual, "一般公共预算", purpose, null, note];
    }

    /// <summary>A sheet of the sample's CSV folder as rows of text.</summary>
    private static List<IReadOnlyList<object?>> SampleSheet(string name)
    {
        var data = Input.WorkbookLoader.Load(Repository.Sample).Sheets.First(s => s.Name == name);
        return data.Rows.Select(row => (IReadOnlyList<object?>)row.Select(c => (object?)Input.CellText.Of(c)).ToArray()).ToList();
    }
}
