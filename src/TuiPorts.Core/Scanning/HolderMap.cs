using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Scanning;

/// <summary>What one process's fd table said when it was last walked.</summary>
public sealed record ProcessFds(int Pid, ulong StartTimeTicks, ulong Netns, LinkStatus Status, IReadOnlyList<SocketFd> Sockets, int FdCount);

/// <summary>
/// Socket inode -> every (pid, fd) holding it, each pid's network namespace, and who could not be seen: the join key
/// between the socket tables and the processes. Built by <see cref="HolderScanner"/>; nothing changes it afterwards.
/// </summary>
public sealed class HolderMap
{
    /// <summary>The holders by inode, inline for the usual one (40 bytes an inode instead of a list's ~100).</summary>
    private readonly Dictionary<ulong, Holdings> _holders;
    private readonly Dictionary<int, ulong> _netnsByPid = [];
    private readonly Dictionary<int, ulong> _startTimeByPid = [];
    private readonly HashSet<ulong> _namespacesWithDeniedProcesses = [];

    private HolderMap(int sockets) => _holders = new Dictionary<ulong, Holdings>(sockets);

    /// <summary>Namespace inode per pid; 0 when /proc/&lt;pid&gt;/ns/net could not be read.</summary>
    public IReadOnlyDictionary<int, ulong> NetnsByPid => _netnsByPid;

    /// <summary>Start time per pid, as read by the walk (the process's identity for this snapshot).</summary>
    public IReadOnlyDictionary<int, ulong> StartTimeByPid => _startTimeByPid;

    /// <summary>Namespaces (0 = unknown) that contain a process whose fds could not be read.</summary>
    public IReadOnlySet<ulong> NamespacesWithDeniedProcesses => _namespacesWithDeniedProcesses;

    public int Processes { get; private set; }

    /// <summary>Fds in the tables this map was built from (not all of them were read this time when incremental).</summary>
    public int Fds { get; private set; }

    public int SocketFds { get; private set; }

    public int ProcessesDenied { get; private set; }

    public int ProcessesVanished { get; init; }

    public bool Holds(ulong inode) => _holders.ContainsKey(inode);

    public Holdings HoldersOf(ulong inode) => _holders.TryGetValue(inode, out var holdings) ? holdings : default;

    /// <param name="sockets">How many socket fds the processes hold, when known: the map is sized for them.</param>
    public static HolderMap Build(IEnumerable<ProcessFds> processes, int vanished, int sockets = 0)
    {
        var map = new HolderMap(sockets) { ProcessesVanished = vanished };
        foreach (var process in processes)
        {
            map.Add(process);
        }

        return map;
    }

    private void Add(ProcessFds process)
    {
        Processes++;
        Fds += process.FdCount;
        SocketFds += process.Sockets.Count;
        _netnsByPid[process.Pid] = process.Netns;
        _startTimeByPid[process.Pid] = process.StartTimeTicks;
        if (process.Status == LinkStatus.Denied)
        {
            ProcessesDenied++;
            _namespacesWithDeniedProcesses.Add(process.Netns);
        }

        foreach (var (fd, inode) in process.Sockets)
        {
            _holders[inode] = _holders.TryGetValue(inode, out var holdings) ? holdings.With(process.Pid, fd) : new Holdings(process.Pid, fd);
        }
    }
}
