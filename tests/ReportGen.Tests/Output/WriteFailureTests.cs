using ReportGen.Model;
using ReportGen.Output;

namespace ReportGen.Tests.Output;

/// <summary>
/// A write that fails midway (a full disk) must reach the user as that failure: the CLI turns an IOException into
/// "磁盘空间不足" with exit 2, anything else into an internal error (docs/errors.md).
/// </summary>
public class WriteFailureTests
{
    /// <summary>Accepts <paramref name="capacity"/> bytes, then fails as a full disk does (ENOSPC, errno 28).</summary>
    private sealed class FullDiskStream(int capacity) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > capacity)
            {
                throw new IOException("No space left on device", 28);
            }

            base.Write(buffer, offset, count);
        }

        public override void WriteByte(byte value) => Write([value], 0, 1);
    }

    /// <summary>A report whose document.xml is several of PartXml's 60 KB flushes and does not compress to nothing.</summary>
    private static ReportDocument Big()
    {
        var random = new Random(28);
        var blocks = Enumerable.Range(1, 2_000)
            .Select(i => (Block)new Paragraph($"第{i}段：" + string.Concat(Enumerable.Range(0, 40).Select(_ => (char)random.Next(0x4E00, 0x9FA5)))))
            .ToList();
        return new ReportDocument("写满磁盘的报告", blocks);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(30_000)]
    [InlineData(150_000)]
    public void A_report_that_runs_out_of_disk_fails_with_the_disk_error(int capacity)
    {
        var document = Big();
        using (var whole = new MemoryStream())
        {
            DocxWriter.Write(document, whole, DocxLayout.Default);
            Assert.True(whole.Length > capacity, $"the report is only {whole.Length} bytes");
        }

        using var stream = new FullDiskStream(capacity);

        var error = Assert.Throws<IOException>(() => DocxWriter.Write(document, stream, DocxLayout.Default));

        Assert.Equal(28, error.HResult);
    }

    [Fact]
    public void A_workbook_that_runs_out_of_disk_fails_with_the_disk_error()
    {
        var rows = Enumerable.Range(1, 5_000).Select(i => (IReadOnlyList<object?>)[$"部门{i}", i * 1.5m, "说明文字"]).ToList();
        using var stream = new FullDiskStream(20_000);

        var error = Assert.Throws<IOException>(() => XlsxWriter.Write(stream, [new XlsxSheet("汇总", rows)]));

        Assert.Equal(28, error.HResult);
    }
}
