namespace ReportGen.Parsing;

/// <summary>Chinese numerals as clerks write counts: 五 (五大行动), 十二, 两, 一百零五, 三千, 五万 (read through <see cref="NumberParser.Numeral"/>).</summary>
internal static class ChineseNumeral
{
    public const string Characters = "零〇一二两三四五六七八九十百千万亿";

    private static int Digit(char ch) => ch switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    /// <summary>The value, or null when the text is not a well-formed numeral or is too large for decimal (亿亿亿…).</summary>
    public static decimal? Parse(string text)
    {
        try
        {
            return Read(text);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal? Read(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        // 一亿二千万 = 1 × 10^8 + 2000 × 10^4: the part of 亿 and above, the part of 万 below it, the part below 万.
        decimal total = 0, wan = 0, section = 0, digit = 0;
        var sawDigit = false;
        foreach (var ch in text)
        {
            var d = Digit(ch);
            if (d >= 0)
            {
                // "五五", "二〇二三": digits in a row are no numeral (零 may stand before one: 一百零五).
                if (sawDigit && digit != 0)
                {
                    return null;
                }

                digit = d;
                sawDigit = true;
                continue;
            }

            switch (ch)
            {
                case '十' or '百' or '千':
                    var unit = ch == '十' ? 10 : ch == '百' ? 100 : 1000;
                    // "十二": a leading 十 means 一十.
                    section += (digit == 0 && !sawDigit ? 1 : digit) * unit;
                    break;
                case '万':
                    section += digit;
                    if (section == 0)
                    {
                        return null;
                    }

                    wan = (wan + section) * 10_000m;
                    section = 0;
                    break;
                case '亿':
                    var below = wan + section + digit;
                    if (below == 0)
                    {
                        return null;
                    }

                    total = (total + below) * 100_000_000m;
                    wan = 0;
                    section = 0;
                    break;
                default:
                    return null;
            }

            digit = 0;
            sawDigit = false;
        }

        return total + wan + section + digit;
    }
}
