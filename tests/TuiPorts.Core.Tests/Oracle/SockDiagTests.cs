using System.Net;
using System.Net.Sockets;
using TuiPorts.Core.Netlink;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Tests.Oracle;

/// <summary>NETLINK_SOCK_DIAG and /proc/net must describe the same sockets identically.</summary>
[Trait("Category", "Oracle")]
public sealed class SockDiagTests
{
    [Fact]
    public void Sock_diag_rows_equal_proc_net_rows_for_live_loopback_sockets()
    {
        using var tcp4 = new TcpListener(IPAddress.Loopback, 0);
        using var tcp6 = new TcpListener(IPAddress.IPv6Loopback, 0);
        tcp4.Start();
        tcp6.Start();
        using var dual = new TcpListener(IPAddress.IPv6Any, 0);
        dual.Server.DualMode = true;
        dual.Start();
        using var udp4 = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var udp6 = new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        using var client = new TcpClient(AddressFamily.InterNetworkV6);
        client.Client.DualMode = true;
        client.Connect(new IPEndPoint(IPAddress.Loopback.MapToIPv6(), ((IPEndPoint)dual.LocalEndpoint).Port));
        using var accepted = dual.AcceptTcpClient();
        var ours = new[] { tcp4.Server, tcp6.Server, dual.Server, udp4.Client, udp6.Client, client.Client, accepted.Client }
            .Select(s => ((IPEndPoint)s.LocalEndPoint!).Port).ToHashSet();

        foreach (var protocol in ProtocolExtensions.All)
        {
            var viaNetlink = SockDiagReader.TryRead(protocol);
            Assert.NotNull(viaNetlink);
            var viaProc = NetTableParser.Parse(protocol, File.ReadAllText($"/proc/net/{protocol.Name()}"));
            var expected = viaProc.Rows.Where(r => ours.Contains(r.LocalPort)).OrderBy(r => r.Inode).ThenBy(r => r.RemotePort).ToList();
            var actual = viaNetlink.Rows.Where(r => ours.Contains(r.LocalPort)).OrderBy(r => r.Inode).ThenBy(r => r.RemotePort).ToList();

            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(Describe), actual.Select(Describe));
        }
    }

    [Fact]
    public void One_walk_for_both_tcp_families_returns_what_the_two_per_family_dumps_return()
    {
        using var tcp4 = new TcpListener(IPAddress.Loopback, 0);
        using var tcp6 = new TcpListener(IPAddress.IPv6Loopback, 0);
        tcp4.Start();
        tcp6.Start();
        using var client4 = new TcpClient(AddressFamily.InterNetwork);
        client4.Connect((IPEndPoint)tcp4.LocalEndpoint);
        using var accepted4 = tcp4.AcceptTcpClient();
        using var client6 = new TcpClient(AddressFamily.InterNetworkV6);
        client6.Connect((IPEndPoint)tcp6.LocalEndpoint);
        using var accepted6 = tcp6.AcceptTcpClient();
        // our sockets by their exact ends (a busy machine reuses port numbers on other addresses and families)
        var ours = new[] { tcp4.Server, tcp6.Server, client4.Client, accepted4.Client, client6.Client, accepted6.Client }
            .Select(s => (Local: (IPEndPoint)s.LocalEndPoint!, Remote: s.RemoteEndPoint as IPEndPoint))
            .Select(e => $"{e.Local.Address}:{e.Local.Port} {e.Remote?.Port ?? 0}").ToHashSet();

        var records = new RecordBuffer();
        Assert.True(SockDiagReader.TryReadTcpBoth(records));
        var (both4, both6) = SockDiagReader.DecodeTcpBoth(records.Span);

        foreach (var (protocol, combined) in new[] { (Protocol.Tcp, both4), (Protocol.Tcp6, both6) })
        {
            var perFamily = SockDiagReader.TryRead(protocol)!.Rows.Where(r => ours.Contains(Ends(r))).Select(Describe).Order().ToList();
            Assert.Equal(3, perFamily.Count); // the listener, the client and the accepted end
            Assert.Equal(perFamily, combined.Rows.Where(r => ours.Contains(Ends(r))).Select(Describe).Order());
            Assert.All(combined.Rows, r => Assert.Equal(protocol, r.Protocol));
        }
    }

    [Fact]
    public void One_walk_with_a_port_program_and_listeners_only_keeps_the_kernel_filter()
    {
        using var tcp4 = new TcpListener(IPAddress.Loopback, 0);
        using var tcp6 = new TcpListener(IPAddress.IPv6Loopback, 0);
        using var other = new TcpListener(IPAddress.Loopback, 0);
        tcp4.Start();
        tcp6.Start();
        other.Start();
        int port4 = ((IPEndPoint)tcp4.LocalEndpoint).Port, port6 = ((IPEndPoint)tcp6.LocalEndpoint).Port;
        var ranges = Core.Filtering.PortFilterParser.Parse($"{port4},{port6}", ServicesFile.Empty).Filter!.Ranges;

        var records = new RecordBuffer();
        Assert.True(SockDiagReader.TryReadTcpBoth(records, PortBytecode.For(ranges), SockDiagReader.ListenOnly));
        var (both4, both6) = SockDiagReader.DecodeTcpBoth(records.Span);

        Assert.Equal([port4], both4.Rows.Select(r => r.LocalPort));
        Assert.Equal([port6], both6.Rows.Select(r => r.LocalPort));
    }

    private static string Ends(NetTableRow r) => $"{r.LocalAddress}:{r.LocalPort} {r.RemotePort}";

    private static string Describe(NetTableRow r) =>
        $"{r.Protocol} {r.LocalAddress}:{r.LocalPort} {r.RemoteAddress}:{r.RemotePort} {r.State} tx={r.TxQueue} rx={r.RxQueue} uid={r.Uid} inode={r.Inode}";
}
