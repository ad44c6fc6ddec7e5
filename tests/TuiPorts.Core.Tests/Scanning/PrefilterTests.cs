using System.Net;
using System.Net.Sockets;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>A scan narrowed to a port filter must show exactly what a full scan filtered afterwards shows.</summary>
public sealed class PrefilterTests : IDisposable
{
    private const string Any = "00000000:0000";
    private readonly FixtureProcTree _proc = new();

    public PrefilterTests()
    {
        _proc.WriteTable("tcp",
        [
            Row(0, "0100007F:2328", Any, "0A", 500), // 127.0.0.1:9000 LISTEN
            Row(1, "0100007F:2328", "0100007F:C350", "01", 501), // accepted 9000 <- 50000
            Row(2, "0100007F:C350", "0100007F:2328", "01", 502), // client 50000 -> 9000
            Row(3, "00000000:0016", Any, "0A", 503), // *:22
            Row(4, "0100007F:1F90", Any, "0A", 504), // 127.0.0.1:8080
        ]);
        _proc.WriteTable("udp", [Row(0, "00000000:0035", Any, "07", 505)]); // *:53
        _proc.AddProcess(100, "server", "server").AddSocketFd(100, 3, 500).AddSocketFd(100, 4, 501);
        _proc.AddProcess(200, "client", "client").AddSocketFd(200, 3, 502);
        _proc.AddProcess(300, "sshd", "sshd").AddSocketFd(300, 3, 503);
    }

    public void Dispose() => _proc.Dispose();

    [Theory]
    [InlineData("9000")]
    [InlineData("22,8080")]
    [InlineData("1-100")]
    [InlineData("50000")]
    [InlineData("0")]
    public void A_narrowed_scan_of_a_fixture_equals_a_full_scan_filtered(string text)
    {
        var ports = PortFilterParser.Parse(text, ServicesFile.Empty).Filter!;
        var query = new SocketQuery(ports);

        var full = new ProcSnapshotSource(_proc.ProcRoot).Take();
        var narrowed = new ProcSnapshotSource(_proc.ProcRoot) { Prefilter = ports }.Take();

        Assert.Equal(full.Sockets.Where(query.Matches), narrowed.Sockets.Where(query.Matches));
        Assert.Equal(full.Sockets.Count, narrowed.TotalSockets);
        Assert.Equal(text, narrowed.Scope);
    }

    [Fact]
    [Trait("Category", "Oracle")]
    public void A_narrowed_scan_of_the_live_machine_equals_a_full_scan_filtered()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, port);
        using var accepted = listener.AcceptTcpClient();
        var ports = PortFilterParser.Parse(port.ToString(System.Globalization.CultureInfo.InvariantCulture), ServicesFile.Empty).Filter!;
        var query = new SocketQuery(ports);

        var narrowed = new ProcSnapshotSource(ProcRoot.Default) { Prefilter = ports }.Take();
        var full = new ProcSnapshotSource(ProcRoot.Default).Take();

        var expected = full.Sockets.Where(query.Matches).Where(s => s.Inode != 0).Select(s => (s.Key, s.Role, Pids: string.Join(",", s.Holders.Select(h => h.Pid))));
        var actual = narrowed.Sockets.Where(query.Matches).Where(s => s.Inode != 0).Select(s => (s.Key, s.Role, Pids: string.Join(",", s.Holders.Select(h => h.Pid))));
        Assert.Equal(expected.OrderBy(e => e.Key.Inode), actual.OrderBy(e => e.Key.Inode));
        Assert.Equal(3, actual.Count());
        Assert.True(narrowed.TotalSockets >= narrowed.Sockets.Count);
    }
}
