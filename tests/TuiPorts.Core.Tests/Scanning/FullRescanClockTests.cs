using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>
/// The periodic re-walk is paced by elapsed time on the monotonic clock: a wall clock set back (NTP, date -s) must not
/// postpone it, nor a step forward bring the whole walk at once.
/// </summary>
public sealed class FullRescanClockTests : IDisposable
{
    private const int Processes = 20;
    private const int Known = Processes + 1; // and the fixture's own process (self)
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private readonly FixtureProcTree _proc = new();
    private readonly SteppingClock _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly HolderScanner _scanner;

    public FullRescanClockTests()
    {
        for (int i = 0; i < Processes; i++)
        {
            _proc.AddProcess(100 + i, "server", "./server", startTicks: 100).AddSocketFd(100 + i, 3, 500 + (ulong)i);
        }

        _scanner = new HolderScanner(_proc.ProcRoot, _clock) { FullRescanPeriod = Period };
        Assert.True(_scanner.Scan().WasFull); // the first refresh walks everything
    }

    public void Dispose() => _proc.Dispose();

    private HolderScan RefreshAfter(TimeSpan elapsed)
    {
        _clock.Advance(elapsed);
        return _scanner.Scan();
    }

    [Fact]
    public void A_wall_clock_stepped_back_an_hour_does_not_postpone_the_rewalk()
    {
        var walked = new HashSet<int>();
        for (int second = 1; second <= 10; second++)
        {
            if (second == 4)
            {
                _clock.StepWallClock(TimeSpan.FromHours(-1));
            }

            walked.UnionWith(RefreshAfter(TimeSpan.FromSeconds(1)).Walked);
        }

        Assert.Equal(Known, walked.Count); // every process walked again within the period, the step notwithstanding
    }

    [Fact]
    public void A_wall_clock_stepped_forward_does_not_bring_the_whole_walk_at_once()
    {
        _clock.StepWallClock(TimeSpan.FromHours(2));

        var scan = RefreshAfter(TimeSpan.FromSeconds(1));

        Assert.Equal(3, scan.Walked.Count); // ceil(21 / 10)
        Assert.False(scan.WasFull);
    }

    [Fact]
    public void A_pause_of_a_whole_period_walks_everything_again()
    {
        var scan = RefreshAfter(Period);

        Assert.Equal(Known, scan.Walked.Count);
        Assert.True(scan.WasFull);
    }
}
