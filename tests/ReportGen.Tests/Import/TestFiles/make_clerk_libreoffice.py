#!/usr/bin/env python3
"""Writes 石峰工作簿-libreoffice.xlsx: a clerk's workbook dressed as a clerk would dress it, saved by LibreOffice Calc.
Run once with /usr/bin/python3 make_clerk_libreoffice.py (needs soffice); the .xlsx is committed so CI needs neither.
The source package is written here by hand (stdlib only) and converted with
`soffice --headless --convert-to xlsx`, so the committed file is LibreOffice's own output: its styles, its
shared strings, its drawing, chart and comment parts (with VML), its data validation and conditional format.
In 绩效指标 (a sheet the import edits): a bold red header on yellow, a 40-wide first column, a frozen header row
(which headless LibreOffice drops: it writes no view settings), a comment on F2, a formula in G2 (=2+3), a drop-down
on H, a conditional format on I, row 3 hidden, column J hidden.
The extra sheet 备注 holds italic text and a bar chart of the 预算执行 amounts."""
import os, shutil, subprocess, tempfile, zipfile
from xml.sax.saxutils import escape

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

def col(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s

def cell(ref, v, s=0):
    st = f' s="{s}"' if s else ""
    if v is None:
        return f'<c r="{ref}"{st}/>'
    if isinstance(v, tuple):  # formula, cached value
        return f'<c r="{ref}"{st}><f>{escape(v[0])}</f><v>{v[1]}</v></c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"{st}><v>{v}</v></c>'
    return f'<c r="{ref}"{st} t="inlineStr"><is><t>{escape(v)}</t></is></c>'

def sheet(rows, header_style=0, extra_before="", extra_after="", row_attrs=None):
    out = []
    for i, r in enumerate(rows, 1):
        attrs = (row_attrs or {}).get(i, "")
        cells = "".join(cell(f"{col(j)}{i}", v, header_style if i == 1 else 0) for j, v in enumerate(r, 1))
        out.append(f'<row r="{i}"{attrs}>{cells}</row>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {NS}>{extra_before}<sheetData>{"".join(out)}</sheetData>{extra_after}</worksheet>'

info = [["项目", "内容"], ["部门名称", "中共株洲市石峰区委员会宣传部"], ["年度", 2023], ["金额单位", "万元"], ["编制数", 12]]
lines = [["项目名称", "支出类别", "来源", "年初预算数", "调整数", "全年预算数", "实际支出数", "结余结转数"],
         ["基本支出", "基本支出", "年初预算", 231.42, 18.56, ("D2+E2", 249.98), 245.8, ("F2-G2", 4.18)],
         ["融媒体中心专项经费", "项目支出", "年初预算", 30, 8.72, ("D3+E3", 38.72), 38.57, ("F3-G3", 0.15)]]
indicators = [["归属", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "完成情况", "得分", "内部编号"],
              ["融媒体中心专项经费", "产出指标", "数量指标", "全年宣传报道", "≥2000篇", "2886篇次", ("2+3", 5), "部分达成", 4.81, "X-1"],
              ["融媒体中心专项经费", "产出指标", "质量指标", "旧指标（已隐藏）", "100%", "", None, "", None, "X-2"]]
tasks = [["事项", "责任单位", "工作目标", "完成情况"], ["学习宣传", "宣传部", "旧目标", "已完成全年学习计划"]]
targets = [["项目名称", "所属专项", "项目金额", "实施期", "实施期目标", "年度目标", "实际完成情况"],
           ["融媒体中心专项经费", "融媒体中心专项经费", 30, "2023年全年", "", "", "完成年度目标"]]
notes = [["自己的笔记：第 2 季度核对过融媒体中心的发票。"]]

ind_before = ('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
              '<cols><col min="1" max="1" width="40" customWidth="1"/><col min="10" max="10" width="9" hidden="1" customWidth="1"/></cols>')
ind_after = ('<conditionalFormatting sqref="I2:I100"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>3</formula></cfRule></conditionalFormatting>'
             '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="H2:H100"><formula1>"达成,部分达成,未达成"</formula1></dataValidation></dataValidations>'
             '<legacyDrawing r:id="rId2"/>')
ind_after = ind_after.replace('<legacyDrawing r:id="rId2"/>', '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><legacyDrawing r:id="rId2"/>')
notes_after = '<drawing r:id="rId1"/>'

styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><color rgb="FFFF0000"/><sz val="11"/><name val="Calibri"/></font><font><i/><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>'
          '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
          '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs></styleSheet>')

comments = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<authors><author>出纳</author></authors><commentList><comment ref="F2" authorId="0"><text><t>2886 篇次来自宣传科台账</t></text></comment></commentList></comments>')
vml = ('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
       '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
       '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:300pt;margin-top:10pt;width:120pt;height:40pt;z-index:1;visibility:hidden" fillcolor="#ffffe1">'
       '<v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>6, 15, 0, 2, 8, 15, 3, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>5</x:Column></x:ClientData></v:shape></xml>')
drawing = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
           '<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>'
           '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
           '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>')
