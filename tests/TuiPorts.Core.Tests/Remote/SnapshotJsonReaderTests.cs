using System.Text;
using TuiPorts.Core.Wire;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Scanning;
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

    [Theory]
    [InlineData("\"localPort\":9000", "\"localPort\":70000", "\"localPort\" is out of range: 70000")]
    [InlineData("\"state\":\"LISTEN\"", "\"state\":\"PWNED\\u001b[2J\"", "unknown state 'PWNED?[2J'")]
    [InlineData("\"proto\":\"tcp\"", "\"proto\":\"sctp\"", "unknown proto 'sctp'")]
    [InlineData("\"pid\":100", "\"pid\":-1", "\"pid\" is out of range: -1")]
    public void Values_no_tuiports_writes_are_format_errors_that_quote_them(string good, string bad, string reason)
    {
        using var wire = new MemoryStream();
        var snapshot = Of(Tcp(9000, 500, "LISTEN", Process(100)));
        new SnapshotStreamWriter(wire).Write(snapshot, snapshot.Sockets); // compact: one line
        string json = Encoding.UTF8.GetString(wire.ToArray());
        Assert.Contains(good, json, StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => new SnapshotJsonReader("web1").ReadDocument(json.Replace(good, bad, StringComparison.Ordinal)));

        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void A_string_over_its_cap_is_a_format_error_not_a_row()
    {
        var huge = Process(100) with { CommandLine = new string('a', SnapshotJsonReader.MaxCommandLine + 1) };
        var name = Process(100) with { Name = new string('n', SnapshotJsonReader.MaxText + 1) };

        Assert.Equal("\"cmdline\" is longer than 65536 characters",
            Assert.Throws<FormatException>(() => new SnapshotJsonReader(null).ReadDocument(Document(Of(Tcp(9000, 500, "LISTEN", huge))))).Message);
        Assert.Equal("\"name\" is longer than 4096 characters",
            Assert.Throws<FormatException>(() => new SnapshotJsonReader(null).ReadDocument(Document(Of(Tcp(9000, 500, "LISTEN", name))))).Message);
    }
}
