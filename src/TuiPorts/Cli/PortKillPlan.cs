using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Cli;

/// <summary>
/// What <c>tuiports kill</c> will do, port by port: the listening sockets on the port, the top holder of each (or every
/// holder with <c>--all-holders</c>), the refusals, and - printed before anything is sent - what else each target holds.
/// </summary>
public sealed class PortKillPlan(Snapshot snapshot, KillPlanner planner, bool allHolders, bool force) : IKillPlan
{
    private readonly List<KillTarget> _targets = [];
    private readonly List<PortTarget> _ports = [];

    public IReadOnlyList<KillTarget> Targets => _targets;

    /// <summary>The ports to watch (those not refused).</summary>
    public IReadOnlyList<PortTarget> Ports => _ports;

    public int Refused { get; private set; }

    public void Build(IReadOnlyList<SocketEntry> sockets, TextWriter output)
    {
        foreach (var port in sockets.GroupBy(s => (s.Netns, s.LocalPort)).OrderBy(g => g.Key.LocalPort))
        {
            PlanPort(port.Key.LocalPort, port.ToList(), output);
        }
    }

    private void PlanPort(int port, List<SocketEntry> sockets, TextWriter output)
    {
        foreach (var socket in sockets.Where(s => KillPolicy.Check(s) != KillRefusal.None))
        {
            output.WriteLine($"port {port}: {Label(socket)}: refused: {Wording.Refusal(KillPolicy.Check(socket))}");
            Refused++;
        }

        var held = sockets.Where(s => KillPolicy.Check(s) == KillRefusal.None).ToList();
        if (held.Count == 0)
        {
            return;
        }

        var tops = held.SelectMany(HolderTree.Tops).DistinctBy(p => p.Pid).ToList();
        if (tops.Count > 1 && !allHolders)
        {
            output.WriteLine($"port {port}: refused: {tops.Count} unrelated processes hold it; the port stays open unless all of them exit:");
            foreach (var top in tops)
            {
                output.WriteLine($"    pid {top.Pid} ({top.Title}, user {top.User}): {top.DisplayCommand}");
            }

            output.WriteLine("    rerun with --all-holders to signal them all");
            Refused++;
            return;
        }

        var chosen = allHolders ? held.SelectMany(s => s.Holders).Select(h => h.Process).DistinctBy(p => p.Pid).ToList() : tops;
        var pids = new HashSet<int>();
        bool anyRefused = false;
        foreach (var process in chosen)
        {
            var socket = held.First(s => s.Holders.Any(h => h.Pid == process.Pid));
            Describe(port, socket, process, output);
            var target = _targets.FirstOrDefault(t => t.Pid == process.Pid) ?? Pin(process, socket);
            if (target.Problem is not null)
            {
                output.WriteLine($"    {target.Problem}");
                anyRefused = true;
                continue;
            }

            pids.Add(process.Pid);
        }

        if (anyRefused)
        {
            Refused++;
        }

        if (pids.Count > 0)
        {
            _ports.Add(PortTarget.Of(held, pids));
        }
    }

    private KillTarget Pin(ProcessInfo process, SocketEntry socket)
    {
        var target = planner.PinProcess(process, socket.Inode, allowAncestor: force);
        _targets.Add(target);
        return target;
    }

    /// <summary>The signal is meant to stop the targets (TERM, INT, QUIT, KILL); HUP or USR1 are not.</summary>
    public bool Stops { get; init; } = true;

    private void Describe(int port, SocketEntry socket, ProcessInfo process, TextWriter output)
    {
        int children = HolderTree.DescendantsOf(socket, process).Count;
        string tree = children == 0 || !Stops
            ? string.Empty
            : $" and its {Wording.Count(children, "child", "children")} hold this socket; stopping {process.Pid} stops them and frees the port";
        string unit = process.Cgroup is { } cgroup
            ? (cgroup.Container is { } id ? $" (container {id})" : cgroup.Unit is { } u ? $" (systemd unit {u})" : string.Empty)
            : string.Empty;
        output.WriteLine($"port {port}: {Label(socket)}: pid {process.Pid} ({process.Title}, user {process.User}){tree}{unit}");
        output.WriteLine($"    {process.DisplayCommand}");
        var others = snapshot.Sockets
            .Where(s => s.Holders.Any(h => h.Pid == process.Pid) && s.LocalPort != port && s.Role == SocketRole.Listener)
            .Select(Label).Distinct().ToList();
        if (others.Count > 0)
        {
            output.WriteLine($"    it also holds {string.Join(", ", others.Take(8))}{(others.Count > 8 ? $" and {others.Count - 8} more" : string.Empty)}: those ports close too");
        }
    }

    private static string Label(SocketEntry socket) => $"{socket.Protocol.Name()} {socket.LocalEndpoint} {socket.State}";

    /// <summary>Every targeted port is free at the end.</summary>
    public bool Succeeded(KillReport report, KillRequest request) => report.Succeeded(request);

    public void Dispose() => _targets.ForEach(t => t.Dispose());
}
