namespace ReportGen.Import;

/// <summary>
/// A header row's columns by role: each role is found by its label (with synonyms), the data of a row is the cell
/// that starts under the header cell, or the one covering it when that cell does not start under another header.
/// </summary>
internal sealed class FormHeader
{
    private readonly Dictionary<string, FormCell> _columns;

    private FormHeader(Dictionary<string, FormCell> columns) => _columns = columns;

    public static FormHeader Of(FormRow header, IReadOnlyDictionary<string, Func<string, bool>> roles)
    {
        var columns = new Dictionary<string, FormCell>();
        foreach (var cell in header.Cells.Where(cell => !cell.IsVerticalCopy && cell.Text.Length > 0))
        {
            var key = FormText.LabelKey(cell.Text);
            foreach (var (role, test) in roles)
            {
                if (!columns.ContainsKey(role) && test(key))
                {
                    columns[role] = cell;
                    break;
                }
            }
        }

        return new FormHeader(columns);
    }

    public bool Has(string role) => _columns.ContainsKey(role);

    public int Count => _columns.Count;

    public int? Column(string role) => _columns.TryGetValue(role, out var cell) ? cell.Column : null;

    public string Text(FormRow row, string role) => Cell(row, role)?.Text ?? "";

    public FormCell? Cell(FormRow row, string role)
    {
        if (!_columns.TryGetValue(role, out var header))
        {
            return null;
        }

        var under = row.Cells.FirstOrDefault(cell => cell.Column >= header.Column && cell.Column <= header.LastColumn);
        if (under is not null)
        {
            return under;
        }

        var covering = row.At(header.Column);
        var startsUnderOther = covering is not null
                               && _columns.Values.Any(other => other != header && other.Covers(covering.Column));
        return startsUnderOther ? null : covering;
    }
}
