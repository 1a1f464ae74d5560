namespace ReportGen.Tests.Import;

/// <summary>
/// The Chengde 高新区 宣传部 2024 部门整体绩效目标, as published in its budget document, rebuilt as a .docx: headings
/// as paragraphs (with the document's "2、 分项绩效目标" after "一、"), duties broken mid-sentence over paragraphs,
/// spaces a PDF conversion left inside words ("认 真完成", "综合业务管理 工作完成率"), cells that start with an empty
/// paragraph, and each 科室's 绩效指标 table with its 评价标准 header merged over 优 / 良 / 中 / 差. The cover title is
/// the budget document's own; the rest follows the published text.
/// </summary>
public static class HebeiDepartmentDocument
{
    public const string Department = "中共承德高新区工作委员会宣传部";

    private static FormGrid Standards(params string[] names) => new([
        ["\n绩效指标", "评价标准", "<", "<", "<"],
        ["^", "\n优", "\n良", "\n中", "\n差"],
        .. names.Select(name => new[] { "\n" + name, "\n100%", "\n90%", "\n80%", "\n60%以下" }),
    ]);

    public static IReadOnlyList<object> Blocks =>
    [
        $"{Department}2024年部门预算",
        " 第一部分",
        "部门整体绩效目标",
        "一、总体绩效目标",
        "贯彻落实上级有关宣传工作的各项政策。指导全区宣传工作，宣传高新区安定团结的政治局面、高新区干部职工求真务实的工作作风、高新区各行各业优秀典型和经验做法、高新区科技创新方面的成效成果；规划组织思想政治工作，指导协调宣传思想文化事业和外宣事业发展；加强精神文明建，牢牢掌握意识形态工作领导权、管理权、话语权，弘扬主旋律，汇聚正能量，为经济社会发展提供有力的思想保证、精神动力、舆论支持。",
        "2、 分项绩效目标",
        "（一）综合科",
        "1、围绕单位中心工作，结合工作实际，履行办公室职能，认 真完成综合协调，处理部门日常工作；负责会议组织和各类  后勤保障工作；负责印鉴管理及档案管理，人事、劳资等工  作；负责政务工作的组织协调，办理文电和对外联络等工作； 负责信息撰写上报工作；负责综合性文件起草；负责拟定部  门工作计划、管理制度；负责纪检、党的建设及群团、其他  接待工作。",
        "2.绩效指标：",
        Standards("综合业务管理 工作完成率", "综合文书工作 完成率", "督考、保障工 作完成率"),
        " （二）宣传科：",
        "1.负责指导协调全区理论学习、理论宣传工作。",
        "2.负责区工委理论学习中心组的有关工作。",
        "3.负责规划组织全区思想政治工作任务，组织对全区先进典",
        "型的学习推广。",
        "4.负责全区精神文明建设有关工作，推动区级以上文明单位 创建和群众性精神文明创建，统筹协调全区省级、国家级文",
        "明城市创建工作。",
        "5.负责全区宣传干部队伍业务培训工作。",
        "6.负责协调推进全区文化体制改革和文化产业发展工作。",
        "7.负责全区文学艺术界联合会有关工作。",
        "2、绩效指标：",
        Standards("宣传思想工作", "项目完成率"),
        " （三）传媒科：",
        "1.负责全区新闻宣传管理工作，把握舆论导向和宣传基调，",
        "拟定全区重大问题对外宣传口径。",
        "2.负责全区重点工作在市级、省级及以上媒体的宣传报道工",
        "作。",
        "3.负责按照党管媒体原则，整合区内各类媒体资源，服务全",
        "区经济社会发展。",
        "2、绩效指标：",
        Standards("传媒管理", "重点媒体宣传", "完成率"),
        " （四）财务科：",
        "1、绩效目标：财务科计划完成 2024 年度专项资金 225.87 万元发放。力争完成区内财政交付工作。负责年度经费预、 决算的编制、使用及管理工作；争取国家及省、市的政策性 配套资金，负责资金调配，按受审计部门的专项资金审计。",
        "2、绩效指标：",
        Standards("资金使用率", "支出的相关性", "支出的合规性"),
        "三、工作保障措施",
        "（1）2024 年我单位计划完成以下工作内容：",
        "1、继续完成高新区专项项目工作；",
        "2、 围绕全年目标，进行动态监测，确保各项工作顺利",
        "完成；",
    ];

    /// <summary>The indicators as the document names them (spaces inside words removed), by 科室.</summary>
    public static readonly (string Office, string Name)[] Indicators =
    [
        ("综合科", "综合业务管理工作完成率"), ("综合科", "综合文书工作完成率"), ("综合科", "督考、保障工作完成率"),
        ("宣传科", "宣传思想工作"), ("宣传科", "项目完成率"),
        ("传媒科", "传媒管理"), ("传媒科", "重点媒体宣传"), ("传媒科", "完成率"),
        ("财务科", "资金使用率"), ("财务科", "支出的相关性"), ("财务科", "支出的合规性"),
    ];
}
