using System.Net;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>The rows of a one-shot as they are read, and starting over when the kernel refuses a dump.</summary>
public sealed class OnceSocketsTests
{
    private static NetTableRow Row(string state, int localPort, ulong inode, string local = "127.0.0.1") =>
        new(Protocol.Tcp, IPAddress.Parse(local), localPort, IPAddress.Parse("127.0.0.1"), 50000, state, 0, 0, 0, inode);

    [Fact]
    public void Clear_forgets_the_listeners_too_so_roles_come_from_what_is_read_after()
    {
        var sockets = new OnceSockets();
        sockets.AddListener(1, Row(SocketStates.Listen, 9000, 10, "0.0.0.0"));
        sockets.Add(1, Row(SocketStates.Established, 9000, 11));
        Assert.Equal(SocketRole.Accepted, sockets.RoleOf(sockets.Rows[0]));

        sockets.Clear();
        sockets.Add(1, Row(SocketStates.Established, 9000, 11));

        Assert.Equal(1, sockets.Count);
        Assert.Equal(SocketRole.Client, sockets.RoleOf(sockets.Rows[0]));
    }

    [Fact]
    public void Rows_arrive_numbered_and_a_row_too_wide_for_the_compact_form_says_so()
    {
        var sockets = new OnceSockets();
        sockets.Add(1, Row(SocketStates.Listen, 9000, 10));
        sockets.Add(2, Row(SocketStates.Listen, 9001, 12) with { RxQueue = 1L << 32 });

        Assert.Equal([0], sockets.Rows.ToArray().Select(r => r.Arrival));
        Assert.False(sockets.Fits);
    }
}
