using System.Reactive.Concurrency;
using TuiPorts.Core.Live;

namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>
/// The time provider of a test on a <see cref="HistoricalScheduler"/>: its monotonic clock is the scheduler's virtual
/// time (so the timers the scheduler fires and the durations measured agree), and its wall clock is that time plus
/// whatever steps the test made (NTP, <c>date -s</c>). A step moves no timer and no duration; only dates change.
/// </summary>
public sealed class VirtualClock(HistoricalScheduler scheduler) : TimeProvider
{
    private readonly DateTimeOffset _origin = scheduler.Now;
    private readonly long _uptime = TimeSpan.FromDays(3).Ticks; // monotonic time is unrelated to the date
    private TimeSpan _step;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _uptime + (scheduler.Now - _origin).Ticks;

    public override DateTimeOffset GetUtcNow() => scheduler.Now + _step;

    /// <summary>Now on the monotonic clock, as the code under test takes it.</summary>
    public TimeSpan MonotonicNow => Monotonic.Now(this);

    /// <summary>The wall clock is set (back when negative); no time passes.</summary>
    public void StepWallClock(TimeSpan by) => _step += by;
}
