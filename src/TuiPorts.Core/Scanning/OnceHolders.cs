using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// The holders of a one-shot's sockets: the holder map of one full walk and each holding process's facts, read once
/// per process as a snapshot's join reads them (a process gone or replaced since the walk holds nothing).
/// </summary>
public sealed class OnceHolders(HolderMap map, ProcessReader processes)
{
    private readonly Dictionary<int, ProcessInfo?> _facts = [];

    public HolderMap Map => map;

    /// <summary>
    /// The processes holding <paramref name="inode"/> with the fd numbers they hold it under, as a snapshot's entry
    /// lists them: by pid, then fd; a process gone since the walk left out.
    /// </summary>
    /// <param name="into">Cleared, then filled (reused from socket to socket).</param>
    public void Of(ulong inode, List<(ProcessInfo Process, int Fd)> into)
    {
        into.Clear();
        var holding = inode == 0 ? default : map.HoldersOf(inode);
        foreach (var (pid, fd) in holding)
        {
            if (Process(pid) is { } process)
            {
                into.Add((process, fd));
            }
        }

        if (into.Count > 1)
        {
            into.Sort((x, y) => x.Process.Pid != y.Process.Pid ? x.Process.Pid.CompareTo(y.Process.Pid) : x.Fd.CompareTo(y.Fd));
        }
    }

    /// <summary>Whether a process still there holds <paramref name="inode"/>.</summary>
    public bool Holds(ulong inode)
    {
        var holding = inode == 0 ? default : map.HoldersOf(inode);
        foreach (var (pid, _) in holding)
        {
            if (Process(pid) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Its holders could not be seen: nobody holds it, and a process of its namespace (or of one unknown) was refused.</summary>
    public bool HidesHolders(ulong inode, ulong netns, bool held) =>
        !held && inode != 0 && (map.NamespacesWithDeniedProcesses.Contains(netns) || map.NamespacesWithDeniedProcesses.Contains(0));

    private ProcessInfo? Process(int pid)
    {
        if (!_facts.TryGetValue(pid, out var process))
        {
            process = map.StartTimeByPid.TryGetValue(pid, out ulong start) ? processes.Read(pid) : null;
            if (process is not null && process.StartTimeTicks != start)
            {
                process = null; // exited (or replaced) since the fd walk: not the holder the walk saw
            }

            _facts[pid] = process;
        }

        return process;
    }
}
