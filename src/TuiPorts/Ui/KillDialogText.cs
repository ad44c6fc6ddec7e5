using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>
/// The words of the kill confirmation, all from the plan: what will be sent, to whom, and what the kernel's facts say
/// it means for the process and the port (the same sentences <c>tuiports kill</c> prints).
/// </summary>
public static class KillDialogText
{
    /// <summary>The question itself, in the dialog's title so it stays visible on the smallest screens.</summary>
    public static string Title(KillPlan plan, KillRequest request) =>
        $"Send {KillWording.Signal(plan.Primary!.Signal, request)} to pid {plan.Primary.Pid} ({plan.Primary.Process.Title})"
        + (plan.Socket?.Host is { } host ? $" on {host}?" : "?");

    /// <param name="maxWidth">The widest line the screen can show; longer lines are shortened, never clipped.</param>
    public static string Body(KillPlan plan, KillRequest request, int maxWidth = 200)
    {
        var primary = plan.Primary!;
        var p = primary.Process;
        var socket = plan.Socket!;
        var lines = new List<string>
        {
            $"  user     {p.User} ({p.Uid})   parent pid {p.ParentPid}",
            $"  started  {Formats.StartTime(p.StartedAt)}",
            $"  command  {Formats.Cut(p.DisplayCommand, 60)}",
            $"  socket   {socket.LocalEndpoint} {socket.State} ({socket.Role.Name()})",
        };
        if (Wording.RunsIn(p.Cgroup) is { } where)
        {
            lines.Add($"  runs in  {where}");
        }

        if (plan.Namespace is { } foreign)
        {
            lines.Add($"  NOTE: this socket is {KillWording.Namespace(foreign)}, not in tuiports' own network namespace");
        }

        if (primary.Signal == Signals.SIGKILL)
        {
            lines.Add("  SIGKILL ends it at once: no graceful shutdown, no cleanup");
        }

        lines.Add(string.Empty);
        lines.AddRange(Consequences(plan));
        lines.AddRange(KillWording.Details(primary));
        if (KillWording.Clients(plan.Ports.SelectMany(port => port.Clients).ToList()) is { } clients)
        {
            lines.Add(clients);
        }

        lines.Add(string.Empty);
        lines.Add(Keys(plan));
        maxWidth = Math.Max(maxWidth, 20);
        lines = lines.SelectMany(l => l.StartsWith("  ", StringComparison.Ordinal) ? [Formats.Cut(l, maxWidth)] : TextWrap.Lines(l, maxWidth, "  ")).ToList();
        int width = lines.Max(l => l.Length);
        return string.Join('\n', lines.Select(l => l.PadRight(width))); // equal widths: the box centres them as one block
    }

    /// <summary>What the chosen default does to the port, in plain words, from the plan's facts.</summary>
    public static IEnumerable<string> Consequences(KillPlan plan)
    {
        var primary = plan.Primary!;
        var p = primary.Process;
        if (plan.Parent is { } parent)
        {
            string who = KillWording.Label(parent);
            yield return plan.Worker switch
            {
                WorkerKind.PreFork => $"its parent {who} runs the same program and holds the same listener: it replaces workers, so it will start a new one and the port stays open",
                WorkerKind.PerConnection => $"it serves this one connection for its parent {who}: ending it closes this session only; the server keeps running",
                _ => $"its parent {who} also holds the port: stopping this one leaves the port open",
            };
        }
        else if (KillWording.TakesAlong(primary) is { Length: > 0 } along && primary.IsStop)
        {
            yield return KillWording.Label(p) + along;
        }
        else if (plan.Socket!.Role == SocketRole.Listener && plan.OtherTops == 0 && primary.IsStop && primary.OtherChildren.Count == 0
            && primary.Supervisor is null)
        {
            yield return "it is the only holder: stopping it frees the port";
        }

        foreach (string line in KillWording.OtherChildren(primary))
        {
            yield return line;
        }

        if (plan.OtherTops > 0)
        {
            yield return $"{Wording.Count(plan.OtherTops, "unrelated process", "unrelated processes")} also {(plan.OtherTops == 1 ? "holds" : "hold")} this socket; the port stays open unless all of them exit:";
            foreach (var holder in plan.AllHolders.Where(h => HolderTree.TopOf(plan.Socket!, h.Process).Pid != p.Pid).Take(8))
            {
                string note = holder.Issue == TargetIssue.None ? string.Empty : "  (will be skipped)";
                yield return $"  pid {holder.Pid} {holder.Process.Title} ({holder.Process.User}){note}";
            }
        }
    }

    private static string Keys(KillPlan plan)
    {
        string yes = plan.Worker switch
        {
            WorkerKind.PerConnection => "y = end this session   p = stop the whole server instead",
            WorkerKind.PreFork => "p = stop the parent instead   y = this worker anyway",
            _ when plan.Parent is not null => "y = this process   p = its parent",
            _ => "y = kill",
        };
        string instead = plan.Primary!.WorkingInstead is { } w ? $"   s = send {Signals.Name(w)} instead" : string.Empty;
        return yes + instead + (plan.IsShared ? "   a = all holders" : string.Empty) + "   n/Esc = cancel";
    }
}
