using ReportGen.Analysis;
using ReportGen.Analysis.Indicators;
using ReportGen.Batch;
using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// One vocabulary (partials/用语.txt, Model/Vocabulary): every enum value the tool prints has its words and a distinct
/// code; a template folder's copy changes the words of that report only (narrative and tables), never check or
/// preview; the placeholder keeps the mark the tool counts and highlights; a folder's 存在问题.sbn rewords section 四.
/// </summary>
public sealed class VocabularyTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly Lazy<DepartmentAnalysis> Sample = new(() => GenerateJob.Analyze(Repo.SampleCsvFolder));

    public static TheoryData<Type> WordedEnums() =>
    [
        typeof(IndicatorStatus), typeof(IndicatorKind), typeof(IndicatorGroup), typeof(ScoreGrade), typeof(ExpenseCategory),
        typeof(LineSource), typeof(AdjustmentKind), typeof(FundingSource), typeof(Severity), typeof(BatchStatus),
    ];

    [Theory]
    [MemberData(nameof(WordedEnums))]
    public void Every_value_has_words_and_a_distinct_code(Type type)
    {
        var names = Vocabulary.Bundled.Names.ToHashSet(StringComparer.Ordinal);
        var values = Enum.GetNames(type);
        var key = typeof(Vocabulary).GetMethod(nameof(Vocabulary.Key))!.MakeGenericMethod(type);
        var keys = Enum.GetValues(type).Cast<object>().Select(value => (string)key.Invoke(null, [value])!).ToList();

        // Every name of the words file is Chinese: 类别.取值, the value named by its bundled word.
        Assert.All(keys, k => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+\.[^\x00-\x7F]+$", k));
        Assert.All(keys, k => Assert.Contains(k, names));
        Assert.All(keys, k => Assert.Equal(k[(k.IndexOf('.', StringComparison.Ordinal) + 1)..], Vocabulary.Bundled[k]));
        Assert.Equal(values.Length, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(values.Length, values.Select(v => char.ToLowerInvariant(v[0]) + v[1..]).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_words_and_codes_are_those_of_the_file()
    {
        Assert.Equal("部分达成", Vocabulary.Bundled.Of(IndicatorStatus.PartlyMet));
        Assert.Equal("partlyMet", Vocabulary.Code(IndicatorStatus.PartlyMet));
        Assert.Equal("政府性基金", Vocabulary.Bundled.Of(FundingSource.GovernmentFund));
        Assert.Equal("差（暂定）", Vocabulary.Bundled.Provisional(Vocabulary.Bundled.Of(ScoreGrade.Poor), provisional: true));
        Assert.Equal("【待填写：偏差原因（绩效指标!J7）】", Vocabulary.Bundled.Placeholder("偏差原因", "绩效指标!J7"));
        Assert.Equal("【待填写：评价结论】", Vocabulary.Bundled.Placeholder("评价结论"));
    }

    /// <summary>A copy of the bundled templates with <paramref name="file"/> in partials/ rewritten by <paramref name="edit"/>.</summary>
    private string CopyTemplates(string file, Func<string, string> edit)
    {
        foreach (var source in Directory.GetFiles(Repo.Templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_temp.Path, Path.GetRelativePath(Repo.Templates, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        var path = Path.Combine(_temp.Path, "partials", file);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        return Path.Combine(_temp.Path, "default.sbn");
    }

    private static string Texts(ReportDocument document) => string.Join("\n", ReportMarkup.Texts(document));

    [Fact]
    public void A_folder_vocabulary_rewords_that_report_only()
    {
        var bundled = Texts(ReportRenderer.Render(Sample.Value, Path.Combine(Repo.Templates, "default.sbn")));
        var template = CopyTemplates(Vocabulary.FileName, text => text
            .Replace("完成情况.部分达成 = 部分达成", "完成情况.部分达成 = 基本完成", StringComparison.Ordinal)
            .Replace("等级.待定 = 待定", "等级.待定 = 尚待评定", StringComparison.Ordinal)
            .Replace("得分.区间 = {最低}至{最高}（暂定）", "得分.区间 = {最低}～{最高}（待补齐）", StringComparison.Ordinal)
            .Replace("得分.暂定标记 = {内容}（暂定）", "得分.暂定标记 = {内容}（待定）", StringComparison.Ordinal));
        var changed = Texts(ReportRenderer.Render(Sample.Value, template));

        Assert.Contains("实际完成2886篇次，部分达成", bundled, StringComparison.Ordinal);
        Assert.Contains("实际完成2886篇次，基本完成", changed, StringComparison.Ordinal);
        // The Shifeng sample's score is a range over every grade band: 待定, never 差.
        Assert.Contains("自评等级：待定", bundled, StringComparison.Ordinal);
        Assert.Contains("14.97至96.64（暂定）", bundled, StringComparison.Ordinal);
        Assert.Contains("自评等级：尚待评定", changed, StringComparison.Ordinal);
        Assert.Contains("14.97～96.64（待补齐）", changed, StringComparison.Ordinal);
        Assert.DoesNotContain("（暂定）", changed, StringComparison.Ordinal);

        // The narrative (generate --text) reads the same folder; check and preview keep the bundled words.
        var narrative = ReportRenderer.RenderText(TemplateModelBuilder.Build(Sample.Value), template);
        Assert.Contains("基本完成", narrative, StringComparison.Ordinal);
        Assert.Equal("部分达成", Sample.Value.DepartmentScore!.Results.First(r => r.Status == IndicatorStatus.PartlyMet).StatusName);
    }

    [Fact]
    public void A_reworded_placeholder_is_still_counted_and_names_its_cell()
    {
        var bundled = ReportRenderer.Render(Sample.Value, Path.Combine(Repo.Templates, "default.sbn"));
        var changed = ReportRenderer.Render(Sample.Value, CopyTemplates(Vocabulary.FileName, text => text
            .Replace("占位符 = 【待填写：{内容}（{单元格}）】", "占位符 = 【待填写：{内容}，请填在{单元格}】", StringComparison.Ordinal)));

        Assert.Equal(bundled.Placeholders.Count, changed.Placeholders.Count);
        Assert.Equal(bundled.Placeholders.Select(p => (p.Title, p.Cell)), changed.Placeholders.Select(p => (p.Title, p.Cell)));
        Assert.Contains("【待填写：部门整体执行率偏低的原因，请填在基本信息!B24】", Texts(changed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("占位符 = 请填写：{内容}（{单元格}）")]
    [InlineData("占位符 = 【待填写：（{单元格}）】")]
    public void A_placeholder_without_the_mark_or_the_content_is_refused(string line)
    {
        var template = CopyTemplates(Vocabulary.FileName, text => text.Replace("占位符 = 【待填写：{内容}（{单元格}）】", line, StringComparison.Ordinal));
        var error = Assert.Throws<InputException>(() => ReportRenderer.Render(Sample.Value, template));
        Assert.Contains(Vocabulary.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("【待填写", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_in_a_folder_vocabulary_is_refused_with_its_line()
    {
        var template = CopyTemplates(Vocabulary.FileName, text => "完成情况.完成 = 完成\n" + text);
        var error = Assert.Throws<InputException>(() => ReportRenderer.Render(Sample.Value, template));
        Assert.Contains("第 1 行的名称“完成情况.完成”不存在", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A clerk's words file under its former name (用语.sbn, before the words files became plain text) is refused, not silently dropped.</summary>
    [Theory]
    [InlineData("用语.sbn", "用语.txt")]
    [InlineData("表格文字.sbn", "表格文字.txt")]
    public void A_words_file_under_its_former_name_is_refused_with_what_to_do(string former, string current)
    {
        var template = CopyTemplates(current, text => text);
        File.Copy(Path.Combine(Path.GetDirectoryName(template)!, "partials", current), Path.Combine(Path.GetDirectoryName(template)!, "partials", former));

        var error = Assert.Throws<InputException>(() => ReportRenderer.Render(Sample.Value, template));

        Assert.Contains(former, error.Message, StringComparison.Ordinal);
        Assert.Contains($"现在的文件名是 {current}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_shortfall_partial_rewords_section_four()
    {
        var template = CopyTemplates("存在问题.sbn", text => text.Replace("，低于{{ thresholds.lowRate }}%，全年结余结转", "，未达到{{ thresholds.lowRate }}%，年末结余结转", StringComparison.Ordinal));
        var narrative = ReportRenderer.RenderText(TemplateModelBuilder.Build(Sample.Value), template);
        Assert.Contains("（一）部门预算执行率为81.68%，未达到90%，年末结余结转102.71万元，【待填写：部门整体执行率偏低的原因（基本信息!B24）】。",
            narrative, StringComparison.Ordinal);
    }
}
