using System.Net;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Tests.Scanning;

public sealed class SocketRoleTests
{
    private const ulong Ns = 1;

    private static NetTableRow Row(Protocol protocol, string local, int localPort, string remote, int remotePort, string state) =>
        new(protocol, IPAddress.Parse(local), localPort, IPAddress.Parse(remote), remotePort, state, 0, 0, 0, 1);

    private static ListenerIndex Index(params NetTableRow[] listeners)
    {
        var index = new ListenerIndex();
        foreach (var row in listeners)
        {
            index.Add(Ns, row);
        }

        return index;
    }

    [Theory]
    // v4: a wildcard listener serves every local address of its port
    [InlineData("tcp", "0.0.0.0", 8080, "127.0.0.1", 8080, "127.0.0.1", 50000, SocketRole.Accepted)]
    // v4: a listener bound to one address serves only that address
    [InlineData("tcp", "127.0.0.1", 8080, "127.0.0.2", 8080, "127.0.0.1", 50000, SocketRole.Client)]
    [InlineData("tcp", "127.0.0.1", 8080, "127.0.0.1", 8080, "127.0.0.1", 50000, SocketRole.Accepted)]
    // v6 wildcard, dual stack: an IPv4 client shows up as a v4-mapped local address
    [InlineData("tcp6", "::", 8080, "::ffff:127.0.0.1", 8080, "::ffff:127.0.0.1", 50000, SocketRole.Accepted)]
    [InlineData("tcp6", "::1", 8080, "::1", 8080, "::1", 50000, SocketRole.Accepted)]
    // the client end of the same connection: its local port is ephemeral
    [InlineData("tcp", "0.0.0.0", 8080, "127.0.0.1", 50000, "127.0.0.1", 8080, SocketRole.Client)]
    public void A_connection_on_a_listeners_address_and_port_is_accepted(
        string proto, string listenAddress, int listenPort, string local, int localPort, string remote, int remotePort, SocketRole expected)
    {
        var protocol = proto == "tcp" ? Protocol.Tcp : Protocol.Tcp6;
        var index = Index(Row(protocol, listenAddress, listenPort, proto == "tcp" ? "0.0.0.0" : "::", 0, "LISTEN"));

        Assert.Equal(expected, index.RoleOf(Ns, Row(protocol, local, localPort, remote, remotePort, "ESTABLISHED")));
    }

    [Fact]
    public void Listeners_and_unconnected_UDP_sockets_are_listeners_and_connected_UDP_is_a_client()
    {
        var index = Index();

        Assert.Equal(SocketRole.Listener, index.RoleOf(Ns, Row(Protocol.Tcp, "0.0.0.0", 22, "0.0.0.0", 0, "LISTEN")));
        Assert.Equal(SocketRole.Listener, index.RoleOf(Ns, Row(Protocol.Udp6, "::", 53, "::", 0, "UNCONN")));
        Assert.Equal(SocketRole.Client, index.RoleOf(Ns, Row(Protocol.Udp, "127.0.0.1", 40000, "127.0.0.1", 53, "ESTABLISHED")));
    }

    [Fact]
    public void A_listener_of_another_namespace_does_not_make_a_connection_accepted()
    {
        var index = Index(Row(Protocol.Tcp, "0.0.0.0", 8080, "0.0.0.0", 0, "LISTEN"));

        Assert.Equal(SocketRole.Client, index.RoleOf(Ns + 1, Row(Protocol.Tcp, "127.0.0.1", 8080, "127.0.0.1", 50000, "ESTABLISHED")));
    }

    [Fact]
    public void Time_wait_rows_on_a_listened_port_are_accepted()
    {
        var index = Index(Row(Protocol.Tcp, "0.0.0.0", 80, "0.0.0.0", 0, "LISTEN"));

        Assert.Equal(SocketRole.Accepted, index.RoleOf(Ns, Row(Protocol.Tcp, "127.0.0.1", 80, "127.0.0.1", 40001, "TIME_WAIT")));
    }
}
