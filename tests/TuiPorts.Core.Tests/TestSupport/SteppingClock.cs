namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>
/// A clock whose wall time can be stepped (NTP correcting a drift, an operator's <c>date -s</c>) while its monotonic
/// time only moves forward, as on a real machine. FakeTimeProvider cannot: it refuses to go back, and its timestamp
/// is its wall clock. Durations measured on <see cref="TimeProvider.GetTimestamp"/> must not notice a step.
/// </summary>
public sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private long _monotonicTicks = TimeSpan.FromDays(3).Ticks; // an uptime, unrelated to the wall clock
    private DateTimeOffset _wall = start;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _wall;

    public override long GetTimestamp() => _monotonicTicks;

    /// <summary>Real time passes: both clocks move.</summary>
    public void Advance(TimeSpan by)
    {
        _monotonicTicks += by.Ticks;
        _wall += by;
    }

    /// <summary>The wall clock is set (back when negative); no time passes.</summary>
    public void StepWallClock(TimeSpan by) => _wall += by;
}
