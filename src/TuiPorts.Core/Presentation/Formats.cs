using System.Globalization;

namespace TuiPorts.Core.Presentation;

/// <summary>The one formatter for each kind of value a person reads: start times and durations, culture-invariant.</summary>
public static class Formats
{
    /// <summary>
    /// <paramref name="text"/> cut to <paramref name="width"/> with <c>~</c> as its last character when it does not fit
    /// (no room for the mark below two columns); never longer than <paramref name="width"/>.
    /// </summary>
    public static string Cut(string text, int width) =>
        text.Length <= width ? text : width <= 1 ? text[..Math.Max(0, width)] : string.Concat(text.AsSpan(0, width - 1), "~");

    /// <summary><c>2026-11-29 13:05:07</c> in local time, or <c>?</c> when unknown.</summary>
    public static string StartTime(DateTimeOffset? startedAt) =>
        startedAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "?";

    /// <summary>ISO 8601 UTC with the kernel's precision (centiseconds): <c>2026-11-29T12:53:12.34Z</c>.</summary>
    public static string StartTimeUtc(DateTime utc) => utc.ToString(StartTimeUtcFormat, CultureInfo.InvariantCulture);

    /// <summary>The format of <see cref="StartTimeUtc"/>, for writers that format into a buffer of their own.</summary>
    public const string StartTimeUtcFormat = "yyyy-MM-dd'T'HH:mm:ss.ff'Z'";

    /// <summary><c>3 s</c>, <c>0.5 s</c>, <c>1.5 s</c>.</summary>
    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";

    /// <summary><c>13:05:07</c> local clock time.</summary>
    public static string ClockTime(DateTimeOffset time) => time.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Bytes (per second), compact as iftop prints them: <c>0</c>, <c>980</c>, <c>12K</c>, <c>4.0M</c> (K = 1000, M = 10^6).</summary>
    public static string Rate(double bytesPerSecond)
    {
        if (bytesPerSecond < 0.5)
        {
            return "0";
        }

        string[] units = ["", "K", "M", "G", "T"];
        int unit = 0;
        while (bytesPerSecond >= 1000 && unit < units.Length - 1)
        {
            bytesPerSecond /= 1000;
            unit++;
        }

        string format = unit > 0 && bytesPerSecond < 10 ? "0.0" : "0";
        return bytesPerSecond.ToString(format, CultureInfo.InvariantCulture) + units[unit];
    }

    /// <summary>A round-trip time given in µs: <c>87us</c>, <c>1.2ms</c>, <c>240ms</c>, <c>1.5s</c>.</summary>
    public static string Rtt(long microseconds) => microseconds switch
    {
        < 1000 => $"{microseconds}us",
        < 10_000 => (microseconds / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + "ms",
        < 1_000_000 => $"{microseconds / 1000}ms",
        _ => (microseconds / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + "s",
    };

    /// <summary>Milliseconds as a person reads them: <c>40 ms</c>, <c>12.3 s</c>, <c>5 min</c>.</summary>
    public static string Milliseconds(long ms) => ms switch
    {
        < 1000 => $"{ms} ms",
        < 600_000 => (ms / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " s",
        _ => $"{ms / 60_000} min",
    };

    /// <summary>A byte count: <c>812 B</c>, <c>4.0 MB</c> (decimal, as the rates).</summary>
    public static string Bytes(ulong bytes) => bytes < 1000 ? $"{bytes} B" : $"{Rate(bytes)}B".Insert(Rate(bytes).Length - 1, " ");
}
