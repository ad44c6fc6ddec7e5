using System.Globalization;

namespace TuiPorts.Core.Presentation;

/// <summary>Hosts (<c>--ssh</c>): counts, a host's line, silence, floods, ended sessions.</summary>
public static partial class Wording
{
    /// <summary>The H list without <c>--ssh</c>.</summary>
    public const string OneHost = "one host: this machine (--ssh shows several)";

    /// <summary>A one-shot (<c>--once</c>, a remote kill) that did not end in time.</summary>
    public static string NoAnswerWithin(string host, TimeSpan timeout) => $"no answer from {host} within {Formats.Seconds(timeout)}";

    /// <summary><c>3 hosts (1 unreachable)</c>, <c>2 hosts (1 connecting)</c>, <c>1 host</c>.</summary>
    public static string HostCount(IReadOnlyList<TuiPorts.Core.Model.HostStatus> hosts)
    {
        int unreachable = hosts.Count(h => h.IsUnreachable);
        int connecting = hosts.Count(h => h.State == TuiPorts.Core.Model.HostState.Connecting);
        int stale = hosts.Count(h => h.State == TuiPorts.Core.Model.HostState.Stale);
        var notes = new List<string>();
        if (unreachable > 0)
        {
            notes.Add($"{unreachable} unreachable");
        }

        if (stale > 0)
        {
            notes.Add($"{stale} stale");
        }

        if (connecting > 0)
        {
            notes.Add($"{connecting} connecting");
        }

        return Count(hosts.Count, "host") + (notes.Count > 0 ? $" ({string.Join(", ", notes)})" : string.Empty);
    }

    /// <summary>
    /// A host that is not live, in one line: <c>db1: ssh: connect to host db1 port 22: Connection refused; retrying in
    /// 4 s</c>, or <c>h5: no answer for 6 s (last data 12:01:07)</c>.
    /// </summary>
    public static string HostLine(TuiPorts.Core.Model.HostStatus status, TimeSpan now)
    {
        if (status.State == TuiPorts.Core.Model.HostState.Stale)
        {
            return $"{status.Host}: {Silence(status, now)}";
        }

        string what = status.State switch
        {
            TuiPorts.Core.Model.HostState.Connecting => "connecting...",
            TuiPorts.Core.Model.HostState.Live => "live",
            _ => TerminalText.Sanitize(status.Message ?? "unreachable"),
        };
        string host = TerminalText.Sanitize(status.Host);
        if (status.RetryAt is not { } at || status.State == TuiPorts.Core.Model.HostState.Live)
        {
            return $"{host}: {what}";
        }

        var wait = TimeSpan.FromSeconds(Math.Max(0, Math.Ceiling((at - now).TotalSeconds)));
        return $"{host}: {what.TrimEnd('.')}; retrying in {Formats.Seconds(wait)}"; // ssh ends some sentences with "."

    }

    /// <summary><c>no answer for 6 s (last data 12:01:07)</c>: how long a stale host has been silent.</summary>
    public static string Silence(TuiPorts.Core.Model.HostStatus status, TimeSpan now)
    {
        var silent = status.LastLine is { } since ? TimeSpan.FromSeconds(Math.Max(0, Math.Floor((now - since).TotalSeconds))) : TimeSpan.Zero;
        string data = status.LastData is { } at ? $" (last data {Formats.ClockTime(at)})" : string.Empty;
        return $"no answer for {Formats.Seconds(silent)}{data}";
    }

    /// <summary>K on a stale host's row: said before anything is sent.</summary>
    public static string KillOnStaleHost(TuiPorts.Core.Model.HostStatus status, TimeSpan now) =>
        $"{status.Host} is stale ({Silence(status, now)}): its rows may be out of date; nothing sent - wait until it answers again";

    /// <summary>A host whose line went past the cap (read no further).</summary>
    public static string LineOverCap(long cap) => $"sent a line over {cap >> 20} MiB";

    public static string OverLineBudget(int perSecond) => $"sent more than {perSecond} lines a second (a flood, not a stream)";

    public static string OverByteBudget(long perSecond) => $"sent more than {perSecond >> 20} MiB a second (a flood, not a stream)";

    /// <summary>Why a host's session ended: ssh's or the remote side's own last words, else the exit code.</summary>
    public static string HostEnded(string errorText, int? exitCode, string? readError)
    {
        var lines = errorText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        string? said = lines.LastOrDefault(l => l.StartsWith("ssh:", StringComparison.Ordinal) || l.StartsWith("tuiports:", StringComparison.Ordinal))
            ?? lines.FirstOrDefault(l => l.StartsWith("Unhandled exception", StringComparison.Ordinal))
            ?? lines.LastOrDefault();
        if (said is not null)
        {
            said = TerminalText.Sanitize(said); // the remote host's own words: they reach the operator's terminal
            return exitCode == 127 ? $"{said} (is tuiports installed there? see --remote-command)" : said;
        }

        return readError is not null ? $"connection lost: {readError}"
            : exitCode == 0 ? "the remote tuiports ended"
            : exitCode == 127 ? "command not found (is tuiports installed there? see --remote-command)"
            : $"connection closed (exit code {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"})";
    }

    /// <summary>What a kill on another host said: <c>db1: port 8080: freed; pid 123 (java) exited after SIGTERM</c>.</summary>
    public static string RemoteKillOutcome(string host, IReadOnlyList<string> lines) =>
        $"{TerminalText.Sanitize(host)}: " + (lines.Count == 0 ? "the remote kill printed nothing" : string.Join("; ", lines.Select(l => TerminalText.Sanitize(l.Trim()))));

    /// <summary>A host that answered with something else than tuiports' JSON: what was wrong, and the start of it.</summary>
    public static string HostGarbage(string line, string reason)
    {
        string excerpt = TerminalText.Sanitize(line.Length > 60 ? line[..60] : line);
        return $"sent something that is not tuiports' output ({reason}): \"{excerpt}{(line.Length > 60 ? "..." : string.Empty)}\"";
    }
}
