using ReportGen.Files;
using ReportGen.Tests.Snapshots;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Files;

/// <summary>
/// Same-file detection where the system gives no inode (Windows, macOS, a C library without statx): the paths are
/// compared fully resolved (a link to a folder higher up counts, not only the last name), under the platform's
/// rule for case and Unicode normalisation (docs/errors.md, "Outputs never overwrite inputs").
/// </summary>
public sealed class FileIdentityTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    public void A_file_reached_through_a_linked_folder_is_the_same_file_without_inodes()
    {
        var real = Directory.CreateDirectory(_temp.File("真实文件夹")).FullName;
        var workbook = Path.Combine(real, "部门.xlsx");
        File.WriteAllText(workbook, "x");
        var linked = _temp.File("链接文件夹");
        Directory.CreateSymbolicLink(linked, real);
        var viaLink = Path.Combine(linked, "部门.xlsx");

        var input = FileIdentity.Portable(workbook);
        var output = FileIdentity.Portable(viaLink);

        Assert.Equal(workbook, FileIdentity.Resolve(viaLink));
        Assert.Equal(0ul, output.Inode);
        Assert.True(output.SameAs(input));
        Assert.False(FileIdentity.Portable(_temp.File("其他.xlsx")).SameAs(input));
    }

    [UnixFact]
    public void A_link_to_a_link_and_a_link_loop_resolve_as_far_as_they_go()
    {
        var real = Directory.CreateDirectory(_temp.File("a")).FullName;
        Directory.CreateSymbolicLink(_temp.File("b"), real);
        Directory.CreateSymbolicLink(_temp.File("c"), _temp.File("b"));
        File.CreateSymbolicLink(_temp.File("loop1"), _temp.File("loop2"));
        File.CreateSymbolicLink(_temp.File("loop2"), _temp.File("loop1"));

        Assert.Equal(Path.Combine(real, "报告.docx"), FileIdentity.Resolve(Path.Combine(_temp.File("c"), "报告.docx")));
        Assert.Equal(Path.Combine(_temp.File("loop1"), "x.docx"), FileIdentity.Resolve(Path.Combine(_temp.File("loop1"), "x.docx")));
    }

    [Fact]
    public void Case_and_normalisation_count_only_where_the_platform_compares_names_exactly()
    {
        const string composed = "/数据/Café/部门.XLSX";
        const string decomposed = "/数据/Cafe\u0301/部门.xlsx";

        Assert.True(FileIdentity.SamePath(composed, decomposed, StringComparison.OrdinalIgnoreCase));
        Assert.False(FileIdentity.SamePath(composed, decomposed, StringComparison.Ordinal));
        Assert.False(FileIdentity.SamePath("/数据/部门.xlsx", "/数据/部门2.xlsx", StringComparison.OrdinalIgnoreCase));
        var expected = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        Assert.Equal(expected, FileIdentity.PathComparison);
    }
}
