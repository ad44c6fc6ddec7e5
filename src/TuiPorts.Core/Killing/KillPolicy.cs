using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Killing;

/// <summary>
/// The one set of refusal rules, for the UI's K and for <c>tuiports kill</c> alike: sockets whose holders cannot be
/// seen or that no process holds, and processes tuiports will not signal - PID 1, kernel threads, tuiports itself -
/// or only on explicit request: its ancestors (the shell, a tmux server, the sshd session the operator is logged in
/// through, the sshd listener they need to log in again). <see cref="Ancestors"/> maps each ancestor's pid to its name.
/// </summary>
public sealed record KillPolicy(int OwnPid, IReadOnlyDictionary<int, string> Ancestors)
{
    /// <summary>The rules that hold on every host, for another host's processes: PID 1 and kernel threads.</summary>
    public static KillPolicy AnyHost { get; } = new(0, new Dictionary<int, string>());

    /// <summary>Reads tuiports' own ancestry (ppid chain up to PID 1) from the proc root.</summary>
    public static KillPolicy ForThisProcess(ProcRoot root)
    {
        int own = Environment.ProcessId;
        var ancestors = new Dictionary<int, string>();
        var stat = ReadStat(root, own);
        for (int depth = 0; depth < 64 && stat is { ParentPid: > 0 }; depth++)
        {
            int parent = stat.ParentPid;
            stat = ReadStat(root, parent); // one read per ancestor: its name here, its own parent next round
            ancestors[parent] = stat?.Comm ?? "?";
            if (parent == 1)
            {
                break;
            }
        }

        return new KillPolicy(own, ancestors);
    }

    private static ProcStat? ReadStat(ProcRoot root, int pid) =>
        ProcRoot.TryReadText(root.PidFile(pid, "stat")) is { } text ? ProcStat.Parse(text) : null;

    /// <summary>Whether the socket has anyone to signal at all.</summary>
    public static KillRefusal Check(SocketEntry socket) => socket switch
    {
        { HoldersHidden: true } => KillRefusal.HoldersHidden,
        { Holders.Count: 0 } => KillRefusal.NoHolder,
        _ => KillRefusal.None,
    };

    /// <summary>Whether this process may be signalled (<see cref="KillRefusal.Ancestor"/>: only when forced).</summary>
    public KillRefusal Check(ProcessInfo process) => process switch
    {
        { Pid: 1 } => KillRefusal.InitProcess,
        { IsKernelThread: true } => KillRefusal.KernelThread,
        _ when process.Pid == OwnPid => KillRefusal.Tuiports,
        _ when Ancestors.ContainsKey(process.Pid) => KillRefusal.Ancestor,
        _ => KillRefusal.None,
    };

    public bool IsAncestor(int pid) => Ancestors.ContainsKey(pid);
}
