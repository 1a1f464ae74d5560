#!/usr/bin/env python3
"""Writes hebei-python-docx.docx: the Hebei 项目绩效目标表 of PublishedForms.Hebei, but laid out by python-docx
(apt: python3-docx), so the reader is tested against another program's Word output. Run once with
/usr/bin/python3 make_hebei_python_docx.py; the .docx is committed so CI needs no Python.
python-docx merges cells by moving their paragraphs into the first cell (leaving empty paragraphs), writes
vMerge/gridSpan itself, and keeps the title as a body paragraph outside the table."""
from docx import Document

rows = [
    ["项目编码", "13013124P00123456789", "<", "项目名称", "乡村文化振兴专项资金", "<", "<"],
    ["主管部门", "中共平山县委宣传部", "<", "实施单位", "平山县文化馆", "<", "<"],
    ["项目预算数", "预算数", "<", "其中：财政资金", "<", "其他资金", "<"],
    ["^", "120.00", "<", "100.00", "<", "20.00", "<"],
    ["资金支出计划（%）", "3月底", "6月底", "<", "10月底", "12月底", "<"],
    ["^", "20%", "50%", "<", "80%", "100%", "<"],
    ["项目实施期", "2024年1月至12月", "<", "<", "<", "<", "<"],
    ["绩效目标", "全年组织送戏下乡演出60场以上，扶持农村业余文艺队伍20支，丰富农村群众文化生活。", "<", "<", "<", "<", "<"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
    ["^", "产出指标", "数量指标", "送戏下乡演出场次", "全年组织专业院团送戏下乡演出场次", "≥60场", "年度工作计划"],
    ["^", "^", "^", "扶持农村文艺队伍数量", "扶持村级业余文艺队伍", "≥20支", "县文化馆摸底数据"],
    ["^", "^", "质量指标", "演出验收合格率", "经乡镇综合文化站验收合格的演出比例", "100%", "项目管理办法"],
    ["^", "^", "时效指标", "资金支付及时率", "按合同约定时间支付资金的比例", "≥95%", "财政支付管理规定"],
    ["^", "^", "成本指标", "单场演出补助标准", "每场演出补助金额", "≤1.5万元", "县财政补助标准"],
    ["^", "效益指标", "社会效益指标", "受益群众人次", "观看演出的农村群众人次", "≥3万人次", "上年实际观演人次"],
    ["^", "^", "可持续影响指标", "农村文艺队伍持续活跃", "扶持队伍全年开展活动的情况", "长期", "乡村振兴规划"],
    ["^", "满意度指标", "服务对象满意度指标", "群众满意度", "抽样调查观演群众的满意度", "≥90%", "满意度调查"],
]

document = Document()
document.add_paragraph("项目绩效目标表")
document.add_paragraph("（2024年度）")
document.add_paragraph("填报单位：（盖章）中共平山县委宣传部　　　　单位：万元")
table = document.add_table(rows=len(rows), cols=7)
table.style = "Table Grid"
for r, cells in enumerate(rows):
    for c, text in enumerate(cells):
        if text not in ("<", "^"):
            table.cell(r, c).text = text
for r, cells in enumerate(rows):
    for c, text in enumerate(cells):
        if text in ("<", "^"):
            continue
        right = c
        while right + 1 < len(cells) and cells[right + 1] == "<":
            right += 1
        down = r
        while down + 1 < len(rows) and rows[down + 1][c] == "^":
            down += 1
        if right > c or down > r:
            table.cell(r, c).merge(table.cell(down, right))
document.add_paragraph("审核人：　　　　填表人：　　　　联系电话：")
document.core_properties.author = "python-docx"
document.save("hebei-python-docx.docx")
