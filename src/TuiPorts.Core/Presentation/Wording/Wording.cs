using System.Globalization;
using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// The one home of the sentences a person reads (this folder): the engine and the kill policy report facts (counts,
/// <see cref="KillRefusal"/>, records); every view - the UI, <c>--once</c>, JSON warnings, <c>tuiports kill</c> - words
/// them here, split by domain (the screen and the filter here; holders, kill, hosts and connections beside it), so one
/// fact reads the same everywhere. A new sentence goes into the file of its domain.
/// </summary>
public static partial class Wording
{
    public const string NoSocketHighlighted = "no socket is highlighted";

    /// <summary>The <c>--once</c> table's footnote when a row is in another namespace.</summary>
    public const string OtherNetnsMark = "  (* = another network namespace)";

    /// <summary>
    /// A socket named in a sentence or a list: <c>tcp 0.0.0.0:80 LISTEN</c>, or when it has a peer,
    /// <c>tcp 10.0.0.5:5432 -> 10.0.0.9:51234 ESTABLISHED</c>.
    /// </summary>
    public static string SocketLabel(SocketEntry socket) => socket.RemotePort == 0
        ? $"{socket.Protocol.Name()} {socket.LocalEndpoint} {TerminalText.Sanitize(socket.State)}"
        : $"{socket.Protocol.Name()} {socket.LocalEndpoint} -> {socket.RemoteEndpoint} {TerminalText.Sanitize(socket.State)}";

    /// <summary>The message line while the refresh fails.</summary>
    public static string ShowingLastGood(string refreshError) => $"{refreshError} (showing the last good snapshot; retrying)";

    /// <summary>A scan that failed: <c>refresh failed: IOException: disk gone</c>.</summary>
    public static string RefreshFailed(Live.ScanFailure failure) => $"refresh failed: {failure.Kind}: {failure.Message}";

    /// <summary>The CLI was built without the full-screen UI (a test host): only the one-shot commands run.</summary>
    public const string NoLiveView = "the full-screen UI is not available here: use --once, --stream or a subcommand";

    /// <summary>The help's legend: what the table's marks mean.</summary>
    public static string Legend(Glyphs g) =>
        $"marks: tcp* another network namespace {g.Dot} +3 three more holders {g.Dot} row + new, - gone (GONE) {g.Dot} "
        + $"{g.Ascending}/{g.Descending} sort column and direction";

    public const string WaitingForFirstScan = "waiting for the first scan...";

    /// <summary>The detail pane of an empty table: which filter found nothing.</summary>
    public static string NothingMatches(string? ports, string? text) => (ports, text) switch
    {
        ({ } p, _) when p.Contains(',', StringComparison.Ordinal) || p.Contains('-', StringComparison.Ordinal) => $"no socket on ports {p}",
        ({ } p, _) => $"no socket on port {p}",
        (_, { } t) => $"no socket matches \"{t}\"",
        _ => "no socket matches the filter",
    };

    /// <summary>The empty filter field's hint.</summary>
    public static string FilterHint(Glyphs g) => $"type a port {g.Dot} / text {g.Dot} Esc clears";

    public static string Malformed(MalformedTable table) => $"{Count(table.Lines, "malformed line")} skipped in {TerminalText.Sanitize(table.Path)}";

    /// <summary>Every warning of a snapshot, most important first (hidden holders, then malformed tables).</summary>
    public static IReadOnlyList<string> Warnings(Snapshot snapshot) => Warnings(snapshot.HiddenHolderSockets, snapshot.Stats, snapshot.Malformed);

    /// <summary>The same warnings from the facts they come from (a one-shot without a snapshot).</summary>
    /// <param name="hidden">Sockets whose holders could not be seen.</param>
    public static IReadOnlyList<string> Warnings(int hidden, ScanStats stats, IEnumerable<MalformedTable> malformed)
    {
        var warnings = new List<string>();
        if (hidden > 0)
        {
            warnings.Add(HiddenSummary(hidden, stats.ProcessesDenied, stats.AsRoot));
        }

        warnings.AddRange(malformed.Select(Malformed));
        return warnings;
    }

    /// <summary>A command-line value of the wrong kind: <c>--pid: 'abc' is not a whole number</c>.</summary>
    public static string NotAValue(string option, string value, bool wholeNumber) =>
        $"{option}: '{TerminalText.Sanitize(value)}' is not {(wholeNumber ? "a whole number in range" : "a valid value")}";

    /// <summary>The program that reaches other hosts could not even start (no ssh installed).</summary>
    public static string CannotRun(string program, string why) => $"cannot run {program}: {why}";

    /// <summary><c>1 socket</c>, <c>2 sockets</c>, <c>1,204 sockets</c>.</summary>
    public static string Count(int n, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? singular : plural ?? singular + "s")}");
}
