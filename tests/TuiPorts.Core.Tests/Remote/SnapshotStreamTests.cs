using System.Text;
using System.Text.Json;
using TuiPorts.Core.Scanning;
using static TuiPorts.Core.Tests.TestSupport.HostSnapshots;
using TuiPorts.Core.Wire;

namespace TuiPorts.Core.Tests.Remote;

/// <summary>The stream end to end in memory: what the writer puts on the wire, the reader turns back into the snapshots.</summary>
public sealed class SnapshotStreamTests
{
    private readonly MemoryStream _wire = new();
    private readonly SnapshotStreamWriter _writer;

    public SnapshotStreamTests() => _writer = new SnapshotStreamWriter(_wire);

    private List<string> Lines => Encoding.UTF8.GetString(_wire.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    private int Write(Snapshot snapshot) => _writer.Write(snapshot, snapshot.Sockets);

    [Fact]
    public void The_first_line_is_the_whole_document_then_only_changes_and_nothing_when_nothing_changed()
    {
        var first = Of(Tcp(80, 500, "LISTEN", Process(100)), Tcp(443, 501, "LISTEN", Process(100)));
        var same = first with { TakenAt = first.TakenAt.AddSeconds(1), Sockets = new EquatableArray<SocketEntry>(first.Sockets.Reverse()) };
        var changed = Of(first.TakenAt.AddSeconds(2), Tcp(80, 500, "LISTEN", Process(100)), Tcp(8443, 502, "LISTEN", Process(100)));

        Assert.True(Write(first) > 0);
        Assert.Equal(0, Write(same)); // same sockets in another order: no line
        Assert.True(Write(changed) > 0);

        Assert.Equal(2, Lines.Count);
        using var whole = JsonDocument.Parse(Lines[0]);
        Assert.Equal(2, whole.RootElement.GetProperty("sockets").GetArrayLength());
        using var delta = JsonDocument.Parse(Lines[1]);
        Assert.Equal(8443, delta.RootElement.GetProperty("added")[0].GetProperty("localPort").GetInt32());
        Assert.Equal(501UL, delta.RootElement.GetProperty("removed")[0].GetProperty("inode").GetUInt64());
        Assert.Equal(0, delta.RootElement.GetProperty("changed").GetArrayLength());
    }

    [Fact]
    public void A_reader_follows_the_writer_through_every_change()
    {
        var steps = new[]
        {
            Of(Tcp(80, 500, "LISTEN", Process(100)), TimeWait(80, 40000)),
            Of(Tcp(80, 500, "LISTEN", Process(100), Process(101, ppid: 100)), TimeWait(80, 40000), Tcp6Accepted(80, 501, Process(101, ppid: 100))),
            Of(Tcp(80, 500, "LISTEN", Process(100)), HiddenUdp(53, 502)),
            Of(),
            Of(Tcp(22, 503, "LISTEN", Process(1, "sshd", ppid: 0))),
        };
        var reader = new SnapshotStreamReader("db1");
        var seen = new List<Snapshot>();
        foreach (var step in steps)
        {
            Write(step);
        }

        foreach (string line in Lines)
        {
            seen.Add(reader.Read(line));
        }

        Assert.Equal(steps.Length, seen.Count);
        for (int i = 0; i < steps.Length; i++)
        {
            Assert.Equal(ByKey(steps[i].On("db1")), ByKey(seen[i]));
        }
    }

    [Theory]
    [InlineData("Last login: Tue Nov 25 12:00:00 2026 from 10.0.0.1")]
    [InlineData("{\"takenAt\":\"2026-11-25T12:40:01+00:00\",\"added\":[],\"changed\":[],\"removed\":[],\"stats\":{}}")]
    [InlineData("{\"hello\": 1}")]
    [InlineData("\u0000\u0001binary")]
    public void A_line_that_is_not_the_stream_is_a_format_error_and_changes_nothing(string garbage)
    {
        var reader = new SnapshotStreamReader("db1");

        Assert.Throws<FormatException>(() => reader.Read(garbage));
        Assert.Null(reader.Current);
    }

    [Fact]
    public void After_garbage_the_last_good_snapshot_stays()
    {
        Write(Of(Tcp(80, 500, "LISTEN", Process(100))));
        var reader = new SnapshotStreamReader("db1");
        var good = reader.Read(Lines[0]);

        Assert.Throws<FormatException>(() => reader.Read("{\"takenAt\": 3"));
        Assert.Same(good, reader.Current);
    }
}
