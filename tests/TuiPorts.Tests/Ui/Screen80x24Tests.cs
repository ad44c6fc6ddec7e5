using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Ui;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Tests.Ui;

/// <summary>What an operator sees in an 80x24 terminal: the help, the detail pane's header, the hints, the status bar.</summary>
public sealed class Screen80x24Tests : IDisposable
{
    private const string Any = "00000000:0000";
    private readonly FixtureProcTree _proc = new();
    private readonly ProcSnapshotSource _source;
    private readonly HeadlessUi _ui;

    public Screen80x24Tests()
    {
        string[] rows =
        [
            Row(0, "0100007F:2328", Any, "0A", 500), // 127.0.0.1:9000
            Row(1, "0100007F:2329", Any, "0A", 503), // 127.0.0.1:9001, the same server's second port
            Row(2, "00000000:0016", Any, "0A", 501), // *:22
        ];
        _proc.WriteTable("tcp", rows);
        _proc.WriteTable("tcp", rows, pid: 100);
        _proc.AddProcess(100, "api-server", "./api-server --port 9000 --admin 9001").AddSocketFd(100, 3, 500).AddSocketFd(100, 4, 503);
        for (int fd = 5; fd < 17; fd++)
        {
            _proc.AddFd(100, fd, $"/var/lib/api/data{fd}.db");
        }

        _proc.AddProcess(101, "api-server", "./api-server --worker", ppid: 100).AddSocketFd(101, 3, 500);
        _proc.AddProcess(200, "sshd", "sshd: /usr/sbin/sshd -D").AddSocketFd(200, 3, 501);
        _source = new ProcSnapshotSource(_proc.ProcRoot);
        _ui = new HeadlessUi(TestContexts.For(_proc.ProcRoot), 80, 24);
        _ui.Show(_source.Take());
    }

    public void Dispose()
    {
        _ui.Dispose();
        _proc.Dispose();
    }

