using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Ui;

/// <summary>The words of the kill confirmation: what will be sent, to whom, and what it means for the port.</summary>
public static class KillDialogText
{
    /// <summary>The question itself, in the dialog's title so it stays visible on the smallest screens.</summary>
    public static string Title(KillPlan plan, KillRequest request) =>
        $"Send {request.Describe()} to pid {plan.Primary!.Pid} ({plan.Primary.Process.Title})"
        + (plan.Socket.Host is { } host ? $" on {host}?" : "?");

    /// <param name="maxWidth">The widest line the screen can show; longer lines are shortened, never clipped.</param>
    public static string Body(KillPlan plan, KillRequest request, int maxWidth = 200)
    {
        var primary = plan.Primary!;
        var p = primary.Process;
        var lines = new List<string>
        {
            $"  user     {p.User} ({p.Uid})   parent pid {p.ParentPid}",
            $"  started  {Formats.StartTime(p.StartedAt)}",
            $"  command  {Shorten(p.DisplayCommand, 60)}",
            $"  socket   {plan.SocketLabel} ({plan.Socket.Role.Name()})",
        };
        if (p.Cgroup?.Unit is { } unit)
        {
            lines.Add($"  unit     {unit}" + (p.Cgroup.Container is { } id ? $"   container {id}" : string.Empty));
        }

        if (primary.Problem is not null)
        {
            lines.Add($"  {primary.Problem}");
        }

        if (request.Signal == Signals.SIGKILL)
        {
            lines.Add("  SIGKILL ends it at once: no graceful shutdown, no cleanup");
        }

        if (primary.IsAncestor)
        {
            lines.Add($"  WARNING: tuiports runs under it — {Wording.WhatRunsUnder(p)}");
        }

        lines.Add(string.Empty);
        lines.AddRange(request.ExpectsExit
            ? Consequences(plan)
            : [$"{Signals.Name(request.Signal)} asks it to reload or reopen its logs: it keeps running and the port stays open"]);
        lines.Add(string.Empty);
        lines.Add(Keys(plan));
        maxWidth = Math.Max(maxWidth, 20);
        lines = lines.SelectMany(l => l.StartsWith("  ", StringComparison.Ordinal) ? [Shorten(l, maxWidth)] : TextWrap.Lines(l, maxWidth, "  ")).ToList();
        int width = lines.Max(l => l.Length);
        return string.Join('\n', lines.Select(l => l.PadRight(width))); // equal widths: the box centres them as one block
    }

    /// <summary>What stopping the process does to the port, in plain words.</summary>
    public static IEnumerable<string> Consequences(KillPlan plan)
    {
        var p = plan.Primary!.Process;
        if (plan.Parent is { } parent)
        {
            yield return $"its parent pid {parent.Pid} ({parent.Process.Title}) holds the same port:";
            yield return "it will likely start a new one, and the port stays open";
        }
        else if (plan.Children > 0)
        {
            yield return $"pid {p.Pid} ({p.Title}) and its {Wording.Count(plan.Children, "child", "children")} hold this socket; "
                + $"stopping {p.Pid} stops them and frees the port";
        }
        else if (plan.Socket.Role == SocketRole.Listener && plan.OtherTops == 0)
        {
            yield return "it is the only holder: stopping it frees the port";
        }

        if (plan.OtherTops > 0)
        {
            yield return $"{Wording.Count(plan.OtherTops, "unrelated process", "unrelated processes")} also {(plan.OtherTops == 1 ? "holds" : "hold")} this socket; the port stays open unless all of them exit:";
            foreach (var holder in plan.Holders.Where(h => HolderTree.TopOf(plan.Socket, h.Process).Pid != p.Pid))
            {
                string note = holder.Problem is null ? string.Empty : "  (will be skipped)";
                yield return $"  pid {holder.Pid} {holder.Process.Title} ({holder.Process.User}){note}";
            }
        }
    }

    private static string Keys(KillPlan plan) =>
        (plan.Parent is not null ? "p = stop the parent instead   y = this process anyway" : "y = kill")
        + (plan.IsShared ? "   a = all holders" : string.Empty)
        + "   n/Esc = cancel";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "~";
}
