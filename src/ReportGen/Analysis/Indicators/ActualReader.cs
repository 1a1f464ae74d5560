using System.Text.RegularExpressions;

namespace ReportGen.Analysis.Indicators;

/// <summary>What the words around an actual's number do to its meaning (docs/domain.md, "Reading the actual value").</summary>
internal enum ActualSignal
{
    /// <summary>Nothing around the value changes it: "126场", "完成126场", "2024年11月20日".</summary>
    None,

    /// <summary>未, 未能, 尚未, 没有, 不足, 不到, 无法…: the value was not reached, or the thing was not done.</summary>
    Denial,

    /// <summary>预计, 正在, 待验收, 暂无, 计划 without 实际…: not a year-end result.</summary>
    Estimate,

    /// <summary>较上年, 同比, 增加6场…: a change, not the level the target names.</summary>
    Change,

    /// <summary>延期, 推迟, 滞后, 逾期…: late.</summary>
    Delay,

    /// <summary>超支, 超出预算…: spent more than the ceiling.</summary>
    Overspend,

    /// <summary>基本, 部分, 大部分, 初步…: partly, in words.</summary>
    Qualifier,

    /// <summary>A parenthesis that says part is not done: "126场（其中6场未完成）".</summary>
    PartUnfinished,
}

/// <summary>How the number of an actual stands to the true value: exactly it, or a bound on it.</summary>
internal enum ActualBound
{
    Exact,

    /// <summary>不足, 未达, 低于, 少于, 不到, 近: strictly below the number.</summary>
    Below,

    /// <summary>以下, 以内, 不超过, 未超过, ≤: at most the number.</summary>
    NotAbove,

    /// <summary>以上, 不少于, 不低于, 至少, ≥: at least the number.</summary>
    NotBelow,

    /// <summary>超过, 高于, 大于, 超出: strictly above the number.</summary>
    Above,
}

/// <summary>
/// An actual as the clerk wrote it, split into the measured value and what surrounds it. <see cref="Value"/> is the
/// number (or date) read from <see cref="Text"/>, the part that states the result ("计划120场，实际126场" → "126场");
/// <see cref="Signal"/> and <see cref="Word"/> say which word around it changes its meaning; <see cref="Bound"/> whether
/// the number is the value or a bound on it.
/// </summary>
internal sealed record ActualReading(string Original, string Text, ParsedValue? Value, ActualSignal Signal, string? Word, ActualBound Bound)
{
    /// <summary>A measured value with nothing around it that changes its meaning: the only actual judged by formula.</summary>
    public bool IsClean => Signal == ActualSignal.None && Bound == ActualBound.Exact && Value is not null;

    /// <summary>Denying words in this text: a phrasing holding one is never judged 达成 by the tool.</summary>
    public bool Denies => ActualReader.ContainsDenial(Original);

    /// <summary>Why the text is not a plain measured value, in Chinese: "含“预计”，是预计值而非实际完成值".</summary>
    public string Why => Signal switch
    {
        ActualSignal.Denial => Bound == ActualBound.Exact ? $"写明“{Word}”" : $"写明“{Word}”，实际值{BoundText}",
        ActualSignal.Estimate => $"含“{Word}”，不是年度实际完成值",
        ActualSignal.Change => $"含“{Word}”，是变化量而非实际完成值",
        ActualSignal.Delay => $"写明“{Word}”",
        ActualSignal.Overspend => $"写明“{Word}”",
        ActualSignal.Qualifier => $"含“{Word}”，未写明完成程度",
        ActualSignal.PartUnfinished => $"括号中写明“{Word}”",
        _ => Bound == ActualBound.Exact ? "" : $"含“{Word}”，实际值{BoundText}",
    };

    private string BoundText => Value?.Written is not { } x ? "未写明" : Bound switch
    {
        ActualBound.Below => $"低于{x}",
        ActualBound.NotAbove => $"不超过{x}",
        ActualBound.NotBelow => $"不低于{x}",
        ActualBound.Above => $"超过{x}",
        _ => x,
    };
}

/// <summary>
/// Reads an 实际完成值 (docs/domain.md, "Reading the actual value"): takes the 实际 part of "计划…实际…", drops
/// parentheses that only add detail, and finds the words that deny, bound, qualify or shift the value. The value
/// itself is read by <see cref="TargetValueParser"/>. Nothing here decides a verdict; <see cref="Decide"/> says
/// what the words decide, or null when they do not.
/// </summary>
internal static partial class ActualReader
{
    /// <summary>The denying words (docs/domain.md): 未 (未能, 尚未, 未全部, 未达…), 没, 不足, 不到, 无法, 不能, 不够, 暂无, 尚无.</summary>
    public static readonly IReadOnlyList<string> DenyingWords = ["未", "没", "不足", "不到", "无法", "不能", "不够", "暂无", "尚无"];

