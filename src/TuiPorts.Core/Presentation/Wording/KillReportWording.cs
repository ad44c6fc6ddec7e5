using TuiPorts.Core.Interop;
using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// A kill's outcome in sentences, each backed by what was observed: the port's fate from fresh scans (freed only if it
/// stayed free; its current holders when it did not), and each process's end (SIGKILL named only when it was sent to
/// a live process).
/// </summary>
public static class KillReportWording
{
    /// <summary>Ports first (that is what the operator asked for), then the processes not already named.</summary>
    public static IEnumerable<string> Lines(KillReport report, KillRequest request)
    {
        foreach (var fate in report.Ports)
        {
            yield return Fate(fate, request, report);
        }

        foreach (var outcome in report.Targets)
        {
            bool named = report.Ports.Any(p => p.Kind == PortFateKind.TargetRunning && p.Holder?.Pid == outcome.Pid);
            if (!named)
            {
                yield return Outcome(outcome, request);
            }
        }
    }

    /// <summary>The port's fate after a kill, in one line.</summary>
    public static string Fate(PortFate fate, KillRequest request, KillReport? report = null)
    {
        string port = $"port {fate.Port}";
        string who = fate.Holder is { } h ? KillWording.Label(h) : "another process";
        string others = fate.Holders.Count > 1 ? $" (and {string.Join(", ", fate.Holders.Where(p => p.Pid != fate.Holder?.Pid).Take(4).Select(KillWording.Label))})" : string.Empty;
        switch (fate.Kind)
        {
            case PortFateKind.Freed:
                return $"{port}: freed";
            case PortFateKind.TargetRunning:
                var target = report?.Targets.FirstOrDefault(t => t.Pid == fate.Holder?.Pid)?.Target;
                return $"{port}: still held by {who}, " + Running(target, fate.Holder!, request);
            case PortFateKind.StillHeld when fate.Inherited:
                return $"{port}: still held by {who}{others}, which inherited the socket from its parent {(fate.Parent is { } p ? KillWording.Label(p) : "(gone)")}";
            case PortFateKind.StillHeld:
                return $"{port}: still held by {who}{others}, which was not signalled";
            case PortFateKind.TakenAgain when fate.Restarter is { } r:
                return $"{port}: taken again by pid {fate.Holder!.Pid}, restarted by pid {r.Pid} ({r.Title})"
                    + (fate.Supervisor?.StopCommand is { } c ? $": run `{c}`" : $": stop pid {r.Pid} first, or it starts it again");
            case PortFateKind.TakenAgain:
                return $"{port}: taken again by {who}, a new process (parent {(fate.Parent is { } pp ? KillWording.Label(pp) : $"pid {fate.Holder?.ParentPid}")})";
            default:
                return $"{port}: still held by a process whose owner is hidden — "
                    + (Privileges.IsRoot ? "it refuses access to its fds even to root" : "run with sudo");
        }
    }

    /// <summary>What happened to one process.</summary>
    public static string Outcome(TargetOutcome outcome, KillRequest request)
    {
        var target = outcome.Target;
        string label = KillWording.Label(target);
        string signal = Signals.Name(target.Signal);
        return outcome.Status switch
        {
            KillStatus.NotSent => KillWording.Problem(target) ?? $"{label}: nothing sent",
            KillStatus.Failed => Wording.SendError(target.Process, outcome.Error, target.Signal),
            KillStatus.Exited when outcome.Error == SignalError.NoSuchProcess =>
                $"{label} had already exited (with its parent) before {signal} reached it",
            KillStatus.Exited when outcome.SigkillSent =>
                $"{label} exited after SIGKILL ({signal} was not enough in {Formats.Seconds(request.KillAfter ?? request.WaitFor)})",
            KillStatus.Exited => $"{label} exited after {signal}",
            _ when outcome.SigkillSent => $"{label} still running after SIGKILL",
            _ when !target.IsStop => $"sent {signal} to {label}"
                + (target.Reaction == SignalReaction.Handled ? ": it has a handler (a reload); it keeps running" : string.Empty),
            _ => $"{label} " + Running(target, target.Process, request),
        };
    }

    /// <summary>"still running 5 s after SIGTERM", with the kernel's reason when the masks give one.</summary>
    private static string Running(KillTarget? target, TuiPorts.Core.Model.ProcessInfo process, KillRequest request)
    {
        string signal = Signals.Name(target?.Signal ?? request.Signal);
        string head = $"still running {Formats.Seconds(request.WatchFor)} after {signal}";
        return target?.Reaction switch
        {
            SignalReaction.Ignored => $"{head} — it ignores {signal}",
            SignalReaction.Blocked => $"{head} — it blocks {signal}",
            SignalReaction.Handled => $"{head} — it handles {signal} and may be shutting down gracefully",
            _ => $"{head} — it may be shutting down gracefully",
        };
    }

    /// <summary>The CLI's last word when a stop left a process running: the signal that will work, never SIGKILL unasked.</summary>
    public static string? NextStep(KillReport report)
    {
        var running = report.Targets.FirstOrDefault(t => t.Status == KillStatus.Running && t.Target.IsStop && !t.SigkillSent && t.Target.Signal != Signals.SIGKILL);
        if (running is null)
        {
            return null;
        }

        return running.Target.WorkingInstead is { } w && w != Signals.SIGKILL
            ? $"{KillWording.Label(running.Target)} does not act on {Signals.Name(running.Target.Signal)}: rerun with --signal {Signals.Name(w)[3..]} (it has no handler for it), or --kill-after SECONDS"
            : "tuiports never sends SIGKILL unasked: rerun with --kill-after SECONDS to follow up with it";
    }
}
