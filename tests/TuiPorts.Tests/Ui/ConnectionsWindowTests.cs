using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.Input;
using TuiPorts.Core.Netlink;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Ui;

namespace TuiPorts.Tests.Ui;

/// <summary>
/// The live view on real loopback connections: Rx/s, Tx/s and RTT columns from two scans two (virtual) seconds apart,
/// the detail pane's traffic and other end, g to the other end, s for one state, b for the busiest, c to close one.
/// </summary>
public sealed class ConnectionsWindowTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TcpClient _client = new(AddressFamily.InterNetwork) { ReceiveTimeout = 10_000 };
    private readonly TcpClient _accepted;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddYears(56));
    private readonly ProcSnapshotSource _source;
    private readonly HeadlessUi _ui = new(TestContexts.For(ProcRoot.Default), width: 160, height: 40);

    public ConnectionsWindowTests()
    {
        _listener.Start();
        _client.Connect(IPAddress.Loopback, Port);
        _accepted = _listener.AcceptTcpClient();
        _accepted.ReceiveTimeout = 10_000;
        string port = Port.ToString(CultureInfo.InvariantCulture);
        _source = new ProcSnapshotSource(ProcRoot.Default, _time)
        {
            Prefilter = Core.Filtering.PortFilterParser.Parse(port, ServicesFile.Empty).Filter, // as the live view narrows the scan
        };
        _ui.Type(port); // only this test's sockets
    }

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>
    /// The listener, the client and the accepted end. The port filter also matches any other socket with the same port
    /// number: a UDP socket of another program, another test's connection.
    /// </summary>
    private bool Ours(SocketEntry socket) => socket.Protocol == Protocol.Tcp && socket.LocalAddress.Equals(IPAddress.Loopback) &&
        (socket.LocalPort == Port && (socket.IsListening || socket.RemotePort == ClientPort)) || (socket.LocalPort == ClientPort && socket.RemotePort == Port);

    private int ClientPort => ((IPEndPoint)_client.Client.LocalEndPoint!).Port;

    public void Dispose()
    {
        _ui.Dispose();
        _accepted.Dispose();
        _client.Dispose();
        _listener.Stop();
    }

    /// <summary>Pushes <paramref name="bytes"/> from the client, then scans after two virtual seconds.</summary>
    private void PushAndScan(int bytes)
    {
        _ui.Show(_source.Take());
        var writing = Task.Run(() => _client.GetStream().Write(new byte[bytes])); // more than the socket buffers hold
        var buffer = new byte[256 * 1024];
        for (int got = 0; got < bytes;)
        {
            got += _accepted.GetStream().Read(buffer);
        }

        writing.GetAwaiter().GetResult();

        _time.Advance(TimeSpan.FromSeconds(2));
        _ui.Show(_source.Take());
    }

    /// <summary>The table line whose local address is 127.0.0.1:<paramref name="localPort"/> (not its peer column).</summary>
    private string Row(int localPort) =>
        _ui.Screen.Split('\n').Single(line => Regex.IsMatch(line, $@"^.?\s?tcp\S*\s+127\.0\.0\.1:{localPort}\s.*ESTAB"));

    private void Highlight(int localPort)
    {
        int index = _ui.Window.State.Rows.ToList().FindIndex(r => r.Socket.LocalPort == localPort && !r.Socket.IsListening);
        Assert.True(index >= 0, $"no connection row on local port {localPort}");
        _ui.Press(Key.Home);
        for (int i = 0; i < index; i++)
        {
            _ui.Press(Key.CursorDown);
        }

        Assert.Equal(localPort, _ui.Window.State.SelectedRow!.Socket.LocalPort);
    }

    [Fact]
    public void A_client_pushing_4_MB_a_second_shows_4_MB_a_second_on_both_ends_with_its_RTT()
    {
        PushAndScan(8_000_000);

        string header = _ui.Screen.Split('\n').First(l => l.Contains("Local Address", StringComparison.Ordinal));
        Assert.Contains("Rx/s", header, StringComparison.Ordinal);
        Assert.Contains("Tx/s", header, StringComparison.Ordinal);
        Assert.Contains("RTT", header, StringComparison.Ordinal);
        Assert.Matches(@"\b4\.0M\b", Row(ClientPort)); // sent by the client
        Assert.Matches(@"\b4\.0M\b", Row(Port)); // received by the server
        Assert.Matches(@"\d+(us|ms)\b", Row(ClientPort));
    }

    [Fact]
    public void The_detail_pane_shows_the_traffic_the_other_end_and_the_process_totals_and_g_goes_there()
    {
        PushAndScan(1_000_000);
        Highlight(ClientPort);

        string details = string.Join('\n', _ui.Window.DetailLines);
        Assert.Contains("traffic: in 0/s  out 500K/s  rtt ", details, StringComparison.Ordinal);
        Assert.Contains($"other end: pid {Environment.ProcessId} (", details, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{Port} (g goes there)", details, StringComparison.Ordinal);
        Assert.Contains($"pid {Environment.ProcessId} (", details, StringComparison.Ordinal);
        Assert.Contains("in total: in 500K/s  out 500K/s over 2 connections", details, StringComparison.Ordinal);

        _ui.Press(Key.G);

        var selected = _ui.Window.State.SelectedRow!.Socket;
        Assert.Equal((Port, ClientPort), (selected.LocalPort, selected.RemotePort));
        _ui.Press(Key.G);
        Assert.Equal(ClientPort, _ui.Window.State.SelectedRow!.Socket.LocalPort);
    }

    [Fact]
    public void The_summary_counts_states_and_s_shows_one_state_at_a_time()
    {
        _ui.Show(_source.Take());
        Assert.Contains("ESTAB 2 LISTEN 1", _ui.Screen, StringComparison.Ordinal);

        _ui.Press(Key.S);

        Assert.Equal(SocketStates.Established, _ui.Window.Screen.StateFilter);
        Assert.Contains("[ESTAB] 2", _ui.Screen, StringComparison.Ordinal);
        Assert.All(_ui.Window.State.Rows, r => Assert.Equal("ESTABLISHED", r.Socket.State));
        _ui.Press(Key.S); // LISTEN, the next state present
        Assert.All(_ui.Window.State.Rows, r => Assert.True(r.Socket.IsListening));
        _ui.Press(Key.S); // every state again
        Assert.Null(_ui.Window.Screen.StateFilter);
        Assert.Equal(3, _ui.Window.State.Rows.Count(r => Ours(r.Socket)));
    }

    [Fact]
    public void B_sorts_the_busiest_connection_first()
    {
        using var quiet = new TcpClient(AddressFamily.InterNetwork);
        quiet.Connect(IPAddress.Loopback, Port);
        using var quietAccepted = _listener.AcceptTcpClient();
        PushAndScan(500_000);

        _ui.Press(Key.B);

        Assert.Contains("sort: traffic", _ui.Screen, StringComparison.Ordinal);
        var busiest = _ui.Window.State.Rows.Take(2).Select(r => r.Socket.LocalPort).Order();
        Assert.Equal(new[] { ClientPort, Port }.Order(), busiest);
    }

    [RootFact]
    public void C_asks_and_closes_only_the_highlighted_connection_when_the_answer_is_yes()
    {
        var asked = new List<SocketEntry>();
        bool answer = false;
        using var closes = new CloseController(_ui.Window, s => { asked.Add(s); return answer; }, SocketDestroyer.Instance, () => { }, Core.Killing.KillRefusal.None);
        _ui.Show(_source.Take());
        Highlight(Port);

        _ui.Press(Key.C); // answered no: nothing closed
        _client.GetStream().Write("still"u8);
        Assert.Equal(5, _accepted.GetStream().Read(new byte[8]));
        Assert.Contains("close cancelled", _ui.Screen, StringComparison.Ordinal);

        answer = true;
        _ui.Press(Key.C);

        Assert.Equal(2, asked.Count);
        Assert.Contains($"closed: tcp 127.0.0.1:{Port} <-> 127.0.0.1:{ClientPort}", _ui.Screen, StringComparison.Ordinal);
        var reset = Assert.Throws<IOException>(() => _client.GetStream().Read(new byte[8]));
        Assert.Equal(SocketError.ConnectionReset, ((SocketException)reset.InnerException!).SocketErrorCode);
        using var late = new TcpClient(AddressFamily.InterNetwork);
        late.Connect(IPAddress.Loopback, Port); // the server lives
    }

    [Fact]
    public void C_on_the_listener_asks_nothing_and_says_why()
    {
        bool asked = false;
        using var closes = new CloseController(_ui.Window, _ => asked = true, SocketDestroyer.Instance, () => { }, Core.Killing.KillRefusal.None);
        _ui.Show(_source.Take());
        _ui.Press(Key.Home);
        while (!_ui.Window.State.SelectedRow!.Socket.IsListening && _ui.Window.State.SelectedIndex < _ui.Window.State.Rows.Count - 1)
        {
            _ui.Press(Key.CursorDown);
        }

        Assert.True(_ui.Window.State.SelectedRow!.Socket.IsListening);

        _ui.Press(Key.C);

        Assert.False(asked);
        Assert.Contains("a listener is never closed", _ui.Screen, StringComparison.Ordinal);
    }
}
