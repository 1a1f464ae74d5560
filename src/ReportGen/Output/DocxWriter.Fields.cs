using ReportGen.Model;

namespace ReportGen.Output;

internal static partial class DocxWriter
{
    /// <summary>
    /// Run properties of the text a clerk types into a field, by bold: the font hint and weight of the text around it,
    /// without the placeholder's highlight (Word takes them from the control's own rPr).
    /// </summary>
    private static readonly PartXml.Fragment[] FieldRunProperties =
        [RunPropertiesOf(hint: true, bold: false, placeholder: false), RunPropertiesOf(hint: true, bold: true, placeholder: false)];

    /// <summary>
    /// Text with its fields (<see cref="FieldSpan"/>): the text between them as plain runs, each field as a Word
    /// content control inside a bookmark (<see cref="WriteField"/>).
    /// </summary>
    private static void WriteRuns(PartXml xml, string text, bool bold, IReadOnlyList<FieldSpan> fields)
    {
        var position = 0;
        foreach (var field in fields)
        {
            // Spans come sorted; one inside another (none is made so) is written as part of the outer one.
            if (field.Start < position || field.End > text.Length || field.Length == 0)
            {
                continue;
            }

            if (field.Start > position)
            {
                WriteRun(xml, text.AsSpan(position, field.Start - position), bold, placeholder: false);
            }

            // A legend entry under a table explains a marker; the marker in the cell is the field the clerk fills.
            if (field.Legend)
            {
                WriteRun(xml, text.AsSpan(field.Start, field.Length), bold, placeholder: true);
            }
            else
            {
                WriteField(xml, text, field, bold);
            }

            position = field.End;
        }

        if (position < text.Length)
        {
            WriteRun(xml, text.AsSpan(position), bold, placeholder: false);
        }
    }

    /// <summary>
    /// One field: a rich-text content control (an inline w:sdt) titled with what belongs there and tagged with its
    /// cell, a placeholder's prompt shown as its placeholder text (highlighted, w:showingPlcHdr), all inside the
    /// bookmark <c>_RG{n}</c>. Word and WPS show the control; LibreOffice 7.4 keeps a rich-text control's text and the
    /// bookmark but drops title and tag (and writes a plain-text control's text several times over, so none is
    /// made), which is why the bookmark, not the tag, is what import finds a field by (docs/report-fields.md).
    /// </summary>
    private static void WriteField(PartXml xml, string text, FieldSpan field, bool bold)
    {
        // The field n is the nth written (docs/report-fields.md); the text collector keeps it for the stamp.
        var shown = text.AsSpan(field.Start, field.Length);
        var id = xml.Collect?.AddField(new Fingerprint.Builder.Field(field.Cell ?? "", field.Title, field.Part,
            field.Given ?? (field.Empty ? Fingerprint.Empty : null), Fingerprint.Hash(shown))) ?? 0;

        xml.Start("bookmarkStart");
        xml.WordAttribute("id", id);
        xml.WordAttribute("name", ReportStamp.BookmarkPrefix, id);
        xml.End();
        xml.Start("sdt");
        xml.Start("sdtPr");
        xml.Write(FieldRunProperties[bold ? 1 : 0]);
        xml.Empty("alias", field.Title);
        if (!string.IsNullOrEmpty(field.Cell))
        {
            xml.Empty("tag", field.Cell);
        }

        xml.Start("id");
        xml.WordAttribute("val", id);
        xml.End();
        if (field.Empty)
        {
            xml.Empty("showingPlcHdr");
        }

        xml.End();
        xml.Start("sdtContent");
        xml.Collect?.FieldStart();
        WriteRun(xml, shown, bold, placeholder: field.Empty);
        xml.Collect?.FieldEnd();
        xml.End();
        xml.End();
        xml.Start("bookmarkEnd");
        xml.WordAttribute("id", id);
        xml.End();
    }
}
