namespace TuiPorts.Core.Remote;

/// <summary>
/// How tuiports reaches another host: the user's own <c>ssh</c> (their ~/.ssh/config, agent, ProxyJump, ControlMaster),
/// never asking anything (BatchMode), ending a dead link after ~4-6 s (ServerAliveInterval 2 x CountMax 2, unless the
/// user's config sets its own keep-alive: <see cref="Probe"/>), compressed (the stream's JSON shrinks ~25x:
/// docs/performance.md), without a terminal (-T). The
/// remote command (<c>--remote-command</c>, default <c>tuiports</c>) is given to the remote login shell as written, so
/// it may be a path or a command line such as <c>sudo -n tuiports</c>; the arguments tuiports adds are quoted for it.
/// </summary>
public sealed record SshCommand(string RemoteCommand = "tuiports", string? ConfigFile = null, string Ssh = "ssh") : IRemoteShell
{
    private static readonly string[] KeepAlive = ["-o", "ServerAliveInterval=2", "-o", "ServerAliveCountMax=2"];

    private static readonly string[] Options = ["-o", "ConnectTimeout=10", "-o", "Compression=yes", "-T"];

    public string Program => Ssh;

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

    /// <summary>A word for the remote shell: as is when it is plain, else single-quoted.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or ':' or '=' or '@' or '%' or '+')
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
