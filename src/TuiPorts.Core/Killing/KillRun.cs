using TuiPorts.Core.Presentation;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Killing;

/// <summary>What happened to one signalled process.</summary>
public sealed record TargetOutcome(int Pid, KillStatus Status, string Message)
{
    public bool Succeeded => Status == KillStatus.Exited;
}

/// <summary>The whole result of a kill: each process's outcome, and each port's fate.</summary>
public sealed record KillReport(IReadOnlyList<TargetOutcome> Targets, IReadOnlyList<PortFate> Ports)
{
    /// <summary>Every port the kill meant to free is free (a process that exited before its signal is no failure).</summary>
    public bool AllPortsFree => Ports.Count > 0 && Ports.All(p => p.IsFree);

    /// <summary>What the operator asked for happened: the ports are free, or a signal not meant to stop (HUP, USR1) was delivered.</summary>
    public bool Succeeded(KillRequest request) => request.ExpectsExit
        ? AllPortsFree
        : Targets.Count > 0 && Targets.All(t => t.Status is KillStatus.Running or KillStatus.Exited); // delivered

    /// <summary>The outcome in sentences: ports first (that is what the operator asked for), then the processes not already named.</summary>
    public IEnumerable<string> Lines(KillRequest request) =>
        Ports.Select(p => Wording.Fate(p, request))
            .Concat(Targets.Where(t => !Ports.Any(p => p.Kind == PortFateKind.TargetRunning && p.Holder?.Pid == t.Pid)).Select(t => t.Message));
}

/// <summary>
/// Frees ports: sends the signal to every pinned target, then watches the ports - not just the pids - until each is
/// freed or taken again, or the timeout ends. SIGKILL is sent only on explicit request (<see cref="KillRequest.KillAfter"/>):
/// a database in the middle of a graceful shutdown is never killed by surprise.
/// </summary>
public sealed class KillRun(ISnapshotSource snapshots, Func<int, ProcessInfo?> lookup, TimeProvider time, Action<TimeSpan> sleep)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a freed port must stay free before it counts as freed: a supervisor (systemd's Restart=, a shell loop)
    /// binds it again within moments, and "freed" followed by a respawn nobody saw would be a lie.
    /// </summary>
    public static readonly TimeSpan FreeFor = TimeSpan.FromSeconds(1);

    public KillReport Execute(IReadOnlyList<KillTarget> targets, IReadOnlyList<PortTarget> ports, KillRequest request)
    {
        var start = time.GetUtcNow();
        var sendErrors = new Dictionary<int, SignalError>();
        foreach (var target in targets.Where(t => t.CanSignal))
        {
            sendErrors[target.Pid] = target.Handle!.Send(request.Signal);
        }

        if (!request.ExpectsExit)
        {
            ports = []; // HUP, USR1...: a reload or a nudge, not a stop: nothing to watch, the port stays
        }

        bool escalated = false;
        var fates = ports.Select(p => new PortFate(p.Port, PortFateKind.TargetRunning)).ToList();
        var freeSince = new DateTimeOffset?[ports.Count];
        while (true)
        {
            var elapsed = time.GetUtcNow() - start;
            if (!escalated && request.KillAfter is { } killAfter && elapsed >= killAfter)
            {
                escalated = true;
                foreach (var target in targets.Where(t => t.CanSignal && !t.Handle!.HasExited))
                {
                    _ = target.Handle!.Send(Signals.SIGKILL);
                }
            }

            bool targetsDone = targets.All(t => !t.CanSignal || t.Handle!.HasExited);
            if (ports.Count > 0)
            {
                var snapshot = snapshots.Take();
                fates = ports.Select(p => PortFate.Judge(p, snapshot, pid => IsAlive(targets, pid), lookup)).ToList();
            }

            var now = time.GetUtcNow();
            for (int i = 0; i < fates.Count; i++)
            {
                freeSince[i] = fates[i].IsFree ? freeSince[i] ?? now : null;
            }

            bool settled = Enumerable.Range(0, fates.Count).All(i =>
                fates[i].Kind == PortFateKind.TakenAgain || (freeSince[i] is { } since && now - since >= FreeFor));
            bool portsDone = settled && (targetsDone || !request.ExpectsExit);
            if (portsDone || elapsed >= request.WatchFor)
            {
                break;
            }

            sleep(PollInterval);
        }

        var outcomes = targets.Select(t => Outcome(t, request, escalated, sendErrors)).ToList();
        return new KillReport(outcomes, fates);
    }

    private static bool IsAlive(IReadOnlyList<KillTarget> targets, int pid) =>
        targets.FirstOrDefault(t => t.Pid == pid) is { CanSignal: true } target && !target.Handle!.HasExited;

    private static TargetOutcome Outcome(KillTarget target, KillRequest request, bool escalated, Dictionary<int, SignalError> sent)
    {
        if (!target.CanSignal)
        {
            return new TargetOutcome(target.Pid, KillStatus.NotSent, target.Problem ?? $"{target.Label}: nothing sent");
        }

        var error = sent.GetValueOrDefault(target.Pid);
        if (error == SignalError.NoSuchProcess)
        {
            return new TargetOutcome(target.Pid, KillStatus.Exited, Wording.ExitedBeforeSignal(target.Label, request.Signal));
        }

        if (error != SignalError.None)
        {
            return new TargetOutcome(target.Pid, KillStatus.Failed, Wording.SendError(target.Process, error, request.Signal));
        }

        if (target.Handle!.HasExited)
        {
            return new TargetOutcome(target.Pid, KillStatus.Exited, Wording.Exited(target.Label, request, escalated));
        }

        return new TargetOutcome(target.Pid, KillStatus.Running, Wording.StillRunning(target.Label, request, escalated));
    }
}
