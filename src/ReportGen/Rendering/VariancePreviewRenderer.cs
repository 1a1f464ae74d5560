using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Model;

namespace ReportGen.Rendering;

/// <summary>
/// The variance preview as JSON, CSV or Markdown. The JSON names are a published interface: keep them.
/// Figures are 万元 rounded to two decimals; rates are percentages rounded to two decimals.
/// </summary>
public static class VariancePreviewRenderer
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        // Chinese stays readable in the output instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Hooks for later stages (indicators, scores) to add their own members to the JSON object.</summary>
    public static JsonObject ToJsonObject(DepartmentAnalysis analysis)
    {
        var figures = analysis.Figures;
        return new JsonObject
        {
            ["department"] = analysis.Workbook.Department.Name,
            ["year"] = analysis.Workbook.Department.Year,
            ["unit"] = "万元",
            ["totals"] = AmountsJson(figures.Department),
            ["basic"] = AmountsJson(figures.Basic),
            ["projects"] = AmountsJson(figures.Projects),
            ["projectCount"] = figures.ProjectCount,
            ["lines"] = new JsonArray(figures.Lines.Select(LineJson).ToArray<JsonNode?>()),
            ["indicators"] = new JsonArray(AllScores(analysis).SelectMany(s => s.Results).Select(IndicatorJson).ToArray<JsonNode?>()),
            ["scores"] = new JsonObject
            {
                ["department"] = analysis.DepartmentScore is { } d ? ScoreJson(d) : null,
                ["projects"] = new JsonArray(analysis.Figures.ProjectLines
                    .Where(l => analysis.ProjectScores.ContainsKey(l.Line))
                    .Select(l => (JsonNode)ScoreJson(analysis.ProjectScores[l.Line], l.Name)).ToArray<JsonNode?>()),
            },
            ["findings"] = FindingsJson(analysis.Findings),
        };
    }

    /// <summary>The department's scores, then each project's in budget-line order.</summary>
    public static IEnumerable<ScopeScore> AllScores(DepartmentAnalysis analysis) =>
        new[] { analysis.DepartmentScore }
            .Concat(analysis.Figures.ProjectLines.Select(l => analysis.ProjectScores.GetValueOrDefault(l.Line)))
            .OfType<ScopeScore>();

    private static JsonObject IndicatorJson(IndicatorResult result) => new()
    {
        ["scope"] = result.Row.Scope,
        ["level1"] = result.Row.Level1,
        ["level2"] = result.Row.Level2,
        ["level3"] = result.Row.Level3,
        ["target"] = result.Row.Target,
        ["actual"] = result.ActualText.Length > 0 ? result.ActualText : null,
        ["kind"] = result.KindName,
        ["status"] = result.StatusName,
        ["weight"] = Fixed2(result.Weight),
        ["score"] = Fixed2(result.Score),
        ["reason"] = result.Reason,
    };

    private static JsonObject ScoreJson(ScopeScore score, string? name = null)
    {
        var json = new JsonObject();
        if (name is not null)
        {
            json["name"] = name;
        }

        json["executionRate"] = Fixed2(score.ExecutionRate);
        json["output"] = Fixed2(score.Output);
        json["outcome"] = Fixed2(score.Outcome);
        json["satisfaction"] = Fixed2(score.Satisfaction);
        json["total"] = Fixed2(score.Total);
        json["grade"] = score.Grade;
        json["gradeDecided"] = score.GradeDecided;
        json["totalMax"] = Fixed2(score.Ceiling);
        json["provisional"] = score.Provisional;
        json["undetermined"] = score.Undetermined;
        return json;
    }

    public static string ToJson(DepartmentAnalysis analysis) => ToJson(ToJsonObject(analysis));

    public static string ToJson(JsonNode node) => node.ToJsonString(JsonOptions) + "\n";

    public static JsonArray FindingsJson(IEnumerable<Finding> findings) => new(findings.Select(f => (JsonNode)new JsonObject
    {
        ["code"] = f.Code,
        ["severity"] = f.Severity.ToString().ToLowerInvariant(),
        ["location"] = f.Location.ToString(),
        ["message"] = f.Message,
    }).ToArray<JsonNode?>());

    private static JsonObject AmountsJson(Amounts a) => new()
    {
        ["initialBudget"] = Fixed2(a.Initial),
        ["adjustment"] = Fixed2(a.Adjustment),
        ["finalBudget"] = Fixed2(a.Final),
        ["actual"] = Fixed2(a.Actual),
        ["carryOver"] = Fixed2(a.CarryOver),
        ["executionRatePct"] = a.ExecutionRate is { } r ? Fixed2(r * 100) : null,
    };

    private static JsonObject LineJson(LineFigures line)
    {
        var json = new JsonObject
        {
            ["name"] = line.Name,
            ["category"] = Vocabulary.Bundled.Of(line.Line.Category),
            ["source"] = Vocabulary.Bundled.Of(line.Line.Source),
            ["adjustmentKind"] = Vocabulary.Bundled.Of(line.Adjustment),
        };
        foreach (var (key, value) in AmountsJson(line.Amounts).ToList())
        {
            json[key] = value?.DeepClone();
        }

        if (line.TargetName is { } target)
        {
            json["targetName"] = target;
        }

        json["attention"] = new JsonArray(Attention(line).Select(a => (JsonNode)a).ToArray<JsonNode?>());
        return json;
    }

    /// <summary>Rounded to two places and written with two decimals (0 → 0.00), as the JSON contract says.</summary>
    private static decimal Fixed2(decimal value) => Money.Round2(value) + 0.00m;

    /// <summary>Why a line needs attention, in words: 执行率低于90%, 结余较大, 超支.</summary>
    public static IEnumerable<string> Attention(LineFigures line)
    {
        if (line.Overspent)
        {
            yield return "超支";
        }

        if (line.LowRate)
        {
            yield return "执行率低于90%";
        }

        if (line.LargeCarryOver)
        {
            yield return "结余较大";
        }
    }

    /// <summary>The preview's rows: every line, then 基本支出小计, 项目支出小计, 合计 (the one row with <c>Total</c>).</summary>
    public static IEnumerable<(string Name, string Category, Amounts Amounts, string Attention, bool Total)> Rows(BudgetFigures figures)
    {
        foreach (var line in figures.Lines)
        {
            yield return (line.Name, Vocabulary.Bundled.Of(line.Line.Category), line.Amounts, string.Join("、", Attention(line)), false);
        }

        yield return ("基本支出小计", "", figures.Basic, "", false);
        yield return ($"项目支出小计（{figures.ProjectCount}个项目）", "", figures.Projects, "", false);
        yield return ("合计", "", figures.Department, "", true);
    }

    public static readonly string[] Headers = ["项目名称", "支出类别", "年初预算数", "调整数", "全年预算数", "实际支出数", "结余结转数", "执行率", "关注"];

    public static string ToCsv(DepartmentAnalysis analysis)
    {
        var builder = new StringBuilder();
        builder.Append(string.Join(",", Headers)).Append('\n');
        foreach (var row in Rows(analysis.Figures))
        {
            string[] cells = [row.Name, row.Category, .. Cells(row.Amounts), row.Attention];
            builder.Append(string.Join(",", cells.Select(CsvEscape))).Append('\n');
        }

        // The scores follow as two more tables, each after a blank line and a title line.
        var scores = AllScores(analysis).ToList();
        if (scores.Count > 0)
        {
            builder.Append("\n绩效指标评分\n").Append(string.Join(",", ScorePreview.IndicatorHeaders)).Append('\n');
            foreach (var result in scores.SelectMany(s => s.Results))
            {
                builder.Append(string.Join(",", ScorePreview.IndicatorCells(result).Select(CsvEscape))).Append('\n');
            }

            builder.Append("\n自评得分\n").Append(string.Join(",", ScorePreview.ScoreHeaders)).Append('\n');
            foreach (var score in scores)
            {
                builder.Append(string.Join(",", ScorePreview.ScoreCells(score).Select(CsvEscape))).Append('\n');
            }
        }

        return builder.ToString();
    }

    public static string ToMarkdown(DepartmentAnalysis analysis)
    {
        var department = analysis.Workbook.Department;
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"# {department.Name}{department.Year}年度预算执行差异表\n\n单位：万元\n\n");
        builder.Append("| ").Append(string.Join(" | ", Headers)).Append(" |\n");
        builder.Append('|').Append(string.Concat(Headers.Select((_, i) => i < 2 || i == 8 ? "---|" : "---:|"))).Append('\n');
        foreach (var row in Rows(analysis.Figures))
        {
            string[] cells = [row.Name, row.Category, .. Cells(row.Amounts), row.Attention];
            MarkdownRow(builder, cells);
        }

        var scores = AllScores(analysis).ToList();
        if (scores.Count > 0)
        {
            builder.Append("\n## 自评得分\n\n");
            MarkdownRow(builder, ScorePreview.ScoreHeaders);
            builder.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", 5))).Append("---|\n");
            foreach (var score in scores)
            {
                MarkdownRow(builder, ScorePreview.ScoreCells(score));
            }

            builder.Append("\n## 绩效指标评分\n\n");
            MarkdownRow(builder, ScorePreview.IndicatorHeaders);
            builder.Append('|').Append(string.Concat(ScorePreview.IndicatorAlignment.Select(a => a == 'r' ? "---:|" : "---|"))).Append('\n');
            foreach (var result in scores.SelectMany(s => s.Results))
            {
                MarkdownRow(builder, ScorePreview.IndicatorCells(result));
            }

            builder.Append("\n评分说明（财预〔2020〕10号）：\n\n");
            foreach (var rule in ScorePreview.ScoringRules)
            {
                builder.Append("- ").Append(rule).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static void MarkdownRow(StringBuilder builder, IEnumerable<string> cells) =>
        builder.Append("| ").Append(string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)))).Append(" |\n");

    public static string[] Cells(Amounts a) =>
    [
        Money.Format(a.Initial), Money.Format(a.Adjustment), Money.Format(a.Final), Money.Format(a.Actual),
        Money.Format(a.CarryOver), Money.FormatPercent(a.ExecutionRate),
    ];

    private static string CsvEscape(string value) => Output.CsvText.Field(value);
}
