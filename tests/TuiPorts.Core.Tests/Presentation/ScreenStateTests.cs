using Microsoft.Extensions.Time.Testing;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Presentation;

public sealed class ScreenStateTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddDays(1));
    private readonly ScreenState _screen;

    public ScreenStateTests()
    {
        _screen = new ScreenState(SocketQuery.All, ServicesFile.Parse("ssh 22/tcp\n"), _time, new ScreenOptions(TimeSpan.FromSeconds(1), false, true));
        _screen.Apply(RefreshResult.Ok(Of(Listener(22, 1, 10), Listener(9000, 2, 20), Listener(9001, 3, 30)), TimeSpan.Zero));
    }

    [Fact]
    public void A_valid_filter_applies_and_an_invalid_one_keeps_the_last_valid_filter()
    {
        _screen.SetFilterText("9000");
        Assert.Equal(9000, Assert.Single(_screen.List.Rows).Socket.LocalPort);

        _screen.SetFilterText("90000");

        Assert.StartsWith("port out of range", _screen.FilterError, StringComparison.Ordinal);
        Assert.Equal(9000, Assert.Single(_screen.List.Rows).Socket.LocalPort);
    }

    [Fact]
    public void A_notice_shows_until_it_expires_then_the_message_line_returns_to_warnings()
    {
        _screen.ShowNotice("pid 20 (proc20) exited after SIGTERM");
        Assert.Equal("pid 20 (proc20) exited after SIGTERM", _screen.MessageLine);

        _time.Advance(ScreenState.NoticeLifetime);

        Assert.True(_screen.Tick());
        Assert.Equal(string.Empty, _screen.MessageLine);
    }

    [Fact]
    public void A_new_filter_clears_an_old_notice()
    {
        _screen.ShowNotice("kill cancelled: nothing sent");

        _screen.SetFilterText("22");

        Assert.Null(_screen.Notice);
    }

    [Fact]
    public void A_failed_refresh_is_reported_and_the_last_snapshot_stays()
    {
        _screen.Apply(RefreshResult.Failed(new IOException("disk on fire"), TimeSpan.Zero));

        Assert.Equal(3, _screen.List.Rows.Count);
        Assert.StartsWith("refresh failed: IOException: disk on fire", _screen.MessageLine, StringComparison.Ordinal);
        Assert.True(_screen.MessageIsError);
    }

    [Fact]
    public void Pause_and_listening_only_toggle_and_show_in_the_summary()
    {
        Assert.True(_screen.TogglePause());
        _screen.ToggleListeningOnly();

        Assert.Contains("PAUSED", _screen.SummaryLine, StringComparison.Ordinal);
        Assert.Contains("listening only", _screen.SummaryLine, StringComparison.Ordinal);
        Assert.StartsWith("3 of 3 sockets", _screen.SummaryLine, StringComparison.Ordinal);
        Assert.False(_screen.TogglePause());
    }

    [Fact]
    public void The_detail_basis_changes_with_the_selection_and_not_with_a_clock_tick()
    {
        var before = _screen.Detail;
        _time.Advance(TimeSpan.FromSeconds(1));
        _screen.Tick();
        Assert.Equal(before, _screen.Detail);

        _screen.List.Select(1);

        Assert.NotEqual(before, _screen.Detail);
    }

    [Fact]
    public void A_snapshot_narrowed_to_an_older_filter_is_dropped_and_the_matching_one_applied()
    {
        _screen.SetFilterText("9000");
        Assert.Equal("9000", _screen.PortPrefilter?.Text);

        _screen.Apply(RefreshResult.Ok(Of(Listener(900, 7, 70)) with { Scope = "900" }, TimeSpan.Zero)); // typed "900" a moment ago
        Assert.Equal(9000, Assert.Single(_screen.List.Rows).Socket.LocalPort);

        _screen.Apply(RefreshResult.Ok(Of(Listener(9000, 2, 20), Listener(9000, 5, 50)) with { Scope = "9000" }, TimeSpan.Zero));
        Assert.Equal(2, _screen.List.Rows.Count);
    }

    [Fact]
    public void A_service_name_is_not_narrowed_in_the_kernel_because_it_also_matches_process_names()
    {
        _screen.SetFilterText("ssh");

        Assert.Null(_screen.PortPrefilter);
    }
}
