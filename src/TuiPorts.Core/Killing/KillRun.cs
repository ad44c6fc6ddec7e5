using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Killing;

/// <summary>
/// What happened to one signalled process: its status, the errno of the send, and whether SIGKILL was what ended it
/// (<see cref="SigkillSent"/>: sent while it was still alive).
/// </summary>
public sealed record TargetOutcome(KillTarget Target, KillStatus Status, SignalError Error = SignalError.None, bool SigkillSent = false)
{
    public int Pid => Target.Pid;

    public bool Succeeded => Status == KillStatus.Exited;
}

/// <summary>The whole result of a kill: each process's outcome, and each port's fate from fresh scans.</summary>
public sealed record KillReport(IReadOnlyList<TargetOutcome> Targets, IReadOnlyList<PortFate> Ports)
{
    /// <summary>Every port the kill meant to free is free, and stayed free (a process that exited before its signal is no failure).</summary>
    public bool AllPortsFree => Ports.Count > 0 && Ports.All(p => p.IsFree);

    /// <summary>
    /// The one definition of success (the CLI's exit code, the UI's notice): every watched port stayed free; with no
    /// port to watch, every stop ended its process and every reload was delivered.
    /// </summary>
    public bool Succeeded => Ports.Count > 0
        ? AllPortsFree
        : Targets.Count > 0 && Targets.All(t => t.Target.IsStop ? t.Status == KillStatus.Exited : t.Status is KillStatus.Running or KillStatus.Exited);
}

/// <summary>
/// Frees ports: sends each pinned target its planned signal, then watches the ports - not just the pids - with fresh
/// scans. A port counts as freed only once it stayed free for <see cref="FreeFor"/>, or for the whole timeout when a
/// live parent of a target could start it again (a supervisor, a shell loop). SIGKILL is sent only on explicit request
/// (<see cref="KillRequest.KillAfter"/>). Durations are measured on the monotonic clock of <paramref name="time"/>.
/// </summary>
public sealed class KillRun(ISnapshotSource snapshots, Func<int, ProcessInfo?> lookup, TimeProvider time, Action<TimeSpan> sleep)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a freed port must stay free before it counts as freed when nothing could restart its holder.</summary>
    public static readonly TimeSpan FreeFor = TimeSpan.FromSeconds(1);

    public KillReport Execute(IReadOnlyList<KillTarget> targets, IReadOnlyList<PortTarget> ports, KillRequest request)
    {
        long start = time.GetTimestamp();
        var sendErrors = new Dictionary<int, SignalError>();
        foreach (var target in targets.Where(t => t.CanSignal))
        {
            sendErrors[target.Pid] = target.Handle!.Send(target.Signal);
        }

        var stopping = targets.Where(t => t.IsStop).Select(t => t.Pid).ToHashSet();
        ports = ports.Where(p => p.TargetPids.Any(stopping.Contains)).ToList(); // a reload leaves its port as it is

        var killedAlive = new HashSet<int>();
        bool escalated = false;
        var fates = ports.Select(p => new PortFate(p.Port, PortFateKind.TargetRunning)).ToList();
        var freeSince = new long?[ports.Count];
        while (true)
        {
            var elapsed = time.GetElapsedTime(start);
            if (!escalated && request.KillAfter is { } killAfter && elapsed >= killAfter)
            {
                escalated = true;
                foreach (var target in targets.Where(t => t.CanSignal && t.IsStop && t.Signal != Signals.SIGKILL && !t.Handle!.HasExited))
                {
                    if (target.Handle!.Send(Signals.SIGKILL) == SignalError.None)
                    {
                        killedAlive.Add(target.Pid);
                    }
                }
            }

            bool targetsDone = targets.All(t => !t.CanSignal || !t.IsStop || t.Handle!.HasExited);
            if (ports.Count > 0)
            {
                var snapshot = snapshots.Take();
                fates = ports.Select(p => PortFate.Judge(p, snapshot, pid => IsAlive(targets, pid), lookup)).ToList();
            }

            long now = time.GetTimestamp();
            for (int i = 0; i < fates.Count; i++)
            {
                freeSince[i] = fates[i].IsFree ? freeSince[i] ?? now : null;
            }

            bool settled = Enumerable.Range(0, fates.Count).All(i =>
                fates[i].Kind == PortFateKind.TakenAgain
                || (freeSince[i] is { } since && !ports[i].MayBeRestarted && time.GetElapsedTime(since, now) >= FreeFor));
            if ((settled && targetsDone) || elapsed >= request.WatchFor)
            {
                break;
            }

            sleep(PollInterval);
        }

        var outcomes = targets.Select(t => Outcome(t, sendErrors, killedAlive)).ToList();
        return new KillReport(outcomes, fates);
    }

    private static bool IsAlive(IReadOnlyList<KillTarget> targets, int pid) =>
        targets.FirstOrDefault(t => t.Pid == pid) is { CanSignal: true } target && !target.Handle!.HasExited;

    private static TargetOutcome Outcome(KillTarget target, Dictionary<int, SignalError> sent, HashSet<int> killedAlive)
    {
        if (!target.CanSignal)
        {
            return new TargetOutcome(target, KillStatus.NotSent);
        }

        var error = sent.GetValueOrDefault(target.Pid);
        if (error == SignalError.NoSuchProcess)
        {
            return new TargetOutcome(target, KillStatus.Exited, error);
        }

        if (error != SignalError.None)
        {
            return new TargetOutcome(target, KillStatus.Failed, error);
        }

        return target.Handle!.HasExited
            ? new TargetOutcome(target, KillStatus.Exited, SigkillSent: killedAlive.Contains(target.Pid))
            : new TargetOutcome(target, KillStatus.Running, SigkillSent: false);
    }
}
