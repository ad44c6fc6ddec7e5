using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>The words of the kill confirmation: what will be sent, to whom, and what it means for the port.</summary>
public static class KillDialogText
{
    /// <summary>The question itself, in the dialog's title so it stays visible on the smallest screens.</summary>
    public static string Title(KillPlan plan, KillRequest request) =>
        $"Send {request.Describe()} to pid {plan.Primary!.Pid} ({plan.Primary.Process.Name})?";

    /// <param name="maxWidth">The widest line the screen can show; longer lines are shortened, never clipped.</param>
    public static string Body(KillPlan plan, KillRequest request, int maxWidth = 200)
    {
        var primary = plan.Primary!;
        var p = primary.Process;
        var lines = new List<string>
        {
            $"  user     {p.User} ({p.Uid})",
            $"  started  {Formats.StartTime(p.StartedAt)}",
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
        maxWidth = Math.Max(maxWidth, 20);
        lines = lines.Select(l => Shorten(l, maxWidth)).ToList();
        int width = lines.Max(l => l.Length);
        return string.Join('\n', lines.Select(l => l.PadRight(width))); // equal widths: the box centres them as one block
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "~";
}
