using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Tests.Scanning;

public sealed class HoldingsTests
{
    [Fact]
    public void None_one_and_several_holders_list_in_the_order_added()
    {
        Holdings none = default;
        var one = new Holdings(100, 3);
        var three = one.With(200, 4).With(100, 9);

        Assert.Empty(none);
        Assert.Equal([(100, 3)], one.ToList());
        Assert.Equal([(100, 3), (200, 4), (100, 9)], three.ToList());
        Assert.Equal((200, 4), three[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => one[1]);
    }

    [Fact]
    public void The_map_lists_every_holder_of_a_shared_socket_and_none_for_an_unknown_inode()
    {
        var map = HolderMap.Build(
            [
                new ProcessFds(300, 1, 7, LinkStatus.Ok, [new(3, 500), new(4, 501)], 5),
                new ProcessFds(301, 1, 7, LinkStatus.Ok, [new(8, 500)], 9),
            ],
            vanished: 0,
            sockets: 3);

        Assert.Equal([(300, 3), (301, 8)], map.HoldersOf(500).ToList());
        Assert.Equal([(300, 4)], map.HoldersOf(501).ToList());
        Assert.Empty(map.HoldersOf(502));
        Assert.True(map.Holds(501));
        Assert.False(map.Holds(502));
        Assert.Equal(3, map.SocketFds);
    }
}
