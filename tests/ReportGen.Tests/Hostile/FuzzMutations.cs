using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportGen.Tests.Hostile;

/// <summary>
/// Mutations of a workbook's meaning rather than its bytes, for <see cref="HostileFuzzTests"/>: number formats
/// given to random cells, sheet names changed, a .csv sheet's quoting, separators, encodings and number text.
/// </summary>
internal static partial class XlsxMutation
{
    private static readonly string[] FormatCodes =
    [
        "0%", "0.00%", "0!.0000\"万\"", "#,##0.00,,\"万\"", "0.00\"万元\"", "#,##0\"元\"", "yyyy\"年\"m\"月\"d\"日\"",
        "[Red]0.00;[Blue]-0.00", "G/通用格式", "G/通用格式\"篇\"", "\"\"\"", "0.0E+00", "@", "0,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
        "!", "\\", "[", "0\"", "#,##0.00_);(#,##0.00)", "0%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%", new string('0', 300),
        "[$-804]aaaa", "*", "_", "0.0,\"千\"", "0\\.00000000000000000000000000000000\"万\"", "[h]:mm:ss", "# ?/?",
        "[<10000]0.00;0!.0000\"万\"", "[>=10000]0!.0000\"万\";0.00", "0.00;-0.00%;0\"篇\"", "[=0]\"无\";0.00", "0.00;;;@",
        "[<0]0%;[>1E+300]0;0", "[<=-1]0.00;[>=1]0,\"千\";\"零\"", ";;;", "[<abc]0;0",
    ];

    private static readonly int[] FormatIds = [9, 10, 14, 22, 49, 164, 164, 164, 176, 65535];

