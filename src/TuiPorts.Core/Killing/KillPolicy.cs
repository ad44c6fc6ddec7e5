using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Killing;

/// <summary>
/// Processes tuiports will not signal: PID 1 (SIGTERM makes systemd re-execute; repeated SIGINT can reboot), kernel
/// threads (they ignore signals although kill returns 0), tuiports itself and the shell that started it.
/// </summary>
public sealed record KillPolicy(int OwnPid, int ParentPid)
{
    public static KillPolicy ForThisProcess()
    {
        int own = Environment.ProcessId;
        string? stat = ProcFs.ProcRoot.TryReadText($"/proc/{own}/stat");
        int parent = stat is null ? 0 : ProcFs.ProcStat.Parse(stat)?.ParentPid ?? 0;
        return new KillPolicy(own, parent);
    }

    /// <summary>Null when the process may be signalled, else why not.</summary>
    public string? RefusalFor(ProcessInfo process) => process switch
    {
        { Pid: 1 } => "refused: pid 1 is the init process (signalling it can restart or shut down the whole system)",
        { IsKernelThread: true } => $"refused: pid {process.Pid} ({process.Name}) is a kernel thread, which ignores signals",
        _ when process.Pid == OwnPid => $"refused: pid {process.Pid} is tuiports itself (press q to quit)",
        _ when process.Pid == ParentPid => $"refused: pid {process.Pid} ({process.Name}) is the shell that started tuiports",
        _ => null,
    };
}
