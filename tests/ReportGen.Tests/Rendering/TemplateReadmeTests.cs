using System.Text.RegularExpressions;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;
using Scriban.Runtime;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// templates/README.md is the template writer's reference: every member the script model exposes
/// (<see cref="ScriptModelBuilder"/>, at any depth) is named there in backticks, so a member added to the model
/// cannot stay undocumented.
/// </summary>
public sealed class TemplateReadmeTests
{
    private static void Collect(object? value, string path, Dictionary<string, string> members)
    {
        switch (value)
        {
            case ScriptObject obj:
                foreach (var key in obj.Keys)
                {
                    members.TryAdd(key, path + "." + key);
                    // department.facts is keyed by the workbook's 基本信息 items, data rather than members.
                    if (key != "facts")
                    {
                        Collect(obj[key], path + "." + key, members);
                    }
                }

                break;
            case ScriptArray array:
                foreach (var item in array)
                {
                    Collect(item, path + "[]", members);
                }

                break;
        }
    }

    [Fact]
    public void The_template_readme_names_every_member_of_the_script_model()
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        // The real case has placeholders and empty items, the fictional one every item written: together every member.
        foreach (var input in new[] { Repo.SampleCsvFolder, Repo.ExampleCsvFolder })
        {
            Collect(ScriptModelBuilder.Build(TemplateModelBuilder.Build(GenerateJob.Analyze(input))), "", members);
        }

        var readme = File.ReadAllText(Path.Combine(Repo.Templates, "README.md"));
        var quoted = Regex.Matches(readme, "`([^`]+)`").Select(m => m.Groups[1].Value).ToList();
        var named = quoted.SelectMany(q => Regex.Matches(q, @"[A-Za-z_][A-Za-z0-9_]*").Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        var missing = members.Where(m => !named.Contains(m.Key)).Select(m => m.Value).Order(StringComparer.Ordinal).ToList();

        Assert.True(members.Count > 50, $"only {members.Count} members found: the walk over the script model is broken");
        Assert.True(missing.Count == 0, "templates/README.md does not name: " + string.Join(", ", missing));
    }
}
