using System.Text;
using TuiPorts.Core.Remote;

namespace TuiPorts.Core.Tests.Remote;

/// <summary>Lines from a child's stdout, each capped: the first by one cap, the rest by another; an endless line is never held.</summary>
public sealed class BoundedLineReaderTests
{
    private static BoundedLineReader Reader(string text, long first = 64, long rest = 16) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(text)), first, rest);

    [Fact]
    public void It_reads_lines_with_either_end_and_a_last_unterminated_one()
    {
        var reader = Reader("{\"a\":1}\r\nzwei ü\nlast");

        Assert.Equal("{\"a\":1}", reader.ReadLine());
        Assert.Equal("zwei ü", reader.ReadLine());
        Assert.Equal("last", reader.ReadLine());
        Assert.Null(reader.ReadLine());
    }

    [Fact]
    public void The_first_line_may_be_longer_than_the_later_ones()
    {
        var reader = Reader(new string('s', 60) + "\n" + new string('d', 16) + "\n" + new string('x', 17) + "\n");

        Assert.Equal(60, reader.ReadLine()!.Length);
        Assert.Equal(16, reader.ReadLine()!.Length);
        var tooLong = Assert.Throws<LineTooLongException>(() => reader.ReadLine());
        Assert.Equal(16, tooLong.Cap);
    }

    [Fact]
    public void An_endless_line_stops_at_the_cap_without_reading_on()
    {
        var endless = new EndlessStream();
        var reader = new BoundedLineReader(endless, 1 << 20, 1 << 10);

        var error = Assert.Throws<LineTooLongException>(() => reader.ReadLine());

        Assert.Equal("sent a line over 1 MiB", error.Message);
        Assert.InRange(endless.Served, 1 << 20, (1 << 20) + (64 * 1024)); // read up to the cap, then no further
    }

    /// <summary>'x' forever, no newline: a hostile host's answer.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'x');
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
