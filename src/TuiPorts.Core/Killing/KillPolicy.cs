using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Killing;

/// <summary>
/// The one set of refusal rules, for the UI's K and for <c>tuiports kill</c> alike: sockets whose holders cannot be
/// seen or that no process holds, and processes tuiports will not signal - PID 1, kernel threads, tuiports itself and
/// the shell that started it.
/// </summary>
public sealed record KillPolicy(int OwnPid, int ParentPid)
{
    public static KillPolicy ForThisProcess(ProcRoot root)
    {
        int own = Environment.ProcessId;
        string? stat = ProcRoot.TryReadText(root.PidFile(own, "stat"));
        int parent = stat is null ? 0 : ProcStat.Parse(stat)?.ParentPid ?? 0;
        return new KillPolicy(own, parent);
    }

    /// <summary>Whether the socket has anyone to signal at all.</summary>
    public static KillRefusal Check(SocketEntry socket) => socket switch
    {
        { HoldersHidden: true } => KillRefusal.HoldersHidden,
        { Holders.Count: 0 } => KillRefusal.NoHolder,
        _ => KillRefusal.None,
    };

    /// <summary>Whether this process may be signalled.</summary>
    public KillRefusal Check(ProcessInfo process) => process switch
    {
        { Pid: 1 } => KillRefusal.InitProcess,
        { IsKernelThread: true } => KillRefusal.KernelThread,
        _ when process.Pid == OwnPid => KillRefusal.Tuiports,
        _ when process.Pid == ParentPid => KillRefusal.ParentOfTuiports,
        _ => KillRefusal.None,
    };

    /// <summary>Null when the process may be signalled, else why not, in words.</summary>
    public string? RefusalFor(ProcessInfo process) =>
        Check(process) is var refusal && refusal == KillRefusal.None ? null : Presentation.Wording.Refusal(refusal, process);
}
