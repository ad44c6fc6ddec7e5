using System.Globalization;

namespace TuiPorts.Core.Presentation;

/// <summary>The two text lines above the table: the summary (counts, sort, refresh) and the message line.</summary>
public static class StatusLines
{
    /// <summary>
    /// <c>12 of 1,204 sockets  sort: local port asc  every 1s  changed 13:05:07</c>; over several hosts it starts with
    /// them: <c>3 hosts (1 unreachable), 1,204 sockets</c> (and <c>, 12 shown</c> when a filter hides some).
    /// </summary>
    public static string Summary(
        SocketListState state, bool paused, TimeSpan interval, bool listeningOnly, bool readOnly = false, IReadOnlyList<TuiPorts.Core.Model.HostStatus>? hosts = null)
    {
        var snapshot = state.Snapshot;
        int total = snapshot.TotalSockets;
        int visible = state.VisibleLiveCount;
        string count = hosts is { Count: > 0 }
            ? $"{Wording.HostCount(hosts)}, {Wording.Count(total, "socket")}" + (visible != total ? string.Create(CultureInfo.InvariantCulture, $", {visible:N0} shown") : string.Empty)
            : string.Format(CultureInfo.InvariantCulture, "{0:N0} of {1}", visible, Wording.Count(total, "socket"));
        string mode = paused ? "PAUSED" : $"every {interval.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s";
        string listening = (listeningOnly ? "  listening only" : string.Empty) + (readOnly ? "  read-only" : string.Empty);
        string taken = snapshot.TakenAt == DateTimeOffset.UnixEpoch ? "-" : Formats.ClockTime(snapshot.TakenAt);
        return $"{count}{listening}  sort: {state.Sort}  {mode}  changed {taken}";
    }

    /// <summary>
    /// Counts by TCP state, as ss names them, most common first: <c>  LISTEN 12 ESTAB 40 TIME-WAIT 3 CLOSE-WAIT 1</c>; with
    /// a state filter (<c>s</c>) the shown state is marked: <c>  [CLOSE-WAIT] 7 of ...</c>.
    /// </summary>
    public static string States(Snapshot snapshot, string? stateFilter)
    {
        var counts = new Dictionary<string, int>();
        foreach (var socket in snapshot.Sockets)
        {
            if (socket.Protocol.IsTcp())
            {
                counts[socket.State] = counts.GetValueOrDefault(socket.State) + 1;
            }
        }

        if (counts.Count == 0)
        {
            return stateFilter is null ? string.Empty : $"  only {TuiPorts.Core.Model.SocketStates.ShortName(stateFilter)}";
        }

        var parts = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key == stateFilter ? $"[{TuiPorts.Core.Model.SocketStates.ShortName(c.Key)}] {c.Value}" : $"{TuiPorts.Core.Model.SocketStates.ShortName(c.Key)} {c.Value}");
        string only = stateFilter is not null && !counts.ContainsKey(stateFilter) ? $"[{TuiPorts.Core.Model.SocketStates.ShortName(stateFilter)}] 0 " : string.Empty;
        return $"  {only}{string.Join(' ', parts)}";
    }

    /// <summary>
    /// The banner under the message line: each host that is not live (down, stale, connecting), one line each, cut to
    /// <paramref name="width"/> with "…"; at most three lines, the third then <c>and 4 more: h5, h7, h9, h12</c>, so
    /// every host that is not live stays named on screen at any width.
    /// </summary>
    public static IReadOnlyList<string> Hosts(IReadOnlyList<TuiPorts.Core.Model.HostStatus> hosts, TimeSpan now, int width = int.MaxValue)
    {
        var down = hosts.Where(h => h.State != TuiPorts.Core.Model.HostState.Live).ToList();
        var lines = down.Count <= 3
            ? down.Select(h => Wording.HostLine(h, now)).ToList()
            : [Wording.HostLine(down[0], now), Wording.HostLine(down[1], now), $"and {down.Count - 2} more: {string.Join(", ", down.Skip(2).Select(h => h.Host))}"];
        return lines.Select(l => Cut(TerminalText.Sanitize(l), width)).ToList(); // remote words, made safe, then cut
    }

    /// <summary>The line as is when it fits in <paramref name="width"/>, else its start and "…".</summary>
    public static string Cut(string line, int width) =>
        line.Length <= width ? line : width <= 1 ? "…" : string.Concat(line.AsSpan(0, width - 1), "…");

    /// <summary>The latest notice (kill results, errors) and a failed refresh, else the first warning (hidden holders first).</summary>
    public static string Message(string? refreshError, string? notice, Snapshot snapshot)
    {
        if (refreshError is not null)
        {
            string failed = Wording.ShowingLastGood(refreshError);
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
