using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Ui;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Tests.Ui;

/// <summary>
/// A key redraws the views it changed, not the window: Terminal.Gui clears a redrawn view cell by cell (and allocates
/// per cell doing it), so a whole-window redraw on a typed digit was most of a key's latency. A view's height that moved
/// (the detail pane's header did, between a socket with holders and one without) lays out and clears everything.
/// </summary>
public sealed class RedrawTests : IDisposable
{
    private const string Any = "00000000:0000";
    private readonly FixtureProcTree _proc = new();
    private readonly HeadlessUi _ui;
    private readonly List<View> _drawn = [];

    public RedrawTests()
    {
        _proc.WriteTable("tcp",
        [
            Row(0, "0100007F:1F90", Any, "0A", 502), // 127.0.0.1:8080, no holder: a shorter detail header
            Row(1, "0100007F:2328", Any, "0A", 500), // 127.0.0.1:9000, held by api-server
        ]);
        _proc.AddProcess(100, "api-server", "./api-server --port 9000").AddSocketFd(100, 3, 500).AddFd(100, 1, "/var/log/api.log");
        _ui = new HeadlessUi(TestContexts.For(_proc.ProcRoot), 120, 40);
        _ui.Show(new ProcSnapshotSource(_proc.ProcRoot).Take());
        _ = _ui.Screen;
        Watch(_ui.Window);
    }

    public void Dispose()
    {
        _ui.Dispose();
        _proc.Dispose();
    }

    [Fact]
    public void A_digit_that_filters_every_row_away_clears_neither_the_window_nor_the_pane()
    {
        _ui.Type("7");
        _ui.App.LayoutAndDraw();

        Assert.Contains(_drawn, v => v is PortsTableView); // it did redraw: the table is empty now
        Assert.DoesNotContain(_ui.Window, _drawn);
        Assert.DoesNotContain(_drawn, v => v is DetailPane);
    }

    [Fact]
    public void Moving_between_a_held_socket_and_one_without_holders_keeps_the_window_laid_out()
    {
        _ui.Press(Key.End); // 9000, held: a three-line header
        _ui.App.LayoutAndDraw();
        _ui.Press(Key.Home); // 8080, no holder: two lines
        _ui.App.LayoutAndDraw();
        _ui.Press(Key.End);
        _ui.App.LayoutAndDraw();

        Assert.NotEmpty(_drawn);
        Assert.DoesNotContain(_ui.Window, _drawn);
        Assert.DoesNotContain(_drawn, v => v is DetailPane);
        Assert.Contains("cmd ./api-server --port 9000", _ui.Screen, StringComparison.Ordinal); // the header is whole again
    }

    [Fact]
    public void Views_that_skip_the_clear_leave_nothing_of_what_they_showed_before()
    {
        _ui.Press(Key.End); // 9000: its holder and fds fill the pane's body
        Assert.Contains("socket:[500]", _ui.Screen, StringComparison.Ordinal);

        _ui.Press(Key.Home); // 8080: no holder, an empty body
        Assert.DoesNotContain("socket:[500]", _ui.Screen, StringComparison.Ordinal);

        _ui.Type("9000"); // one row left in the table
        string screen = _ui.Screen;
        Assert.DoesNotContain("127.0.0.1:8080", screen, StringComparison.Ordinal);
        Assert.Contains("socket:[500]", screen, StringComparison.Ordinal);
    }

    private void Watch(View view)
    {
        view.ClearingViewport += (_, _) => _drawn.Add(view); // raised as a view starts to draw, cleared or not
        foreach (var sub in view.SubViews)
        {
            Watch(sub);
        }
    }
}
