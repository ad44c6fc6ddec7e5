namespace TuiPorts.Core.Snapshots;

/// <summary>
/// What a person needs to recognise a process. <see cref="StartTimeTicks"/> (clock ticks since boot) together with
/// <see cref="Pid"/> is the process's identity: a reused pid has a different start time.
/// </summary>
public sealed record ProcessInfo(
    int Pid,
    string Name,
    string CommandLine,
    int Uid,
    string User,
    ulong StartTimeTicks,
    DateTimeOffset? StartedAt,
    int ParentPid,
    bool IsKernelThread)
{
    /// <summary>The command line, or <c>[name]</c> like ps when it is empty (kernel threads, zombies).</summary>
    public string DisplayCommand => CommandLine.Length > 0 ? CommandLine : $"[{Name}]";
}
