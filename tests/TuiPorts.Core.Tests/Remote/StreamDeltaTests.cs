using System.Buffers;
using System.Text.Json;
using TuiPorts.Core.Wire;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Scanning;
using static TuiPorts.Core.Tests.TestSupport.HostSnapshots;

namespace TuiPorts.Core.Tests.Remote;

public sealed class StreamDeltaTests
{
    private static readonly ProcessInfo Master = Process(100);
    private static readonly ProcessInfo Worker = Process(101, ppid: 100, start: 5001);

    private static readonly Snapshot Before = Of(
        Tcp(80, 500, "LISTEN", Master, Worker), Tcp6Accepted(80, 501, Worker), TimeWait(80, 40000), HiddenUdp(53, 502), Tcp(9000, 503, "LISTEN", Process(300)));

    private static readonly Snapshot After = Of(
        new DateTimeOffset(2026, 11, 25, 12, 40, 2, TimeSpan.Zero),
        Tcp(80, 500, "LISTEN", Master), // the worker exited: changed
        Tcp6Accepted(80, 501, Worker) with { TxQueue = 4096 }, // its queue grew: changed
        TimeWait(80, 40001), // a new TIME_WAIT (no inode: keyed by its 5-tuple); the old one went
        HiddenUdp(53, 502), // unchanged
        Tcp(8080, 504, "LISTEN", Process(301))); // new; 9000 went away

    [Fact]
    public void Between_two_snapshots_it_holds_exactly_what_was_added_changed_and_removed()
    {
        var delta = StreamDelta.Between(Before, After);

        Assert.Equal([40001, 8080], delta.Added.Select(s => s.RemotePort == 40001 ? 40001 : s.LocalPort));
        Assert.Equal([500UL, 501UL], delta.Changed.Select(s => s.Inode));
        Assert.Equal(2, delta.Removed.Count);
        Assert.Contains(TimeWait(80, 40000).Key, delta.Removed);
        Assert.Contains(SocketKey.ForInode(Netns, Protocol.Tcp, 503), delta.Removed);
        Assert.True(StreamDelta.Between(After, After).IsEmpty);
    }

    [Fact]
    public void Written_read_and_applied_it_turns_the_first_snapshot_into_the_second()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, SnapshotJsonWriter.Options(indented: false)))
        {
            StreamDelta.Between(Before, After).Write(json, ["a warning"]);
        }

        using var line = JsonDocument.Parse(buffer.WrittenMemory);
        var reader = new SnapshotJsonReader("web1");
        var applied = StreamDelta.Read(line.RootElement, reader).ApplyTo(Before.On("web1"));

        Assert.Equal(ByKey(After.On("web1")), ByKey(applied));
        Assert.Equal(After.TakenAt, applied.TakenAt);
        Assert.Equal(After.Stats, applied.Stats);
        Assert.DoesNotContain((byte)'\n', buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Applying_is_lenient_about_sockets_it_does_not_know()
    {
        var stranger = Tcp(7000, 900, "LISTEN", Process(400));
        var delta = new StreamDelta(After.TakenAt, [], [stranger], [SocketKey.ForInode(Netns, Protocol.Tcp, 12345)], After.Stats);

        var applied = delta.ApplyTo(Before);

        Assert.Equal(Before.Sockets.Count + 1, applied.Sockets.Count);
        Assert.Contains(stranger, applied.Sockets);
    }
}
