using System.Net;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>The join's de-duplication of rows knows a socket as <see cref="SocketEntry.Key"/> does.</summary>
public sealed class SeenSocketsTests
{
    /// <summary>Adds the row the engine would have read for <paramref name="socket"/> (this machine: no host).</summary>
    private static bool Add(SeenSockets seen, SocketEntry socket) => seen.Add(
        new NetTableRow(socket.Protocol, socket.LocalAddress, socket.LocalPort, socket.RemoteAddress, socket.RemotePort, socket.State,
            socket.TxQueue, socket.RxQueue, socket.Uid, socket.Inode),
        socket.Netns);

    [Fact]
    public void A_repeated_inode_is_seen_once_per_namespace_and_protocol()
    {
        var seen = new SeenSockets(4);
        var socket = HostSnapshots.Tcp(80, 500);

        Assert.True(Add(seen, socket));
        Assert.False(Add(seen, socket with { State = "CLOSE_WAIT", LocalPort = 81 })); // the key is the inode, as SocketEntry.Key says
        Assert.True(Add(seen, socket with { Protocol = Protocol.Tcp6 }));
        Assert.True(Add(seen, socket with { Netns = HostSnapshots.Netns + 1 }));
        Assert.True(Add(seen, HostSnapshots.Tcp(80, 501)));
    }

    [Fact]
    public void Sockets_without_an_inode_are_told_apart_by_their_ends_and_state()
    {
        var seen = new SeenSockets(4);

        Assert.True(Add(seen, HostSnapshots.TimeWait(80, 40000)));
        Assert.False(Add(seen, HostSnapshots.TimeWait(80, 40000)));
        Assert.True(Add(seen, HostSnapshots.TimeWait(80, 40001)));
        Assert.True(Add(seen, HostSnapshots.TimeWait(80, 40000) with { RemoteAddress = IPAddress.Parse("127.0.0.2") }));
        Assert.True(Add(seen, HostSnapshots.TimeWait(80, 40000) with { State = "FIN_WAIT2" }));
    }

    [Fact]
    public void It_agrees_with_a_set_of_whole_keys()
    {
        var sockets = new List<SocketEntry>();
        foreach (ulong inode in new ulong[] { 0, 7, 7, 9, 0, 9, 11 })
        {
            foreach (var protocol in new[] { Protocol.Tcp, Protocol.Udp6 })
            {
                sockets.Add(HostSnapshots.Tcp(1000 + (int)(inode % 3), inode) with { Protocol = protocol });
            }
        }

        var seen = new SeenSockets(sockets.Count);
        var keys = new HashSet<SocketKey>();

        Assert.All(sockets, socket => Assert.Equal(keys.Add(socket.Key), Add(seen, socket)));
    }
}
