
namespace TuiPorts.Core.Presentation;

/// <summary>Holders: hidden owners, fds, what runs under a process.</summary>
public static partial class Wording
{
    /// <summary>A pre-fork server's master and its children holding a socket (the detail pane).</summary>
    public static string MasterAndChildren(ProcessInfo top, int children) =>
        $"pid {top.Pid} ({top.Title}) and its {Count(children, "child", "children")} hold this socket; stopping {top.Pid} stops them and frees the port";

    /// <summary>
    /// Where a process runs, wherever it is said (detail pane, kill dialog, <c>tuiports kill</c>):
    /// <c>container 3f2a9c0d1e2b</c> (its unit is the runtime's scope) or <c>systemd unit nginx.service</c>; null for neither.
    /// </summary>
    public static string? RunsIn(TuiPorts.Core.Model.CgroupInfo? cgroup) => cgroup switch
    {
        { Container: { } id } => $"container {id}",
        { Unit: { } unit } => $"systemd unit {unit}",
        _ => null,
    };

    /// <summary>A unix socket without a name (a socketpair, an unbound client), as the detail pane describes its fd.</summary>
    public const string UnnamedUnixSocket = "unix (unnamed)";

    /// <summary>The short marker used where a holder would be shown (the <c>--once</c> table, the detail pane).</summary>
    public static string HiddenHolder(bool asRoot) => asRoot ? "owner hidden (access refused)" : "owner hidden — run with sudo";

    /// <summary>The table cell for a hidden holder (narrow column).</summary>
    public const string HiddenCell = "hidden";

    /// <summary>The one-line summary of a scan's hidden holders: the UI's message line and the first warning.</summary>
    public static string HiddenSummary(int sockets, int processesDenied, bool asRoot) => asRoot
        ? $"owners of {Count(sockets, "socket")} hidden: {Count(processesDenied, "process", "processes")} "
          + $"{(processesDenied == 1 ? "refuses" : "refuse")} access to {(processesDenied == 1 ? "its" : "their")} fds even to root"
        : $"owners of {Count(sockets, "socket")} hidden — run with sudo to see them";

    /// <summary>The detail pane's explanation under a socket whose holders are hidden.</summary>
    public static string HiddenDetail(bool asRoot) => asRoot
        ? "owner hidden (access refused): a process refused to show its fds even to root"
        : "owner hidden — run with sudo to see which process holds this socket";

    /// <summary>Under a socket that no process holds.</summary>
    public static string NoHolder(SocketEntry socket) => socket.Inode == 0
        ? $"no owner: a {socket.State} socket belongs to the kernel, not to a process"
        : "no process holds this socket any more";

    /// <summary>The collapsed non-socket fds of a holder in the detail pane.</summary>
    public static string OtherFds(int count) => $"{Count(count, "other fd")} (o shows them)";

    /// <summary>Under a holder whose fd table we may not read.</summary>
    public const string FdsDenied = "permission denied: run as root to see its fds";

    /// <summary>
    /// What the operator would lose with an ancestor of tuiports. The sshd that accepts logins (its parent is init) is
    /// not the session: stopping it leaves open sessions alone, but nobody can log in again.
    /// </summary>
    public static string WhatRunsUnder(ProcessInfo? process) => (process?.Name ?? string.Empty) switch
    {
        "sshd" or "dropbear" when process!.ParentPid <= 1 =>
            "it is the sshd that accepts logins: nobody can log in again until it is restarted (open sessions survive)",
        "sshd" or "sshd-session" or "sshd-auth" or "dropbear" => "your SSH session runs under it: killing it ends that session",
        "tmux" or "tmux: server" or "screen" or "SCREEN" => "your terminal multiplexer session runs under it",
        "bash" or "zsh" or "sh" or "dash" or "fish" or "ksh" or "tcsh" or "csh" => "the shell that started tuiports runs under it",
        "sudo" or "su" or "login" or "doas" => "your login session runs under it",
        _ => "tuiports itself runs under it",
    };

    /// <summary>Several process trees share one socket: stopping one of them does not free the port.</summary>
    public static string UnrelatedHolders(int trees) =>
        $"{Count(trees, "unrelated process", "unrelated processes")} hold this socket; the port stays open unless all of them exit";

    /// <summary>The detail pane under a remote host's holder: its fds live over there.</summary>
    public const string RemoteFds = "open fds: not shown for remote hosts";
}
