using System.Text;
using TuiPorts.Core.Output;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Snapshots;
using static TuiPorts.Core.Tests.TestSupport.HostSnapshots;

namespace TuiPorts.Core.Tests.Remote;

public sealed class SnapshotJsonReaderTests
{
    private static string Document(Snapshot snapshot)
    {
        using var buffer = new MemoryStream();
        SnapshotJsonWriter.Write(buffer, snapshot, snapshot.Sockets);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void The_once_json_document_reads_back_into_the_same_snapshot_on_its_host()
    {
        var master = Process(100);
        var worker = Process(101, ppid: 100, start: 5001);
        var original = Of(Tcp(80, 500, "LISTEN", master, worker), Tcp6Accepted(80, 501, worker), TimeWait(80, 40000), HiddenUdp(53, 502));
        original = original with { Stats = original.Stats with { AsRoot = true } }; // hidden owners read as "refuse even root" there

        var read = new SnapshotJsonReader("web1").ReadDocument(Document(original));

        Assert.Equal(original.On("web1").Sockets, read.Sockets);
        Assert.Equal(original.TakenAt, read.TakenAt);
        Assert.Equal(original.OwnNetns, read.OwnNetns);
        Assert.Equal(original.Stats, read.Stats);
        Assert.True(read.Stats.AsRoot);
        Assert.All(read.Sockets, s => Assert.Equal("web1", s.Key.Host));
    }

    [Fact]
    public void Start_times_cgroups_and_a_missing_boot_time_survive_the_wire()
    {
        var unknownStart = Process(7, "kworker") with { StartedAt = null, Cgroup = null, IsKernelThread = true };
        var original = Of(Tcp(9000, 600, "LISTEN", Process(100)), Tcp(9001, 601, "LISTEN", unknownStart));

        var read = new SnapshotJsonReader(null).ReadDocument(Document(original));

        var known = read.Sockets[0].Holders[0].Process;
        Assert.Equal("2026-11-25T12:02:40.34Z", Core.Presentation.Formats.StartTimeUtc(known.StartTimeUtc!.Value));
        Assert.Equal("nginx.service", known.Cgroup!.Unit);
        var kernel = read.Sockets[1].Holders[0].Process;
        Assert.Null(kernel.StartTimeUtc);
        Assert.True(kernel.IsKernelThread);
        Assert.Null(read.Sockets[0].Host);
    }

    [Fact]
    public void A_process_holding_many_sockets_is_read_once_and_shared()
    {
        var master = Process(100);
        var read = new SnapshotJsonReader("web1").ReadDocument(Document(Of(Tcp(80, 500, "LISTEN", master), Tcp(443, 501, "LISTEN", master))));

        Assert.Same(read.Sockets[0].Holders[0].Process, read.Sockets[1].Holders[0].Process);
    }

    [Theory]
    [InlineData("Welcome to Ubuntu 24.04 LTS")]
    [InlineData("{\"takenAt\": \"2026-11-25T12:40:01+00:00\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"takenAt\":\"x\",\"ownNetns\":1,\"sockets\":[],\"stats\":{}}")]
    [InlineData("{\"takenAt\":\"2026-11-25T12:40:01+00:00\",\"ownNetns\":1,\"sockets\":[{\"proto\":\"sctp\"}],\"stats\":{}}")]
    [InlineData("{\"takenAt\":\"2026-11-25T12:40:01+00:00\",\"ownNetns\":-1,\"sockets\":[],\"stats\":{}}")]
    public void Anything_else_is_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => new SnapshotJsonReader("db1").ReadDocument(text));
    }
}
