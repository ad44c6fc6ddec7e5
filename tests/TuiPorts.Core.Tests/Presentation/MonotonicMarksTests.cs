using TuiPorts.Core.Filtering;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Presentation;

/// <summary>
/// The "new" and "gone" marks and the kill notice last a duration, measured on the monotonic clock: a wall clock set
/// back an hour must not keep them on screen for an hour, nor one set forward drop them at once.
/// </summary>
public sealed class MonotonicMarksTests
{
    private readonly SteppingClock _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly ScreenState _screen;

    public MonotonicMarksTests()
    {
        // --interval 1: marks last max(2 s, 2 intervals) = 2 s
        _screen = new ScreenState(SocketQuery.All, ServicesFile.Empty, _clock, new ScreenOptions(TimeSpan.FromSeconds(1), false, true));
        _screen.Apply(RefreshResult.Ok(Of(Listener(22, 1, 10), Listener(9000, 2, 20)), TimeSpan.Zero));
        _clock.Advance(TimeSpan.FromSeconds(1));
        _screen.Apply(RefreshResult.Ok(Of(Listener(22, 1, 10), Listener(9001, 3, 30)), TimeSpan.Zero));
    }

    private RowMark MarkOf(int port) => _screen.List.Rows.Single(r => r.Socket.LocalPort == port).Mark;

    [Fact]
    public void New_and_gone_marks_expire_after_their_time_though_the_wall_clock_went_back_an_hour()
    {
        Assert.Equal(RowMark.New, MarkOf(9001));
        Assert.Equal(RowMark.Gone, MarkOf(9000));

        _clock.StepWallClock(TimeSpan.FromHours(-1));
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(_screen.Tick());
        Assert.Equal(RowMark.None, MarkOf(9001));
        Assert.DoesNotContain(_screen.List.Rows, r => r.Socket.LocalPort == 9000);
    }

    [Fact]
    public void A_wall_clock_set_forward_does_not_drop_the_marks_early()
    {
        _clock.StepWallClock(TimeSpan.FromHours(1));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(_screen.Tick());
        Assert.Equal(RowMark.New, MarkOf(9001));
        Assert.Equal(RowMark.Gone, MarkOf(9000));
    }

    [Fact]
    public void The_notice_lasts_its_lifetime_whatever_the_wall_clock_does()
    {
        _screen.ShowNotice("pid 20 (proc20) exited after SIGTERM");

        _clock.StepWallClock(TimeSpan.FromHours(-1));
        _clock.Advance(ScreenState.NoticeLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal("pid 20 (proc20) exited after SIGTERM", _screen.Notice);

        _clock.StepWallClock(TimeSpan.FromHours(3));
        Assert.Equal("pid 20 (proc20) exited after SIGTERM", _screen.Notice);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_screen.Notice);
    }
}
