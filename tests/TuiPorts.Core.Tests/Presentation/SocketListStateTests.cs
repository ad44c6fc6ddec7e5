using TuiPorts.Core.Filtering;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Presentation;

public sealed class SocketListStateTests
{
    private static readonly TimeSpan T0 = TimeSpan.FromDays(1); // monotonic time, as ScreenState hands it in
    private readonly SocketListState _state = new(TimeSpan.FromSeconds(2));

    [Fact]
    public void Selection_follows_the_socket_not_the_row_index()
    {
        _state.ApplySnapshot(Of(Listener(100, 1), Listener(200, 2)), T0);
        _state.Select(1);

        _state.ApplySnapshot(Of(Listener(10, 10), Listener(20, 20), Listener(100, 1), Listener(200, 2)), T0 + TimeSpan.FromSeconds(1));

        Assert.Equal(200, _state.SelectedRow!.Socket.LocalPort);
        Assert.Equal(3, _state.SelectedIndex);
    }

    [Fact]
    public void New_sockets_are_marked_until_the_highlight_expires()
    {
        _state.ApplySnapshot(Of(Listener(100, 1)), T0);
        Assert.All(_state.Rows, r => Assert.Equal(RowMark.None, r.Mark)); // the first snapshot is not "new"

        _state.ApplySnapshot(Of(Listener(100, 1), Listener(200, 2)), T0 + TimeSpan.FromSeconds(1));
        Assert.Equal(RowMark.New, _state.Rows.Single(r => r.Socket.LocalPort == 200).Mark);

        Assert.True(_state.Expire(T0 + TimeSpan.FromSeconds(3)));
        Assert.All(_state.Rows, r => Assert.Equal(RowMark.None, r.Mark));
    }

    [Fact]
    public void A_snapshot_drops_the_marks_due_before_the_next_one_so_a_tick_between_them_has_nothing_to_redraw()
    {
        var state = new SocketListState(TimeSpan.FromSeconds(2), expireEarly: TimeSpan.FromMilliseconds(500));
        var second = TimeSpan.FromSeconds(1);
        state.ApplySnapshot(Of(Listener(100, 1), Listener(200, 2)), T0);
        state.ApplySnapshot(Of(Listener(100, 1), Listener(300, 3)), T0 + second); // 300 new, 200 gone: due at T0 + 3 s
        state.ApplySnapshot(Of(Listener(100, 1), Listener(300, 3), Listener(400, 4)), T0 + (2 * second)); // 400 due at T0 + 4 s

        // the next snapshot comes a little early (the scan was quicker): the marks due 0.1 s later leave with it
        state.ApplySnapshot(Of(Listener(100, 1), Listener(300, 3), Listener(400, 4)), T0 + TimeSpan.FromSeconds(2.9));
        Assert.Equal(RowMark.None, state.Rows.Single(r => r.Socket.LocalPort == 300).Mark);
        Assert.DoesNotContain(state.Rows, r => r.Socket.LocalPort == 200);
        Assert.Equal(RowMark.New, state.Rows.Single(r => r.Socket.LocalPort == 400).Mark); // due in 1.1 s: kept

        Assert.False(state.Expire(T0 + TimeSpan.FromSeconds(3.5))); // the UI's tick between two snapshots: nothing left to drop
        Assert.True(state.Expire(T0 + TimeSpan.FromSeconds(4))); // without a snapshot, the tick drops it when due
        Assert.All(state.Rows, r => Assert.Equal(RowMark.None, r.Mark));
    }

    [Fact]
    public void Without_an_early_allowance_a_snapshot_keeps_every_mark_until_it_is_due()
    {
        _state.ApplySnapshot(Of(Listener(100, 1)), T0);
        _state.ApplySnapshot(Of(Listener(100, 1), Listener(200, 2)), T0 + TimeSpan.FromSeconds(1));

        _state.ApplySnapshot(Of(Listener(100, 1), Listener(200, 2)), T0 + TimeSpan.FromSeconds(2.9));

        Assert.Equal(RowMark.New, _state.Rows.Single(r => r.Socket.LocalPort == 200).Mark);
    }

    [Fact]
    public void A_vanished_socket_is_shown_as_gone_then_leaves_and_the_selection_moves_on()
    {
        _state.ApplySnapshot(Of(Listener(100, 1), Listener(200, 2), Listener(300, 3)), T0);
        _state.Select(1);

        _state.ApplySnapshot(Of(Listener(100, 1), Listener(300, 3)), T0 + TimeSpan.FromSeconds(1));
        Assert.Equal(RowMark.Gone, _state.SelectedRow!.Mark);
        Assert.Equal(3, _state.Rows.Count);
        Assert.Equal(2, _state.VisibleLiveCount);

        Assert.True(_state.Expire(T0 + TimeSpan.FromSeconds(4)));
        Assert.Equal(2, _state.Rows.Count);
        Assert.Equal(300, _state.SelectedRow!.Socket.LocalPort);
    }

    [Fact]
    public void Filtering_to_a_port_highlights_its_socket()
    {
        _state.ApplySnapshot(Of(Listener(100, 1), Listener(200, 2), Listener(9000, 3)), T0);
        _state.Select(0);

        var filter = FilterText.Parse("9000", ServicesFile.Empty);
        _state.SetQuery(filter.ApplyTo(SocketQuery.All));

        Assert.Equal(9000, _state.SelectedRow!.Socket.LocalPort);
    }

    [Fact]
    public void An_empty_list_has_no_selection_and_a_refilled_one_selects_its_first_row()
    {
        _state.ApplySnapshot(Of(), T0);
        Assert.Equal(-1, _state.SelectedIndex);
        Assert.Null(_state.SelectedRow);

        _state.ApplySnapshot(Of(Listener(5, 5)), T0 + TimeSpan.FromSeconds(1));
        Assert.Equal(0, _state.SelectedIndex);
    }

    [Fact]
    public void Sorting_by_pid_descending_keeps_the_selected_socket()
    {
        _state.ApplySnapshot(Of(Listener(100, 1, 30), Listener(200, 2, 10), Listener(300, 3, 20)), T0);
        _state.Select(0);

        _state.SetSort(new SortOrder(SortColumn.Pid, Descending: true));

        Assert.Equal([30, 20, 10], _state.Rows.Select(r => r.Socket.Holders[0].Pid));
        Assert.Equal(100, _state.SelectedRow!.Socket.LocalPort);
    }

    [Fact]
    public void A_new_filter_moves_the_highlight_to_the_first_listener_among_the_matches()
    {
        var accepted = Listener(8080, 1) with { Role = TuiPorts.Core.Model.SocketRole.Accepted, State = "ESTABLISHED", RemotePort = 40000 };
        var client = Listener(8080, 3) with { Role = TuiPorts.Core.Model.SocketRole.Client, State = "ESTABLISHED", RemotePort = 8080 };
        var listener = Listener(8080, 2) with { Role = TuiPorts.Core.Model.SocketRole.Listener };
        _state.ApplySnapshot(Of(client, accepted, listener, Listener(22, 9)), T0);

        _state.SetQuery(SocketQuery.All with { Ports = PortFilterParser.Parse("8080", ServicesFile.Empty).Filter });

        Assert.Equal(
            [TuiPorts.Core.Model.SocketRole.Listener, TuiPorts.Core.Model.SocketRole.Accepted, TuiPorts.Core.Model.SocketRole.Client],
            _state.Rows.Select(r => r.Socket.Role));
        Assert.Equal(2UL, _state.SelectedRow!.Socket.Inode);
    }
}
