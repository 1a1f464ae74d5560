namespace ReportGen.Analysis.Indicators;

/// <summary>Chinese numerals as targets write them: 五 (五大行动), 十二, 两, 一百零五, 三千, 五万.</summary>
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

        decimal total = 0, section = 0, digit = 0;
        var sawDigit = false;
        foreach (var ch in text)
        {
            var d = Digit(ch);
            if (d >= 0)
            {
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
                    digit = 0;
                    sawDigit = false;
                    break;
                case '万' or '亿':
                    var big = ch == '万' ? 10_000m : 100_000_000m;
                    section += digit;
                    if (section == 0)
                    {
                        return null;
                    }

                    total = (total + section) * big;
                    section = 0;
                    digit = 0;
                    sawDigit = false;
                    break;
                default:
                    return null;
            }
        }

        return total + section + digit;
    }
}
