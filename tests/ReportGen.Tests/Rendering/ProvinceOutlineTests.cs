using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The Hunan and Guangdong outlines: the chapters per fund follow the 资金来源 column, the user's 基本信息 texts
/// replace their placeholders, and a split that cannot be known is asked for, never assumed.
/// </summary>
public sealed class ProvinceOutlineTests
{
    private static string Render(WorkbookBuilder workbook, string template) =>
        ReportRenderer.RenderText(TemplateModelBuilder.Build(workbook.Analyze()), TemplateRenderer.Resolve(template, Repo.Templates));

    private static string Chapter(string text, string heading)
    {
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no “{heading}” in:\n{text}");
        var next = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return next < 0 ? text[start..] : text[start..next];
    }

    private static WorkbookBuilder TwoFunds() => WorkbookBuilder.Create("某县体育局", "2024")
        .Line("基本支出", "基本支出", 100m, 0m, 100m, 99m, 1m, funding: "一般公共预算")
        .Line("赛事经费", "项目支出", 40m, 10m, 50m, 45m, 5m, funding: "一般公共预算", purpose: "举办县运会")
        .Line("健身路径建设", "项目支出", 30m, 0m, 30m, 21m, 9m, funding: "政府性基金", purpose: "新建健身路径");

    [Fact]
    public void Hunan_splits_spending_by_fund_and_states_the_funds_without_spending()
    {
        var text = Render(TwoFunds(), "hunan");

        var general = Chapter(text, "## 二、一般公共预算支出情况");
        Assert.Contains("一般公共预算支出全年预算150.00万元", general, StringComparison.Ordinal);
        Assert.Contains("实际支出144.00万元，执行率96.00%，结余结转6.00万元", general, StringComparison.Ordinal);
        Assert.Contains("共1个项目", general, StringComparison.Ordinal);
        Assert.Contains("1.年初预算项目“赛事经费”", general, StringComparison.Ordinal);
        Assert.DoesNotContain("健身路径建设", general, StringComparison.Ordinal);

        var fund = Chapter(text, "## 三、政府性基金预算支出情况");
        Assert.Contains("政府性基金预算支出全年预算30.00万元，实际支出21.00万元，执行率70.00%，结余结转9.00万元", fund, StringComparison.Ordinal);
        Assert.Contains("（一）年初预算项目“健身路径建设”", fund, StringComparison.Ordinal);

        Assert.Contains("2024年度无国有资本经营预算支出。", Chapter(text, "## 四、国有资本经营预算支出情况"), StringComparison.Ordinal);
        Assert.Contains("2024年度无社会保险基金预算支出。", Chapter(text, "## 五、社会保险基金预算支出情况"), StringComparison.Ordinal);
        Assert.Contains("预算执行率", Chapter(text, "## 六、部门整体支出绩效情况"), StringComparison.Ordinal);
        Assert.Contains("【待填写：自评结果拟应用和公开情况", Chapter(text, "## 九、部门整体支出绩效自评结果拟应用和公开情况"), StringComparison.Ordinal);
    }

    /// <summary>hunan.sbn numbers a fund's lines by the model's list of them (funds.*.lines), not by counting in the template.</summary>
    [Fact]
    public void Hunan_numbers_each_funds_lines_in_order_whatever_lies_between()
    {
        var text = Render(TwoFunds()
            .Line("体彩公益金项目", "项目支出", 10m, 0m, 10m, 10m, 0m, funding: "政府性基金")
            .Line("场馆维护", "项目支出", 20m, 0m, 20m, 20m, 0m, funding: "一般公共预算"), "hunan");

        var general = Chapter(text, "一般公共预算支出情况");
        Assert.Contains("\n1.年初预算项目“赛事经费”", general, StringComparison.Ordinal);
        Assert.Contains("\n2.年初预算项目“场馆维护”", general, StringComparison.Ordinal);
        Assert.DoesNotContain("体彩公益金项目", general, StringComparison.Ordinal);
        var government = Chapter(text, "政府性基金预算支出情况");
        Assert.Contains("\n（一）年初预算项目“健身路径建设”", government, StringComparison.Ordinal);
        Assert.Contains("\n（二）年初预算项目“体彩公益金项目”", government, StringComparison.Ordinal);
    }

