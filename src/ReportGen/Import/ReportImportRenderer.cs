namespace ReportGen.Import;

/// <summary>The Chinese account of a report import that the CLI prints: cell by cell what was written, the conflicts, what was left alone.</summary>
public static class ReportImportRenderer
{
    public static void Render(ReportImportResult result, TextWriter output)
    {
        var request = result.Request;
        output.WriteLine($"报告：{Path.GetFileName(request.ReportPath)}（ReportGen {result.Version} 根据“{result.Workbook}”生成，{result.FieldCount} 个填写处）");
        if (result.Changes.Count > 0)
        {
            output.WriteLine(result.Written || !request.DryRun
                ? $"写入工作簿“{Path.GetFileName(request.TargetPath)}”的单元格："
                : $"将写入工作簿“{Path.GetFileName(request.TargetPath)}”的单元格：");
            foreach (var change in result.Changes)
            {
                output.WriteLine($"  {change.Cell}（{change.Title}）：{Quote(change.New)}{(change.Old.Length > 0 ? $"（原为{Quote(change.Old)}）" : "")}");
            }
        }

        if (result.Conflicts.Count > 0)
        {
            output.WriteLine("冲突：以下单元格在生成报告之后也在工作簿中改过，两边都保留原样，没有改写；请决定保留哪一个，在工作簿中改好后重新生成：");
            foreach (var conflict in result.Conflicts)
            {
                output.WriteLine($"  {conflict.Cell}（{conflict.Title}）");
                output.WriteLine($"    工作簿中：{Quote(conflict.Workbook)}");
                output.WriteLine($"    报告中：  {Quote(conflict.Report)}");
            }
        }

        if (result.FormulaCells.Count > 0)
        {
            output.WriteLine("以下单元格是公式，没有改写：" + string.Join("、", result.FormulaCells));
        }

        if (result.Skipped.Count > 0)
        {
            output.WriteLine("未导入的填写处：");
            foreach (var skipped in result.Skipped)
            {
                output.WriteLine($"  {skipped.Cell}（{skipped.Title}）：{skipped.Reason}");
            }
        }

        if (result.EditedParagraphs.Count > 0)
        {
            output.WriteLine("以下段落在填写处之外被改动过，这些改动无法写回工作簿（重新生成后会丢失）；请把改动写进工作簿中对应的单元格：");
            foreach (var paragraph in result.EditedParagraphs)
            {
                output.WriteLine($"  第 {paragraph.Number} 段：{Quote(paragraph.Text)}");
            }
        }

        if (request.DryRun)
        {
            output.WriteLine($"试运行（--dry-run）：没有写入工作簿。{(result.Changes.Count > 0 ? $"去掉 --dry-run 将写入 {result.Changes.Count} 个单元格。" : "")}");
        }
        else if (result.Written)
        {
            output.WriteLine($"已写入 {result.Changes.Count} 个单元格。运行 reportgen generate {Path.GetFileName(request.TargetPath)} -o {Path.GetFileName(request.ReportPath)} --force 重新生成报告。");
        }
        else
        {
            output.WriteLine("报告中没有需要写回工作簿的修改，工作簿没有改动。");
        }
    }

    private static string Quote(string text)
    {
        var line = text.Replace("\n", "⏎", StringComparison.Ordinal);
        return $"“{(line.Length > 80 ? line[..80] + "…" : line)}”";
    }
}
