namespace TuiPorts.Core.Scanning;

/// <summary>The join of one table row with its holders and their process facts into a <see cref="SocketEntry"/>.</summary>
public sealed partial class ProcSnapshotSource
{
    /// <param name="previous">What the last join made of this socket: handed back as it is when nothing changed.</param>
    private SocketEntry Join(
        NetTableRow row, ulong netns, SocketRole role, HolderMap map, Dictionary<int, ProcessInfo?> processCache, SingleFds fdCache, SocketEntry? previous)
    {
        var holders = EquatableArray<SocketHolder>.Empty;
        var holding = row.Inode == 0 ? default : map.HoldersOf(row.Inode);
        if (holding.Count == 1)
        {
            // the common case, kept free of LINQ: one process, one fd
            var process = CachedProcess(holding[0].Pid, map, processCache);
            holders = process is null ? holders
                : previous is { Holders: [{ Fds: [int fd] } holder] } && fd == holding[0].Fd && ReferenceEquals(holder.Process, process) ? previous.Holders
                : new EquatableArray<SocketHolder>([new SocketHolder(process, fdCache.Of(holding[0].Fd))]);
        }
        else if (holding.Count > 1)
        {
            var list = new List<SocketHolder>(holding.Count);
            foreach (int pid in holding.Select(h => h.Pid).Distinct().Order())
            {
                var process = CachedProcess(pid, map, processCache);
                if (process is not null) // null: exited since the fd walk
                {
                    var fds = holding.Where(h => h.Pid == pid).Select(h => h.Fd).Order();
                    list.Add(new SocketHolder(process, new EquatableArray<int>(fds)));
                }
            }

            holders = new EquatableArray<SocketHolder>(list);
        }

        bool hidden = holders.Count == 0 && row.Inode != 0
            && (map.NamespacesWithDeniedProcesses.Contains(netns) || map.NamespacesWithDeniedProcesses.Contains(0));
        if (previous is not null && KeptEntries.Says(previous, row, role, hidden, holders))
        {
            return previous;
        }

        return new SocketEntry(
            row.Protocol, row.State, row.LocalAddress, row.LocalPort, row.RemoteAddress, row.RemotePort,
            row.TxQueue, row.RxQueue, row.Uid, row.Inode, netns, hidden, holders) { Role = role };
    }

    private ProcessInfo? CachedProcess(int pid, HolderMap holders, Dictionary<int, ProcessInfo?> processCache)
    {
        if (!processCache.TryGetValue(pid, out var process))
        {
            process = holders.StartTimeByPid.TryGetValue(pid, out ulong start) ? ReadProcess(pid, start) : null;
            processCache[pid] = process;
        }

        return process;
    }

    /// <summary>
    /// Process facts, cached across refreshes by (pid, start time) - a reused pid is a different key - and dropped at
    /// every full rescan, so a rewritten command line is at most one rescan period old.
    /// </summary>
    private ProcessInfo? ReadProcess(int pid, ulong start)
    {
        if (!_processFacts.TryGetValue((pid, start), out var process))
        {
            process = _processes.Read(pid);
            if (process is null || process.StartTimeTicks != start)
            {
                return null; // exited (or replaced) since the fd walk: not the holder the walk saw
            }

            _processFacts[(pid, start)] = process;
        }

        return process;
    }
}
