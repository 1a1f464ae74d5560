using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ReportGen.Rendering;

/// <summary>
/// Renders a report template (<c>*.sbn</c>, Scriban) into the report markup, in three parts: the files
/// (<see cref="TemplateFiles"/>: which template a name means, its partials, each read within bounds), the parsed
/// templates kept between renders (<see cref="TemplateCache"/>) and the sandbox a render runs in
/// (<see cref="TemplateSandbox"/>, <see cref="TemplateLimits"/>). The model reaches the template as script objects
/// (<see cref="ScriptModelBuilder"/>); the clerk's texts it writes become fields of the report. Every error reaches
/// the user in Chinese with its file, line, column and the text at fault (<see cref="TemplateErrors"/>).
/// </summary>
public static class TemplateRenderer
{
    public const string Extension = ".sbn";

    /// <inheritdoc cref="TemplateFiles.Resolve"/>
    public static string Resolve(string nameOrPath, string templatesDirectory) => TemplateFiles.Resolve(nameOrPath, templatesDirectory);

    public static string Render(string templatePath, TemplateModel model, TemplateLimits? limits = null) =>
        RenderWithWords(templatePath, model, limits).Text;

    /// <summary>The rendered markup and the words of the template's folder, which the tables are built in.</summary>
    internal static (string Text, TableText Words) RenderWithWords(string templatePath, TemplateModel model, TemplateLimits? limits = null)
    {
        limits ??= TemplateLimits.For(model);
        return RenderWithWords(TemplateCache.Get(Path.GetFullPath(templatePath), limits), model, limits);
    }

    /// <summary>As above, with a template read once for many reports (<see cref="Prepare"/>).</summary>
    internal static (string Text, TableText Words) RenderWithWords(ParsedTemplate parsed, TemplateModel model, TemplateLimits? limits = null)
    {
        limits ??= TemplateLimits.For(model);
        return (Run(parsed, model, limits), parsed.Words);
    }

    /// <summary>
    /// The template at <paramref name="templatePath"/> with its partials and words, read and parsed now, for a batch to
    /// render every report of the run from: one reading for all its reports, so that all of them come from the same
    /// template even if it is edited while the batch runs, and no look at its files for each report (a twentieth of
    /// a report's time, docs/performance.md). The parse limits are the defaults, as for every report.
    /// </summary>
    /// <exception cref="Model.InputException">The template cannot be read or does not parse (located, <see cref="TemplateErrors"/>).</exception>
    internal static ParsedTemplate Prepare(string templatePath) => TemplateCache.Get(Path.GetFullPath(templatePath), TemplateLimits.Default);

    private static string Run(ParsedTemplate parsed, TemplateModel model, TemplateLimits limits) =>
        TemplateSandbox.Run(parsed, limits, cancel =>
        {
            var context = TemplateSandbox.Context(builtins => new FieldMarkingContext(builtins), parsed, limits, cancel);
            context.Tags[TemplateHelpers.FactsTag] = model.Department.Facts;
            context.Tags[TemplateHelpers.FactCellsTag] = model.Department.FactCells;
            var words = parsed.Words.Words;
            context.Tags[TemplateHelpers.WordsTag] = words;
            context.Texts = model.Texts;
            context.PushGlobal(ScriptModelBuilder.Build(model, words));
            return TextJoin.Clean(parsed.Template.Render(context));
        });

    /// <summary>
    /// For a helper that rewrites the clerk's text (<c>relevel</c>): marks the result of a registered text as the field
    /// the text itself would have been, with its cell, title and part; null when the render marks no fields.
    /// </summary>
    internal static Func<string, string, string>? ClerkFieldMarker(TemplateContext context) =>
        context is FieldMarkingContext { Texts: { Count: > 0 } texts }
            ? (item, text) => texts.TryGet(item, out var field)
                ? ReportMarkup.Field(text, field.Title, field.Cell, empty: false, field.Given, field.Part)
                : text
            : null;

    /// <summary>
    /// Writes every value a template inserts between <see cref="TextJoin.FieldStart"/> and
    /// <see cref="TextJoin.FieldEnd"/>, so that <see cref="TextJoin.Clean"/> joins it to the template's own words
    /// without doubling them; the template's literal text is written as it is. A value that already holds marks
    /// (the output of <c>include</c> or <c>capture</c>) is template text with fields inside and is written as it is.
    /// A text of the clerk's workbook (<see cref="ClerkTexts"/>) is written as a field of the report
    /// (<see cref="ReportMarkup.Field"/>): its cell and title go with it to the .docx (docs/report-fields.md).
    /// </summary>
    private sealed class FieldMarkingContext(ScriptObject builtins) : TemplateContext(builtins)
    {
        public ClerkTexts? Texts { get; set; }

        private static readonly string FieldStartText = TextJoin.FieldStart.ToString();
        private static readonly string FieldEndText = TextJoin.FieldEnd.ToString();

        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject is null)
            {
                return this;
            }

            var text = textAsObject is string value && Texts is { Count: > 0 } texts && texts.TryGet(value, out var field)
                ? ReportMarkup.Field(value, field.Title, field.Cell, empty: false, field.Given, field.Part)
                : ObjectToString(textAsObject);
            if (string.IsNullOrEmpty(text) || text.Contains(TextJoin.FieldStart, StringComparison.Ordinal))
            {
                return base.Write(span, text);
            }

            // Three writes rather than one concatenated string: every value of every report passes here.
            base.Write(span, FieldStartText);
            base.Write(span, text);
            return base.Write(span, FieldEndText);
        }
    }
}
