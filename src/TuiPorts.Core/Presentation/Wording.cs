using System.Globalization;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// The one home of the sentences a person reads about hidden holders, malformed tables and refused kills. The engine
/// and the kill policy report facts (counts, <see cref="KillRefusal"/>); every view - the UI, <c>--once</c>, JSON
/// warnings, <c>tuiports kill</c> - words them here, so one fact reads the same everywhere.
/// </summary>
public static class Wording
{
    /// <summary>The CLI was built without the full-screen UI (a test host): only the one-shot commands run.</summary>
    public const string NoLiveView = "the full-screen UI is not available here: use --once, --stream or a subcommand";

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

    /// <summary>The help's legend: what the table's marks mean.</summary>
    public static string Legend(Glyphs g) =>
        $"marks: tcp* another network namespace {g.Dot} +3 three more holders {g.Dot} row + new, - gone (GONE) {g.Dot} "
        + $"{g.Ascending}/{g.Descending} sort column and direction";

    /// <summary>Under a socket that no process holds.</summary>
    public static string NoHolder(SocketEntry socket) => socket.Inode == 0
        ? $"no owner: a {socket.State} socket belongs to the kernel, not to a process"
        : "no process holds this socket any more";

    /// <summary>The collapsed non-socket fds of a holder in the detail pane.</summary>
    public static string OtherFds(int count) => $"{Count(count, "other fd")} (o shows them)";

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

    /// <summary>The status bar's kill label: the signal K sends when it is not the default SIGTERM.</summary>
    public static string KillLabel(KillRequest request)
    {
        string name = Signals.Name(request.Signal).Replace("SIG", string.Empty, StringComparison.Ordinal);
        return request.KillAfter is not null && request.Signal != Signals.SIGKILL ? $"Kill {name}+KILL"
            : request.Signal == Signals.SIGTERM ? "Kill"
            : $"Kill {name}";
    }

    /// <summary>Under a holder whose fd table we may not read.</summary>
    public const string FdsDenied = "permission denied: run as root to see its fds";

    public static string Malformed(MalformedTable table) => $"{Count(table.Lines, "malformed line")} skipped in {TerminalText.Sanitize(table.Path)}";

    /// <summary>Every warning of a snapshot, most important first (hidden holders, then malformed tables).</summary>
    public static IReadOnlyList<string> Warnings(Snapshot snapshot)
    {
        var warnings = new List<string>();
        int hidden = snapshot.HiddenHolderSockets;
        if (hidden > 0)
        {
            warnings.Add(HiddenSummary(hidden, snapshot.Stats.ProcessesDenied, snapshot.Stats.AsRoot));
        }

        warnings.AddRange(snapshot.Malformed.Select(Malformed));
        return warnings;
    }

    /// <summary>Why a kill does not go ahead, for the status line, the dialog and <c>tuiports kill</c>.</summary>
    public static string Refusal(KillRefusal refusal, ProcessInfo? process = null, int holders = 0)
    {
        string who = process is null ? "the process" : $"pid {process.Pid} ({process.Name})";
        return refusal switch
        {
            KillRefusal.HoldersHidden => Interop.Privileges.IsRoot
                ? "owner hidden: the process refuses access to its fds even to root: nothing to kill"
                : "owner hidden — run with sudo to see and kill it",
            KillRefusal.NotLiveProcfs => "killing is disabled: --proc-root is not the live /proc (a copy or a fixture names other processes)",
            KillRefusal.NoHolder => "no process holds this socket (kernel-owned): nothing to kill",
            KillRefusal.SocketGone => "that socket is gone: nothing to kill",
            KillRefusal.ReadOnly => "killing is disabled (--read-only)",
            KillRefusal.InitProcess => "refused: pid 1 is the init process (signalling it can restart or shut down the whole system)",
            KillRefusal.KernelThread => $"refused: {who} is a kernel thread, which ignores signals",
            KillRefusal.Tuiports => $"refused: pid {process?.Pid} is tuiports itself (press q to quit)",
            KillRefusal.Ancestor => $"refused: {who} is an ancestor of tuiports — {WhatRunsUnder(process)} (--force to kill it anyway)",
            KillRefusal.SharedSocket => $"{Count(holders, "process", "processes")} hold this socket; the port stays open unless all of them exit",
            _ => string.Empty,
        };
    }

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

