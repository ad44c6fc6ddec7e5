
namespace TuiPorts.Core.Killing;

/// <summary>
/// A port a kill means to free: the namespaces it is freed in, the listening sockets it had, who was signalled for
/// it, every process that held those sockets before, and the live parents of the signalled processes - the processes
/// that could start them again (a supervisor, a shell loop).
/// </summary>
public sealed record PortTarget(
    int Port,
    IReadOnlySet<ulong> Netns,
    IReadOnlySet<ulong> Inodes,
    IReadOnlySet<int> TargetPids,
    IReadOnlyDictionary<int, ProcessInfo> HoldersBefore)
{
    /// <summary>Parents of the targets that were alive and not init when the plan was made, with any supervisor named.</summary>
    public IReadOnlyDictionary<int, Supervisor?> Restarters { get; init; } = new Dictionary<int, Supervisor?>();

    /// <summary>
    /// The port of <paramref name="sockets"/>, to be freed by signalling <paramref name="targets"/>.
    /// <paramref name="busy"/> names parents that cannot be restarting anything now: tuiports itself and its ancestors
    /// (the shell that runs tuiports in the foreground is not running a respawn loop meanwhile).
    /// </summary>
    public static PortTarget Of(IReadOnlyList<SocketEntry> sockets, IEnumerable<KillTarget> targets, Func<int, bool>? busy = null)
    {
        var chosen = targets.ToList();
        var restarters = new Dictionary<int, Supervisor?>();
        foreach (var target in chosen)
        {
            int parent = target.Supervisor is { Pid: > 1 } s ? s.Pid : target.Process.ParentPid;
            if ((parent > 1 && busy?.Invoke(parent) != true) || target.Supervisor is not null)
            {
                restarters[parent] = target.Supervisor;
            }
        }

        return new PortTarget(
            sockets[0].LocalPort,
            sockets.Select(s => s.Netns).ToHashSet(),
            sockets.Select(s => s.Inode).ToHashSet(),
            chosen.Select(t => t.Pid).ToHashSet(),
            sockets.SelectMany(s => s.Holders).DistinctBy(h => h.Pid).ToDictionary(h => h.Pid, h => h.Process))
        {
            Restarters = restarters,
        };
    }

    /// <summary>Something may start the targets again, so a free port must be watched for the whole timeout.</summary>
    public bool MayBeRestarted => Restarters.Count > 0;
}

public enum PortFateKind
{
    /// <summary>No listening socket on the port any more, and it stayed so.</summary>
    Freed,

    /// <summary>A signalled process is still alive and still holds it.</summary>
    TargetRunning,

    /// <summary>The same socket lives on in a process that was not signalled (see <see cref="PortFate.Inherited"/>).</summary>
    StillHeld,

    /// <summary>A new listening socket on the port, opened by a new process: something restarted the server.</summary>
    TakenAgain,

    /// <summary>The port is held, but by whom cannot be seen.</summary>
    HeldByHidden,
}

/// <summary>
/// What became of a port after a kill, from a fresh scan: freed, or who holds it now. <see cref="Holders"/> are the
/// current holders' tree tops; <see cref="Restarter"/> the old target's parent the new holder descends from;
/// <see cref="Inherited"/> is true only when the holder's parent at the time of the plan was a holder that was signalled.
/// </summary>
public sealed record PortFate(int Port, PortFateKind Kind, ProcessInfo? Holder = null, ProcessInfo? Parent = null)
{
    public bool IsFree => Kind == PortFateKind.Freed;

    public IReadOnlyList<ProcessInfo> Holders { get; init; } = [];

    public bool Inherited { get; init; }

    public ProcessInfo? Restarter { get; init; }

    public Supervisor? Supervisor { get; init; }

    /// <summary>Judges <paramref name="port"/> in a fresh snapshot; <paramref name="isAlive"/> says whether a signalled pid lives.</summary>
    public static PortFate Judge(PortTarget port, Snapshot snapshot, Func<int, bool> isAlive, Func<int, ProcessInfo?> lookup)
    {
        var listeners = snapshot.Sockets
            .Where(s => port.Netns.Contains(s.Netns) && s.LocalPort == port.Port && s.Role == SocketRole.Listener)
            .ToList();
        if (listeners.Count == 0)
        {
            return new PortFate(port.Port, PortFateKind.Freed);
        }

        var tops = listeners.SelectMany(HolderTree.Tops).DistinctBy(p => p.Pid).ToList();
        var holders = listeners.SelectMany(s => s.Holders).Select(h => h.Process).ToList();
        if (holders.FirstOrDefault(p => port.TargetPids.Contains(p.Pid) && isAlive(p.Pid)) is { } running)
        {
            return new PortFate(port.Port, PortFateKind.TargetRunning, running) { Holders = tops };
        }

        var old = listeners.FirstOrDefault(s => port.Inodes.Contains(s.Inode));
        var socket = old ?? listeners[0];
        if (socket.Holders.Count == 0)
        {
            return new PortFate(port.Port, PortFateKind.HeldByHidden);
        }

        var holder = HolderTree.Tops(socket).FirstOrDefault() ?? socket.Holders[0].Process;
        if (old is not null)
        {
            int parentBefore = port.HoldersBefore.TryGetValue(holder.Pid, out var before) ? before.ParentPid : holder.ParentPid;
            bool inherited = port.TargetPids.Contains(parentBefore) && port.HoldersBefore.ContainsKey(parentBefore);
            return new PortFate(port.Port, PortFateKind.StillHeld, holder, port.HoldersBefore.GetValueOrDefault(parentBefore))
            {
                Holders = tops, Inherited = inherited,
            };
        }

        var (restarter, supervisor) = RestarterOf(port, holder, lookup);
        var parent = holders.FirstOrDefault(p => p.Pid == holder.ParentPid) ?? lookup(holder.ParentPid);
        return new PortFate(port.Port, PortFateKind.TakenAgain, holder, parent)
        {
            Holders = tops, Restarter = restarter, Supervisor = supervisor,
        };
    }

    /// <summary>The old target's parent the new holder descends from (its ppid chain, at most 32 steps).</summary>
    private static (ProcessInfo?, Supervisor?) RestarterOf(PortTarget port, ProcessInfo holder, Func<int, ProcessInfo?> lookup)
    {
        int pid = holder.ParentPid;
        for (int depth = 0; depth < 32 && pid > 0; depth++)
        {
            if (port.Restarters.TryGetValue(pid, out var supervisor))
            {
                return (lookup(pid), supervisor);
            }

            pid = lookup(pid)?.ParentPid ?? 0;
        }

        return (null, null);
    }
}
