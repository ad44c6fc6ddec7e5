using System.Reactive.Concurrency;
using System.Text;
using NSubstitute;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Live;
using TuiPorts.Core.Scanning;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;
using TuiPorts.Core.Wire;

namespace TuiPorts.Core.Tests.Remote;

/// <summary><c>--stream</c> on virtual time: the poller's changed scans become lines, silence becomes heartbeats, a gone reader ends it.</summary>
public sealed class StreamPublisherTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(2);
    private readonly HistoricalScheduler _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly ISnapshotSource _source = Substitute.For<ISnapshotSource>();
    private readonly MemoryStream _output = new();
    private readonly List<string> _failures = [];
    private int _readerGone;

    private IDisposable Start(Stream? output = null)
    {
        var publisher = new StreamPublisher(
            new SnapshotPoller(_source, _time, Interval), SocketQuery.All, new SnapshotStreamWriter(output ?? _output), _time, Beat, s => s.ToList());
        publisher.ScanFailed += _failures.Add;
        return publisher.Start(() => _readerGone++);
    }

    private string[] Lines => Encoding.UTF8.GetString(_output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void The_first_scan_is_the_whole_document_unchanged_scans_write_nothing_and_a_change_writes_one_delta()
    {
        var quiet = Of(Listener(9000, 500, 100));
        var changed = Of(Listener(9000, 500, 100), Listener(9001, 501, 100));
        _source.Take().Returns(quiet, quiet, quiet, changed);
        using var _ = Start();

        _time.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Single(Lines);
        Assert.Contains("\"sockets\":[", Lines[0], StringComparison.Ordinal); // the whole document
        Assert.DoesNotContain("\"added\"", Lines[0], StringComparison.Ordinal);

        _time.AdvanceBy(Interval * 2); // two unchanged scans: no line for them, only the heartbeat at 2 s
        Assert.Equal(2, Lines.Length);
        Assert.StartsWith("{\"heartbeat\"", Lines[1], StringComparison.Ordinal);

        _time.AdvanceBy(Interval);
        Assert.Equal(3, Lines.Length);
        Assert.Contains("\"added\"", Lines[2], StringComparison.Ordinal);
        Assert.Contains("9001", Lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("9000", Lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Silence_is_a_heartbeat_every_period_after_the_last_line_and_a_line_pushes_the_next_one_back()
    {
        var quiet = Of(Listener(9000, 500, 100));
        var changed = Of(Listener(9001, 501, 100));
        _source.Take().Returns(quiet, quiet, quiet, changed, changed, changed, changed, changed, changed);
        using var _ = Start();

        _time.AdvanceBy(TimeSpan.FromMilliseconds(1)); // t=0: the document
        _time.AdvanceBy(TimeSpan.FromSeconds(2));      // t=2: a heartbeat
        Assert.Equal(2, Lines.Length);
        _time.AdvanceBy(TimeSpan.FromSeconds(1));      // t=3: the change, a delta
        Assert.Equal(3, Lines.Length);
        _time.AdvanceBy(TimeSpan.FromSeconds(1.5));    // t=4.5: less than a period since the delta: nothing
        Assert.Equal(3, Lines.Length);
        _time.AdvanceBy(TimeSpan.FromSeconds(0.6));    // t=5.1: a period after the delta: a heartbeat
        Assert.Equal(4, Lines.Length);
        Assert.StartsWith("{\"heartbeat\":{\"at\":\"2026-12-07T", Lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_scan_is_reported_and_the_stream_goes_on()
    {
        var scans = new Queue<Func<Snapshot>>([
            () => Of(Listener(9000, 500, 100)),
            () => throw new IOException("disk gone"),
            () => Of(Listener(9001, 501, 100)),
        ]);
        _source.Take().Returns(_ => scans.Dequeue()());
        using var _ = Start();
        _time.AdvanceBy(TimeSpan.FromMilliseconds(1));
        _time.AdvanceBy(Interval);
        _time.AdvanceBy(Interval);

        Assert.Equal("refresh failed: IOException: disk gone", Assert.Single(_failures));
        Assert.Contains(Lines, l => l.Contains("\"added\"", StringComparison.Ordinal) && l.Contains("9001", StringComparison.Ordinal));
        Assert.Equal(0, _readerGone);
    }

    [Fact]
    public void A_reader_that_is_gone_ends_the_stream_once_and_nothing_is_scanned_for_it_afterwards()
    {
        _source.Take().Returns(Of(Listener(9000, 500, 100)));
        using var stream = Start(new GoneReader());

        _time.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _readerGone);
        _time.AdvanceBy(Beat * 5);

        Assert.Equal(1, _readerGone);
    }

    /// <summary>A pipe whose reader went away: every write fails with EPIPE.</summary>
    private sealed class GoneReader : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("broken pipe");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("broken pipe");
    }
}