    public static ActualReading Read(string? text, ParsedValue target)
    {
        var original = text ?? "";
        var s = TargetValueParser.Normalize(original);

        // 计划…实际…: the result is what follows 实际.
        if (PlanThenActual().Match(s) is { Success: true } plan)
        {
            s = plan.Groups["rest"].Value;
        }

        // Parentheses: one that says part is unfinished decides the reading; any other only adds detail.
        ActualSignal signal = ActualSignal.None;
        string? word = null;
        foreach (Match p in Parenthesis().Matches(s))
        {
            if (FirstWord(p.Groups["in"].Value, Denial(), Estimate(), Delay(), Qualifier()) is not null)
            {
                (signal, word) = (ActualSignal.PartUnfinished, p.Groups["in"].Value);
                break;
            }
        }

        s = Parenthesis().Replace(s, "");
        var growthTarget = target.Kind == TargetKind.Growth;
        if (signal == ActualSignal.None)
        {
            (signal, word) = Find(s, ActualSignal.Delay, Delay())
                ?? Find(s, ActualSignal.Overspend, Overspend())
                ?? Find(s, ActualSignal.Estimate, Estimate())
                ?? (growthTarget ? null : Find(s, ActualSignal.Change, Change()))
                ?? Find(s, ActualSignal.Qualifier, Qualifier())
                ?? Find(s, ActualSignal.Denial, Denial())
                ?? (ActualSignal.None, null);
        }

        // The bound a word puts on the number: "不足120场", "95%以下", "近95%", "≥95%".
        var bound = ActualBound.Exact;
        var rest = s;
        if (BelowWord().Match(s) is { Success: true } below)
        {
            (bound, word) = (ActualBound.Below, word ?? below.Groups["w"].Value);
            rest = s.Remove(below.Groups["w"].Index, below.Groups["w"].Length);
        }
        else if (NotAboveWord().Match(s) is { Success: true } notAbove)
        {
            (bound, word) = (ActualBound.NotAbove, word ?? notAbove.Groups["w"].Value);
            rest = s.Remove(notAbove.Groups["w"].Index, notAbove.Groups["w"].Length);
        }

        var value = rest.Length == 0 ? null : TargetValueParser.Parse(rest);
        if (value is { Kind: TargetKind.AtLeast or TargetKind.AtMost } && bound == ActualBound.Exact && signal != ActualSignal.Change)
        {
            // An operator the target grammar knows: ≥ / 以上 / 不少于 (at least), 超过 / 高于 / 大于 (above),
            // ≤ / 以下 / 不超过 (at most), 低于 / 少于 / 小于 (below).
            var op = OperatorWord().Match(rest);
            bound = !op.Success ? ActualBound.Exact // 达到 / 达: the value reached
                : value.Kind == TargetKind.AtLeast
                ? op.Success && StrictAbove().IsMatch(op.Value) ? ActualBound.Above : ActualBound.NotBelow
                : op.Success && StrictBelow().IsMatch(op.Value) ? ActualBound.Below : ActualBound.NotAbove;
            word ??= op.Success ? op.Value : null;
            value = bound == ActualBound.Exact ? value with { Kind = TargetKind.Equal } : value;
        }

        if (signal == ActualSignal.Denial && bound == ActualBound.Exact && value is { IsNumeric: true } && word is not null
            && DenialBeforeNumber().IsMatch(s))
        {
            // "未完成120场": the denied number is a bound, not the value.
            bound = ActualBound.Below;
        }

        if (signal == ActualSignal.None && Denial().Match(TargetValueParser.Normalize(original)) is { Success: true } denied)
        {
            // A denial outside the part read ("计划未定，实际126场") still keeps the reading from being clean.
            (signal, word) = (ActualSignal.Denial, denied.Value);
        }

        return new ActualReading(original, s, value is null ? null : value with { Original = original }, signal, word, bound);
    }

    /// <summary>True when <paramref name="text"/> holds a denying word (<see cref="DenyingWords"/>; 未来 is not one).</summary>
    public static bool ContainsDenial(string? text) => Denial().IsMatch(TargetValueParser.Normalize(text ?? ""));

    /// <summary>
    /// What the words decide against a target the row requires at least (<paramref name="atMost"/> false) or at
    /// most <paramref name="t"/>, with <paramref name="x"/> the actual's number in the target's unit; null when they
    /// decide nothing. A phrasing with a denying word is never decided 达成.
    /// </summary>
    public static IndicatorStatus? Decide(ActualReading reading, bool atMost, decimal? t, decimal? x, bool deadline)
    {
        var decided = DecideWords(reading, atMost, t, x, deadline);
        return decided == IndicatorStatus.Met && reading.Denies ? null : decided;
    }

