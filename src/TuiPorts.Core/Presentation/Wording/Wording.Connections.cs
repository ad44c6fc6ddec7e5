
namespace TuiPorts.Core.Presentation;

/// <summary>Connections: closing one, traffic, the other end.</summary>
public static partial class Wording
{
    public const string ListenerHasNoOtherEnd = "a listener has no other end: highlight one of its connections";

    public static string OtherEndFiltered(SocketEntry peer) => $"{OtherEnd(peer)}: hidden by the filter";

    public static string NoTrafficReported(string state) => $"traffic: none reported for a {state} socket";

    public static string NotAPeerAddress(string text) => $"--peer: '{text}' is not an IP address (ADDR or ADDR:PORT)";

    /// <summary>A <c>--peer</c> problem in one line (the value made printable).</summary>
    public static string Peer(Filtering.PeerProblem problem)
    {
        string text = TerminalText.Sanitize(problem.Text.Length > 60 ? problem.Text[..60] + "..." : problem.Text);
        return problem.Kind switch
        {
            Filtering.PeerProblemKind.BadForm => $"--peer: '{text}' is not ADDR, ADDR:PORT or [IPv6]:PORT",
            Filtering.PeerProblemKind.BadPort => $"--peer: '{text}' is not a port between 1 and 65535",
            _ => NotAPeerAddress(text),
        };
    }

    /// <summary>One connection as a line: <c>tcp 127.0.0.1:5432 &lt;-&gt; 127.0.0.1:40000 ESTAB, pid 812 (psql)</c>.</summary>
    public static string Connection(SocketEntry socket)
    {
        string holder = socket.Holders.Count == 0 ? "owner unknown"
            : string.Join(", ", socket.Holders.Select(h => $"pid {h.Pid} ({TerminalText.Sanitize(h.Process.Name)})"));
        return $"{socket.Protocol.Name()} {socket.LocalEndpoint} <-> {socket.RemoteEndpoint} {TuiPorts.Core.Model.SocketStates.ShortName(socket.State)}, {holder}";
    }

    /// <summary>What a close did, or why the kernel did not do it (one sentence each).</summary>
    public static string CloseOutcome(Netlink.CloseResult result) => result.Outcome switch
    {
        Netlink.CloseOutcome.Closed => "closed",
        Netlink.CloseOutcome.AlreadyGone => "already gone",
        Netlink.CloseOutcome.Replaced => "not closed: a new connection now uses these ports",
        Netlink.CloseOutcome.NotPermitted => "not closed: closing a connection needs root (CAP_NET_ADMIN)",
        Netlink.CloseOutcome.NotSupported => "not closed: this kernel cannot close sockets (it was built without CONFIG_INET_DIAG_DESTROY)",
        Netlink.CloseOutcome.NotAConnection => "not closed: only TCP connections of this network namespace can be closed",
        _ => $"not closed: the kernel refused ({ErrnoName(result.Errno)})",
    };

    private static string ErrnoName(int errno) => errno switch
    {
        0 => "no reason given",
        5 => "EIO",
        12 => "ENOMEM",
        22 => "EINVAL",
        _ => $"errno {errno}",
    };

    /// <summary>The close dialog's question; default = no.</summary>
    public static string CloseQuestion(SocketEntry socket) =>
        $"Close this connection only? {Connection(socket)}. The process keeps running; both ends see a reset.";

    public static string NothingToClose(string what) => $"no connection matches {what}: nothing to close";

    public const string TrafficUnavailable = "traffic: not available (read from /proc/net, which has no tcp_info)";

    public const string NoOtherEnd = "the other end of this connection is not on this host";

    /// <summary><c>other end: pid 812 (psql) 127.0.0.1:40000 (g goes there)</c>.</summary>
    public static string OtherEnd(SocketEntry peer)
    {
        string holder = peer.HoldersHidden ? "owner hidden"
            : peer.Holders.Count == 0 ? $"no owner ({TuiPorts.Core.Model.SocketStates.ShortName(peer.State)})"
            : string.Join(", ", peer.Holders.Select(h => $"pid {h.Pid} ({TerminalText.Sanitize(h.Process.Name)})"));
        return $"other end: {holder} {peer.LocalEndpoint} (g goes there)";
    }

    /// <summary>Why <c>c</c> does nothing on this row.</summary>
    public static string NotClosable(SocketEntry socket) => socket switch
    {
        { IsListening: true } => "a listener is never closed: c closes one connection (K stops the server)",
        { Host: not null } => $"c closes connections of this machine: on {TerminalText.Sanitize(socket.Host)} run ssh {TerminalText.Sanitize(socket.Host)} tuiports close",
        _ when !socket.Protocol.IsTcp() => "only TCP connections can be closed",
        { Inode: 0 } => $"a {TuiPorts.Core.Model.SocketStates.ShortName(socket.State)} socket belongs to the kernel: nothing to close",
        _ => "only connections of tuiports' own network namespace can be closed",
    };
}
