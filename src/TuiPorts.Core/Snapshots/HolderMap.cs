using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Snapshots;

/// <summary>
/// The result of walking every <c>/proc/&lt;pid&gt;/fd</c> once: socket inode -> every (pid, fd) holding it, each
/// pid's network namespace, and who could not be seen.
/// </summary>
public sealed class HolderMap
{
    private readonly Dictionary<ulong, List<(int Pid, int Fd)>> _holders = [];

    /// <summary>Namespace inode per pid; 0 when /proc/&lt;pid&gt;/ns/net could not be read.</summary>
    public Dictionary<int, ulong> NetnsByPid { get; } = [];

    /// <summary>Namespaces (0 = unknown) that contain a process whose fds could not be read.</summary>
    public HashSet<ulong> NamespacesWithDeniedProcesses { get; } = [];

    public int Processes { get; private set; }

    public int FdsRead { get; private set; }

    public int SocketFds { get; private set; }

    public int ProcessesDenied { get; private set; }

    public int ProcessesVanished { get; private set; }

    public IReadOnlyList<(int Pid, int Fd)> HoldersOf(ulong inode) =>
        _holders.TryGetValue(inode, out var list) ? list : [];

    /// <summary>Walks <paramref name="root"/> once. Vanished pids are skipped; unreadable ones are counted.</summary>
    public static HolderMap Scan(ProcRoot root)
    {
        var map = new HolderMap();
        var socketFds = new List<SocketFd>();
        foreach (int pid in root.ListPids())
        {
            ulong netns = NetnsReader.Read(root, pid);
            socketFds.Clear();
            var status = FdTableReader.ReadSockets(root.PidFile(pid, "fd"), socketFds, out int fdCount);
            switch (status)
            {
                case LinkStatus.Ok:
                    map.Add(pid, netns, socketFds, fdCount);
                    break;
                case LinkStatus.Denied:
                    map.Add(pid, netns, socketFds, fdCount); // whatever could be read still counts
                    map.ProcessesDenied++;
                    map.NamespacesWithDeniedProcesses.Add(netns);
                    break;
                default:
                    map.ProcessesVanished++;
                    break;
            }
        }

        return map;
    }

    private void Add(int pid, ulong netns, List<SocketFd> socketFds, int fdCount)
    {
        Processes++;
        FdsRead += fdCount;
        SocketFds += socketFds.Count;
        NetnsByPid[pid] = netns;
        foreach (var (fd, inode) in socketFds)
        {
            if (!_holders.TryGetValue(inode, out var list))
            {
                list = [];
                _holders[inode] = list;
            }

            list.Add((pid, fd));
        }
    }
}
