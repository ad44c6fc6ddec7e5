using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TuiPorts.Cli;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;

namespace TuiPorts.Tests.Cli;

/// <summary><c>tuiports close</c> on real loopback connections: exactly the one asked for, never the listener; exit codes.</summary>
public sealed class CloseCommandTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _open = [];

    public CloseCommandTests() => _listener.Start();

    public void Dispose()
    {
        _open.ForEach(c => c.Dispose());
        _listener.Stop();
    }

    private string Port => ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

    private (TcpClient Client, TcpClient Accepted) Connect()
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { ReceiveTimeout = 10_000 };
        client.Connect(IPAddress.Loopback, int.Parse(Port, CultureInfo.InvariantCulture));
        var accepted = _listener.AcceptTcpClient();
        accepted.ReceiveTimeout = 10_000;
        _open.AddRange([client, accepted]);
        return (client, accepted);
    }

    private static string Peer(TcpClient client) => $"127.0.0.1:{((IPEndPoint)client.Client.LocalEndPoint!).Port}";

    private static (int Code, string Out, string Err) Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLineInterface.Run(args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static bool Alive(TcpClient from, TcpClient to)
    {
        from.GetStream().Write("ping"u8);
        return to.GetStream().Read(new byte[8]) == 4;
    }

    [RootFact]
    public void Close_with_peer_and_yes_closes_exactly_that_connection_and_prints_it()
    {
        var (doomed, _) = Connect();
        var (other, otherAccepted) = Connect();

        var (code, output, _) = Run(string.Empty, "close", Port, "--peer", Peer(doomed), "--yes");

        Assert.Equal(0, code);
        Assert.Contains($"closed: tcp 127.0.0.1:{Port} <-> {Peer(doomed)} ESTAB, pid {Environment.ProcessId}", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), line => line.StartsWith("closed:", StringComparison.Ordinal));
        var reset = Assert.Throws<IOException>(() => doomed.GetStream().Read(new byte[8]));
        Assert.Equal(SocketError.ConnectionReset, ((SocketException)reset.InnerException!).SocketErrorCode);
        Assert.True(Alive(other, otherAccepted));
        Assert.True(Alive(otherAccepted, other));
        var (late, lateAccepted) = Connect(); // the server still listens
        Assert.True(Alive(late, lateAccepted));
    }

    [RootFact]
    public void Dry_run_lists_and_closes_nothing_and_no_as_the_answer_closes_nothing_either()
    {
        var (client, accepted) = Connect();

        var dry = Run(string.Empty, "close", Port, "--peer", Peer(client), "--dry-run");
        var declined = Run("n\n", "close", Port, "--peer", Peer(client));
        var unanswered = Run(string.Empty, "close", Port, "--peer", Peer(client));

        Assert.Equal(0, dry.Code);
        Assert.Contains("dry run: would close 1 connection", dry.Out, StringComparison.Ordinal);
        Assert.Equal(1, declined.Code);
        Assert.Contains("[y/N]", declined.Out, StringComparison.Ordinal);
        Assert.Contains("cancelled: nothing closed", declined.Out, StringComparison.Ordinal);
        Assert.Equal(1, unanswered.Code);
        Assert.True(Alive(client, accepted));
    }

    [Fact]
    public void An_unprivileged_user_is_refused_by_the_kernel_and_gets_exit_1_and_the_reason()
    {
        var (client, accepted) = Connect();

        var result = CliProcess.Run(["close", Port, "--peer", Peer(client), "--yes"], asNobody: true);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not closed: closing a connection needs root (CAP_NET_ADMIN)", result.Stderr, StringComparison.Ordinal);
        Assert.True(Alive(client, accepted));
    }

    [Fact]
    public void A_port_with_no_matching_connection_closes_nothing_and_never_the_listener()
    {
        var (code, output, error) = Run(string.Empty, "close", Port, "--yes");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"no connection matches {Port}: nothing to close", error, StringComparison.Ordinal);
        using var probe = new TcpClient(AddressFamily.InterNetwork);
        probe.Connect(IPAddress.Loopback, int.Parse(Port, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("close")]
    [InlineData("close", "70000")]
    [InlineData("close", "9000", "--peer", "nonsense")]
    [InlineData("close", "9000", "--peer", "10")]
    [InlineData("close", "9000", "--peer", "127.0.0.1:99999")]
    [InlineData("close", "9000", "--peer", "[::1")]
    [InlineData("close", "9000", "--state", "sleepy")]
    [InlineData("close", "9000", "--state", "listen")]
    public void Bad_input_is_one_line_and_exit_2(params string[] args)
    {
        var (code, output, error) = Run(string.Empty, args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void State_and_peer_accept_the_forms_ss_and_netstat_print()
    {
        Assert.Equal("CLOSE_WAIT", TuiPorts.Core.Model.SocketStates.ParseTcpName("close-wait"));
        Assert.Equal("ESTABLISHED", TuiPorts.Core.Model.SocketStates.ParseTcpName("estab"));
        Assert.Equal("FIN_WAIT1", TuiPorts.Core.Model.SocketStates.ParseTcpName("FIN-WAIT-1"));
        Assert.True(Core.Filtering.ConnectionFilter.TryParsePeer("[::1]:5432", out var address, out int? port, out _));
        Assert.Equal((IPAddress.IPv6Loopback, 5432), (address, port));
        Assert.True(Core.Filtering.ConnectionFilter.TryParsePeer("::ffff:10.0.0.7", out address, out port, out _));
        Assert.Equal((IPAddress.Parse("10.0.0.7"), (int?)null), (address, port));
    }
}
