using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// The detail pane's text for one socket: every holder's pid, name, user, start, command line and open fds with their
/// targets, the socket itself marked. Pure formatting: the fd tables arrive already read (<see cref="Live.FdTableLoader"/>
/// reads them off the UI thread), or null while they are being read.
/// </summary>
public static class HolderDetails
{
    public const string ThisSocketMarker = "<- this socket";
    public const string ReadingText = "  open fds: reading...";

    public static IReadOnlyList<string> Build(
        SocketEntry socket, IReadOnlyDictionary<int, FdListing>? fdTables, bool asRoot, RowMark mark = RowMark.None)
    {
        var lines = new List<string>
        {
            $"{socket.Protocol.Name()} {socket.LocalEndpoint} -> {socket.RemoteEndpoint}  {socket.State}  inode {socket.Inode}"
            + $"  uid {socket.Uid}  netns {socket.Netns}{(mark == RowMark.Gone ? "  (gone)" : string.Empty)}",
        };
        if (socket.HoldersHidden)
        {
            lines.Add(Wording.HiddenDetail(asRoot));
            return lines;
        }

        if (socket.Holders.Count == 0)
        {
            lines.Add(socket.Inode == 0
                ? $"no owner: a {socket.State} socket belongs to the kernel, not to a process"
                : "no process holds this socket any more");
            return lines;
        }

        if (socket.Holders.Count > 1)
        {
            lines.Add(Wording.Refusal(Killing.KillRefusal.SharedSocket, holders: socket.Holders.Count));
        }

        foreach (var holder in socket.Holders)
        {
            var p = holder.Process;
            lines.Add($"pid {p.Pid}  {p.Name}  fd {string.Join(",", holder.Fds)}  user {p.User} ({p.Uid})  ppid {p.ParentPid}  started {Formats.StartTime(p.StartedAt)}");
            lines.Add($"  {p.DisplayCommand}");
            if (fdTables is null)
            {
                lines.Add(ReadingText);
            }
            else
            {
                AddFds(lines, fdTables.TryGetValue(p.Pid, out var listing) ? listing : null, socket.Inode);
            }
        }

        return lines;
    }

    private static void AddFds(List<string> lines, FdListing? listing, ulong inode)
    {
        switch (listing?.Status)
        {
            case LinkStatus.Ok:
                string socketTarget = $"socket:[{inode}]";
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
                lines.Add($"  {Wording.FdsDenied}");
                break;
            default:
                lines.Add("  (process exited)");
                break;
        }
    }
}
