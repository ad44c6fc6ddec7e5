using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// The sentences of a kill, from a <see cref="KillPlan"/> and a <see cref="KillReport"/>: what will be sent to whom and
/// why, what the kernel's facts say it will do, who will restart it, and afterwards what became of each process and
/// port. The CLI prints these lines; the UI's dialog and status line show the same ones.
/// </summary>
public static class KillWording
{
    /// <summary><c>pid 1234 (nginx: master)</c>.</summary>
    public static string Label(ProcessInfo process) => $"pid {process.Pid} ({process.Title})";

    public static string Label(KillTarget target) => Label(target.Process);

    /// <summary><c>SIGTERM</c>, or <c>SIGTERM, then SIGKILL after 5 s</c>.</summary>
    public static string Signal(int signal, KillRequest request) => request.KillAfter is { } k && signal != Signals.SIGKILL
        ? $"{Signals.Name(signal)}, then SIGKILL after {Formats.Seconds(k)}"
        : Signals.Name(signal);

    /// <summary><c>send SIGTERM to 2 processes (12, 13)</c>; targets with different signals are grouped by signal.</summary>
    public static string Sending(IReadOnlyList<KillTarget> targets, KillRequest request) =>
        "send " + string.Join(" and ", targets.GroupBy(t => t.Signal).Select(g =>
            $"{Signal(g.Key, request)} to {Wording.Count(g.Count(), "process", "processes")} ({string.Join(", ", g.Select(t => t.Pid))})"));

    /// <summary>Why a target will not be signalled, or null.</summary>
    public static string? Problem(KillTarget target) => target.Issue switch
    {
        TargetIssue.Refused => Wording.Refusal(target.Refusal, target.Process),
        TargetIssue.OpenFailed => Wording.OpenError(target.Process, target.OpenError),
        TargetIssue.NoLongerHolds => $"{Label(target)} no longer holds this socket: nothing sent",
        TargetIssue.StartTimeUnknown => Wording.StartTimeUnknown(target.Process),
        _ => null,
    };

    /// <summary>The systemd unit or container a process runs in: <c> (systemd unit nginx.service)</c>.</summary>
    public static string Where(ProcessInfo process) => Wording.RunsIn(process.Cgroup) is { } where ? $" ({where})" : string.Empty;

    /// <summary>"in container 3f2a... (netns 4026532001)" or "in netns 4026532001".</summary>
    public static string Namespace(ForeignPort port) =>
        port.Container is { } id ? $"in container {id} (netns {port.Netns})" : $"in netns {port.Netns}";

    /// <summary>A matching port in another namespace that the kill leaves alone.</summary>
    public static string LeftAlone(ForeignPort port) =>
        $"also on port {port.Port} {Namespace(port)}: not touched (--netns {port.Netns} or --netns all to include it)";

    /// <summary>
    /// <c> and its 3 children hold this socket; stopping 12 stops them and frees the port</c>: said only of a stop to a
    /// pre-fork master whose children run its own program (the kernel's exe links say so); empty otherwise.
    /// </summary>
    public static string TakesAlong(KillTarget target)
    {
        int same = target.SameProgramChildren.Count;
        return same > 0 && target.IsStop && target.OtherChildren.Count == 0
            ? $" and its {Wording.Count(same, "child", "children")} hold this socket; stopping {target.Pid} stops them"
              + (target.Supervisor is null ? " and frees the port" : string.Empty)
            : same > 0 ? $" and its {Wording.Count(same, "child", "children")} (same program) hold this socket" : string.Empty;
    }

    /// <summary>Children holding the socket that run another program (or one that cannot be read): they may keep the port.</summary>
    public static IEnumerable<string> OtherChildren(KillTarget target) => target.OtherChildren.Take(8).Select(child =>
        $"{Label(child)} also holds it and may keep the port ({(target.Facts.Exe is null ? "its program cannot be read" : "it runs another program")})");

