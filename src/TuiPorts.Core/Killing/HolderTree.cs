using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Killing;

/// <summary>
/// The process trees among a socket's holders. Holders that are parent and descendants form a tree (a pre-fork
/// server: master and workers share the listener); the top holder is the one whose parent does not hold the socket.
/// Stopping a top holder normally stops its tree and frees the port; stopping a descendant does not (its parent starts
/// a new one).
/// </summary>
public static class HolderTree
{
    /// <summary>The holders whose parent does not hold the socket, in pid order.</summary>
    public static IReadOnlyList<ProcessInfo> Tops(SocketEntry socket)
    {
        var pids = socket.Holders.Select(h => h.Pid).ToHashSet();
        return socket.Holders.Select(h => h.Process).Where(p => !pids.Contains(p.ParentPid)).ToList();
    }

    /// <summary>The holder a row shows first: the top of the first tree (a pre-fork master, not a lower-pid worker).</summary>
    public static ProcessInfo Lead(SocketEntry socket) =>
        socket.Holders.Count == 1 ? socket.Holders[0].Process : Tops(socket).FirstOrDefault() ?? socket.Holders[0].Process;

    /// <summary>The top holder of <paramref name="process"/>'s tree (itself when its parent does not hold the socket).</summary>
    public static ProcessInfo TopOf(SocketEntry socket, ProcessInfo process)
    {
        var byPid = socket.Holders.ToDictionary(h => h.Pid, h => h.Process);
        var top = process;
        var seen = new HashSet<int> { top.Pid };
        while (byPid.TryGetValue(top.ParentPid, out var parent) && seen.Add(parent.Pid))
        {
            top = parent;
        }

        return top;
    }

    /// <summary>The holders below <paramref name="top"/> in its tree.</summary>
    public static IReadOnlyList<ProcessInfo> DescendantsOf(SocketEntry socket, ProcessInfo top) =>
        socket.Holders.Select(h => h.Process).Where(p => p.Pid != top.Pid && TopOf(socket, p).Pid == top.Pid).ToList();

    /// <summary>
    /// The process that will likely start <paramref name="process"/> again: its parent, when that parent holds the same
    /// socket or a listener on the same port (a pre-fork master behind a worker's accepted connection) - given as the
    /// top holder of that parent's tree. Null when no parent holds anything on the port.
    /// </summary>
    public static ProcessInfo? RespawningParent(Snapshot snapshot, SocketEntry socket, ProcessInfo process)
    {
        foreach (var candidate in snapshot.Sockets)
        {
            bool samePort = candidate.Host == socket.Host && candidate.Netns == socket.Netns && candidate.LocalPort == socket.LocalPort
                && (candidate.Key == socket.Key || candidate.Role == SocketRole.Listener);
            if (!samePort)
            {
                continue;
            }

            foreach (var holder in candidate.Holders)
            {
                if (holder.Pid == process.ParentPid)
                {
                    return TopOf(candidate, holder.Process);
                }
            }
        }

        return null;
    }
}
