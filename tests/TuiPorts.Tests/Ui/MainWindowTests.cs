using Terminal.Gui.Testing;
using Terminal.Gui.Input;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Ui;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Tests.Ui;

public sealed class MainWindowTests : IDisposable
{
    private const string Any = "00000000:0000";
    private readonly FixtureProcTree _proc = new();
    private readonly ProcSnapshotSource _source;
    private readonly HeadlessUi _ui;

    public MainWindowTests()
    {
        _proc.WriteTable("tcp",
        [
            Row(0, "0100007F:2328", Any, "0A", 500), // 127.0.0.1:9000
            Row(1, "00000000:0016", Any, "0A", 501), // *:22
            Row(2, "0100007F:1F90", Any, "0A", 502), // 127.0.0.1:8080
        ]);
        _proc.AddProcess(100, "api-server", "./api-server --port 9000").AddSocketFd(100, 3, 500)
            .AddFd(100, 0, "/dev/null").AddFd(100, 1, "/var/log/api.log");
        _proc.AddProcess(101, "api-server", "./api-server --worker", ppid: 100).AddSocketFd(101, 3, 500);
        _proc.AddProcess(200, "sshd", "sshd: /usr/sbin/sshd -D").AddSocketFd(200, 3, 501);
        _proc.AddProcess(300, "proxy", "proxy").AddSocketFd(300, 4, 502);
        _source = new ProcSnapshotSource(_proc.ProcRoot);
        _ui = new HeadlessUi(TestContexts.For(_proc.ProcRoot));
        _ui.Show(_source.Take());
    }

    public void Dispose()
    {
        _ui.Dispose();
        _proc.Dispose();
    }

