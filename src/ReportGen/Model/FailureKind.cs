namespace ReportGen.Model;

/// <summary>
/// What kind of failure ended a job; the command line turns it into an exit code (<c>ExitCodes</c>), a batch into a
/// row's status, the workbench into an HTTP status.
/// </summary>
public enum FailureKind
{
    /// <summary>An input the tool cannot use: a file, sheet, cell, template or option.</summary>
    Input,

    /// <summary>The file system refused a read or a write (disk full, permission, a file in use).</summary>
    FileSystem,

    /// <summary>A bug of ReportGen: an exception no stage expected.</summary>
    Internal,
}
