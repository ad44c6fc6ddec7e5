using TuiPorts.Core.Remote;

namespace TuiPorts.Hosting;

/// <summary>What <c>--ssh</c> and its companions ask for: the hosts, how to reach them, and the filters they apply.</summary>
public sealed record HostsSetup(HostSet Hosts, IRemoteShell Shell, IReadOnlyList<string> Filters)
{
    /// <summary>Sessions <c>--once --ssh</c> runs at the same time unless <c>--ssh-jobs</c> says otherwise.</summary>
    public const int DefaultJobs = 32;

    /// <summary>How many ssh sessions <c>--once</c> runs at the same time (<c>--ssh-jobs</c>).</summary>
    public int Jobs { get; init; } = DefaultJobs;

    /// <summary>The children started for the hosts (every way out ends them); the composition root's.</summary>
    public ChildProcesses Children { get; init; } = new();

    /// <summary>Starts the transport's processes, registered with <see cref="Children"/>.</summary>
    public IProcessLauncher Launcher => new SystemProcessLauncher(Children);
}
