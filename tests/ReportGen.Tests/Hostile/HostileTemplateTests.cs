using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Templates: the cases Rendering/TemplateErrorTests does not already cover. A template can reach no
/// file outside its partials/ folder, by any spelling, and every refusal is an InputException naming the file.
/// </summary>
public sealed class HostileTemplateTests : IDisposable
{
    private const string Secret = "不应出现在报告中的机密";
    private static readonly Lazy<TemplateModel> Model = new(() => TemplateModelBuilder.Build(GenerateJob.Analyze(Repo.SampleCsvFolder)));

    private readonly TempDir _temp = new();

    public HostileTemplateTests()
    {
        File.WriteAllText(_temp.File("secret.sbn"), Secret);
        Directory.CreateDirectory(_temp.File("templates/partials"));
    }

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string source)
    {
        var path = _temp.File("templates/" + name);
        File.WriteAllText(path, source);
        return path;
    }

    private InputException Refused(string source)
    {
        var error = Assert.Throws<InputException>(() => TemplateRenderer.Render(Write("t.sbn", source), Model.Value));
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("模板 ", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Theory]
    [InlineData("{{ include '../../secret' }}")]
    [InlineData("{{ include '../secret' }}")]
    [InlineData("{{ include '/etc/passwd' }}")]
    [InlineData("{{ include '..\\..\\secret' }}")]
    [InlineData("{{ include \"../../secret.sbn\" }}")]
    [InlineData("{{ include_join ['../../secret'] '' }}")]
    [InlineData("{{ include '.' }}")]
    public void Hostile_partial_names_reaching_outside_partials_are_refused(string source) => Refused("正文\n" + source);

    [Theory]
    [InlineData("{{ include ('../../' + 'secret') }}")]
    [InlineData("{{ include department.name + '/../../../secret' }}")]
    public void Hostile_dynamic_partial_names_are_refused(string source) => Refused(source);

    [Fact]
    public void Hostile_partial_that_is_a_link_out_of_the_folder_is_refused()
    {
        File.CreateSymbolicLink(_temp.File("templates/partials/链接.sbn"), _temp.File("secret.sbn"));
        Refused("{{ include '链接' }}");
    }

    [Fact]
    public void Hostile_partials_including_each_other_are_stopped()
    {
        Write("partials/甲.sbn", "甲{{ include '乙' }}");
        Write("partials/乙.sbn", "乙{{ include '甲' }}");
        var error = Refused("{{ include '甲' }}");
        Assert.Contains("片段引用了自身", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_template_path_that_is_a_folder_or_empty_or_binary_ends_in_exit_2_or_a_report()
    {
        File.WriteAllBytes(_temp.File("空.sbn"), []);
        File.WriteAllBytes(_temp.File("二进制.sbn"), [0x00, 0xFF, 0xFE, 0x7B, 0x7B, 0x00, 0x89, 0x50]);
        Directory.CreateDirectory(_temp.File("目录.sbn"));
        foreach (var template in new[] { "目录.sbn", "空.sbn", "二进制.sbn", "不存在.sbn" })
        {
            var result = CliHarness.Run("generate", Repo.SampleXlsx, "-o", _temp.File("报告.docx"), "--template", _temp.File(template));
            result.AssertNoStackTrace();
            Assert.True(result.ExitCode is 0 or 2, $"{template}: exit {result.ExitCode} {result.Error}");
        }
    }

    [UnixFact]
    public void Hostile_partials_folder_that_is_a_link_to_a_folder_elsewhere_is_refused()
    {
        var elsewhere = Directory.CreateDirectory(_temp.File("别处")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "片段.sbn"), Secret);
        var folder = Directory.CreateDirectory(_temp.File("链接模板")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(folder, "partials"), elsewhere);
        var template = Path.Combine(folder, "t.sbn");
        File.WriteAllText(template, "正文{{ include '片段' }}");

        var error = Assert.Throws<InputException>(() => TemplateRenderer.Render(template, Model.Value));

        Assert.Contains("符号链接", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        var cli = CliHarness.Run("generate", Repo.SampleXlsx, "-o", _temp.File("报告.docx"), "--template", template);
        cli.AssertNoStackTrace();
        Assert.Equal(2, cli.ExitCode);
        Assert.False(File.Exists(_temp.File("报告.docx")));
    }

    [Theory]
    [InlineData("{{ import \"x\" }}")]
    [InlineData("{{ x = 1; x[0] }}")]
    [InlineData("{{ \"abc\" | math.format \"0.00\" }}")]
    [InlineData("{{ \"abc\" | string.replace \"\" \"d\" }}")]
    [InlineData("{{ department.name 1 }}")]
    public void Template_engine_errors_are_Chinese_with_the_original_kept_for_verbose(string source)
    {
        var error = Refused("第一行\n" + source);

        Assert.DoesNotMatch("[A-Za-z]{3,} [A-Za-z]{3,}", error.Message);
        Assert.Contains("第 2 行", error.Message, StringComparison.Ordinal);
        var cli = CliHarness.Run("generate", Repo.SampleXlsx, "-o", _temp.File("报告.docx"), "--template", Write("v.sbn", "第一行\n" + source), "--verbose");
        Assert.Equal(2, cli.ExitCode);
        Assert.Matches("[A-Za-z]{3,} [A-Za-z]{3,}", cli.Error);
    }

    [Fact]
    public void A_template_building_huge_strings_is_stopped_by_the_memory_cap()
    {
        var limits = new TemplateLimits(TimeSpan.FromSeconds(60), 100_000_000) { MaxMemoryBytes = 64L * 1024 * 1024 };
        var source = "{{ s = '字字字字字字字字' }}{{ for i in 1..40 }}{{ s = s + s }}{{ end }}{{ s | string.size }}";

        var error = Assert.Throws<InputException>(() => TemplateRenderer.Render(Write("内存.sbn", source), Model.Value, limits));

        Assert.Contains("内存超过上限 64 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_limits_grow_with_the_data_and_a_refusal_says_which_limit_and_why()
    {
        var model = Model.Value;
        var limits = TemplateLimits.For(model);

        Assert.True(limits.Items >= model.Lines.Count + model.Indicators.Items.Count);
        Assert.True(limits.MaxOutputChars >= TemplateLimits.Default.MaxOutputChars + limits.Items * TemplateLimits.CharsPerItem);
        Assert.True(limits.LoopLimit > TemplateLimits.Default.LoopLimit);

        var source = "{{ for a in 1..100000 }}" + new string('字', 200) + "{{ end }}";
        var error = Refused(source);
        Assert.Contains($"输出超过上限 {limits.MaxOutputChars:N0} 个字符", error.Message, StringComparison.Ordinal);
        Assert.Contains("上限按这份数据计算", error.Message, StringComparison.Ordinal);
    }
}
