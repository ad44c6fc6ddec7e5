using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// A port or pid plan as <c>tuiports kill</c> prints it before asking, port by port: refused sockets and shared ports,
/// each target with its command, the children it takes along, the signal and what the kernel says it will do, its
/// supervisor, the clients a stop disconnects, its other ports, and the matching ports left alone in other namespaces.
/// </summary>
public static class KillPlanLines
{
    public static IEnumerable<string> Lines(KillPlan plan, Snapshot? snapshot)
    {
        foreach (var port in plan.Ports)
        {
            foreach (var (socket, refusal) in port.RefusedSockets)
            {
                yield return $"port {port.Port}: {Wording.SocketLabel(socket)}: refused: {Wording.Refusal(refusal)}";
            }

            if (port.RefusedAsShared)
            {
                yield return $"port {port.Port}: refused: {port.UnrelatedTops.Count} unrelated processes hold it; the port stays open unless all of them exit:";
                foreach (var top in port.UnrelatedTops)
                {
                    yield return $"    pid {top.Pid} ({top.Title}, user {top.User}){KillWording.Where(top)}: {top.DisplayCommand}";
                }

                yield return "    rerun with --all-holders to signal them all";
            }

            foreach (var target in port.Targets)
            {
                foreach (string line in Target(port, target, snapshot))
                {
                    yield return line;
                }
            }

            if (KillWording.Clients(port.Clients) is { } clients)
            {
                yield return $"    {clients}";
            }
        }

        foreach (var foreign in plan.LeftAlone)
        {
            yield return KillWording.LeftAlone(foreign);
        }
    }

    /// <summary><c>pid 4242 (perl, user root, started 2026-12-07T14:36:12.34Z) holds tcp 127.0.0.1:9000 LISTEN</c> and its details.</summary>
    public static IEnumerable<string> PidTarget(KillPlan plan)
    {
        var target = plan.Primary!;
        var p = target.Process;
        string holds = plan.Ports.Count == 0 ? "no listening socket"
            : string.Join(", ", plan.Ports.SelectMany(port => port.Listeners).Select(Wording.SocketLabel).Distinct());
        yield return $"pid {p.Pid} ({p.Title}, user {p.User}, started {(p.StartTimeUtc is { } t ? Formats.StartTimeUtc(t) : "?")}) holds {holds}";
        yield return $"    {p.DisplayCommand}";
        foreach (string line in KillWording.Details(target))
        {
            yield return $"    {line}";
        }
    }

    private static IEnumerable<string> Target(PortPlan port, KillTarget target, Snapshot? snapshot)
    {
        var p = target.Process;
        var socket = port.Listeners.FirstOrDefault(s => s.Holders.Any(h => h.Pid == p.Pid)) ?? port.Listeners[0];
        yield return $"port {port.Port}: {Wording.SocketLabel(socket)}: pid {p.Pid} ({p.Title}, user {p.User}){KillWording.TakesAlong(target)}{KillWording.Where(p)}";
        yield return $"    {p.DisplayCommand}";
        foreach (string line in KillWording.OtherChildren(target))
        {
            yield return $"    {line}";
        }

        foreach (string line in KillWording.Details(target))
        {
            yield return $"    {line}";
        }

        var others = snapshot is null ? [] : snapshot.Sockets
            .Where(s => s.Holders.Any(h => h.Pid == p.Pid) && s.LocalPort != port.Port && s.Role == SocketRole.Listener)
            .Select(Wording.SocketLabel).Distinct().ToList();
        if (others.Count > 0)
        {
            yield return $"    it also holds {string.Join(", ", others.Take(8))}{(others.Count > 8 ? $" and {others.Count - 8} more" : string.Empty)}: those ports close too";
        }
    }
}