    /// <summary><c>3 hosts (1 unreachable)</c>, <c>2 hosts (1 connecting)</c>, <c>1 host</c>.</summary>
    public static string HostCount(IReadOnlyList<Remote.HostStatus> hosts)
    {
        int unreachable = hosts.Count(h => h.IsUnreachable);
        int connecting = hosts.Count(h => h.State == Remote.HostState.Connecting);
        int stale = hosts.Count(h => h.State == Remote.HostState.Stale);
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
    public static string HostLine(Remote.HostStatus status, TimeSpan now)
    {
        if (status.State == Remote.HostState.Stale)
        {
            return $"{status.Host}: {Silence(status, now)}";
        }

        string what = status.State switch
        {
            Remote.HostState.Connecting => "connecting...",
            Remote.HostState.Live => "live",
            _ => TerminalText.Sanitize(status.Message ?? "unreachable"),
        };
        string host = TerminalText.Sanitize(status.Host);
        if (status.RetryAt is not { } at || status.State == Remote.HostState.Live)
        {
            return $"{host}: {what}";
        }

        var wait = TimeSpan.FromSeconds(Math.Max(0, Math.Ceiling((at - now).TotalSeconds)));
        return $"{host}: {what.TrimEnd('.')}; retrying in {Formats.Seconds(wait)}"; // ssh ends some sentences with "."

    }

    /// <summary><c>no answer for 6 s (last data 12:01:07)</c>: how long a stale host has been silent.</summary>
    public static string Silence(Remote.HostStatus status, TimeSpan now)
    {
        var silent = status.LastLine is { } since ? TimeSpan.FromSeconds(Math.Max(0, Math.Floor((now - since).TotalSeconds))) : TimeSpan.Zero;
        string data = status.LastData is { } at ? $" (last data {Formats.ClockTime(at)})" : string.Empty;
        return $"no answer for {Formats.Seconds(silent)}{data}";
    }

    /// <summary>K on a stale host's row: said before anything is sent.</summary>
    public static string KillOnStaleHost(Remote.HostStatus status, TimeSpan now) =>
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

    /// <summary>A remote process that cannot be pinned because its host did not know its boot time.</summary>
    public static string StartTimeUnknown(ProcessInfo process) =>
        $"pid {process.Pid} ({process.Name}): its start time is unknown, so it cannot be pinned: nothing sent";

    /// <summary><c>tuiports kill --pid P --start-time T</c> when pid P is another process now.</summary>
    public static string PidReused(int pid, DateTime? startedUtc) =>
        $"pid {pid} now belongs to another process (started {(startedUtc is { } t ? Formats.StartTimeUtc(t) : "at an unknown time")}): nothing sent";

    /// <summary><c>kill --pid P --start-time T</c> when P is no process, or another process now.</summary>
    public static string PidProblem(Killing.PidProblem problem) => problem.Exists
        ? PidReused(problem.Pid, problem.StartedUtc)
        : $"pid {problem.Pid}: no such process: nothing sent";

    /// <summary>A command-line value of the wrong kind: <c>--pid: 'abc' is not a whole number</c>.</summary>
    public static string NotAValue(string option, string value, bool wholeNumber) =>
        $"{option}: '{TerminalText.Sanitize(value)}' is not {(wholeNumber ? "a whole number in range" : "a valid value")}";

    /// <summary>The program that reaches other hosts could not even start (no ssh installed).</summary>
    public static string CannotRun(string program, string why) => $"cannot run {program}: {why}";

    /// <summary>A host that answered with something else than tuiports' JSON: what was wrong, and the start of it.</summary>
    public static string HostGarbage(string line, string reason)
    {
        string excerpt = TerminalText.Sanitize(line.Length > 60 ? line[..60] : line);
        return $"sent something that is not tuiports' output ({reason}): \"{excerpt}{(line.Length > 60 ? "..." : string.Empty)}\"";
    }

    /// <summary>Why a process could not be pinned for a kill (errno from pidfd_open, in words).</summary>
    public static string OpenError(ProcessInfo process, SignalError error) => error switch
    {
        SignalError.NoSuchProcess =>
            $"pid {process.Pid} ({process.Name}) already exited (or its pid now belongs to another process): nothing sent",
        SignalError.PermissionDenied => PermissionDenied(process),
        SignalError.NoPidfd => NoPidfd(process),
        _ => $"pid {process.Pid} ({process.Name}): cannot be signalled",
    };

    /// <summary>Why a signal was not delivered (errno from pidfd_send_signal, in words).</summary>
    public static string SendError(ProcessInfo process, SignalError error, int signal) => error switch
    {
        SignalError.NoSuchProcess => $"pid {process.Pid} ({process.Name}) already exited: {Signals.Name(signal)} not delivered",
        SignalError.PermissionDenied => PermissionDenied(process),
        _ => $"pid {process.Pid} ({process.Name}): sending {Signals.Name(signal)} failed",
    };

    /// <summary>The kernel has no pidfd_open (ENOSYS): a kill by bare pid could hit a reused pid, so there is none.</summary>
    public static string NoPidfd(ProcessInfo process) =>
        $"pid {process.Pid} ({process.Name}): not signalled: this kernel has no pidfds (Linux 5.3 or newer is needed to pin a process, and tuiports never signals a bare pid): nothing sent";

    public static string PermissionDenied(ProcessInfo process) =>
        $"permission denied: pid {process.Pid} belongs to {process.User} — run tuiports with sudo";

    /// <summary><c>1 socket</c>, <c>2 sockets</c>, <c>1,204 sockets</c>.</summary>
    public static string Count(int n, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? singular : plural ?? singular + "s")}");