    /// <summary>The sentences about a low rate or a large carry-over state the thresholds the analysis judged by (thresholds), never a typed figure.</summary>
    [Fact]
    public void The_low_rate_sentence_states_the_threshold_the_analysis_judged_by()
    {
        var model = TemplateModelBuilder.Build(TwoFunds().Line("场馆维护", "项目支出", 10m, 0m, 10m, 5m, 5m, funding: "一般公共预算").Analyze());

        Assert.Equal(ReportGen.Analysis.VarianceCalculator.LowRateThreshold * 100m, model.Thresholds.LowRate);
        Assert.Equal(ReportGen.Analysis.VarianceCalculator.LargeCarryOverShare * 100m, model.Thresholds.LargeCarryOver);
        var text = ReportRenderer.RenderText(model, TemplateRenderer.Resolve("default", Repo.Templates));
        Assert.Contains("该项目执行率50.00%，低于90%，结余结转5.00万元", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_funds_or_an_unstated_source_leave_the_fund_chapters_to_the_user()
    {
        var other = Render(TwoFunds().Line("协会补助", "项目支出", 5m, 0m, 5m, 5m, 0m, funding: "其他资金"), "hunan");
        Assert.Contains("【待填写：国有资本经营预算支出情况，如无，写“无国有资本经营预算支出。”（基本信息）】", Chapter(other, "## 四、国有资本经营预算支出情况"), StringComparison.Ordinal);
        Assert.Contains("【待填写：社会保险基金预算支出情况", Chapter(other, "## 五、社会保险基金预算支出情况"), StringComparison.Ordinal);

        var unstated = Render(TwoFunds().Line("协会补助", "项目支出", 5m, 0m, 5m, 5m, 0m), "hunan");
        var general = Chapter(unstated, "## 二、一般公共预算支出情况");
        Assert.Contains("部门支出全年预算185.00万元，实际支出170.00万元", general, StringComparison.Ordinal);
        Assert.Contains("【待填写：每项支出的资金来源（一般公共预算、政府性基金或其他资金），填在“资金来源”列，才能区分一般公共预算支出（预算执行）】", general, StringComparison.Ordinal);
        Assert.Contains("【待填写：政府性基金预算支出情况", Chapter(unstated, "## 三、政府性基金预算支出情况"), StringComparison.Ordinal);
        Assert.DoesNotContain("无政府性基金预算支出。", unstated.Replace("“无政府性基金预算支出。”", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_users_texts_in_basic_information_replace_the_placeholders()
    {
        var workbook = TwoFunds()
            .Line("协会补助", "项目支出", 5m, 0m, 5m, 5m, 0m, funding: "其他资金")
            .Info("自评依据", "《关于开展2024年度预算绩效自评工作的通知》")
            .Info("国有资本经营预算支出情况", "本部门无国有资本经营预算支出。")
            .Info("社会保险基金预算支出情况", "本部门无社会保险基金预算支出。")
            .Info("自评结果拟应用和公开情况", "自评结果作为2025年预算安排的依据，随部门决算公开。");

        var hunan = Render(workbook, "hunan");
        Assert.Contains("根据《关于开展2024年度预算绩效自评工作的通知》，某县体育局对2024年度部门整体支出情况组织开展了绩效自评", hunan, StringComparison.Ordinal);
        Assert.Contains("本部门无国有资本经营预算支出。", Chapter(hunan, "## 四、"), StringComparison.Ordinal);
        Assert.Contains("本部门无社会保险基金预算支出。", Chapter(hunan, "## 五、"), StringComparison.Ordinal);
        Assert.Contains("自评结果作为2025年预算安排的依据", Chapter(hunan, "## 九、"), StringComparison.Ordinal);
        Assert.DoesNotContain("【待填写：国有资本经营", hunan, StringComparison.Ordinal);

        var guangdong = Render(workbook, "guangdong");
        Assert.Contains("根据《关于开展2024年度预算绩效自评工作的通知》要求，某县体育局开展了2024年度部门整体支出绩效自评", guangdong, StringComparison.Ordinal);
        Assert.Contains("自评结果作为2025年预算安排的依据", Chapter(guangdong, "## 六、其他需要说明的问题"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_for_an_outline_only_item_names_its_cell()
    {
        var workbook = TwoFunds().Row("基本信息", "自评结果应用情况", null);

        var text = Render(workbook, "hunan");

        var row = workbook.Rows("基本信息").Count;
        Assert.Contains($"【待填写：自评结果拟应用和公开情况，如用于下年预算安排、随部门决算公开（基本信息!B{row}）】", Chapter(text, "## 九、"), StringComparison.Ordinal);
    }

    [Fact]
    public void Guangdong_gives_the_budget_by_fund_and_the_management_findings()
    {
        var text = Render(TwoFunds(), "guangdong");

        var spending = Chapter(text, "## 二、部门整体支出情况");
        Assert.Contains("部门预算收入180.00万元，其中年初预算170.00万元，年中调整追加10.00万元。按资金来源分，一般公共预算150.00万元，政府性基金预算30.00万元。", spending, StringComparison.Ordinal);
        Assert.Contains("共2个项目", spending, StringComparison.Ordinal);

        var analysis = Chapter(text, "## 三、绩效自评分析");
        Assert.Contains("### （一）履职效能", analysis, StringComparison.Ordinal);
        Assert.Contains("“健身路径建设”执行率70.00%，低于90%，结余结转9.00万元，【待填写：执行率偏低的原因（预算执行!L4）】。", analysis, StringComparison.Ordinal);
        Assert.Contains("1.“赛事经费”年中调增10.00万元，【待填写：预算调整原因（预算执行!L3）】。", analysis, StringComparison.Ordinal);
        Assert.Contains("【待填写：部门整体绩效指标，填写后计算自评得分及等次（绩效指标）】", analysis, StringComparison.Ordinal);
    }

    [Fact]
    public void Sichuan_opens_with_its_published_chapters_and_says_each_fact_once()
    {
        var workbook = TwoFunds().Info("预算单位数", "1").Info("内设机构", "办公室").Info("编制数", "12").Info("实有人数", "15")
            .Info("主要职责", "（一）负责全县体育工作。\n（二）组织群众体育活动。");

        var text = Render(workbook, "sichuan");

        var overview = Chapter(text, "## 一、部门概况");
        Assert.Contains("### （一）机构组成\n某县体育局现有预算单位1个。内设机构：办公室。\n### （二）机构职能\n1.负责全县体育工作。\n2.组织群众体育活动。\n### （三）人员概况\n人员编制数12个。全部共有人员15人。", overview, StringComparison.Ordinal);
        var money = Chapter(text, "## 二、部门财政资金收支情况");
        Assert.Contains("本年财政资金收入合计180.00万元，其中基本支出100.00万元，占55.56%；项目支出80.00万元，占44.44%。", money, StringComparison.Ordinal);
        Assert.Contains("本年财政资金支出合计165.00万元，其中基本支出99.00万元，占60.00%；项目支出66.00万元，占40.00%。", money, StringComparison.Ordinal);
        var management = Chapter(text, "## 三、部门整体预算绩效管理情况");
        foreach (var heading in new[] { "### （一）部门预算管理", "#### 1.预算编制", "#### 2.预算执行", "#### 3.结转结余", "#### 4.预算调整",
                     "#### 5.“三公”经费", "#### 6.政府采购", "#### 7.资产管理", "### （二）专项预算管理", "### （三）项目绩效", "### （五）结果应用情况" })
        {
            Assert.Contains(heading + "\n", management, StringComparison.Ordinal);
        }

        Assert.Contains("全年预算较年初预算增加10.00万元，其中项目支出增加10.00万元。", management, StringComparison.Ordinal);
        Assert.Contains("结余结转达全年预算20%以上的项目：“健身路径建设”9.00万元", management, StringComparison.Ordinal);
        Assert.Contains("【待填写：三公经费情况：“三公”经费预算及支出（基本信息）】", management, StringComparison.Ordinal);
        Assert.Contains("@plain 附件2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_workbook_does_not_hold_is_written_from_basic_information_or_asked_for_at_its_cell()
    {
        var workbook = TwoFunds().Info("政府采购情况", "全年政府采购12.00万元，均按规定程序实施。").Row("基本信息", "资产管理情况", null);
        var analysis = workbook.Analyze();

        var (checkedAnalysis, document) = GenerateJob.Render(analysis, TemplateRenderer.Resolve("sichuan", Repo.Templates));

        var text = string.Join("\n", ReportGen.Rendering.ReportMarkup.Texts(document));
        Assert.Contains("全年政府采购12.00万元，均按规定程序实施。", text, StringComparison.Ordinal);
        var row = workbook.Rows("基本信息").Count;
        Assert.Contains($"【待填写：资产管理情况：资产配置、使用和处置（基本信息!B{row}）】", text, StringComparison.Ordinal);
        Assert.Contains(checkedAnalysis.Findings, f => f.Code == ReportGen.Model.FindingCodes.OutlineItemMissing && f.Location.ToString() == $"基本信息!B{row}");
        Assert.Contains(checkedAnalysis.Findings, f => f.Code == ReportGen.Model.FindingCodes.OutlineItemMissing && f.Message.Contains("“三公”经费", StringComparison.Ordinal));
        Assert.DoesNotContain(checkedAnalysis.Findings, f => f.Code == ReportGen.Model.FindingCodes.OutlineItemMissing && f.Message.Contains("政府采购", StringComparison.Ordinal));
    }

    [Fact]
    public void Hebei_gives_each_office_its_key_tasks_and_each_indicator_its_result()
    {
        var workbook = TwoFunds().Info("年度总体目标", "全面完成全民健身工作。")
            .Sheet("重点工作", ["事项", "责任单位", "工作目标", "完成情况"],
                ["办公室日常运转", "综合科", "文电办理及时", "全年办理文电120件。"],
                ["群众体育赛事", "群体科", "举办赛事10场", "举办赛事12场。"],
                ["档案管理", "综合科", "档案规范", null])
            .Indicator("部门整体", "产出指标", "数量指标", "举办赛事场次", "≥10场", "12场");

        var text = Render(workbook, "hebei");

        Assert.Contains("## 三、总体绩效目标完成情况\n总体绩效目标：全面完成全民健身工作。", text, StringComparison.Ordinal);
        var offices = Chapter(text, "## 四、分项绩效目标完成情况");
        Assert.Contains("### （一）综合科\n1.办公室日常运转：文电办理及时。完成情况：全年办理文电120件。\n2.档案管理：档案规范。【待填写：该项工作的完成情况（重点工作!D4）】", offices, StringComparison.Ordinal);
        Assert.Contains("### （二）群体科\n1.群众体育赛事：举办赛事10场。完成情况：举办赛事12场。", offices, StringComparison.Ordinal);
        Assert.Contains("### （三）绩效指标完成情况\n1.举办赛事场次：指标值≥10场，实际完成12场，达成。", offices, StringComparison.Ordinal);
        Assert.Contains("## 五、项目支出绩效情况\n全年项目支出66.00万元，共2个项目", text, StringComparison.Ordinal);
        Assert.Contains("### （一）赛事经费", text, StringComparison.Ordinal);
        Assert.Contains("## 八、结果应用", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("sichuan")]
    [InlineData("hunan")]
    [InlineData("guangdong")]
    [InlineData("hebei")]
    public void Every_outline_offers_the_cover_block_and_the_basis_sentence(string outline)
    {
        var plain = Render(TwoFunds(), outline);
        Assert.DoesNotContain("评价单位：", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("根据", plain.Split("\n## ")[0], StringComparison.Ordinal);

        var workbook = TwoFunds().Info("自评依据", "《关于开展2024年度部门整体支出绩效自评工作的通知》（某财绩〔2025〕3号）")
            .Info("评价单位", "某县体育局").Info("填报日期", "2025年3月15日");
        var text = Render(workbook, outline);

        var opening = text.Split("\n## ")[0];
        Assert.Contains("@center 评价年度：2024年度\n@center 评价单位：某县体育局\n@center 填报日期：2025年3月15日", opening, StringComparison.Ordinal);
        Assert.Contains("根据《关于开展2024年度部门整体支出绩效自评工作的通知》（某财绩〔2025〕3号）", opening, StringComparison.Ordinal);
        Assert.Contains("现将自评", opening, StringComparison.Ordinal);
    }
}
