using System.Net;
using System.Net.Sockets;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using Fixtures = TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>Both ends of a local connection point at each other; remote peers, listeners and other namespaces do not.</summary>
public sealed class PeerIndexTests
{
    private static SocketEntry Connection(string local, int localPort, string remote, int remotePort, ulong inode, ulong netns = FixtureProcTree.HostNetns, Protocol protocol = Protocol.Tcp) =>
        new(protocol, "ESTABLISHED", IPAddress.Parse(local), localPort, IPAddress.Parse(remote), remotePort, 0, 0, 0, inode, netns, false, EquatableArray<SocketHolder>.Empty);

    [Fact]
    public void The_client_and_the_accepted_socket_of_one_loopback_connection_are_each_others_peer()
    {
        var client = Connection("127.0.0.1", 40000, "127.0.0.1", 5432, 11);
        var accepted = Connection("127.0.0.1", 5432, "127.0.0.1", 40000, 12);
        var snapshot = Fixtures.Of(Fixtures.Listener(5432, 10, 1), client, accepted, Connection("10.0.0.5", 40001, "10.0.0.9", 443, 13));

        Assert.Same(accepted, snapshot.PeerOf(client));
        Assert.Same(client, snapshot.PeerOf(accepted));
        Assert.Null(snapshot.PeerOf(snapshot.Sockets[0])); // a listener has no other end
        Assert.Null(snapshot.PeerOf(snapshot.Sockets[3])); // the other end is on another host
    }

    [Fact]
    public void A_dual_stack_servers_mapped_address_matches_the_IPv4_client()
    {
        var client = Connection("127.0.0.1", 40000, "127.0.0.1", 8080, 11);
        var accepted = Connection("::ffff:127.0.0.1", 8080, "::ffff:127.0.0.1", 40000, 12, protocol: Protocol.Tcp6);

        var snapshot = Fixtures.Of(client, accepted);

        Assert.Same(accepted, snapshot.PeerOf(client));
        Assert.Same(client, snapshot.PeerOf(accepted));
    }

    [Fact]
    public void The_same_four_tuple_in_another_network_namespace_is_not_the_other_end()
    {
        var client = Connection("127.0.0.1", 40000, "127.0.0.1", 5432, 11);
        var elsewhere = Connection("127.0.0.1", 5432, "127.0.0.1", 40000, 12, netns: 4026532999);

        Assert.Null(Fixtures.Of(client, elsewhere).PeerOf(client));
    }

    [Fact]
    [Trait("Category", "Oracle")]
    public void A_real_loopback_connection_is_linked_both_ways_in_a_real_scan()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, port);
        using var accepted = listener.AcceptTcpClient();
        int clientPort = ((IPEndPoint)client.Client.LocalEndPoint!).Port;

        var snapshot = new ProcSnapshotSource(ProcRoot.Default).Take();

        var clientEnd = snapshot.Sockets.Single(s => s.LocalPort == clientPort && s.RemotePort == port);
        var serverEnd = snapshot.Sockets.Single(s => s.LocalPort == port && s.RemotePort == clientPort);
        Assert.Equal(serverEnd.Inode, snapshot.PeerOf(clientEnd)?.Inode);
        Assert.Equal(clientEnd.Inode, snapshot.PeerOf(serverEnd)?.Inode);
        Assert.Equal(Environment.ProcessId, Assert.Single(snapshot.PeerOf(clientEnd)!.Holders).Pid);
    }
}
