using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Killing;

/// <summary>
/// Pins the holders of a socket the moment the user asks to kill it: opens a handle (pidfd) for each, then
/// re-verifies that it is still the same process (start time) and still holds the socket (its fd table), and applies
/// the refusal rules. The dialog then talks about exactly these processes, whatever the table does meanwhile.
/// </summary>
public sealed class KillPlanner(ISignalSender sender, KillPolicy policy, ProcRoot root)
{
    public KillPolicy Policy => policy;

    /// <summary>
    /// Pins every holder of <paramref name="socket"/>, names the one "this process" means - the top holder of the
    /// first holder's tree - and, when that process's parent holds the port too (a worker behind its master), pins the
    /// parent as the alternative. Ancestors of tuiports are pinned (the UI confirms them twice).
    /// </summary>
    public KillPlan Pin(SocketEntry socket, Snapshot? snapshot = null) =>
        Plan(socket, snapshot, (process, inode) => PinProcess(process, inode, allowAncestor: true));

    /// <summary>
    /// The same plan for a socket of another host (<c>--ssh</c>), nothing pinned here: the dialog shows it, and the
    /// host's own tuiports pins the chosen process (<c>kill --pid --start-time</c>). Only the rules that hold on any host
    /// (PID 1, kernel threads) refuse here; that host's tuiports applies its own ancestors.
    /// </summary>
    public static KillPlan Unpinned(SocketEntry socket, Snapshot? snapshot) =>
        Plan(socket, snapshot, (process, _) => new KillTarget(process, null, KillPolicy.AnyHost.RefusalFor(process)));

    private static KillPlan Plan(SocketEntry socket, Snapshot? snapshot, Func<ProcessInfo, ulong, KillTarget> target)
    {
        var targets = socket.Holders.Select(holder => target(holder.Process, socket.Inode)).ToList();
        if (targets.Count == 0)
        {
            return new KillPlan(socket, targets, null, 0, 0, null);
        }

        var top = HolderTree.TopOf(socket, socket.Holders[0].Process);
        var primary = targets.First(t => t.Pid == top.Pid);
        int children = HolderTree.DescendantsOf(socket, top).Count;
        int otherTops = HolderTree.Tops(socket).Count - 1;
        var parent = snapshot is null ? null : HolderTree.RespawningParent(snapshot, socket, top);
        var parentTarget = parent is null || parent.Pid == top.Pid ? null : target(parent, 0);
        return new KillPlan(socket, targets, primary, children, otherTops, parentTarget);
    }

    /// <summary>Pins one process that should hold socket <paramref name="inode"/> (0: do not check its fds).</summary>
    public KillTarget PinProcess(ProcessInfo process, ulong inode, bool allowAncestor = false)
    {
        var refusal = policy.Check(process);
        bool ancestor = refusal == KillRefusal.Ancestor;
        if (refusal != KillRefusal.None && !(ancestor && allowAncestor))
        {
            return new KillTarget(process, null, Presentation.Wording.Refusal(refusal, process)) { IsAncestor = ancestor };
        }

        var handle = sender.Open(process.Pid, process.StartTimeTicks, out var error);
        if (handle is null)
        {
            return new KillTarget(process, null, Presentation.Wording.OpenError(process, error));
        }

        if (!StillHolds(process.Pid, inode))
        {
            handle.Dispose();
            return new KillTarget(process, null, $"pid {process.Pid} ({process.Name}) no longer holds this socket: nothing sent");
        }

        return new KillTarget(process, handle, null) { IsAncestor = ancestor };
    }

    /// <summary>True when the fd table still has the socket, or cannot be read (then the pidfd alone vouches).</summary>
    private bool StillHolds(int pid, ulong inode)
    {
        if (inode == 0)
        {
            return true;
        }

        var sockets = new List<SocketFd>();
        var status = FdTableReader.ReadSockets(root.PidFile(pid, "fd"), sockets, out _);
        return status != LinkStatus.Ok || sockets.Exists(s => s.Inode == inode);
    }
}
