using System.Net;
using System.Text;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Core.Wire;

namespace TuiPorts.Core.Tests.Remote;

/// <summary><c>--stream</c> carries tcpInfo that moved, at most every few seconds, and never for an idle connection.</summary>
public sealed class StreamTrafficTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static readonly SocketEntry Connection = new(
        Protocol.Tcp, "ESTABLISHED", IPAddress.Loopback, 40000, IPAddress.Loopback, 5432, 0, 0, 0, 11, FixtureProcTree.HostNetns, false,
        EquatableArray<SocketHolder>.Empty);

    private static Snapshot At(int second, ulong received, long lastReceiveMs = 0) =>
        TestSupport.Snapshots.Of(T0.AddSeconds(second), Connection) with
        {
            Traffic = new ConnectionTraffic(
                new Dictionary<ulong, TcpInfo> { [11] = new(100, 10, 1, received, 1, 0, 0, null, 0, lastReceiveMs) },
                new Dictionary<ulong, ConnectionRate>()),
        };

    [Fact]
    public void Moving_counters_are_sent_every_five_seconds_and_idle_ages_never()
    {
        var output = new MemoryStream();
        var clock = new SteppingClock(T0);
        var writer = new SnapshotStreamWriter(output, clock);

        int first = writer.Write(At(0, 100), [Connection]);
        clock.Advance(TimeSpan.FromSeconds(1));
        int oneSecondLater = writer.Write(At(1, 200), [Connection]);
        clock.Advance(TimeSpan.FromSeconds(4));
        int fiveSecondsLater = writer.Write(At(5, 900), [Connection]);
        clock.Advance(TimeSpan.FromSeconds(6));
        int onlyAged = writer.Write(At(11, 900, lastReceiveMs: 6000), [Connection]);

        Assert.True(first > 0);
        Assert.Equal(0, oneSecondLater);
        Assert.True(fiveSecondsLater > 0);
        Assert.Equal(0, onlyAged);
        Assert.Contains("\"bytesReceived\":900", LastLine(output), StringComparison.Ordinal);
    }

    [Fact]
    public void The_five_seconds_are_real_ones_whichever_way_the_wall_clock_is_set()
    {
        var output = new MemoryStream();
        var clock = new SteppingClock(T0);
        var writer = new SnapshotStreamWriter(output, clock);
        writer.Write(At(0, 100), [Connection]);

        clock.StepWallClock(TimeSpan.FromHours(1)); // set forward: scans now dated an hour later
        clock.Advance(TimeSpan.FromSeconds(1));
        int oneRealSecondLater = writer.Write(At(3601, 200), [Connection]);
        clock.StepWallClock(TimeSpan.FromHours(-2)); // set back: dated before the last send
        clock.Advance(TimeSpan.FromSeconds(4));
        int fiveRealSecondsLater = writer.Write(At(-3595, 900), [Connection]);

        Assert.Equal(0, oneRealSecondLater);
        Assert.True(fiveRealSecondsLater > 0);
        Assert.Contains("\"bytesReceived\":900", LastLine(output), StringComparison.Ordinal);
    }

    private static string LastLine(MemoryStream output)
    {
        string lastLine = Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n').Split('\n')[^1];
        Assert.Contains("\"changed\":[{", lastLine, StringComparison.Ordinal);
        return lastLine;
    }
}
