using System.Globalization;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// The hosts list the H key shows: one aligned row per host of the view, in the order given - its state, when its last
/// data arrived, its lag (arrival minus the host's own clock on its last line: link delay plus any clock difference)
/// and its traffic in bytes per second over the current session. <c>now</c> is monotonic (<see cref="Live.Monotonic"/>),
/// on the same time provider as the feeds'.
/// </summary>
public static class HostList
{
    public static IReadOnlyList<string> Lines(IReadOnlyList<HostStatus> hosts, TimeSpan now)
    {
        if (hosts.Count == 0)
        {
            return [Wording.OneHost];
        }

        var rows = new List<string[]> { new[] { "HOST", "STATE", "LAST DATA", "LAG", "BYTES/S" } };
        rows.AddRange(hosts.Select(h => new[]
        {
            h.Host,
            State(h, now),
            (h.Meter?.LastData ?? h.LastData) is { } at ? Formats.ClockTime(at) : "-",
            h.Meter?.Lag is { } lag ? Formats.Seconds(TimeSpan.FromSeconds(Math.Round(lag.TotalSeconds, 1))) : "-",
            h.Meter is { } meter ? Math.Round(meter.BytesPerSecond(now)).ToString("N0", CultureInfo.InvariantCulture) : "-",
        }));
        int[] widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length)).ToArray();
        return rows.Select(r => string.Join("  ", r.Select((cell, c) => c == 4 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd()).ToList();
    }

    private static string State(HostStatus status, TimeSpan now) => status.State switch
    {
        HostState.Live => "live",
        HostState.Connecting => "connecting",
        HostState.Stale => "stale " + Formats.Seconds(status.LastLine is { } since ? TimeSpan.FromSeconds(Math.Floor((now - since).TotalSeconds)) : TimeSpan.Zero),
        HostState.Garbage => "garbage",
        _ => status.RetryAt is { } at && at > now ? $"down, retry in {Formats.Seconds(TimeSpan.FromSeconds(Math.Ceiling((at - now).TotalSeconds)))}" : "down",
    };
}
