using System.Globalization;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Ui;

/// <summary>The two text lines above the table: the summary (counts, sort, refresh) and the message line.</summary>
public static class StatusLines
{
    public static string Summary(SocketListState state, bool paused, TimeSpan interval, bool listeningOnly, bool readOnly = false)
    {
        var snapshot = state.Snapshot;
        var culture = CultureInfo.InvariantCulture;
        string count = string.Format(culture, "{0:N0} of {1:N0} sockets", state.VisibleLiveCount, snapshot.Sockets.Count);
        string mode = paused ? "PAUSED" : $"every {interval.TotalSeconds.ToString("0.#", culture)}s";
        string listening = (listeningOnly ? "  listening only" : string.Empty) + (readOnly ? "  read-only" : string.Empty);
        string taken = snapshot.TakenAt == DateTimeOffset.UnixEpoch ? "-" : snapshot.TakenAt.ToLocalTime().ToString("HH:mm:ss", culture);
        return $"{count}{listening}  sort: {state.Sort}  {mode}  changed {taken}";
    }

    /// <summary>The latest notice (kill results, errors) and a failed refresh, else the not-root banner, else warnings.</summary>
    public static string Message(string? refreshError, string? notice, Snapshot snapshot, bool asRoot)
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

        int hidden = snapshot.HiddenOwnerSockets;
        if (hidden > 0)
        {
            return asRoot
                ? $"owners of {hidden} sockets hidden (access refused even to root)"
                : $"owners of {hidden} sockets hidden — run with sudo";
        }

        return snapshot.Warnings.Count > 0 ? snapshot.Warnings[0] : string.Empty;
    }
}
