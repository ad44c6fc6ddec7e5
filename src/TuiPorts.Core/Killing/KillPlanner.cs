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
    public KillPlan Pin(SocketEntry socket)
    {
        var targets = socket.Holders.Select(holder => PinProcess(holder.Process, socket.Inode)).ToList();
        return new KillPlan(socket, targets);
    }

    /// <summary>Pins one process that should hold socket <paramref name="inode"/>.</summary>
    public KillTarget PinProcess(ProcessInfo process, ulong inode)
    {
        if (policy.RefusalFor(process) is { } refusal)
        {
            return new KillTarget(process, null, refusal);
        }

        var handle = sender.Open(process.Pid, process.StartTimeTicks, out var error);
        if (handle is null)
        {
            return new KillTarget(process, null, KillMessages.ForOpenError(process, error));
        }

        if (!StillHolds(process.Pid, inode))
        {
            handle.Dispose();
            return new KillTarget(process, null, $"pid {process.Pid} ({process.Name}) no longer holds this socket: nothing sent");
        }

        return new KillTarget(process, handle, null);
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
