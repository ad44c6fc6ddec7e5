using System.Globalization;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Remote;

/// <summary>
/// How tuiports reaches another host: the user's own <c>ssh</c> (their ~/.ssh/config, agent, ProxyJump, ControlMaster),
/// never asking anything (BatchMode), ending a dead link after ~4-6 s (ServerAliveInterval 2 x CountMax 2, unless the
/// user's config sets its own keep-alive: <see cref="Probe"/>), compressed (the stream's JSON shrinks ~25x:
/// docs/performance.md), without a terminal (-T). The
/// remote command (<c>--remote-command</c>, default <c>tuiports</c>) is given to the remote login shell as written, so
/// it may be a path or a command line such as <c>sudo -n tuiports</c>; the arguments tuiports adds are quoted for it.
/// </summary>
public sealed record SshCommand(string RemoteCommand = "tuiports", string? ConfigFile = null, string Ssh = "ssh")
{
    private static readonly string[] KeepAlive = ["-o", "ServerAliveInterval=2", "-o", "ServerAliveCountMax=2"];

    private static readonly string[] Options = ["-o", "ConnectTimeout=10", "-o", "Compression=yes", "-T"];

    /// <summary>Tells whether the user's ssh config sets a keep-alive for a host (then theirs is used); null: never asked.</summary>
    public SshConfigProbe? Probe { get; init; }

    /// <summary>The arguments of <c>ssh</c> that run the remote tuiports with <paramref name="remoteArguments"/> on <paramref name="host"/>.</summary>
    public IReadOnlyList<string> For(string host, IEnumerable<string> remoteArguments) =>
    [
        "-o", "BatchMode=yes",
        .. Probe?.SetsServerAlive(host) == true ? [] : KeepAlive,
        .. Options,
        .. ConfigFile is null ? Array.Empty<string>() : ["-F", ConfigFile],
        host,
        "--",
        RemoteCommand,
        .. remoteArguments.Select(Quote),
    ];

    /// <summary><c>--stream --interval S</c> and the command line's filters, which the remote side applies.</summary>
    public static IReadOnlyList<string> StreamArguments(TimeSpan interval, IReadOnlyList<string> filters) =>
        ["--stream", "--interval", interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), .. filters];

    /// <summary><c>--once --json</c> and the filters.</summary>
    public static IReadOnlyList<string> OnceArguments(IReadOnlyList<string> filters) => ["--once", "--json", .. filters];

    /// <summary><c>kill --pid P --start-time T --yes --signal S</c> (and <c>--kill-after</c> when asked): pinned to one process.</summary>
    public static IReadOnlyList<string> KillArguments(ProcessInfo process, DateTime startTimeUtc, KillRequest request)
    {
        var arguments = new List<string>
        {
            "kill", "--pid", process.Pid.ToString(CultureInfo.InvariantCulture), "--start-time", Formats.StartTimeUtc(startTimeUtc),
            "--yes", "--signal", Signals.Name(request.Signal)[3..],
        };
        if (request.KillAfter is { } killAfter && request.Signal != Signals.SIGKILL)
        {
            arguments.AddRange(["--kill-after", killAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        if (request.Timeout is { } timeout)
        {
            arguments.AddRange(["--timeout", timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        return arguments;
    }

    /// <summary>A word for the remote shell: as is when it is plain, else single-quoted.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or ':' or '=' or '@' or '%' or '+')
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
