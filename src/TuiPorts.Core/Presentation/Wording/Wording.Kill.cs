using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Presentation;

/// <summary>Kill: refusals, pid problems, signal errors.</summary>
public static partial class Wording
{
    /// <summary>The status bar's kill label: the signal K sends when it is not the default SIGTERM.</summary>
    public static string KillLabel(KillRequest request)
    {
        string name = Signals.Name(request.Signal).Replace("SIG", string.Empty, StringComparison.Ordinal);
        return request.KillAfter is not null && request.Signal != Signals.SIGKILL ? $"Kill {name}+KILL"
            : request.Signal == Signals.SIGTERM ? "Kill"
            : $"Kill {name}";
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
}
