using System.Globalization;

namespace TuiPorts.Core.Presentation;

/// <summary>The one formatter for each kind of value a person reads: start times and durations, culture-invariant.</summary>
public static class Formats
{
    /// <summary><c>2026-11-29 13:05:07</c> in local time, or <c>?</c> when unknown.</summary>
    public static string StartTime(DateTimeOffset? startedAt) =>
        startedAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "?";

    /// <summary>ISO 8601 UTC with the kernel's precision (centiseconds): <c>2026-11-29T12:53:12.34Z</c>.</summary>
    public static string StartTimeUtc(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ff'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>3 s</c>, <c>0.5 s</c>, <c>1.5 s</c>.</summary>
    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";

    /// <summary><c>13:05:07</c> local clock time.</summary>
    public static string ClockTime(DateTimeOffset time) => time.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
