using System.Net;
using System.Net.Sockets;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>tcp_info of a real loopback connection through the engine: counters, rates between scans, and idleness.</summary>
public sealed class ConnectionTrafficTests
{
    [Fact]
    [Trait("Category", "Oracle")]
    public void A_real_connections_bytes_reach_its_tcp_info_and_the_next_scan_has_its_rate()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, port);
        using var accepted = listener.AcceptTcpClient();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        var source = new ProcSnapshotSource(ProcRoot.Default, time);

        var before = source.Take();
        Send(client, accepted, 300_000);
        time.Advance(TimeSpan.FromSeconds(2));
        var after = source.Take();

        int clientPort = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        var clientEnd = after.Sockets.Single(s => s.RemotePort == port && s.LocalPort == clientPort);
        var serverEnd = after.PeerOf(clientEnd)!;
        Assert.True(after.Traffic.Available);
        Assert.True(after.TcpInfoOf(clientEnd)!.BytesAcked >= 300_000);
        Assert.True(after.TcpInfoOf(serverEnd)!.BytesReceived >= 300_000);
        Assert.True(after.TcpInfoOf(clientEnd)!.RttUs > 0);
        Assert.InRange(after.RateOf(clientEnd).TxBytesPerSecond, 150_000, 150_001); // 300,000 bytes over the two virtual seconds
        Assert.InRange(after.RateOf(serverEnd).RxBytesPerSecond, 150_000, 150_001);
        Assert.Equal(0, before.RateOf(clientEnd).TxBytesPerSecond);
    }

    private static void Send(TcpClient from, TcpClient to, int bytes)
    {
        from.GetStream().Write(new byte[bytes]);
        var buffer = new byte[64 * 1024];
        for (int got = 0; got < bytes;)
        {
            got += to.GetStream().Read(buffer);
        }
    }
}
