using System.Net;
using System.Net.Sockets;
using TuiPorts.Core.Netlink;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;

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

    private static string Describe(NetTableRow r) =>
        $"{r.Protocol} {r.LocalAddress}:{r.LocalPort} {r.RemoteAddress}:{r.RemotePort} {r.State} tx={r.TxQueue} rx={r.RxQueue} uid={r.Uid} inode={r.Inode}";
}
