
namespace TuiPorts.Core.Model;

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
    /// <summary>
    /// The start time with the kernel's full precision (boot time + start ticks, 10 ms), in UTC: with the pid it names
    /// exactly one process, so <c>tuiports kill --pid P --start-time T</c> can be pinned to it.
    /// </summary>
    public DateTime? StartTimeUtc => StartedAt?.UtcDateTime;

    /// <summary>Where the process runs: its cgroup path, systemd unit and container (null when unknown).</summary>
    public CgroupInfo? Cgroup { get; init; }

    /// <summary>The command line, or <c>[name]</c> like ps when it is empty (kernel threads, zombies).</summary>
    public string DisplayCommand => CommandLine.Length > 0 ? CommandLine : $"[{Name}]";

    /// <summary>
    /// The name a person knows it by: the comm, or the role a server writes into its title (<c>nginx: master</c>,
    /// <c>postgres: checkpointer</c>) when the command line starts with <c>name: </c>.
    /// </summary>
    public string Title
    {
        get
        {
            if (!CommandLine.StartsWith(Name + ": ", StringComparison.Ordinal))
            {
                return Name;
            }

            string[] words = CommandLine.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            return words.Length >= 2 ? $"{words[0]} {words[1]}" : Name;
        }
    }
}
