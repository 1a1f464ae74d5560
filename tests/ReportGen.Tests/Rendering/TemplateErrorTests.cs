using ReportGen.Rendering;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>Every template mistake stops with its file, line and column, before or while rendering.</summary>
public sealed class TemplateErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reportgen-tpl-").FullName;
    private static readonly Lazy<TemplateModel> Model = new(() => TemplateModelBuilder.Build(ReportPipeline.Analyze(Repo.SampleCsvFolder)));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string source)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, source);
        return path;
    }

    private InputException Fails(string source, TemplateLimits? limits = null) =>
        Assert.Throws<InputException>(() => TemplateRenderer.Render(Write("t.hbs", source), Model.Value, limits));

    /// <summary>Mistakes Handlebars.Net met with a crash or an English message, now caught by the linter, located.</summary>
    [Theory]
    [InlineData("{{#if department}}a{{else}}b{{else}}c{{/if}}", 1, 29, "一个块中 {{else}} 之后不能再有 {{else}}")]
    [InlineData("甲\n{{#if department}}a{{else}}b{{else if lines}}c{{/if}}", 2, 29, "之后不能再有 {{else}}")]
    [InlineData("{{#if}}x{{/if}}", 1, 1, "块“{{#if}}”需要 1 个参数（条件），给了 0 个")]
    [InlineData("{{#each}}x{{/each}}", 1, 1, "需要 1 个参数（要遍历的列表）")]
    [InlineData("{{#with a b}}x{{/with}}", 1, 1, "需要 1 个参数（对象），给了 2 个")]
    [InlineData("正文{{department.name}}}", 1, 3, "以 {{ 开始却以 }}} 结束")]
    [InlineData("{{lookup}}", 1, 1, "辅助函数“lookup”需要 2–3 个参数")]
    [InlineData("{{a.[b}}", 1, 1, "中的 [ 没有配对的 ]")]
    public void Malformed_blocks_and_tags_are_refused_with_their_place(string source, int line, int column, string message)
    {
        var error = Fails(source);

        Assert.Contains(message, error.Message);
        Assert.Equal(line, error.Location.Row);
        Assert.Equal(column, error.Location.Column);
    }

    [Theory]
    [InlineData("{{#if department}}a{{else if lines}}b{{else}}c{{/if}}")]
    [InlineData("{{#each lines as |line|}}{{line.name}}{{/each}}")]
    [InlineData("{{lookup department \"name\"}}")]
    [InlineData("{{department.[name]}}")]
    public void Well_formed_chains_block_parameters_and_segment_literals_still_render(string source)
    {
        var text = TemplateRenderer.Render(Write("ok.hbs", source), Model.Value);

        Assert.NotEmpty(text);
    }

    /// <summary>generate compiles the template ahead on a thread of its own; errors must still reach the user, located.</summary>
    [Theory]
    [InlineData("正文\n  {{#if problems}}\n有问题\n", "第 2 行第 3 列")]
    [InlineData("{{#each lines}}{{name}}{{/each}}\n{{没有这个变量}}\n", "第 2 行")]
    public async Task A_template_compiled_ahead_reports_its_errors_when_rendered(string source, string where)
    {
        var path = Write("ahead.hbs", source);

        await TemplateRenderer.Precompile(path, _dir);

        var error = Assert.Throws<InputException>(() => TemplateRenderer.Render(path, Model.Value));
        Assert.Contains(where, error.Message);
    }

    [Fact]
    public async Task Compiling_ahead_a_template_that_does_not_exist_throws_nothing_and_render_names_it()
    {
        await TemplateRenderer.Precompile("不存在的模板", _dir);

        var error = Assert.Throws<InputException>(() => TemplateRenderer.Resolve("不存在的模板", _dir));
        Assert.Contains("找不到模板“不存在的模板”", error.Message);
    }

    [Fact]
    public async Task A_template_compiled_ahead_renders_what_it_renders_without()
    {
        var source = File.ReadAllText(Path.Combine(Repo.Templates, "default.hbs"));
        var plain = Write("plain/default.hbs", source);
        var ahead = Write("ahead/default.hbs", source);
        foreach (var partial in Directory.GetFiles(Path.Combine(Repo.Templates, "partials")))
        {
            Write(Path.Combine("plain", "partials", Path.GetFileName(partial)), File.ReadAllText(partial));
            Write(Path.Combine("ahead", "partials", Path.GetFileName(partial)), File.ReadAllText(partial));
        }

        await TemplateRenderer.Precompile(ahead, _dir);

        Assert.Equal(TemplateRenderer.Render(plain, Model.Value), TemplateRenderer.Render(ahead, Model.Value));
    }

    [Fact]
    public void Unclosed_block_names_the_opening_tag()
    {
        var error = Fails("# 标题\n正文\n  {{#if problems}}\n有问题\n");
        Assert.Equal("模板 t.hbs 第 3 行第 3 列：块“{{#if problems}}”没有结束标签 {{/if}}。", error.Message);
        Assert.Equal(3, error.Location.Row);
        Assert.Equal(3, error.Location.Column);
    }

    [Fact]
    public void Mismatched_closing_tag_names_both()
    {
        var error = Fails("{{#each lines}}\n{{name}}\n{{/if}}");
        Assert.StartsWith("模板 t.hbs 第 3 行第 1 列：“{{/if}}”与 t.hbs 第 1 行第 1 列的“{{#each lines}}”不匹配", error.Message);
    }

    [Fact]
    public void Unknown_helper_is_rejected_before_rendering()
    {
        var error = Fails("第一行\n金额{{money totals.final}}万元");
        Assert.StartsWith("模板 t.hbs 第 2 行第 3 列：“{{money totals.final}}”使用了未知的辅助函数“money”", error.Message);
    }

    [Fact]
    public void Unknown_helper_in_a_subexpression_is_rejected()
    {
        var error = Fails("{{#if (bigger totals.final 1)}}x{{/if}}");
        Assert.Contains("未知的辅助函数“bigger”", error.Message);
        Assert.Contains("第 1 行第 1 列", error.Message);
    }

    [Fact]
    public void Wrong_argument_count_is_rejected()
    {
        var error = Fails("\n\n{{wan}}");
        Assert.StartsWith("模板 t.hbs 第 3 行第 1 列：辅助函数“wan”需要 1 个参数", error.Message);
    }

    [Fact]
    public void Unknown_variable_is_located_at_run_time()
    {
        var error = Fails("# {{department.name}}\n\n预算{{totals.finalBudget}}万元");
        Assert.Equal(3, error.Location.Row);
        Assert.Contains("变量“finalBudget”不存在", error.Message);
        Assert.StartsWith("模板 t.hbs 第 3 行第 3 列", error.Message);
    }

    [Fact]
    public void Unknown_variable_inside_a_loop_is_located()
    {
        var error = Fails("{{#each projectLines}}\n{{name}}：{{budget}}\n{{/each}}");
        Assert.StartsWith("模板 t.hbs 第 2 行第 10 列", error.Message);
        Assert.Contains("“budget”", error.Message);
    }

    [Fact]
    public void A_partial_that_includes_itself_is_refused()
    {
        Write("partials/循环.hbs", "开始{{> 循环}}");
        var error = Fails("正文\n{{> 循环}}");
        Assert.Contains("partials", Path.GetDirectoryName(error.Location.File!)!);
        Assert.Contains("片段“循环”引用了自身（t → 循环 → 循环）", error.Message);
    }

    [Fact]
    public void Partials_from_outside_the_templates_folder_are_refused()
    {
        var error = Fails("{{> ../../etc/passwd}}");
        Assert.Contains("片段名“../../etc/passwd”无效", error.Message);
        Assert.Contains("第 1 行第 1 列", error.Message);
    }

    [Fact]
    public void Missing_partial_is_named()
    {
        var error = Fails("x\n{{> 不存在}}");
        Assert.Contains("找不到片段“不存在”", error.Message);
    }

    [Fact]
    public void Unknown_table_is_located()
    {
        var error = Fails("正文\n{{table \"收入支出表\"}}");
        Assert.StartsWith("模板 t.hbs 第 2 行第 1 列", error.Message);
        Assert.Contains("表格“收入支出表”不存在", error.Message);
    }

    [Fact]
    public void Enormous_output_is_stopped()
    {
        var source = "{{#each lines}}{{#each ../lines}}{{#each ../../lines}}" + new string('字', 2000) + "{{/each}}{{/each}}{{/each}}";
        var error = Fails(source, new TemplateLimits(TimeSpan.FromSeconds(20), 100_000));
        Assert.Contains("输出超过 100,000 个字符，已停止", error.Message);
    }

    [Fact]
    public void A_render_past_the_time_limit_is_stopped()
    {
        // 6 × 6 × 6 × 6 × 6 rows of output: fine for the output limit, far past a 1 ms budget.
        var source = "{{#each lines}}{{#each ../lines}}{{#each ../../lines}}{{#each ../../../lines}}{{#each ../../../../lines}}{{wan amounts.final}}{{/each}}{{/each}}{{/each}}{{/each}}{{/each}}";
        var error = Fails(source, new TemplateLimits(TimeSpan.FromMilliseconds(1), 100_000_000));
        Assert.Contains("仍未结束，已停止", error.Message);
    }

    [Fact]
    public void Unclosed_tag_is_located()
    {
        var error = Fails("正文\n金额{{wan totals.final 万元");
        Assert.StartsWith("模板 t.hbs 第 2 行第 3 列：标签“{{wan totals.final 万元”没有结束的 }}", error.Message);
    }

    [Fact]
    public void Unknown_template_name_lists_the_available_ones()
    {
        var error = Assert.Throws<InputException>(() => TemplateRenderer.Resolve("hunan", Repo.Templates));
        Assert.Contains("default", error.Message);
        Assert.Contains("sichuan", error.Message);
    }
}
