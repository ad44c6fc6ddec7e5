using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Killing;

/// <summary>
/// A port a kill means to free: where it lives, the listening sockets it had, who was signalled for it, and every
/// process that held those sockets before (their parents then: a leaked child is reparented once its parent dies).
/// </summary>
public sealed record PortTarget(
    int Port, ulong Netns, IReadOnlySet<ulong> Inodes, IReadOnlySet<int> TargetPids, IReadOnlyDictionary<int, ProcessInfo> HoldersBefore)
{
    /// <summary>The port of <paramref name="sockets"/>, to be freed by signalling <paramref name="targetPids"/>.</summary>
    public static PortTarget Of(IReadOnlyList<SocketEntry> sockets, IEnumerable<int> targetPids) => new(
        sockets[0].LocalPort,
        sockets[0].Netns,
        sockets.Select(s => s.Inode).ToHashSet(),
        targetPids.ToHashSet(),
        sockets.SelectMany(s => s.Holders).DistinctBy(h => h.Pid).ToDictionary(h => h.Pid, h => h.Process));

    public static PortTarget Of(SocketEntry socket, IEnumerable<int> targetPids) => Of([socket], targetPids);
}

public enum PortFateKind
{
    /// <summary>No listening socket on the port any more.</summary>
    Freed,

    /// <summary>A signalled process is still alive and still holds it.</summary>
    TargetRunning,

    /// <summary>The same socket lives on in a process that was not signalled (it inherited it from its parent).</summary>
    StillHeld,

    /// <summary>A new listening socket on the port, opened by a new process: a supervisor restarted the server.</summary>
    TakenAgain,

    /// <summary>The port is held, but by whom cannot be seen (not root).</summary>
    HeldByHidden,
}

/// <summary>What became of a port after a kill: freed, or who holds it now and (when known) whose child that is.</summary>
public sealed record PortFate(int Port, PortFateKind Kind, ProcessInfo? Holder = null, ProcessInfo? Parent = null)
{
    public bool IsFree => Kind == PortFateKind.Freed;


    /// <summary>Judges <paramref name="port"/> in a fresh snapshot; <paramref name="isAlive"/> says whether a signalled pid lives.</summary>
    public static PortFate Judge(PortTarget port, Snapshot snapshot, Func<int, bool> isAlive, Func<int, ProcessInfo?> lookup)
    {
        var listeners = snapshot.Sockets
            .Where(s => s.Netns == port.Netns && s.LocalPort == port.Port && s.Role == SocketRole.Listener)
            .ToList();
        if (listeners.Count == 0)
        {
            return new PortFate(port.Port, PortFateKind.Freed);
        }

        var holders = listeners.SelectMany(s => s.Holders).Select(h => h.Process).ToList();
        if (holders.FirstOrDefault(p => port.TargetPids.Contains(p.Pid) && isAlive(p.Pid)) is { } running)
        {
            return new PortFate(port.Port, PortFateKind.TargetRunning, running);
        }

        var old = listeners.FirstOrDefault(s => port.Inodes.Contains(s.Inode));
        var socket = old ?? listeners[0];
        if (socket.Holders.Count == 0)
        {
            return new PortFate(port.Port, PortFateKind.HeldByHidden);
        }

        var holder = HolderTree.Tops(socket).FirstOrDefault() ?? socket.Holders[0].Process;
        int parentPid = port.HoldersBefore.TryGetValue(holder.Pid, out var before) ? before.ParentPid : holder.ParentPid;
        var parent = port.HoldersBefore.GetValueOrDefault(parentPid) ?? holders.FirstOrDefault(p => p.Pid == parentPid) ?? lookup(parentPid);
        return new PortFate(port.Port, old is null ? PortFateKind.TakenAgain : PortFateKind.StillHeld, holder, parent);
    }
}