chart = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
         '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
         '<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>实际支出数</c:v></c:tx><c:cat><c:strRef><c:f>预算执行!$A$2:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>预算执行!$G$2:$G$3</c:f></c:numRef></c:val></c:ser>'
         '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>'
         '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>')

names = ["基本信息", "预算执行", "绩效指标", "重点工作", "项目目标", "备注"]
parts = {
    "xl/worksheets/sheet1.xml": sheet(info, 1),
    "xl/worksheets/sheet2.xml": sheet(lines, 1),
    "xl/worksheets/sheet3.xml": sheet(indicators, 1, ind_before, ind_after, {3: ' hidden="1"'}),
    "xl/worksheets/sheet4.xml": sheet(tasks, 1),
    "xl/worksheets/sheet5.xml": sheet(targets, 1),
    "xl/worksheets/sheet6.xml": sheet(notes, 0, "", notes_after).replace('<c r="A1" t="inlineStr">', '<c r="A1" s="2" t="inlineStr">'),
    "xl/styles.xml": styles,
    "xl/comments1.xml": comments,
    "xl/drawings/vmlDrawing1.vml": vml,
    "xl/drawings/drawing1.xml": drawing,
    "xl/charts/chart1.xml": chart,
}
rel = lambda i, t, target: f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{t}" Target="{target}"/>'
rels = lambda body: f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'
parts["_rels/.rels"] = rels(rel(1, "officeDocument", "xl/workbook.xml"))
parts["xl/_rels/workbook.xml.rels"] = rels("".join(rel(i, "worksheet", f"worksheets/sheet{i}.xml") for i in range(1, 7)) + rel(7, "styles", "styles.xml"))
parts["xl/worksheets/_rels/sheet3.xml.rels"] = rels(rel(1, "comments", "../comments1.xml") + rel(2, "vmlDrawing", "../drawings/vmlDrawing1.vml"))
parts["xl/worksheets/_rels/sheet6.xml.rels"] = rels(rel(1, "drawing", "../drawings/drawing1.xml"))
parts["xl/drawings/_rels/drawing1.xml.rels"] = rels(rel(1, "chart", "../charts/chart1.xml"))
parts["xl/workbook.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {NS}><sheets>'
                            + "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(names, 1)) + '</sheets></workbook>')
ct = "application/vnd.openxmlformats-officedocument."
parts["[Content_Types].xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Default Extension="vml" ContentType="{ct}vmlDrawing"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{ct}spreadsheetml.sheet.main+xml"/>'
    + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{ct}spreadsheetml.worksheet+xml"/>' for i in range(1, 7))
    + f'<Override PartName="/xl/styles.xml" ContentType="{ct}spreadsheetml.styles+xml"/>'
    f'<Override PartName="/xl/comments1.xml" ContentType="{ct}spreadsheetml.comments+xml"/>'
    f'<Override PartName="/xl/drawings/drawing1.xml" ContentType="{ct}drawing+xml"/>'
    f'<Override PartName="/xl/charts/chart1.xml" ContentType="{ct}drawingml.chart+xml"/></Types>')

here = os.path.dirname(os.path.abspath(__file__))
work = tempfile.mkdtemp()
source = os.path.join(work, "石峰工作簿-libreoffice.xlsx")
with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ["[Content_Types].xml"] + [n for n in parts if n != "[Content_Types].xml"]:
        z.writestr(name, parts[name])
out = os.path.join(work, "out")
subprocess.run(["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, source], check=True)
shutil.copy(os.path.join(out, "石峰工作簿-libreoffice.xlsx"), here)
shutil.rmtree(work)
