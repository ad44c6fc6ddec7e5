using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Snapshots;

/// <summary>
/// The full rescan comes every FullRescanPeriod of elapsed time, measured on the monotonic clock: a wall clock set back
/// (NTP, date -s) must not postpone it by the size of the step, nor a step forward bring it early.
/// </summary>
public sealed class FullRescanClockTests : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private readonly FixtureProcTree _proc = new();
    private readonly SteppingClock _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly HolderScanner _scanner;

    public FullRescanClockTests()
    {
        _proc.AddProcess(100, "server", "./server", startTicks: 100).AddSocketFd(100, 3, 500);
        _scanner = new HolderScanner(_proc.ProcRoot, _clock) { FullRescanPeriod = Period };
        _scanner.Refresh();
        Assert.True(_scanner.LastRefreshWasFull); // the first refresh walks everything
    }

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void A_wall_clock_stepped_back_an_hour_does_not_postpone_the_full_rescan()
    {
        _clock.Advance(TimeSpan.FromSeconds(4));
        _clock.StepWallClock(TimeSpan.FromHours(-1));
        _scanner.Refresh();
        Assert.False(_scanner.LastRefreshWasFull);

        _clock.Advance(TimeSpan.FromSeconds(6)); // 10 s since the last full rescan, though the wall clock says -59:50

        _scanner.Refresh();
        Assert.True(_scanner.LastRefreshWasFull);
    }

    [Fact]
    public void A_wall_clock_stepped_forward_does_not_bring_the_full_rescan_early()
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        _clock.StepWallClock(TimeSpan.FromHours(2));

        _scanner.Refresh();

        Assert.False(_scanner.LastRefreshWasFull);
    }

    [Fact]
    public void Each_full_rescan_starts_the_next_period()
    {
        _clock.Advance(Period);
        _scanner.Refresh();
        Assert.True(_scanner.LastRefreshWasFull);

        _clock.Advance(Period - TimeSpan.FromSeconds(1));
        _scanner.Refresh();

        Assert.False(_scanner.LastRefreshWasFull);
    }
}
