using System.Globalization;
using TuiPorts.Core.Killing;

namespace TuiPorts.Ui;

/// <summary>The words of the kill confirmation: what will be sent, to whom, and what it means for the port.</summary>
public static class KillDialogText
{
    public static string Body(KillPlan plan, KillRequest request)
    {
        var primary = plan.Primary!;
        var p = primary.Process;
        var lines = new List<string>
        {
            $"Send {request.Describe()} to pid {p.Pid} ({p.Name})?",
            string.Empty,
            $"  user     {p.User} ({p.Uid})",
            $"  started  {p.StartedAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "?"}",
            $"  command  {Shorten(p.DisplayCommand, 60)}",
            $"  socket   {plan.SocketLabel}",
        };
        if (primary.Problem is not null)
        {
            lines.Add($"  {primary.Problem}");
        }

        if (plan.IsShared)
        {
            lines.Add(string.Empty);
            lines.Add($"{plan.Holders.Count} processes hold this socket; the port stays open unless all of them exit:");
            foreach (var holder in plan.Holders)
            {
                string note = holder.Problem is null ? string.Empty : "  (will be skipped)";
                lines.Add($"  pid {holder.Pid} {holder.Process.Name} ({holder.Process.User}){note}");
            }
        }

        lines.Add(string.Empty);
        lines.Add(plan.IsShared ? "y = this process   a = all holders   n/Esc = cancel" : "y = kill   n/Esc = cancel");
        int width = lines.Max(l => l.Length);
        return string.Join('\n', lines.Select(l => l.PadRight(width)));
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";
}
