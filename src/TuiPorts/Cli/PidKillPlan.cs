using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Cli;

/// <summary>What <c>tuiports kill</c> will signal and which ports it then watches: one plan for PORTS, one for --pid.</summary>
public interface IKillPlan : IDisposable
{
    IReadOnlyList<KillTarget> Targets { get; }

    IReadOnlyList<PortTarget> Ports { get; }

    /// <summary>Targets or ports refused while planning (each already explained).</summary>
    int Refused { get; }

    /// <summary>Whether the kill did what was asked (the exit code: 0 when true and nothing was refused).</summary>
    bool Succeeded(KillReport report, KillRequest request);
}

/// <summary>
/// <c>tuiports kill --pid PID --start-time T</c>: exactly one process, and only while the process with that pid still has
/// that start time - checked against /proc, then pinned with a pidfd that re-checks it. The ports it holds a listening
/// socket on are watched afterwards and their fate reported, as for a kill by port.
/// </summary>
public sealed class PidKillPlan : IKillPlan
{
    private readonly List<KillTarget> _targets = [];
    private readonly List<PortTarget> _ports = [];

    private PidKillPlan()
    {
    }

    public IReadOnlyList<KillTarget> Targets => _targets;

    public IReadOnlyList<PortTarget> Ports => _ports;

    public int Refused { get; private set; }

    /// <summary>Why nothing can be sent before any pinning (no such pid, another process now), or null.</summary>
    public string? Problem { get; private set; }

    /// <param name="describe">Print the target and its ports (when a person is asked, or for a dry run).</param>
    public static PidKillPlan Build(ProcRoot root, KillPlanner planner, int pid, DateTime startUtc, bool force, bool describe, TextWriter output)
    {
        var plan = new PidKillPlan();
        var process = new ProcessReader(root).Read(pid);
        if (process is null)
        {
            plan.Problem = $"pid {pid}: no such process: nothing sent";
            return plan;
        }

        if (process.StartTimeUtc is not { } actual || Centiseconds(actual) != Centiseconds(startUtc))
        {
            plan.Problem = Wording.PidReused(pid, process.StartTimeUtc);
            return plan;
        }

        var target = planner.PinProcess(process, 0, allowAncestor: force);
        plan._targets.Add(target);
        if (target.Problem is not null)
        {
            output.WriteLine(target.Problem);
            plan.Refused++;
            return plan;
        }

        var snapshot = new ProcSnapshotSource(root).Take();
        var listening = snapshot.Sockets
            .Where(s => s.Role == SocketRole.Listener && s.Holders.Any(h => h.Pid == pid && h.Process.StartTimeTicks == process.StartTimeTicks))
            .ToList();
        foreach (var port in listening.GroupBy(s => (s.Netns, s.LocalPort)).OrderBy(g => g.Key.LocalPort))
        {
            plan._ports.Add(PortTarget.Of(port.ToList(), [pid]));
        }

        if (describe)
        {
            string holds = listening.Count == 0 ? "no listening socket" : string.Join(", ", listening.Select(s => $"{s.Protocol.Name()} {s.LocalEndpoint} {s.State}").Distinct());
            output.WriteLine($"pid {pid} ({process.Title}, user {process.User}, started {Formats.StartTimeUtc(actual)}) holds {holds}");
            output.WriteLine($"    {process.DisplayCommand}");
        }

        return plan;
    }

    /// <summary>Its ports are free at the end; without listening ports, it exited (or got a signal that is not meant to end it).</summary>
    public bool Succeeded(KillReport report, KillRequest request) => _ports.Count > 0 && request.ExpectsExit
        ? report.AllPortsFree
        : report.Targets.All(t => t.Status == KillStatus.Exited || (t.Status == KillStatus.Running && !request.ExpectsExit));

    public void Dispose() => _targets.ForEach(t => t.Dispose());

    /// <summary>The kernel's precision for start times: 10 ms.</summary>
    private static long Centiseconds(DateTime utc) => utc.Ticks / (TimeSpan.TicksPerMillisecond * 10);
}
