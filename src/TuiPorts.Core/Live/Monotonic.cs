namespace TuiPorts.Core.Live;

/// <summary>
/// The one way a moment is taken for a duration: the time provider's monotonic timestamp (CLOCK_MONOTONIC for
/// <see cref="TimeProvider.System"/>) as a <see cref="TimeSpan"/> since its origin. Two such moments from the same
/// provider subtract into a duration that no NTP step or <c>date -s</c> can stretch or shrink; the wall clock
/// (<see cref="TimeProvider.GetUtcNow"/>) is only for what is shown as a date or a time of day.
/// </summary>
public static class Monotonic
{
    /// <summary>Now, on <paramref name="time"/>'s monotonic clock.</summary>
    public static TimeSpan Now(TimeProvider time) => time.GetElapsedTime(0);
}
