using System.Reactive.Concurrency;
using System.Reactive.Linq;
using NSubstitute;
using Terminal.Gui.Input;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Ui;
using static TuiPorts.Core.Tests.TestSupport.HostSnapshots;

namespace TuiPorts.Tests.Ui;

/// <summary>The real window over several hosts, headless: the HOST column, host lines, and K on a remote host's row.</summary>
public sealed class RemoteHostsWindowTests : IDisposable
{
    private static readonly HostSet Hosts = new(["web1", "web2", "db1"], "here");
    private readonly FixtureProcTree _proc = new();
    private readonly HeadlessUi _ui;
    private readonly ISignalSender _sender = Substitute.For<ISignalSender>();
    private readonly IKillPrompt _prompt = Substitute.For<IKillPrompt>();
    private readonly IProcessLauncher _launcher = Substitute.For<IProcessLauncher>();
    private readonly IRemoteProcess _remoteKill = Substitute.For<IRemoteProcess>();
    private readonly List<IReadOnlyList<string>> _sshCalls = [];

    /// <summary>The screen's clock stands still: "no answer for 6 s" is 6 s however long the machine takes between two lines.</summary>
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    public RemoteHostsWindowTests()
    {
        var context = TestContexts.For(_proc.ProcRoot, _time);
        context = context with { FdTables = new FdTableLoader(_proc.ProcRoot, ImmediateScheduler.Instance, ImmediateScheduler.Instance) { IsRemote = Hosts.IsRemote } };
        _ui = new HeadlessUi(context, width: 80, height: 24);
        var java = new TuiPorts.Core.Model.ProcessInfo(4242, "java", "java -jar app.jar", 33, "www-data", 5000,
            new DateTimeOffset(2026, 11, 25, 12, 1, 0, 340, TimeSpan.Zero), 1, false);
        _ui.Window.Apply(HostsView.Combine(
        [
            new HostSnapshot(new HostStatus("here", HostState.Live), Of(Tcp(22, 7, "LISTEN", Process(900, "sshd"))).On("here")),
            new HostSnapshot(new HostStatus("web1", HostState.Live), Of(Tcp(8080, 10, "LISTEN", java)).On("web1")),
            new HostSnapshot(new HostStatus("web2", HostState.Live), Of(Tcp(8080, 10, "LISTEN", java)).On("web2")),
            new HostSnapshot(new HostStatus("db1", HostState.Failed, "ssh: connect to host db1 port 22: Connection refused", _ui.Window.Screen.HostClock + TimeSpan.FromSeconds(30)), null),
        ]));
        _remoteKill.Output.Returns(new[] { "port 8080: freed", "pid 4242 (java) exited after SIGTERM" }.ToObservable());
        _remoteKill.ErrorText.Returns(string.Empty);
        _remoteKill.ExitCode.Returns(0);
        _launcher.Start("ssh", Arg.Do<IReadOnlyList<string>>(_sshCalls.Add)).Returns(_remoteKill);
        _ = new KillController(
            _ui.Window, _prompt, new KillPlanner(_sender, Policies.WithParent(1, 1), _proc.ProcRoot),
            () => throw new InvalidOperationException("a remote row must not be killed here"), ImmediateScheduler.Instance, action => action(), () => { }, KillRefusal.None)
        {
            CurrentSnapshot = () => _ui.Window.State.Snapshot,
            Remote = new RemoteKiller(_launcher, new SshCommand(), Hosts),
        };
    }

    public void Dispose()
    {
        _ui.Dispose();
        _proc.Dispose();
    }

