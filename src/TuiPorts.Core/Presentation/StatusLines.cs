using System.Globalization;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Presentation;

/// <summary>The two text lines above the table: the summary (counts, sort, refresh) and the message line.</summary>
public static class StatusLines
{
    public static string Summary(SocketListState state, bool paused, TimeSpan interval, bool listeningOnly, bool readOnly = false)
    {
        var snapshot = state.Snapshot;
        string count = string.Format(CultureInfo.InvariantCulture, "{0:N0} of {1}", state.VisibleLiveCount, Wording.Count(snapshot.TotalSockets, "socket"));
        string mode = paused ? "PAUSED" : $"every {interval.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s";
        string listening = (listeningOnly ? "  listening only" : string.Empty) + (readOnly ? "  read-only" : string.Empty);
        string taken = snapshot.TakenAt == DateTimeOffset.UnixEpoch ? "-" : Formats.ClockTime(snapshot.TakenAt);
        return $"{count}{listening}  sort: {state.Sort}  {mode}  changed {taken}";
    }

    /// <summary>The latest notice (kill results, errors) and a failed refresh, else the first warning (hidden holders first).</summary>
    public static string Message(string? refreshError, string? notice, Snapshot snapshot)
    {
        if (refreshError is not null)
        {
            string failed = $"{refreshError} (showing the last good snapshot; retrying)";
            return notice is null ? failed : $"{notice} | {failed}";
        }

        if (notice is not null)
        {
            return notice;
        }

        var warnings = Wording.Warnings(snapshot);
        return warnings.Count > 0 ? warnings[0] : string.Empty;
    }
}
