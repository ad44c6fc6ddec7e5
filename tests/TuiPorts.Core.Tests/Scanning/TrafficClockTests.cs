using System.Net;
using System.Net.Sockets;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>A connection's rate is bytes over the monotonic time between two scans, whatever the wall clock did.</summary>
public sealed class TrafficClockTests
{
    [Fact]
    [Trait("Category", "Oracle")]
    public void A_wall_clock_stepped_back_between_two_scans_leaves_the_rate_as_it_is()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, port);
        using var accepted = listener.AcceptTcpClient();
        var clock = new SteppingClock(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var source = new ProcSnapshotSource(ProcRoot.Default, clock);
        source.Take();

        client.GetStream().Write(new byte[200_000]);
        var buffer = new byte[64 * 1024];
        for (int got = 0; got < 200_000;)
        {
            got += accepted.GetStream().Read(buffer);
        }

        clock.StepWallClock(TimeSpan.FromHours(-1)); // NTP sets the clock back an hour...
        clock.Advance(TimeSpan.FromSeconds(2));      // ...while two seconds pass
        var after = source.Take();

        int clientPort = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        var clientEnd = after.Sockets.Single(s => s.RemotePort == port && s.LocalPort == clientPort);
        Assert.InRange(after.RateOf(clientEnd).TxBytesPerSecond, 100_000, 100_001); // 200,000 bytes over 2 s
        Assert.Equal(clock.GetUtcNow(), after.TakenAt); // the time of day shown is still the wall clock's
    }
}