    [Fact]
    public void The_table_shows_a_host_column_the_host_count_and_the_unreachable_hosts_words()
    {
        string screen = _ui.Screen;

        Assert.Contains("4 hosts (1 unreachable), 3 sockets", screen, StringComparison.Ordinal);
        Assert.Contains("db1: ssh: connect to host db1 port 22: Connection refused; retrying in 30 s", _ui.Window.HostLinesText, StringComparison.Ordinal);
        Assert.Contains("HOST Proto", screen, StringComparison.Ordinal);
        Assert.Contains("web1 tcp   127.0.0.1:8080", screen, StringComparison.Ordinal);
        Assert.Contains("web2 tcp   127.0.0.1:8080", screen, StringComparison.Ordinal);
        Assert.Contains("here tcp   127.0.0.1:22", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void K_on_a_remote_row_asks_the_same_question_then_that_host_kills_the_pinned_process()
    {
        KillPlan? asked = null;
        _prompt.Confirm(Arg.Do<KillPlan>(p => asked = p), Arg.Any<KillRequest>()).Returns(KillChoice.ThisProcess);
        _ui.Press(new Key('/'));
        _ui.Type("web2");
        _ui.Press(Key.Enter);
        Assert.Equal("web2", Assert.Single(_ui.Window.State.Rows).Socket.Host);

        _ui.Press(Key.K.WithShift);

        Assert.Equal("Send SIGTERM to pid 4242 (java) on web2?", KillDialogText.Title(asked!, new KillRequest()));
        var call = Assert.Single(_sshCalls);
        Assert.Equal(
            ["web2", "--", "tuiports", "kill", "--pid", "4242", "--start-time", "2026-11-25T12:01:00.34Z", "--yes", "--signal", "TERM"],
            call.SkipWhile(a => a != "web2"));
        Assert.Contains("BatchMode=yes", call);
        _sender.DidNotReceiveWithAnyArgs().Open(default, default, out _);
        Assert.Equal("web2: port 8080: freed; pid 4242 (java) exited after SIGTERM", _ui.Window.Screen.Notice);
    }

    [Fact]
    public void A_remote_row_never_reads_this_machines_proc()
    {
        _ui.Type("8080");

        Assert.Equal("web1", _ui.Window.State.SelectedRow!.Socket.Host);
        Assert.StartsWith("web1: tcp 127.0.0.1:8080", _ui.Window.DetailLines[0], StringComparison.Ordinal);
        Assert.Contains("  open fds: not shown for remote hosts", _ui.Window.DetailLines);
    }

    [Fact]
    public void Cancel_on_a_remote_row_runs_nothing_there()
    {
        _prompt.Confirm(Arg.Any<KillPlan>(), Arg.Any<KillRequest>()).Returns(KillChoice.Cancel);
        _ui.Type("8080");

        _ui.Press(Key.K.WithShift);

        Assert.Empty(_sshCalls);
        Assert.Equal("kill cancelled: nothing sent", _ui.Window.Screen.Notice);
    }

    [Fact]
    public void K_on_a_stale_hosts_row_says_so_and_sends_nothing()
    {
        var java = Process(4242, "java");
        var silentSince = _ui.Window.Screen.HostClock - TimeSpan.FromSeconds(6); // monotonic, like the feed's
        _ui.Window.Apply(HostsView.Combine(
        [
            new HostSnapshot(new HostStatus("here", HostState.Live), Of(Tcp(22, 7, "LISTEN", Process(900, "sshd"))).On("here")),
            new HostSnapshot(new HostStatus("web1", HostState.Stale) { LastLine = silentSince, LastData = _time.GetUtcNow().AddSeconds(-6) }, Of(Tcp(8080, 10, "LISTEN", java)).On("web1")),
        ]));
        _ui.Type("8080");
        Assert.Equal("web1", _ui.Window.State.SelectedRow!.Socket.Host); // its rows stay, dimmed

        _ui.Press(Key.K.WithShift);

        Assert.Empty(_sshCalls);
        _prompt.DidNotReceiveWithAnyArgs().Confirm(default!, default!);
        Assert.StartsWith("web1 is stale (no answer for 6 s (last data ", _ui.Window.Screen.Notice, StringComparison.Ordinal);
        Assert.EndsWith("nothing sent - wait until it answers again", _ui.Window.Screen.Notice, StringComparison.Ordinal);
        Assert.Contains("web1: no answer for 6 s", _ui.Window.HostLinesText, StringComparison.Ordinal);
        Assert.Contains("2 hosts (1 stale), 2 sockets", _ui.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stale_hosts_rows_are_drawn_faint_and_live_ones_are_not_then_bright_again_when_it_answers()
    {
        var stale = new HostStatus("web1", HostState.Stale) { LastLine = _ui.Window.Screen.HostClock - TimeSpan.FromSeconds(6), LastData = _time.GetUtcNow().AddSeconds(-6) };
        var java = Process(4242, "java");
        var here = new HostSnapshot(new HostStatus("here", HostState.Live), Of(Tcp(22, 7, "LISTEN", Process(900, "sshd"))).On("here"));
        var web2 = new HostSnapshot(new HostStatus("web2", HostState.Live), Of(Tcp(8080, 10, "LISTEN", java)).On("web2"));
        var web1 = Of(Tcp(8080, 10, "LISTEN", java)).On("web1");
        _ui.Window.Apply(HostsView.Combine([here, new HostSnapshot(stale, web1), web2])); // the same sockets: no new/gone marks
        Assert.Equal(22, _ui.Window.State.SelectedRow!.Socket.LocalPort); // the highlight is elsewhere: rows drawn as rows

        Assert.True(IsFaint("web1", ":8080 "), "the stale host's row is not dimmed");
        Assert.False(IsFaint("web2", ":8080 "), "a live host's row is dimmed");

        _ui.Window.Apply(HostsView.Combine([here, new HostSnapshot(new HostStatus("web1", HostState.Live), web1), web2]));

        Assert.False(IsFaint("web1", ":8080 "), "the host answers again, its row stays dimmed");
    }

    /// <summary>Whether <paramref name="host"/>'s row showing <paramref name="port"/> is drawn faint, at the port's cells.</summary>
    private bool IsFaint(string host, string port)
    {
        _ = _ui.Screen; // lays out and draws
        var cells = _ui.App.Driver!.Contents!;
        for (int row = 0; row < cells.GetLength(0); row++)
        {
            string line = string.Concat(Enumerable.Range(0, cells.GetLength(1)).Select(col => cells[row, col].Grapheme));
            int at = line.IndexOf(port, StringComparison.Ordinal);
            if (at >= 0 && line.TrimStart().StartsWith(host + " ", StringComparison.Ordinal) && line.Contains("LISTEN", StringComparison.Ordinal))
            {
                return cells[row, at + 1].Attribute is { } attribute && attribute.Style.HasFlag(Terminal.Gui.Drawing.TextStyle.Faint);
            }
        }

        throw new InvalidOperationException($"no row of {host} shows {port}:\n{_ui.Screen}");
    }
}