    // --- connections (issue 20): closing one, traffic, the other end ---

    /// <summary>One connection as a line: <c>tcp 127.0.0.1:5432 &lt;-&gt; 127.0.0.1:40000 ESTAB, pid 812 (psql)</c>.</summary>
    public static string Connection(SocketEntry socket)
    {
        string holder = socket.Holders.Count == 0 ? "owner unknown"
            : string.Join(", ", socket.Holders.Select(h => $"pid {h.Pid} ({TerminalText.Sanitize(h.Process.Name)})"));
        return $"{socket.Protocol.Name()} {socket.LocalEndpoint} <-> {socket.RemoteEndpoint} {ProcFs.SocketStates.ShortName(socket.State)}, {holder}";
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
            : peer.Holders.Count == 0 ? $"no owner ({ProcFs.SocketStates.ShortName(peer.State)})"
            : string.Join(", ", peer.Holders.Select(h => $"pid {h.Pid} ({TerminalText.Sanitize(h.Process.Name)})"));
        return $"other end: {holder} {peer.LocalEndpoint} (g goes there)";
    }

    /// <summary>Why <c>c</c> does nothing on this row.</summary>
    public static string NotClosable(SocketEntry socket) => socket switch
    {
        { IsListening: true } => "a listener is never closed: c closes one connection (K stops the server)",
        { Host: not null } => $"c closes connections of this machine: on {TerminalText.Sanitize(socket.Host)} run ssh {TerminalText.Sanitize(socket.Host)} tuiports close",
        _ when !socket.Protocol.IsTcp() => "only TCP connections can be closed",
        { Inode: 0 } => $"a {ProcFs.SocketStates.ShortName(socket.State)} socket belongs to the kernel: nothing to close",
        _ => "only connections of tuiports' own network namespace can be closed",
    };
}