    /// <summary>The signal chosen and, for a daemon, why; then what the kernel's masks say it will do.</summary>
    public static IEnumerable<string> Prediction(KillTarget target)
    {
        string signal = Signals.Name(target.Signal);
        if (target.Daemon is { } daemon && target.Signal == daemon.Signal)
        {
            yield return $"{signal} for {daemon.Program}: {daemon.Why}"
                + (daemon.Gentler != 0 ? $" (--signal {Signals.Name(daemon.Gentler)[3..]}: {daemon.GentlerWhy})" : string.Empty);
        }

        string instead = target.WorkingInstead is { } w ? $"; {Signals.Name(w)} will end it" : string.Empty;
        switch (target.Reaction)
        {
            case SignalReaction.Ignored:
                yield return $"it ignores {signal} (its SigIgn mask): {signal} will not stop it{instead}";
                break;
            case SignalReaction.Blocked:
                yield return $"it blocks {signal} (its SigBlk mask): the signal stays pending and it keeps running until it unblocks it{instead}";
                break;
            case SignalReaction.Handled when !target.IsStop:
                yield return $"it has a handler for {signal}: a reload; it keeps running and the port stays open";
                break;
            case SignalReaction.Ends when !SignalMeantToStop(target.Signal):
                yield return $"it has no handler for {signal}: the signal ends it";
                break;
        }
    }

    /// <summary>Who will start the target again, with the supervisor's own stop command when it has one.</summary>
    public static string? Restart(Supervisor? supervisor) => supervisor switch
    {
        null => null,
        { Kind: SupervisorKind.Systemd } s => $"{s.Name} restarts it if its Restart= setting says so: `{s.StopCommand}` stops it for good",
        { Kind: SupervisorKind.Container } s => $"{s.Name} may restart it: {(s.StopCommand is { } c ? $"`{c}` (or podman/crictl)" : "stop the container")}",
        { Kind: SupervisorKind.Supervisord, StopCommand: { } c } s =>
            $"{s.Name} (pid {s.Pid}) will start it again unless the program's autorestart is off: run `{c}` instead",
        { Kind: SupervisorKind.Runit or SupervisorKind.S6, StopCommand: { } c } s =>
            $"{s.Name} (pid {s.Pid}) will start it again unless the service is down or run once: run `{c}` instead",
        { StopCommand: { } c } s => $"{s.Name} (pid {s.Pid}) may start it again: run `{c}` instead",
        { } s => $"pid {s.Pid} ({s.Name}) restarted it before and will likely start it again: stop pid {s.Pid} first",
    };

    /// <summary>The clients a stop disconnects: <c>2 clients connected: pid 812 (psql), 10.0.0.5:51234</c>.</summary>
    public static string? Clients(IReadOnlyList<ConnectedClient> clients) => clients.Count == 0 ? null
        : $"{Wording.Count(clients.Count, "client")} connected, disconnected by the stop: "
          + string.Join(", ", clients.Take(6).Select(c => c.Process is { } p ? $"{Label(p)} from {c.Endpoint}" : c.Endpoint))
          + (clients.Count > 6 ? $" and {clients.Count - 6} more" : string.Empty);

    /// <summary>Every line of a target's description after its first (indented by the caller).</summary>
    public static IEnumerable<string> Details(KillTarget target)
    {
        if (Problem(target) is { } problem)
        {
            yield return problem;
            yield break;
        }

        foreach (string line in Prediction(target).Concat(Restart(target.Supervisor) is { } r ? [r] : []))
        {
            yield return line;
        }

        if (target.IsAncestor)
        {
            yield return $"WARNING: tuiports runs under it — {Wording.WhatRunsUnder(target.Process)}";
        }
    }

    private static bool SignalMeantToStop(int signal) =>
        signal is Signals.SIGTERM or Signals.SIGINT or Signals.SIGQUIT or Signals.SIGKILL;
}
