using System.Globalization;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// The detail pane's text for one socket: every holder's pid, name, user, start, command line and open fds with their
/// targets (read live from /proc/&lt;pid&gt;/fd), the socket itself marked.
/// </summary>
public static class HolderDetails
{
    public const string ThisSocketMarker = "<- this socket";
    public const string DeniedText = "permission denied: run as root to see its fds";

    public static IReadOnlyList<string> Build(SocketEntry socket, ProcRoot root, bool asRoot, RowMark mark = RowMark.None)
    {
        var lines = new List<string>
        {
            $"{socket.Protocol.Name()} {socket.LocalEndpoint} -> {socket.RemoteEndpoint}  {socket.State}  inode {socket.Inode}"
            + $"  uid {socket.Uid}  netns {socket.Netns}{(mark == RowMark.Gone ? "  (gone)" : string.Empty)}",
        };
        if (socket.OwnersHidden)
        {
            lines.Add(asRoot
                ? "owner hidden (access refused): a process refused to show its fds even to root"
                : "owner hidden — run with sudo to see which process holds this socket");
            return lines;
        }

        if (socket.Owners.Count == 0)
        {
            lines.Add(socket.Inode == 0
                ? $"no owner: a {socket.State} socket belongs to the kernel, not to a process"
                : "no process holds this socket any more");
            return lines;
        }

        if (socket.Owners.Count > 1)
        {
            lines.Add($"{socket.Owners.Count} processes hold this socket; the port stays open unless all of them exit");
        }

        string socketTarget = $"socket:[{socket.Inode}]";
        foreach (var owner in socket.Owners)
        {
            var p = owner.Process;
            string started = p.StartedAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "?";
            lines.Add($"pid {p.Pid}  {p.Name}  fd {string.Join(",", owner.Fds)}  user {p.User} ({p.Uid})  ppid {p.ParentPid}  started {started}");
            lines.Add($"  {p.DisplayCommand}");
            var listing = FdListing.Read(root, p.Pid);
            switch (listing.Status)
            {
                case LinkStatus.Ok:
                    lines.Add($"  open fds ({listing.Total}):");
                    foreach (var fd in listing.Fds)
                    {
                        string marker = fd.Target == socketTarget ? $"  {ThisSocketMarker}" : string.Empty;
                        lines.Add($"  {fd.Fd,5} -> {fd.Target}{marker}");
                    }

                    if (listing.Total > listing.Fds.Count)
                    {
                        lines.Add($"  ... {listing.Total - listing.Fds.Count} more");
                    }

                    break;
                case LinkStatus.Denied:
                    lines.Add($"  {DeniedText}");
                    break;
                default:
                    lines.Add("  (process exited)");
                    break;
            }
        }

        return lines;
    }
}