    private static IndicatorStatus? DecideWords(ActualReading reading, bool atMost, decimal? t, decimal? x, bool deadline)
    {
        switch (reading.Signal)
        {
            case ActualSignal.Delay:
                return deadline ? IndicatorStatus.NotMet : null;
            case ActualSignal.Overspend:
                return atMost && !deadline ? IndicatorStatus.NotMet : null;
            case ActualSignal.Estimate or ActualSignal.Change or ActualSignal.Qualifier or ActualSignal.PartUnfinished:
                return null;
            case ActualSignal.Denial when reading.Bound == ActualBound.Exact || x is null:
                // "尚未完成", "2024年11月30日前未全部完工": not done; against a deadline that is 未达成.
                return deadline ? IndicatorStatus.NotMet : null;
        }

        if (deadline || t is not { } target || x is not { } n)
        {
            return null;
        }

        return (atMost, reading.Bound) switch
        {
            (false, ActualBound.Below) when n <= target => IndicatorStatus.NotMet,
            (false, ActualBound.NotAbove) when n < target => IndicatorStatus.NotMet,
            (false, ActualBound.NotBelow or ActualBound.Above) when n >= target => IndicatorStatus.Met,
            (true, ActualBound.Below or ActualBound.NotAbove) when n <= target => IndicatorStatus.Met,
            (true, ActualBound.Above) when n >= target => IndicatorStatus.NotMet,
            (true, ActualBound.NotBelow) when n > target => IndicatorStatus.NotMet,
            _ => null,
        };
    }

    private static (ActualSignal, string?)? Find(string s, ActualSignal signal, Regex regex) =>
        regex.Match(s) is { Success: true } m ? (signal, m.Value) : null;

    private static string? FirstWord(string s, params Regex[] regexes) =>
        regexes.Select(r => r.Match(s)).FirstOrDefault(m => m.Success)?.Value;

    [GeneratedRegex(@"(?:计划|目标|预计|年初|原定|原计划|预期|应)[^实]*?实际(?:完成|达到|为|是)?[:：]?(?<rest>.+)$")]
    private static partial Regex PlanThenActual();

    [GeneratedRegex(@"[(\[【](?<in>[^)\]】]*)[)\]】]")]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"未(?!来)(?:能|全部|完全|按期|按时|达到|达|满|完成|实施|开展|启动|验收|完工)?|尚未|没有?|不足|不到|无法|不能|不够|暂无|尚无")]
    private static partial Regex Denial();

    [GeneratedRegex(@"预计|预估|正在|进行中|推进中|实施中|建设中|尚在|待(?:完成|验收|审核|审计|结算|确认|评估|统计|核实|支付|拨付|办理|落实|建设|实施|竣工|开展|调查|测评|考核)|暂无|拟|将于|力争|争取|有望|(?<!按|原|年度|年初)计划(?!内|外|的|要求)")]
    private static partial Regex Estimate();

    [GeneratedRegex(@"较上年|比上年|较去年|比去年|同比|环比|较\d{4}年|比\d{4}年|(?<!新)(?:增加|减少|增长|下降|提高|降低|提升|上升)(?![到至为])(?=了?\d)")]
    private static partial Regex Change();

    [GeneratedRegex(@"(?<![未没无不])(?:延期|推迟|延迟|滞后|逾期|超期|拖延)|未按期|未按时|未如期")]
    private static partial Regex Delay();

    [GeneratedRegex(@"(?<![未没无不])(?:超支|超预算|超出预算|超过预算|突破预算)")]
    private static partial Regex Overspend();

    [GeneratedRegex(@"基本(?:完成|达到|实现|达成|落实|满足|建成|完工|覆盖|持平|到位)|大部分|大部|部分|初步|大致|大体|个别")]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"(?<w>不足|不到|未达到|未达|未满|未完成|未能完成|没有达到|没达到|接近|近)(?=[\d一二两三四五六七八九十百千万])")]
    private static partial Regex BelowWord();

    [GeneratedRegex(@"(?<w>未超过|未超出|未超|未突破|没有超过|没超过|不超过)(?=[\d一二两三四五六七八九十百千万])")]
    private static partial Regex NotAboveWord();

    [GeneratedRegex(@"(?:未|没有?|不足|不到)[^\d]{0,4}\d")]
    private static partial Regex DenialBeforeNumber();

    [GeneratedRegex(@">=|≥|≧|不少于|不低于|不小于|至少|大于|高于|超过|超出|<=|≤|≦|不超过|不高于|不大于|不多于|控制在|小于|低于|少于|及以上|以上|及以下|以下|以内|之内|>|<")]
    private static partial Regex OperatorWord();

    [GeneratedRegex(@"^(?:大于|高于|超过|超出|>)$")]
    private static partial Regex StrictAbove();

    [GeneratedRegex(@"^(?:小于|低于|少于|<)$")]
    private static partial Regex StrictBelow();
}
