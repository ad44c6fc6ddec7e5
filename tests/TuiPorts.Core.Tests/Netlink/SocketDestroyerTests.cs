using System.Net;
using System.Net.Sockets;
using TuiPorts.Core.Netlink;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Netlink;

/// <summary>SOCK_DESTROY on real loopback connections: the one asked for is reset, the server and the others live.</summary>
public sealed class SocketDestroyerTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<IDisposable> _open = [];

    public SocketDestroyerTests() => _listener.Start();

    public void Dispose()
    {
        _open.ForEach(d => d.Dispose());
        _listener.Stop();
    }

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private (TcpClient Client, TcpClient Accepted) Connect()
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { ReceiveTimeout = 10_000 };
        client.Connect(IPAddress.Loopback, Port);
        var accepted = _listener.AcceptTcpClient();
        accepted.ReceiveTimeout = 10_000;
        _open.Add(client);
        _open.Add(accepted);
        return (client, accepted);
    }

    private static int LocalPort(TcpClient client) => ((IPEndPoint)client.Client.LocalEndPoint!).Port;

    [RootFact]
    [Trait("Category", "Oracle")]
    public void Closing_the_server_side_of_one_connection_resets_its_client_and_leaves_the_listener_and_the_other_connection_alone()
    {
        var (doomed, _) = Connect();
        var (other, otherAccepted) = Connect();
        var snapshot = new ProcSnapshotSource(ProcRoot.Default).Take();
        var target = snapshot.Sockets.Single(s => s.LocalPort == Port && s.RemotePort == LocalPort(doomed));

        var result = SocketDestroyer.Instance.Close(target, snapshot.OwnNetns);

        Assert.Equal(CloseOutcome.Closed, result.Outcome);
        var reset = Assert.Throws<IOException>(() => doomed.GetStream().Read(new byte[16]));
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(reset.InnerException).SocketErrorCode);
        other.GetStream().Write("still here"u8);
        var buffer = new byte[16];
        Assert.Equal(10, otherAccepted.GetStream().Read(buffer));
        var (late, lateAccepted) = Connect(); // the listener still accepts
        late.GetStream().Write("new"u8);
        Assert.Equal(3, lateAccepted.GetStream().Read(buffer));
        Assert.Equal(CloseOutcome.AlreadyGone, SocketDestroyer.Instance.Close(target, snapshot.OwnNetns).Outcome); // not the listener it now finds
        Assert.Contains(new ProcSnapshotSource(ProcRoot.Default).Take().Sockets, s => s.LocalPort == Port && s.IsListening);
    }

    [Fact]
    [Trait("Category", "Oracle")]
    public void A_listener_or_a_socket_of_another_namespace_is_never_closed()
    {
        var snapshot = new ProcSnapshotSource(ProcRoot.Default).Take();
        var listener = snapshot.Sockets.Single(s => s.LocalPort == Port && s.IsListening);

        Assert.Equal(CloseOutcome.NotAConnection, SocketDestroyer.Instance.Close(listener, snapshot.OwnNetns).Outcome);
        Assert.Equal(CloseOutcome.NotAConnection, SocketDestroyer.Instance.Close(listener with { State = "ESTABLISHED" }, snapshot.OwnNetns + 1).Outcome);
    }

    [RootFact]
    [Trait("Category", "Oracle")]
    public void A_socket_whose_inode_is_not_the_one_shown_is_left_alone()
    {
        var (client, accepted) = Connect();
        var snapshot = new ProcSnapshotSource(ProcRoot.Default).Take();
        var target = snapshot.Sockets.Single(s => s.LocalPort == Port && s.RemotePort == LocalPort(client));

        var result = SocketDestroyer.Instance.Close(target with { Inode = target.Inode + 1_000_000 }, snapshot.OwnNetns);

        Assert.Equal(CloseOutcome.Replaced, result.Outcome);
        client.GetStream().Write("alive"u8);
        Assert.Equal(5, accepted.GetStream().Read(new byte[8]));
    }

    [Theory]
    [InlineData(0, CloseOutcome.Closed)]
    [InlineData(2, CloseOutcome.AlreadyGone)]
    [InlineData(1, CloseOutcome.NotPermitted)]
    [InlineData(95, CloseOutcome.NotSupported)]
    [InlineData(22, CloseOutcome.Failed)]
    public void The_kernels_answer_means(int errno, CloseOutcome outcome) => Assert.Equal(outcome, CloseResult.FromErrno(errno).Outcome);

    [Fact]
    public void A_kernel_without_CONFIG_INET_DIAG_DESTROY_is_said_in_one_sentence()
    {
        string sentence = TuiPorts.Core.Presentation.Wording.CloseOutcome(CloseResult.FromErrno(95));

        Assert.Contains("CONFIG_INET_DIAG_DESTROY", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(". ", sentence, StringComparison.Ordinal);
    }
}