    [Fact]
    public void Rows_render_with_holders_and_a_count()
    {
        string screen = _ui.Screen;

        Assert.Contains("127.0.0.1:9000", screen, StringComparison.Ordinal);
        Assert.Contains("100/api-server +1", screen, StringComparison.Ordinal);
        Assert.Contains("200/sshd", screen, StringComparison.Ordinal);
        Assert.Contains("3 of 3 sockets", screen, StringComparison.Ordinal);
        Assert.Contains("F1", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Digits_typed_on_the_table_filter_while_the_table_keeps_focus()
    {
        _ui.Type("9000");

        string screen = _ui.Screen;
        Assert.Equal("9000", _ui.Window.FilterField.Text);
        Assert.True(_ui.Window.Table.HasFocus);
        Assert.Contains("1 of 3 sockets", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("200/sshd", screen, StringComparison.Ordinal);
        Assert.Equal(9000, _ui.Window.State.SelectedRow!.Socket.LocalPort);
    }

    [Fact]
    public void Down_at_the_last_row_and_Up_at_the_first_keep_focus_on_the_table()
    {
        _ui.Press(Key.End);
        Assert.Equal(2, _ui.Window.State.SelectedIndex);
        _ui.Press(Key.CursorDown);
        _ui.Press(Key.CursorDown);
        Assert.True(_ui.Window.Table.HasFocus);
        _ui.Press(Key.Home);
        _ui.Press(Key.CursorUp);
        Assert.True(_ui.Window.Table.HasFocus);
        Assert.Equal(0, _ui.Window.State.SelectedIndex);
    }

    [Fact]
    public void Backspace_and_lists_edit_the_filter()
    {
        _ui.Type("22,9000");
        Assert.Equal(2, _ui.Window.State.Rows.Count);
        _ui.Press(Key.Backspace);
        _ui.Press(Key.Backspace);
        _ui.Press(Key.Backspace);
        _ui.Press(Key.Backspace);
        Assert.Equal("22,", _ui.Window.FilterField.Text);
        Assert.Single(_ui.Window.State.Rows);
    }

    [Fact]
    public void Letters_typed_into_the_filter_field_stay_text()
    {
        SocketRow? killed = null;
        _ui.Window.KillRequested += row => killed = row;

        _ui.Press(new Key('/'));
        Assert.True(_ui.Window.FilterField.HasFocus);
        _ui.Type("kKq");

        Assert.Equal("kKq", _ui.Window.FilterField.Text);
        Assert.Null(killed);
        Assert.False(_ui.Window.StopRequested); // q typed as text did not quit
        _ui.Press(Key.Enter);
        Assert.True(_ui.Window.Table.HasFocus);
        _ui.Press(new Key('q'));
        Assert.True(_ui.Window.StopRequested); // the same q on the table quits: the check above can see a quit
    }

    [Fact]
    public void Free_text_in_the_field_matches_process_names()
    {
        _ui.Press(new Key('/'));
        _ui.Type("proxy");

        Assert.Equal(8080, Assert.Single(_ui.Window.State.Rows).Socket.LocalPort);
    }

    [Fact]
    public void K_on_the_table_requests_a_kill_of_the_highlighted_row()
    {
        SocketRow? killed = null;
        _ui.Window.KillRequested += row => killed = row;

        _ui.Type("8080");
        _ui.Press(Key.K.WithShift);

        Assert.Equal(8080, killed?.Socket.LocalPort);
    }

    [Fact]
    public void An_invalid_filter_is_flagged_and_the_table_is_not_emptied()
    {
        _ui.Type("90000");

        string screen = _ui.Screen;
        Assert.Contains("port out of range", screen, StringComparison.Ordinal);
        Assert.Equal("90000", _ui.Window.FilterField.Text);
        Assert.Equal(9000, Assert.Single(_ui.Window.State.Rows).Socket.LocalPort); // the last valid filter stays applied
    }

    [Fact]
    public void Selection_follows_the_socket_when_rows_are_inserted_above_it()
    {
        _ui.Press(Key.CursorDown);
        _ui.Press(Key.CursorDown);
        var selected = _ui.Window.State.SelectedRow!.Key;
        Assert.Equal(9000, _ui.Window.State.SelectedRow!.Socket.LocalPort);

        _proc.WriteTable("tcp",
        [
            Row(0, "0100007F:0015", Any, "0A", 490), // :21
            Row(1, "0100007F:0017", Any, "0A", 491), // :23
            Row(2, "0100007F:2328", Any, "0A", 500),
            Row(3, "00000000:0016", Any, "0A", 501),
            Row(4, "0100007F:1F90", Any, "0A", 502),
        ]);
        _ui.Show(_source.Take());

        Assert.Equal(selected, _ui.Window.State.SelectedRow!.Key);
        Assert.Equal(4, _ui.Window.Table.SelectedRow);
    }

    [Fact]
    public void Detail_pane_shows_every_holder_and_its_fds_with_the_socket_marked()
    {
        _ui.Type("9000");
        _ui.Press(Key.O); // the non-socket fds too

        string details = string.Join('\n', _ui.Window.DetailLines);
        Assert.Contains("pid 100 (api-server) and its 1 child hold this socket; stopping 100 stops them and frees the port", details, StringComparison.Ordinal);
        Assert.Contains("  parent pid 100 (api-server)", details, StringComparison.Ordinal);
        Assert.Contains("cmd ./api-server --port 9000", details, StringComparison.Ordinal);
        Assert.Contains("pid 100  api-server", details, StringComparison.Ordinal);
        Assert.Contains("./api-server --port 9000", details, StringComparison.Ordinal);
        Assert.Contains("    1 -> /var/log/api.log", details, StringComparison.Ordinal);
        Assert.Contains("    3 -> socket:[500]  tcp 127.0.0.1:9000 LISTEN  <- this socket", details, StringComparison.Ordinal);
        Assert.Contains("pid 101  api-server", details, StringComparison.Ordinal);
        Assert.Contains("/var/log/api.log", _ui.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_refresh_keeps_the_last_snapshot_and_says_so()
    {
        _ui.Window.Apply(RefreshResult.Failed(new IOException("disk on fire"), TimeSpan.Zero));

        string screen = _ui.Screen;
        Assert.Contains("refresh failed: IOException: disk on fire", screen, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9000", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Listening_toggle_and_sort_keys_change_the_view()
    {
        _ui.Type("l><I");
        Assert.Contains("listening only", _ui.Screen, StringComparison.Ordinal);
        Assert.Equal(SortColumn.LocalPort, _ui.Window.State.Sort.Column);
        Assert.True(_ui.Window.State.Sort.Descending);
        _ui.Press(Key.F6);
        Assert.Equal(SortColumn.RemotePort, _ui.Window.State.Sort.Column);
    }

    [Fact]
    public void F1_opens_the_help_listing_every_key_and_Enter_closes_it()
    {
        string? helpScreen = null;
        _ui.WhenDialogOpens(() =>
        {
            helpScreen = _ui.App.Driver!.ToString();
            _ui.App.InjectKey(Key.Enter);
        });

        _ui.Press(Key.F1);

        Assert.NotNull(helpScreen);
        Assert.Contains("tuiports keys", helpScreen, StringComparison.Ordinal);
        Assert.Contains("kill the highlighted socket's owner", helpScreen, StringComparison.Ordinal);
        Assert.Equal(_ui.Window, _ui.App.TopRunnableView);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(40, 10)]
    [InlineData(20, 5)]
    [InlineData(10, 3)]
    [InlineData(1, 1)]
    public void Small_screens_and_resizes_do_not_throw(int width, int height)
    {
        _ui.Resize(width, height);
        _ui.Show(_source.Take());
        _ui.Type("9000");
        _ui.Press(Key.CursorDown);
        _ui.Resize(100, 30);
        Assert.Contains("127.0.0.1:9000", _ui.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void At_80_columns_the_essential_columns_fit_untruncated()
    {
        _ui.Resize(80, 24);
        string[] lines = _ui.Screen.Split('\n');

        var row = Assert.Single(lines, l => l.Contains("127.0.0.1:9000", StringComparison.Ordinal));
        Assert.Contains("LISTEN", row, StringComparison.Ordinal);
        Assert.Contains("100/api-server +1", row, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= 80));
    }
}
