using System.Net;
using TuiPorts.Cli;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Tests.Cli;

public sealed class OnceOrderTests
{
    [Fact]
    public void Sockets_come_by_protocol_then_port_and_ties_keep_their_order()
    {
        var sockets = new List<SocketEntry>();
        for (int i = 0; i < 400; i++)
        {
            // many ties: TIME_WAITs differing only in an address the order does not look at
            sockets.Add(HostSnapshots.TimeWait(80 + (i % 5), 40000 + (i % 3)) with { RemoteAddress = IPAddress.Parse($"127.0.{i / 256}.{i % 256}") });
            sockets.Add(HostSnapshots.Tcp(80 + (i % 7), (ulong)(1000 + (i % 11))) with { Protocol = (i % 2 == 0) ? Protocol.Udp : Protocol.Tcp6 });
        }

        var shuffled = sockets.OrderBy(_ => Random.Shared.Next()).ToList();
        var expected = shuffled.OrderBy(s => s.Protocol).ThenBy(s => s, Comparer<SocketEntry>.Create(SortOrder.Default.Compare)).ToList();

        var ordered = OnceCommand.Ordered(shuffled.Where(_ => true), shuffled.Count);

        Assert.Equal(expected.Count, ordered.Count);
        Assert.All(Enumerable.Range(0, expected.Count), i => Assert.Same(expected[i], ordered[i]));
    }
}
