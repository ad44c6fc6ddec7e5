using System.Net;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Scanning;

public sealed class SeenSocketsTests
{
    [Fact]
    public void A_repeated_inode_is_seen_once_per_namespace_and_protocol()
    {
        var seen = new SeenSockets(4);
        var socket = HostSnapshots.Tcp(80, 500);

        Assert.True(seen.Add(socket));
        Assert.False(seen.Add(socket with { State = "CLOSE_WAIT", LocalPort = 81 })); // the key is the inode, as SocketEntry.Key says
        Assert.True(seen.Add(socket with { Protocol = Protocol.Tcp6 }));
        Assert.True(seen.Add(socket with { Netns = HostSnapshots.Netns + 1 }));
        Assert.True(seen.Add(HostSnapshots.Tcp(80, 501)));
    }

    [Fact]
    public void Sockets_without_an_inode_are_told_apart_by_their_ends_and_state()
    {
        var seen = new SeenSockets(4);

        Assert.True(seen.Add(HostSnapshots.TimeWait(80, 40000)));
        Assert.False(seen.Add(HostSnapshots.TimeWait(80, 40000)));
        Assert.True(seen.Add(HostSnapshots.TimeWait(80, 40001)));
        Assert.True(seen.Add(HostSnapshots.TimeWait(80, 40000) with { RemoteAddress = IPAddress.Parse("127.0.0.2") }));
        Assert.True(seen.Add(HostSnapshots.TimeWait(80, 40000) with { State = "FIN_WAIT2" }));
    }

    [Fact]
    public void A_row_is_seen_as_the_entry_it_makes()
    {
        var byRow = new SeenSockets(4);
        var byEntry = new SeenSockets(4);
        NetTableRow[] rows =
        [
            new(Protocol.Tcp, IPAddress.Loopback, 80, IPAddress.Loopback, 40000, "ESTABLISHED", 0, 0, 0, 500),
            new(Protocol.Tcp, IPAddress.Loopback, 81, IPAddress.Loopback, 40000, "CLOSE_WAIT", 0, 0, 0, 500), // same inode
            new(Protocol.Tcp, IPAddress.Loopback, 80, IPAddress.Loopback, 40001, "TIME_WAIT", 0, 0, 0, 0),
            new(Protocol.Tcp, IPAddress.Loopback, 80, IPAddress.Loopback, 40001, "TIME_WAIT", 0, 0, 0, 0), // repeated
            new(Protocol.Tcp, IPAddress.Loopback, 80, IPAddress.Loopback, 40002, "TIME_WAIT", 0, 0, 0, 0),
        ];

        foreach (var row in rows)
        {
            var entry = new SocketEntry(row.Protocol, row.State, row.LocalAddress, row.LocalPort, row.RemoteAddress, row.RemotePort,
                row.TxQueue, row.RxQueue, row.Uid, row.Inode, HostSnapshots.Netns, false, EquatableArray<SocketHolder>.Empty);
            Assert.Equal(byEntry.Add(entry), byRow.Add(row, HostSnapshots.Netns));
        }
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
                sockets.Add(HostSnapshots.Tcp(1000 + (int)(inode % 3), inode) with { Protocol = protocol, Host = "web1" });
            }
        }

        var seen = new SeenSockets(sockets.Count);
        var keys = new HashSet<SocketKey>();

        Assert.All(sockets, socket => Assert.Equal(keys.Add(socket.Key), seen.Add(socket)));
    }
}
