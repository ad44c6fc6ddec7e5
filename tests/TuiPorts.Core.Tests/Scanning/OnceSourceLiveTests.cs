using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>
/// On the live machine (sock_diag, tcp_info), a one-shot picture of loopback sockets - an IPv4 listener, a dual-stack
/// one with an IPv4 client (an IPv4-mapped other end), an IPv6 pair, a UDP pair - is the snapshot's document, with the
/// port program in the kernel and with a filter too long for it. Only what moves between two reads is set aside: the
/// idle ages and round-trip estimates of tcp_info, and the machine-wide counts.
/// </summary>
[Trait("Category", "Oracle")]
public sealed class OnceSourceLiveTests : IDisposable
{
    private readonly TcpListener _v4 = new(IPAddress.Loopback, 0);
    private readonly TcpListener _dual = new(IPAddress.IPv6Any, 0);
    private readonly List<IDisposable> _open = [];
    private readonly UdpClient _udpA = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly UdpClient _udpB = new(new IPEndPoint(IPAddress.Loopback, 0));

    public OnceSourceLiveTests()
    {
        _dual.Server.DualMode = true;
        _v4.Start();
        _dual.Start();
        Connect(_v4, IPAddress.Loopback);
        Connect(_dual, IPAddress.Loopback);
        Connect(_dual, IPAddress.IPv6Loopback);
        _udpA.Connect((IPEndPoint)_udpB.Client.LocalEndPoint!);
        _udpB.Connect((IPEndPoint)_udpA.Client.LocalEndPoint!);
    }

    private void Connect(TcpListener listener, IPAddress to)
    {
        var client = new TcpClient(to.AddressFamily);
        client.Connect(to, ((IPEndPoint)listener.LocalEndpoint).Port);
        _open.Add(client);
        var accepted = listener.AcceptTcpClient();
        _open.Add(accepted);
        client.GetStream().Write(new byte[1000]);
        accepted.GetStream().ReadExactly(new byte[1000]);
    }

    public void Dispose()
    {
        _open.ForEach(s => s.Dispose());
        _v4.Stop();
        _dual.Stop();
        _udpA.Dispose();
        _udpB.Dispose();
    }

    private int[] Ports =>
    [
        ((IPEndPoint)_v4.LocalEndpoint).Port, ((IPEndPoint)_dual.LocalEndpoint).Port,
        ((IPEndPoint)_udpA.Client.LocalEndPoint!).Port, ((IPEndPoint)_udpB.Client.LocalEndPoint!).Port,
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_picture_of_live_sockets_is_the_snapshots_document(bool tooLongForTheKernel)
    {
        var ranges = Ports.Select(p => new PortRange(p, p)).ToList();
        if (tooLongForTheKernel)
        {
            ranges.AddRange(Enumerable.Range(0, 300).Select(i => new PortRange(1 + (2 * i), 1 + (2 * i))));
        }

        var query = new SocketQuery(new PortFilter(ranges, string.Join(',', Ports)));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);

        var expected = Steady(OnceDocuments.FromSnapshot(ProcRoot.Default, query, time));
        var actual = Steady(OnceDocuments.FromPicture(ProcRoot.Default, query, time));

        Assert.Equal(expected, actual);
        Assert.Contains("\"tcpInfo\"", actual, StringComparison.Ordinal);
        Assert.Contains("\"peerInode\"", actual, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"accepted\"", actual, StringComparison.Ordinal);
        Assert.Contains(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), actual, StringComparison.Ordinal);
    }

    /// <summary>The document without what moves between two reads of a live machine.</summary>
    private static string Steady(string document)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        root.Remove("stats");
        foreach (var socket in root["sockets"]!.AsArray())
        {
            if (socket!["tcpInfo"] is JsonObject info)
            {
                info["lastSendMs"] = 0;
                info["lastReceiveMs"] = 0;
                info["rttUs"] = 0; // a late ACK of the bytes sent may still move these three
                info["rttVarUs"] = 0;
                info["deliveryRateBps"] = 0;
            }
        }

        return root.ToJsonString();
    }
}
