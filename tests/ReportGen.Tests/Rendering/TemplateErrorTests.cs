using ReportGen.Model;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Every template mistake stops with a Chinese message naming its file, line and column and quoting the text at
/// fault, whether Scriban meets it while parsing or while rendering; runaway templates are stopped.
/// </summary>
public sealed class TemplateErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reportgen-tpl-").FullName;
    private static readonly Lazy<TemplateModel> Model = new(() => TemplateModelBuilder.Build(GenerateJob.Analyze(Repo.SampleCsvFolder)));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string source)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, source);
        return path;
    }

    private InputException Fails(string source, TemplateLimits? limits = null)
    {
        var error = Assert.Throws<InputException>(() => TemplateRenderer.Render(Write("t.sbn", source), Model.Value, limits));
        Assert.DoesNotContain("Scriban", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Theory]
    [InlineData("正文\n  {{ if problems }}\n有问题\n", 2, "块（if/for/while 等）没有对应的 end", "{{ if problems }}")]
    [InlineData("# 标题\n\n预算{{ totals.finalBudget }}万元", 3, "成员“finalBudget”不存在", "{{ totals.finalBudget }}")]
    [InlineData("{{ for line in projectLines }}\n{{ line.name }}：{{ budget }}\n{{ end }}", 2, "变量或函数“budget”不存在", "{{ budget }}")]
    [InlineData("第一行\n金额{{ money totals.final }}万元", 2, "变量或函数“money”不存在", "{{ money totals.final }}")]
    [InlineData("\n\n{{ wan }}", 3, "函数“wan”需要 1 个参数，实际给了 0 个", "{{ wan }}")]
    [InlineData("\n{{ wan department.name }}", 2, "函数 wan 需要数字参数，实际是“中共株洲市石峰区委员会宣传部”", "{{ wan department.name }}")]
    [InlineData("正文\n{{ table \"收入支出表\" }}", 2, "表格“收入支出表”不存在", "{{ table \"收入支出表\" }}")]
    [InlineData("x\n{{ include '不存在' }}", 2, "找不到片段“不存在”", "{{ include '不存在' }}")]
    [InlineData("x\n{{ department.name + }}", 2, "运算符右边缺少表达式", "{{ department.name + }}")]
    [InlineData("x\n{{ end }}", 2, "end 没有对应的块开头", "{{ end }}")]
    [InlineData("x\n{{ placeholder \"原因\" \"基本信息\" \"原因\" }}", 2, "placeholder 的第三个参数应是基本信息中的一项（如“存在问题”），“原因”不是基本信息的项目", "{{ placeholder \"原因\" \"基本信息\" \"原因\" }}")]
    public void Template_errors_are_in_Chinese_with_file_line_column_and_the_text(string source, int line, string message, string excerpt)
    {
        var error = Fails(source);

        Assert.StartsWith($"模板 t.sbn 第 {line} 行第 ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"：“{excerpt}”。", error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Location.Row);
        Assert.NotNull(error.Location.Column);
        Assert.EndsWith("t.sbn", error.Location.File, StringComparison.Ordinal);
    }

    [Fact]
    public void The_column_is_where_the_mistake_starts()
    {
        var error = Fails("# {{ department.name }}\n\n预算{{ totls.final }}万元");

        Assert.Equal("模板 t.sbn 第 3 行第 6 列：变量或函数“totls”不存在（模板可用的变量和函数见 templates/README.md）：“{{ totls.final }}”。", error.Message);
        Assert.Equal(6, error.Location.Column);
    }

    [Fact]
    public void An_error_in_a_partial_names_the_partial()
    {
        Write("partials/坏片段.sbn", "一\n二{{ nothing_here }}");

        var error = Fails("正文\n{{ include '坏片段' }}");

        Assert.StartsWith("模板 坏片段.sbn 第 2 行第 ", error.Message, StringComparison.Ordinal);
        Assert.Contains("“nothing_here”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_that_does_not_parse_is_reported_where_it_is_wrong()
    {
        Write("partials/未结束.sbn", "一\n{{ for x in lines }}");

        var error = Fails("{{ include '未结束' }}");

        Assert.StartsWith("模板 未结束.sbn 第 2 行第 ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ if department }}a{{ else if lines }}b{{ else }}c{{ end }}", "a")]
    [InlineData("{{ for line in lines }}{{ line.name | string.size > 0 }}{{ end }}", "true")]
    [InlineData("{{ department.facts[\"编制数\"] }}|{{ fact \"编制数\" }}", "|")]
    [InlineData("{{ 1.005 | wan }}|{{ cn 12 }}|{{ ordinal 2 2 }}|{{ placeholder \"原因\" }}", "1.01|十二|（二）|【待填写：原因】")]
    [InlineData("{{ heading 1 \"甲\" }}\n{{ heading 2 \"乙\" }}\n{{ heading 2 \"丙\" }}\n{{ heading 3 \"子\" }}\n{{ heading 1 \"丁\" }}\n{{ heading 2 \"戊\" }}",
        "## 一、甲\n### （一）乙\n### （二）丙\n#### 1.子\n## 二、丁\n### （一）戊")]
    public void Well_formed_templates_render(string source, string expected)
    {
        var text = ReportMarkup.Plain(TemplateRenderer.Render(Write("ok.sbn", source), Model.Value));

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    /// <summary>A template that does not parse is not kept: every render reports its error again, located.</summary>
    [Theory]
    [InlineData("正文\n  {{ if problems }}\n有问题\n", "第 2 行第 ")]
    [InlineData("{{ for l in lines }}{{ l.name }}{{ end }}\n{{ 没有这个变量 }}\n", "第 2 行")]
    public void A_template_with_an_error_reports_it_at_every_render(string source, string where)
    {
        var path = Write("again.sbn", source);

        var first = Assert.Throws<InputException>(() => TemplateRenderer.Render(path, Model.Value));
        var second = Assert.Throws<InputException>(() => TemplateRenderer.Render(path, Model.Value));

        Assert.Contains(where, first.Message, StringComparison.Ordinal);
        Assert.Equal(first.Message, second.Message);
    }

    /// <summary>Parsed templates are kept between renders by their files' stamps: an edited template or partial, or a partial added, is read again.</summary>
    [Fact]
    public void An_edited_template_or_partial_is_read_again()
    {
        var path = Write("edited.sbn", "甲{{ include '片段' }}");
        Write("partials/片段.sbn", "乙");
        Assert.Contains("甲乙", ReportMarkup.Plain(TemplateRenderer.Render(path, Model.Value)), StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_dir, "partials", "片段.sbn"), "丙丙");
        Assert.Contains("甲丙丙", ReportMarkup.Plain(TemplateRenderer.Render(path, Model.Value)), StringComparison.Ordinal);

        File.WriteAllText(path, "丁丁{{ include '片段' }}{{ include '新片段' }}");
        Write("partials/新片段.sbn", "戊");
        Assert.Contains("丁丁丙丙戊", ReportMarkup.Plain(TemplateRenderer.Render(path, Model.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_prepared_for_a_batch_renders_as_it_was_read_even_after_an_edit()
    {
        var path = Write("batch.sbn", "甲{{ include '片段' }}");
        Write("partials/片段.sbn", "乙");
        var prepared = TemplateRenderer.Prepare(path);

        File.WriteAllText(Path.Combine(_dir, "partials", "片段.sbn"), "丙丙");
        File.WriteAllText(path, "丁{{ include '片段' }}");

        // Every report of the batch from the one reading; the next single render reads the edits.
        Assert.Contains("甲乙", ReportMarkup.Plain(TemplateRenderer.RenderWithWords(prepared, Model.Value).Text), StringComparison.Ordinal);
        Assert.Contains("甲乙", ReportMarkup.Plain(TemplateRenderer.RenderWithWords(prepared, Model.Value).Text), StringComparison.Ordinal);
        Assert.Contains("丁丙丙", ReportMarkup.Plain(TemplateRenderer.Render(path, Model.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void Preparing_a_template_that_does_not_parse_fails_located()
    {
        var path = Write("broken.sbn", "正文\n{{ if }}");

        var error = Assert.Throws<InputException>(() => TemplateRenderer.Prepare(path));

        Assert.Contains("第 2 行", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_that_includes_itself_is_stopped()
    {
        Write("partials/循环.sbn", "开始{{ include '循环' }}");

        var error = Fails("正文\n{{ include '循环' }}");

        Assert.Contains("嵌套调用超过", error.Message, StringComparison.Ordinal);
        Assert.Contains("片段引用了自身", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ include '../../etc/passwd' }}")]
    [InlineData("{{ include '/etc/passwd' }}")]
    [InlineData("{{ include 'partials/x' }}")]
    public void Partials_from_outside_the_templates_folder_are_refused(string source)
    {
        var error = Fails("x\n" + source);

        Assert.Contains("片段名", error.Message, StringComparison.Ordinal);
        Assert.Contains("无效", error.Message, StringComparison.Ordinal);
        Assert.Contains("第 2 行第 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_while_true_template_ends_quickly_with_a_clear_error()
    {
        var error = Fails("正文\n{{ while true }}字{{ end }}");

        Assert.Contains("循环次数超过上限", error.Message, StringComparison.Ordinal);
        Assert.Contains("第 2 行第 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recursive_function_is_stopped()
    {
        var error = Fails("{{ func f\n  ret f\nend }}\n{{ f }}");

        Assert.Contains("嵌套调用超过", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sixty_thousand_nested_blocks_are_refused_quickly()
    {
        var source = string.Concat(Enumerable.Repeat("{{if 1}}", 60_000)) + string.Concat(Enumerable.Repeat("{{end}}", 60_000));
        var error = Fails(source);

        Assert.Contains("嵌套超过 100 层", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_too_large_is_refused_before_parsing()
    {
        var error = Fails(new string('a', 1_000_001));

        Assert.Contains("超过 1,000,000 个字符", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enormous_output_is_stopped()
    {
        var source = "{{ for a in lines }}{{ for b in lines }}{{ for c in lines }}" + new string('字', 2000) + "{{ end }}{{ end }}{{ end }}";
        var error = Fails(source, new TemplateLimits(TimeSpan.FromSeconds(20), 100_000));
        Assert.Contains("输出超过上限 100,000 个字符，已停止", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_render_past_the_time_limit_is_stopped()
    {
        var source = "{{ for a in 1..1000 }}{{ for b in 1..1000 }}{{ wan b }}{{ end }}{{ end }}";
        var error = Fails(source, new TemplateLimits(TimeSpan.FromMilliseconds(50), 100_000_000) { LoopLimit = 0 });
        Assert.Contains("仍未结束，已停止", error.Message, StringComparison.Ordinal);
    }

    /// <summary>What would let a template read files, the environment, the clock or .NET objects is not there.</summary>
    [Theory]
    [InlineData("{{ object.eval \"1 + 1\" }}")]
    [InlineData("{{ date.now }}")]
    [InlineData("{{ math.random 1 10 }}")]
    [InlineData("{{ string.pad_left \"x\" 1000000000 }}")]
    [InlineData("{{ environment }}")]
    [InlineData("{{ import system }}")]
    public void Unsafe_builtins_are_absent(string source)
    {
        var error = Fails(source);

        Assert.StartsWith("模板 t.sbn 第 1 行第 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_template_name_lists_the_available_ones()
    {
        var error = Assert.Throws<InputException>(() => TemplateRenderer.Resolve("hubei", Repo.Templates));
        Assert.Contains("default、guangdong、hebei、hunan、sichuan", error.Message, StringComparison.Ordinal);
    }
}
