using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// The detail pane's text for one socket: every holder's pid, name, user, start, command line and open fds with their
/// targets (a socket fd followed by what it is), the socket itself marked, plus each holder's parent, systemd unit or
/// container. Pure formatting: the facts arrive already read (<see cref="Live.FdTableLoader"/> reads them off the UI
/// thread), or null while they are being read.
/// </summary>
public static class HolderDetails
{
    public const string ThisSocketMarker = "<- this socket";
    public const string ReadingText = "  open fds: reading...";

    /// <summary>The pane's lines, each made safe for the terminal (<see cref="TerminalText"/>): one line stays one line.</summary>
    public static IReadOnlyList<string> Build(
        SocketEntry socket, DetailFacts? facts, bool asRoot, RowMark mark = RowMark.None) =>
        Lines(socket, facts, asRoot, mark).ConvertAll(TerminalText.Sanitize);

    private static List<string> Lines(SocketEntry socket, DetailFacts? facts, bool asRoot, RowMark mark)
    {
        var lines = new List<string>
        {
            (socket.Host is { } host ? $"{host}: " : string.Empty) + $"{socket.Protocol.Name()} {socket.LocalEndpoint} -> {socket.RemoteEndpoint}  {socket.State}  {socket.Role.Name()}  inode {socket.Inode}"
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

        lines.AddRange(TreeSummary(socket));
        var tops = Killing.HolderTree.Tops(socket).Select(t => t.Pid).ToHashSet();
        foreach (var holder in socket.Holders.OrderBy(h => tops.Contains(h.Pid) ? 0 : 1)) // top holders (masters) first
        {
            var p = holder.Process;
            lines.Add($"pid {p.Pid}  {p.Name}  fd {string.Join(",", holder.Fds)}  user {p.User} ({p.Uid})  started {Formats.StartTime(p.StartedAt)}");
            string parent = facts?.ParentNames.TryGetValue(p.ParentPid, out var name) == true ? $"{p.ParentPid} ({name})" : $"{p.ParentPid}";
            lines.Add($"  parent pid {parent}{Where(p)}");
            lines.Add($"  {p.DisplayCommand}");
            if (facts is null)
            {
                lines.Add(ReadingText);
            }
            else if (facts.Remote)
            {
                lines.Add($"  {Wording.RemoteFds}");
            }
            else
            {
                AddFds(lines, facts.Fds.TryGetValue(p.Pid, out var listing) ? listing : null, socket.Inode, facts.SocketTargets);
            }
        }

        return lines;
    }

    /// <summary>Who among the holders is the top of a process tree, and what that means for the port.</summary>
    private static IEnumerable<string> TreeSummary(SocketEntry socket)
    {
        if (socket.Holders.Count < 2)
        {
            yield break;
        }

        var tops = Killing.HolderTree.Tops(socket);
        foreach (var top in tops)
        {
            int children = Killing.HolderTree.DescendantsOf(socket, top).Count;
            if (children > 0)
            {
                yield return $"pid {top.Pid} ({top.Title}) and its {Wording.Count(children, "child", "children")} hold this socket; "
                    + $"stopping {top.Pid} stops them and frees the port";
            }
        }

        if (tops.Count > 1)
        {
            yield return Wording.UnrelatedHolders(tops.Count);
        }
    }

    private static string Where(Snapshots.ProcessInfo p) => p.Cgroup switch
    {
        { Container: { } id, Unit: { } unit } => $"  container {id} ({unit})",
        { Container: { } id } => $"  container {id}",
        { Unit: { } unit } => $"  unit {unit}",
        _ => string.Empty,
    };

    private static void AddFds(List<string> lines, FdListing? listing, ulong inode, IReadOnlyDictionary<string, string> sockets)
    {
        switch (listing?.Status)
        {
            case LinkStatus.Ok:
                string socketTarget = $"socket:[{inode}]";
                lines.Add($"  open fds ({listing.Total}):");
                foreach (var fd in listing.Fds)
                {
                    string what = sockets.TryGetValue(fd.Target, out var described) ? $"  {described}" : string.Empty;
                    string marker = fd.Target == socketTarget ? $"  {ThisSocketMarker}" : string.Empty;
                    lines.Add($"  {fd.Fd,5} -> {fd.Target}{what}{marker}");
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
