using ReportGen.Analysis;
using ReportGen.Model;

namespace ReportGen.Batch;

/// <summary>What became of one workbook in a batch, in the order the summary ranks them (weakest first).</summary>
public enum BatchStatus
{
    /// <summary>The workbook could not be read at all (corrupt, a missing sheet or column).</summary>
    Unreadable,

    /// <summary>An unexpected failure while reading, rendering or writing (a bug, a full disk).</summary>
    Failed,

    /// <summary>Read and checked; a finding at error level, so no report (its figures would be unreliable).</summary>
    HasErrors,

    /// <summary>Checked and rendered; the report is written.</summary>
    Rendered,

    /// <summary>Not processed: the batch was stopped (Ctrl+C) before its turn.</summary>
    Cancelled,
}

/// <summary>
/// One department's row of the batch summary: its totals (万元, unrounded), 10号文 score, finding counts and worst
/// project, plus every finding for the second sheet. Small on purpose: the batch keeps these, never the documents.
/// </summary>
public sealed record DepartmentSummary
{
    /// <summary>The workbook's path relative to the input folder.</summary>
    public required string Workbook { get; init; }
    public required BatchStatus Status { get; init; }

    /// <summary>部门名称, or the workbook's name when it could not be read.</summary>
    public required string Department { get; init; }
    public int? Year { get; init; }
    public decimal? FinalBudget { get; init; }
    public decimal? Actual { get; init; }
    public decimal? CarryOver { get; init; }
    public decimal? ExecutionRate { get; init; }
    public decimal? Score { get; init; }
    public string? Grade { get; init; }

    /// <summary>Some indicator cannot be judged yet (no 实际完成值 or 完成情况): the score and grade are 暂定.</summary>
    public bool Provisional { get; init; }

    /// <summary>The score with every undecided indicator at full weight (equal to <see cref="Score"/> when final).</summary>
    public decimal? ScoreCeiling { get; init; }

    /// <summary>"最终", "暂定，补齐后在14.97至57.30分之间", or null without a score.</summary>
    public string? ScoreState => Score is null ? null
        : Provisional && ScoreCeiling is { } ceiling ? Vocabulary.Bundled["得分.暂定区间", ("最低", Money.Format(Score.Value)), ("最高", Money.Format(ceiling))]
        : Provisional ? Vocabulary.Bundled["得分.暂定"]
        : Vocabulary.Bundled["得分.最终"];

    public int Errors { get; init; }
    public int Warnings { get; init; }
    public int Infos { get; init; }
    public string? WorstProject { get; init; }
    public decimal? WorstProjectScore { get; init; }
    public decimal? WorstProjectRate { get; init; }

    /// <summary>The report written, or null.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Why it was not rendered, when that is not a list of findings (unreadable, failed).</summary>
    public string? Message { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public static string StatusName(BatchStatus status) => Vocabulary.Bundled.Of(status);

    public static DepartmentSummary From(BatchItem item, DepartmentAnalysis analysis, string? reportPath)
    {
        var totals = analysis.Figures.Department;
        var worst = FindWorstProject(analysis);
        return new DepartmentSummary
        {
            Workbook = item.Name,
            Status = reportPath is not null ? BatchStatus.Rendered : BatchStatus.HasErrors,
            Department = analysis.Workbook.Department.Name,
            Year = analysis.Workbook.Department.Year,
            FinalBudget = totals.Final,
            Actual = totals.Actual,
            CarryOver = totals.CarryOver,
            ExecutionRate = totals.ExecutionRate,
            Score = analysis.DepartmentScore?.Total,
            Grade = analysis.DepartmentScore?.Grade,
            Provisional = analysis.DepartmentScore?.Provisional ?? false,
            ScoreCeiling = analysis.DepartmentScore?.Ceiling,
            Errors = analysis.Findings.CountOf(Severity.Error),
            Warnings = analysis.Findings.CountOf(Severity.Warning),
            Infos = analysis.Findings.CountOf(Severity.Info),
            WorstProject = worst?.Name,
            WorstProjectScore = worst is null ? null : analysis.ProjectScores.GetValueOrDefault(worst.Line)?.Total,
            WorstProjectRate = worst?.Amounts.ExecutionRate,
            ReportPath = reportPath,
            Findings = analysis.Findings,
        };
    }

    /// <summary>A workbook that produced no analysis: its one finding is the reason (RG601 / RG602).</summary>
    public static DepartmentSummary Failure(BatchItem item, BatchStatus status, string message, SourceLocation? location = null)
    {
        var code = status == BatchStatus.Unreadable ? FindingCodes.BatchUnreadable : FindingCodes.BatchFailed;
        return new DepartmentSummary
        {
            Workbook = item.Name,
            Status = status,
            Department = Path.GetFileNameWithoutExtension(item.WorkbookPath),
            Errors = 1,
            Message = message,
            Findings = [new Finding(code, Severity.Error, location ?? new SourceLocation(item.WorkbookPath, null), message)],
        };
    }

    public static DepartmentSummary NotProcessed(BatchItem item) => new()
    {
        Workbook = item.Name,
        Status = BatchStatus.Cancelled,
        Department = Path.GetFileNameWithoutExtension(item.WorkbookPath),
    };

    /// <summary>
    /// The project with the lowest 10号文 score; without scored projects, the one with the lowest execution rate
    /// (a line without budget has no rate and is not a candidate). Ties go to the lower rate, then budget order.
    /// </summary>
    private static LineFigures? FindWorstProject(DepartmentAnalysis analysis)
    {
        var projects = analysis.Figures.ProjectLines.ToList();
        var scored = projects.Where(p => analysis.ProjectScores.ContainsKey(p.Line)).ToList();
        var candidates = scored.Count > 0 ? scored : projects.Where(p => p.Amounts.ExecutionRate is not null).ToList();
        return candidates
            .OrderBy(p => analysis.ProjectScores.GetValueOrDefault(p.Line)?.Total ?? 0m)
            .ThenBy(p => p.Amounts.ExecutionRate ?? decimal.MaxValue)
            .FirstOrDefault();
    }
}

/// <summary>The outcome of a whole batch: one row per workbook found, and how long it took.</summary>
public sealed record BatchSummary(IReadOnlyList<DepartmentSummary> Departments, TimeSpan Elapsed)
{
    public int Count(BatchStatus status) => Departments.Count(d => d.Status == status);

    /// <summary>Some workbook was not rendered for a reason of its own (not because the batch was stopped).</summary>
    public bool AnyFailed => Departments.Any(d => d.Status is BatchStatus.Unreadable or BatchStatus.Failed or BatchStatus.HasErrors);

    public bool Cancelled => Departments.Any(d => d.Status == BatchStatus.Cancelled);

    /// <summary>
    /// Weakest first, so the bureau starts with the departments that need it: unreadable and failed workbooks,
    /// then those with errors, then the rendered ones; within each, final scores before provisional ones (a 暂定
    /// score rests on indicators not judged yet and does not compare with a final one), then by score (no score
    /// first: nothing to judge the department by), then by execution rate, then by workbook path for a stable
    /// order. Stopped ones last.
    /// </summary>
    public IReadOnlyList<DepartmentSummary> Ranked() => Departments
        .OrderBy(d => d.Status)
        .ThenBy(d => d.Provisional)
        .ThenBy(d => d.Score.HasValue)
        .ThenBy(d => d.Score ?? 0m)
        .ThenBy(d => d.ExecutionRate ?? decimal.MinValue)
        .ThenBy(d => d.Workbook, StringComparer.Ordinal)
        .ToList();
}