    /// <summary>Gives random cells of one sheet a number format (built-in, custom or undefined).</summary>
    public static (string, List<(string Name, byte[] Content)>) NumberFormats(Random random, List<(string Name, byte[] Content)> entries)
    {
        var code = random.Next(5) == 0 ? RandomCode(random) : FormatCodes[random.Next(FormatCodes.Length)];
        var id = FormatIds[random.Next(FormatIds.Length)];
        var styles = entries.FindIndex(e => e.Name.EndsWith("styles.xml", StringComparison.OrdinalIgnoreCase));
        var xml = $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="{SecurityElement.Escape(code)}"/></numFmts><fonts count="2"><font/><font><b/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="0" fontId="1" applyFont="1"/><xf numFmtId="{id}" applyNumberFormat="1"/></cellXfs></styleSheet>""";
        if (styles >= 0)
        {
            entries[styles] = (entries[styles].Name, Encoding.UTF8.GetBytes(xml));
        }

        var sheets = entries.Select((e, i) => (e.Name, i)).Where(e => e.Name.Contains("worksheets/", StringComparison.Ordinal)).ToList();
        if (sheets.Count == 0)
        {
            return ($"数字格式 {code}（无工作表）", entries);
        }

        var (name, index) = sheets[random.Next(sheets.Count)];
        var share = random.NextDouble();
        var text = Cell().Replace(Encoding.UTF8.GetString(entries[index].Content),
            m => random.NextDouble() < share ? $"<{m.Groups["p"].Value}c r=\"{m.Groups["r"].Value}\" s=\"2\"" : m.Value);
        entries[index] = (name, Encoding.UTF8.GetBytes(text));
        return ($"数字格式 {code}（numFmtId {id}，{name} 的 {share:P0} 单元格）", entries);
    }

    private static string RandomCode(Random random)
    {
        const string alphabet = "0#?.,%;\"\\!_*[]$-+()/:EeGymdhs万元篇 @";
        return new string(Enumerable.Range(0, random.Next(1, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    /// <summary>Renames one sheet: a space added, a twin of another sheet's name, empty, overlong, full-width.</summary>
    public static (string, List<(string Name, byte[] Content)>) SheetName(Random random, List<(string Name, byte[] Content)> entries)
    {
        var workbook = entries.FindIndex(e => e.Name.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase));
        if (workbook < 0)
        {
            return ("改名（无 workbook.xml）", entries);
        }

        var text = Encoding.UTF8.GetString(entries[workbook].Content);
        var names = SheetNameAttribute().Matches(text);
        if (names.Count == 0)
        {
            return ("改名（无工作表）", entries);
        }

        var target = names[random.Next(names.Count)];
        var other = names[random.Next(names.Count)].Groups["n"].Value;
        var old = target.Groups["n"].Value;
        var renamed = random.Next(8) switch
        {
            0 => old + " ",
            1 => " " + old,
            2 => other + " ",
            3 => "",
            4 => string.Concat(Enumerable.Repeat(old, 40)),
            5 => string.Concat(old.Select(ch => ch is >= '!' and <= '~' ? (char)(ch + 0xFEE0) : ch)) + "\u3000",
            6 => old + "\t" + old,
            _ => other,
        };
        var group = target.Groups["n"];
        text = text[..group.Index] + SecurityElement.Escape(renamed) + text[(group.Index + group.Length)..];
        entries[workbook] = (entries[workbook].Name, Encoding.UTF8.GetBytes(text));
        return ($"工作表改名 “{old}”→“{renamed}”", entries);
    }

    [GeneratedRegex("""<(?<p>(?:\w+:)?)c r="(?<r>[A-Z]+\d+)"(?: s="\d+")?""")]
    private static partial Regex Cell();

    [GeneratedRegex("""<(?:\w+:)?sheet [^>]*?name="(?<n>[^"]*)""")]
    private static partial Regex SheetNameAttribute();
}

/// <summary>Mutations of one .csv sheet: quotes, separators, encodings, number text, lines.</summary>
internal static partial class CsvMutation
{
    private static readonly string[] Numbers =
    [
        "38,57", "1,2345.6", "12,34,567", "38 57", "1,234,567.89", "１２３４", "-1", "-1%", "1e400", "0x10", "--5",
        "99999999999999999999999999999", "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9", "九千九百亿亿亿亿亿亿",
        "0.8168", "96%", "NaN", "∞", "1,234.5.6", ",", "'", "=1/0", "#REF!", "20245", "2024.5", "89.996", "50.004",
    ];

    private static readonly Encoding Gbk = Encoding.GetEncoding("GB18030");

    static CsvMutation() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string, byte[]) Apply(Random random, byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        string how;
        switch (random.Next(10))
        {
            case 0:
                var at = random.Next(text.Length + 1);
                (how, text) = ($"第 {Line(text, at)} 行插入引号", text.Insert(at, "\""));
                break;
            case 1:
                var quote = text.IndexOf('"', random.Next(text.Length + 1));
                (how, text) = quote < 0 ? ("无引号可删", text) : ($"第 {Line(text, quote)} 行删去引号", text.Remove(quote, 1));
                break;
            case 2:
                lines[line] = "\"" + lines[line].Replace(",", "\n,", StringComparison.Ordinal) + "\"";
                (how, text) = ($"第 {line + 1} 行整行加引号并断行", string.Join('\n', lines));
                break;
            case 3:
                var separator = random.Next(3) switch { 0 => ";", 1 => "\t", _ => "，" };
                lines[line] = lines[line].Replace(",", separator, StringComparison.Ordinal);
                (how, text) = ($"第 {line + 1} 行分隔符改为“{separator}”", string.Join('\n', lines));
                break;
            case 4:
                var before = Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(line)) + (line > 0 ? "\n" : ""));
                var after = Encoding.UTF8.GetBytes((line + 1 < lines.Count ? "\n" : "") + string.Join('\n', lines.Skip(line + 1)));
                return ($"第 {line + 1} 行改用 GBK 编码", [.. before, .. Gbk.GetBytes(lines[line]), .. after]);
            case 5:
                return ("整个文件改用 GBK 编码", Gbk.GetBytes(text));
            case 6:
                var number = NumberText().Matches(text) is { Count: > 0 } found ? found[random.Next(found.Count)] : null;
                var replacement = Numbers[random.Next(Numbers.Length)];
                (how, text) = number is null ? ("无数字可换", text)
                    : ($"数字 {number.Value}→{replacement}", text[..number.Index] + Quote(replacement) + text[(number.Index + number.Length)..]);
                break;
            case 7:
                lines.Insert(line, random.Next(2) == 0 ? new string('"', random.Next(1, 8)) : new string('长', 10_000) + ",项目支出,,1");
                (how, text) = ($"第 {line + 1} 行前插入怪行", string.Join('\n', lines));
                break;
            case 8:
                var indent = random.Next(3) switch { 0 => "　　", 1 => "    ", _ => "\u00A0\u00A0" };
                lines[line] = indent + lines[line];
                (how, text) = ($"第 {line + 1} 行行首加缩进", string.Join('\n', lines));
                break;
            default:
                if (random.Next(2) == 0)
                {
                    lines.Insert(line, lines[line]);
                    how = $"第 {line + 1} 行重复";
                }
                else
                {
                    lines.RemoveAt(line);
                    how = $"删去第 {line + 1} 行";
                }

                text = string.Join('\n', lines);
                break;
        }

        return (how, [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
    }

    private static int Line(string text, int index) => text.AsSpan(0, Math.Min(index, text.Length)).Count('\n') + 1;

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? "\"" + value + "\"" : value;

    [GeneratedRegex(@"(?<=,)-?\d+(\.\d+)?(?=,|\r?\n|$)")]
    private static partial Regex NumberText();
}
