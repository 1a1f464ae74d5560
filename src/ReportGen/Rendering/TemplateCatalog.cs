namespace ReportGen.Rendering;

/// <summary>
/// The templates of a folder, each with the one line that describes it: the first sentence of the comment a template
/// opens with (<c>{{~ ## 部门整体支出绩效自评报告：湖南省格式（…）。…## ~}}</c>), for <c>generate --help</c>.
/// A template without such a comment is listed without a description.
/// </summary>
public static class TemplateCatalog
{
    private const string Title = "部门整体支出绩效自评报告：";

    public static IReadOnlyList<(string Name, string Summary)> List(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.GetFiles(directory, "*" + TemplateRenderer.Extension)
            .Select(path => (Path.GetFileNameWithoutExtension(path), Summary(path)))
            .OrderBy(entry => entry.Item1 == "default" ? 0 : 1)
            .ThenBy(entry => entry.Item1, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The first sentence of the template's opening comment, without the report's title; "" when there is none.</summary>
    public static string Summary(string templatePath)
    {
        string head;
        try
        {
            using var reader = new StreamReader(templatePath);
            var buffer = new char[2000];
            head = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }

        var text = head.TrimStart('\uFEFF').TrimStart();
        if (!text.StartsWith("{{", StringComparison.Ordinal))
        {
            return "";
        }

        var open = text.IndexOf("##", StringComparison.Ordinal);
        var close = open < 0 ? -1 : text.IndexOf("##", open + 2, StringComparison.Ordinal);
        if (open < 0 || close < 0 || text[..open].Trim('{', '~', '-', ' ').Length > 0)
        {
            return "";
        }

        var comment = string.Join("", text[(open + 2)..close].Split('\n', StringSplitOptions.TrimEntries));
        var end = comment.IndexOf('。', StringComparison.Ordinal);
        var sentence = end < 0 ? comment : comment[..end];
        return sentence.StartsWith(Title, StringComparison.Ordinal) ? sentence[Title.Length..] : sentence;
    }
}