    [Fact]
    public void F1_help_fits_80x24_scrolls_to_every_key_and_the_legend_and_q_closes_it()
    {
        TextDialog? help = null;
        string? top = null;
        string? bottom = null;
        _ui.WhenDialogOpens(() =>
        {
            help = _ui.App.TopRunnableView as TextDialog;
            top = _ui.App.Driver!.ToString();
            _ui.App.InjectKey(Key.End);
            _ui.App.LayoutAndDraw();
            bottom = _ui.App.Driver!.ToString();
            _ui.App.InjectKey(Key.Q);
        });

        _ui.Press(Key.F1);

        Assert.NotNull(help);
        Assert.All(top!.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= 80, l));
        Assert.Contains("tuiports keys", top, StringComparison.Ordinal);
        Assert.Contains("0-9 , -", top, StringComparison.Ordinal);
        Assert.All(KeyTable.Default.Entries, e => Assert.Contains(help!.Lines, l => l.StartsWith(e.Keys, StringComparison.Ordinal)));
        Assert.Contains("in the kill dialog", bottom, StringComparison.Ordinal); // the last entry, reached by scrolling
        Assert.Contains("marks: tcp* another network namespace", bottom, StringComparison.Ordinal);
        Assert.True(help!.TopLine > 0);
        Assert.Equal(_ui.Window, _ui.App.TopRunnableView); // q closed it
        Assert.False(_ui.Window.StopRequested); // and did not quit
    }

    [Theory]
    [InlineData(KeyCode.Esc)]
    [InlineData(KeyCode.F1)]
    [InlineData(KeyCode.Enter)]
    public void The_help_closes_with_Esc_F1_and_Enter_as_in_htop(KeyCode close)
    {
        bool opened = false;
        _ui.WhenDialogOpens(() =>
        {
            opened = _ui.App.TopRunnableView is TextDialog;
            _ui.App.InjectKey(new Key(close));
        });

        _ui.Press(new Key('?'));

        Assert.True(opened);
        Assert.Equal(_ui.Window, _ui.App.TopRunnableView);
    }

    [Fact]
    public void The_pane_header_names_the_top_holder_and_its_command_and_stays_when_the_fds_scroll()
    {
        _ui.Type("9000");
        _ui.Press(Key.O); // every fd: more than the pane holds
        _ui.Press(Key.Tab); // to the pane
        _ui.Press(Key.End);

        string screen = _ui.Screen;
        Assert.Contains("tcp 127.0.0.1:9000 -> *:*  LISTEN  listener", screen, StringComparison.Ordinal);
        Assert.Contains("pid 100 api-server  user root  parent 1", screen, StringComparison.Ordinal);
        Assert.Contains("cmd ./api-server --port 9000 --admin 9001", screen, StringComparison.Ordinal);
        Assert.Equal(3, _ui.Window.Details.HeaderLines.Count);
        Assert.True(_ui.Window.Details.TopLine > 0, "End scrolled the fds, not the header\n" + screen);
    }

    [Fact]
    public void Other_fds_collapse_to_a_count_and_o_shows_them()
    {
        _ui.Type("9000");

        Assert.Contains("  12 other fds (o shows them)", _ui.Window.DetailLines);
        Assert.DoesNotContain(_ui.Window.DetailLines, l => l.Contains("data5.db", StringComparison.Ordinal));
        _ui.Press(Key.O);
        Assert.Contains(_ui.Window.DetailLines, l => l.Contains("    5 -> /var/lib/api/data5.db", StringComparison.Ordinal));
    }

    [Fact]
    public void Under_a_port_filter_the_holders_other_sockets_are_still_described()
    {
        var narrowed = new ProcSnapshotSource(_proc.ProcRoot) { Prefilter = PortFilterParser.Parse("9000", ServicesFile.Parse(string.Empty)).Filter };
        _ui.Type("9000");
        _ui.Show(narrowed.Take());

        Assert.DoesNotContain(_ui.Window.State.Snapshot.Sockets, s => s.LocalPort == 9001); // the scan did not read it
        Assert.Contains("      4 -> socket:[503]  tcp 127.0.0.1:9001 LISTEN", _ui.Window.DetailLines);
        Assert.Contains("      3 -> socket:[500]  tcp 127.0.0.1:9000 LISTEN  <- this socket", _ui.Window.DetailLines);
    }

    [Fact]
    public void Space_pauses_with_rows_on_screen_and_the_status_bar_offers_resume()
    {
        bool? paused = null;
        _ui.Window.PauseToggled += p => paused = p;

        _ui.Press(Key.Space);

        Assert.True(paused);
        Assert.Contains("Space Resume", _ui.Screen, StringComparison.Ordinal);

        _ui.Press(Key.Space);

        Assert.False(paused);
        Assert.Contains("Space Pause", _ui.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void The_empty_filter_teaches_and_the_status_bar_follows_the_context()
    {
        Assert.Contains("type a port · / text · Esc clears", _ui.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain(_ui.Window.StatusBarLabels, l => l.EndsWith("Clear", StringComparison.Ordinal));
        Assert.Contains(_ui.Window.StatusBarLabels, l => l.EndsWith("Pause", StringComparison.Ordinal));

        _ui.Type("9000");

        string screen = _ui.Screen;
        Assert.DoesNotContain("type a port", screen, StringComparison.Ordinal);
        Assert.Contains("Esc Clear", screen, StringComparison.Ordinal);
        Assert.Contains("F1 Help", screen, StringComparison.Ordinal);
        Assert.Contains("F10 Quit", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void The_status_bar_names_the_kill_signal_when_it_is_not_TERM()
    {
        var request = new Core.Killing.KillRequest();
        _ui.Window.CurrentKillRequest = () => request;
        _ui.Show(_source.Take());
        Assert.Contains(_ui.Window.StatusBarLabels, l => l.EndsWith(" Kill", StringComparison.Ordinal));

        request = new Core.Killing.KillRequest(Core.Killing.Signals.SIGKILL);
        _ui.Type("22");

        Assert.Contains("Kill KILL", _ui.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_filter_that_matches_nothing_says_so()
    {
        _ui.Type("9999");

        Assert.True(_ui.Screen.Contains("no socket on port 9999", StringComparison.Ordinal), _ui.Screen);
        Assert.DoesNotContain("waiting for the first scan", _ui.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void d_zooms_then_hides_the_pane_and_brings_it_back()
    {
        _ui.Type("9000");
        Assert.Equal(MainWindow.PaneMode.Shown, _ui.Window.DetailMode);

        _ui.Press(Key.D);
        Assert.Equal(MainWindow.PaneMode.Zoomed, _ui.Window.DetailMode);
        Assert.Contains("cmd ./api-server", _ui.Screen, StringComparison.Ordinal);
        _ui.Press(Key.D);
        Assert.Equal(MainWindow.PaneMode.Hidden, _ui.Window.DetailMode);
        Assert.DoesNotContain("cmd ./api-server", _ui.Screen, StringComparison.Ordinal);
        _ui.Press(Key.D);
        Assert.Contains("cmd ./api-server", _ui.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_marks_the_sort_column_and_its_direction()
    {
        Assert.Contains("Local Address:Port▲", _ui.Screen, StringComparison.Ordinal);
        _ui.Press(Key.I.WithShift);
        Assert.Contains("Local Address:Port▼", _ui.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void F5_shows_the_holders_as_a_tree_and_k_and_F9_ask_to_kill_like_K()
    {
        var killed = new List<int>();
        _ui.Window.KillRequested += row => killed.Add(row.Socket.LocalPort);
        _ui.Type("9000");
        IReadOnlyList<string>? tree = null;
        _ui.WhenDialogOpens(() =>
        {
            tree = (_ui.App.TopRunnableView as TextDialog)?.Lines;
            _ui.App.InjectKey(Key.Esc);
        });

        _ui.Press(Key.F5);
        _ui.Press(Key.K);
        _ui.Press(Key.F9);
        _ui.Press(Key.K.WithShift);

        Assert.Equal(["100 api-server  user root  fd 3  ./api-server --port 9000 --admin 9001", " `-101 api-server  user root  fd 3  ./api-server --worker"], tree);
        Assert.Equal([9000, 9000, 9000], killed);
    }

    [Fact]
    public void The_message_log_keeps_every_notice_whole()
    {
        string report = "port 9000: still held by pid 100 (api-server) after 5 s: it ignored SIGTERM; press K again to send SIGKILL, or S for another signal";
        _ui.Window.ShowNotice(report);
        Assert.Contains("ignored SIGTERM", _ui.Screen, StringComparison.Ordinal); // wrapped to two lines, not cut
        IReadOnlyList<string>? log = null;
        _ui.WhenDialogOpens(() =>
        {
            log = (_ui.App.TopRunnableView as TextDialog)?.Lines;
            _ui.App.InjectKey(Key.Q);
        });

        _ui.Press(Key.M);

        Assert.Contains(log!, l => l.EndsWith(report, StringComparison.Ordinal));
    }
}
