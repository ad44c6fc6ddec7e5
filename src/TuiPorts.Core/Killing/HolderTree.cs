using System.Runtime.CompilerServices;

namespace TuiPorts.Core.Killing;

/// <summary>
/// The process trees among a socket's holders. Holders that are parent and descendants form a tree (a pre-fork
/// server: master and workers share the listener); the top holder is the one whose parent does not hold the socket.
/// Stopping a top holder normally stops its tree and frees the port; stopping a descendant does not (its parent starts
/// a new one).
/// </summary>
/// <remarks>
/// A socket's forest is built once, in time linear in its holders, and kept beside the (immutable) socket for as long
/// as the socket lives, so every question below costs O(1) or the size of its answer: 1000 holders of one socket (a
/// pre-fork server with 1000 workers) cost a few microseconds per row, not seconds. Parent links that form a cycle
/// (a pid reused mid-scan can fake one) end at the lowest pid of the cycle.
/// </remarks>
public static class HolderTree
{
    private static readonly ConditionalWeakTable<SocketEntry, Forest> Forests = [];

    /// <summary>The holders whose parent does not hold the socket, in pid order.</summary>
    public static IReadOnlyList<ProcessInfo> Tops(SocketEntry socket) => ForestOf(socket).Tops;

    /// <summary>The holder a row shows first: the top of the first tree (a pre-fork master, not a lower-pid worker).</summary>
    public static ProcessInfo Lead(SocketEntry socket) =>
        socket.Holders.Count == 1 ? socket.Holders[0].Process : Tops(socket).FirstOrDefault() ?? socket.Holders[0].Process;

    /// <summary>The top holder of <paramref name="process"/>'s tree (itself when its parent does not hold the socket).</summary>
    public static ProcessInfo TopOf(SocketEntry socket, ProcessInfo process)
    {
        var forest = ForestOf(socket);
        if (forest.TopByPid.TryGetValue(process.Pid, out var top))
        {
            return top;
        }

        // not a holder itself: its tree starts at its parent's top, if the parent holds the socket
        return forest.TopByPid.TryGetValue(process.ParentPid, out var parentTop) ? parentTop : process;
    }

    /// <summary>The holders below <paramref name="top"/> in its tree.</summary>
    public static IReadOnlyList<ProcessInfo> DescendantsOf(SocketEntry socket, ProcessInfo top) =>
        ForestOf(socket).Below.TryGetValue(top.Pid, out var below) ? below : [];

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
            if (samePort && ForestOf(candidate).ByPid.TryGetValue(process.ParentPid, out var parent))
            {
                return TopOf(candidate, parent);
            }
        }

        return null;
    }

    private static Forest ForestOf(SocketEntry socket) => Forests.GetValue(socket, s => new Forest(s));

    /// <summary>One socket's holders as trees: each holder's top, each top's descendants, the tops in holder order.</summary>
    private sealed class Forest
    {
        public Forest(SocketEntry socket)
        {
            var processes = socket.Holders.Select(h => h.Process).ToList();
            ByPid = new Dictionary<int, ProcessInfo>(processes.Count);
            foreach (var process in processes)
            {
                ByPid.TryAdd(process.Pid, process);
            }

            Tops = processes.Where(p => !ByPid.ContainsKey(p.ParentPid)).ToList();
            TopByPid = new Dictionary<int, ProcessInfo>(ByPid.Count);
            foreach (var process in processes)
            {
                ResolveTop(process);
            }

            var below = new Dictionary<int, List<ProcessInfo>>();
            foreach (var process in processes)
            {
                var top = TopByPid[process.Pid];
                if (top.Pid != process.Pid)
                {
                    (below.TryGetValue(top.Pid, out var list) ? list : below[top.Pid] = []).Add(process);
                }
            }

            Below = below.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ProcessInfo>)kv.Value);
        }

        public Dictionary<int, ProcessInfo> ByPid { get; }

        public IReadOnlyList<ProcessInfo> Tops { get; }

        public Dictionary<int, ProcessInfo> TopByPid { get; }

        public Dictionary<int, IReadOnlyList<ProcessInfo>> Below { get; }

        /// <summary>Walks up until a known top, a non-holder parent or a cycle, then gives the whole path that top.</summary>
        private void ResolveTop(ProcessInfo start)
        {
            var path = new List<ProcessInfo>();
            var onPath = new HashSet<int>();
            var current = start;
            ProcessInfo? top = null;
            while (top is null)
            {
                if (TopByPid.TryGetValue(current.Pid, out var known))
                {
                    top = known;
                }
                else if (!onPath.Add(current.Pid))
                {
                    // a cycle: it has no real top; its lowest pid stands for it
                    top = path.SkipWhile(p => p.Pid != current.Pid).MinBy(p => p.Pid)!;
                }
                else
                {
                    path.Add(current);
                    if (!ByPid.TryGetValue(current.ParentPid, out var parent))
                    {
                        top = current;
                    }
                    else
                    {
                        current = parent;
                    }
                }
            }

            foreach (var process in path)
            {
                TopByPid[process.Pid] = top;
            }
        }
    }
}
