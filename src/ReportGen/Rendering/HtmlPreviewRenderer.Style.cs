namespace ReportGen.Rendering;

internal static partial class HtmlPreviewRenderer
{
    /// <summary>
    /// The page's only style sheet. On screen the report sits on a white A4-wide sheet; printed, each part starts a
    /// page, table headers repeat, rows do not split, and placeholders keep their yellow (and an underline, for a
    /// black-and-white printer). Fonts follow the .docx's (GB/T 9704) with the CJK fonts common on each system after.
    /// </summary>
    private const string Css = """
        :root { --serif: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
                --sans: "SimHei", "黑体", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
                --kai: "KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "Noto Serif CJK SC", serif; }
        * { box-sizing: border-box; }
        html { background: #e9ecef; }
        body { margin: 0 auto; max-width: 230mm; padding: 16px; font: 16px/1.7 var(--sans); color: #1b1b1b; }
        header.summary, section { background: #fff; border-radius: 6px; padding: 20px 28px; margin: 0 0 16px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
        header.summary h1 { font-size: 22px; margin: 0 0 12px; }
        .kicker { margin: 0; color: #666; font-size: 14px; }
        dl.figures { display: flex; flex-wrap: wrap; gap: 10px 28px; margin: 0 0 12px; }
        dl.figures dt { font-size: 13px; color: #666; }
        dl.figures dd { margin: 0; font-size: 20px; font-weight: bold; }
        .alert { background: #fdecea; border-left: 4px solid #c62828; padding: 8px 12px; }
        nav a { margin-right: 18px; }
        h2.part { font: bold 18px var(--sans); border-bottom: 2px solid #1f4e79; padding-bottom: 4px; margin: 0 0 16px; color: #1f4e79; }
        mark.placeholder { background: #ffeb3b; color: inherit; border-bottom: 1px dashed #8d6e00; padding: 0 1px; }
        article.report { font: 16pt/1.8 var(--serif); }
        article.report h1.title { font: bold 22pt/1.5 var(--serif); text-align: center; margin: 12px 0 24px; }
        article.report h2, article.report h3, article.report h4, article.report h5 { font-size: 16pt; margin: 0; line-height: 1.8; text-indent: 2em; }
        article.report h2 { font-family: var(--sans); font-weight: normal; }
        article.report h3 { font-family: var(--kai); font-weight: normal; }
        article.report h4 { font-family: var(--serif); font-weight: bold; }
        article.report h5 { font-family: var(--serif); font-weight: normal; }
        article.report p { margin: 0; text-align: justify; }
        article.report p.body { text-indent: 2em; }
        article.report p.center { text-align: center; }
        article.report p.right { text-align: right; }
        hr.page-break { border: 0; border-top: 1px dashed #999; margin: 24px 0; }
        table { border-collapse: collapse; width: 100%; margin: 12px 0; font: 10.5pt/1.5 var(--serif); }
        caption { font: bold 12pt var(--sans); padding: 6px 0; }
        th, td { border: 1px solid #333; padding: 3px 5px; vertical-align: middle; }
        th { background: #f2f2f2; }
        td.l, th.l { text-align: left; } td.c, th.c { text-align: center; } td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
        .b { font-weight: bold; }
        p.note { font-size: 10.5pt; margin: 4px 0 12px; }
        article.report p.note { text-indent: 0; font-size: 10.5pt; }
        table.data { font-family: var(--sans); font-size: 10pt; }
        tr.attention td { background: #fff8e1; }
        tr.subtotal td, tr.total td { font-weight: bold; background: #f7f7f7; }
        tr.short td { background: #fff8e1; }
        tr.undetermined td { color: #555; background: #f5f5f5; }
        tr.error td { background: #fdecea; }
        tr.warning td { background: #fff8e1; }
        ul.rules { font-size: 14px; }
        footer { text-align: center; color: #666; font-size: 13px; }
        @page { size: A4; margin: 20mm 18mm 20mm 22mm; }
        @media print {
          html { background: #fff; }
          body { max-width: none; padding: 0; font-size: 11pt; }
          header.summary, section { box-shadow: none; border-radius: 0; padding: 0; margin: 0; }
          section { break-before: page; }
          section#report { break-before: auto; margin-top: 8mm; }
          nav { display: none; }
          article.report { font-size: 14pt; }
          hr.page-break { break-after: page; border: 0; margin: 0; }
          thead { display: table-header-group; }
          tr, caption { break-inside: avoid; }
          h2, h3, h4, h5, caption { break-after: avoid; }
          mark.placeholder, tr td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }

        """;
}
