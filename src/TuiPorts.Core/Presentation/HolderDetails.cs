using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// The detail pane's text for one socket, in two parts. The <see cref="DetailText.Header"/> never scrolls: the socket
/// (address, state, role), then its top holder - pid, name, user, parent, systemd unit or container - and the first
/// line of its command, so whose fds these are is always on screen. The <see cref="DetailText.Body"/> scrolls: who
/// else holds the socket, each holder's open fds with the socket's own fd marked and every socket fd described, the
/// other fds collapsed to a count unless asked for. Pure formatting: the facts arrive already read
/// (<see cref="TuiPorts.Core.Presentation.FdTableLoader"/> reads them off the UI thread), or null while they are being read.
/// </summary>
public static class HolderDetails
{
    public const string ThisSocketMarker = "<- this socket";
    public const string ReadingText = "  open fds: reading...";

    /// <summary>The pane's lines, each made safe for the terminal (<see cref="TerminalText"/>): one line stays one line.</summary>
    public static DetailText Build(
        SocketEntry socket, DetailFacts? facts, bool asRoot, RowMark mark = RowMark.None, bool otherFds = false)
    {
        var text = Lines(socket, facts, asRoot, mark, otherFds);
        return new DetailText(text.Header.Select(TerminalText.Sanitize).ToList(), text.Body.Select(TerminalText.Sanitize).ToList());
    }

    private static DetailText Lines(SocketEntry socket, DetailFacts? facts, bool asRoot, RowMark mark, bool otherFds)
    {
        var header = new List<string>
        {
            (socket.Host is { } host ? $"{host}: " : string.Empty) + $"{socket.Protocol.Name()} {socket.LocalEndpoint} -> {socket.RemoteEndpoint}  {socket.State}  {socket.Role.Name()}"
            + $"{(mark == RowMark.Gone ? "  (gone)" : string.Empty)}  inode {socket.Inode}  uid {socket.Uid}  netns {socket.Netns}",
        };
        var body = new List<string>();
        if (socket.HoldersHidden)
        {
            header.Add(Wording.HiddenDetail(asRoot));
            return new DetailText(header, body);
        }

        if (socket.Holders.Count == 0)
        {
            header.Add(Wording.NoHolder(socket));
            return new DetailText(header, body);
        }

        var lead = Killing.HolderTree.Lead(socket);
        header.Add($"pid {lead.Pid} {lead.Title}  user {lead.User}  parent {Parent(lead, facts)}{Where(lead)}");
        header.Add($"cmd {FirstLine(lead.DisplayCommand)}");
        body.AddRange(TreeSummary(socket));
        var tops = Killing.HolderTree.Tops(socket).Select(t => t.Pid).ToHashSet();
        foreach (var holder in socket.Holders.OrderBy(h => h.Pid == lead.Pid ? 0 : tops.Contains(h.Pid) ? 1 : 2)) // the lead, other tops, workers
        {
            var p = holder.Process;
            body.Add($"pid {p.Pid}  {p.Name}  fd {string.Join(",", holder.Fds)}  user {p.User} ({p.Uid})  started {Formats.StartTime(p.StartedAt)}");
            if (p.Pid != lead.Pid)
            {
                body.Add($"  parent pid {Parent(p, facts)}{Where(p)}");
                body.Add($"  {p.DisplayCommand}");
            }

            if (facts is null)
            {
                body.Add(ReadingText);
            }
            else if (facts.Remote)
            {
                body.Add($"  {Wording.RemoteFds}");
            }
            else
            {
                AddFds(body, facts.Fds.TryGetValue(p.Pid, out var listing) ? listing : null, socket.Inode, facts.SocketTargets, otherFds);
            }
        }

        return new DetailText(header, body);
    }

    private static string Parent(TuiPorts.Core.Model.ProcessInfo p, DetailFacts? facts) =>
        facts?.ParentNames.TryGetValue(p.ParentPid, out var name) == true ? $"{p.ParentPid} ({name})" : $"{p.ParentPid}";

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\n', '\r']);
        return end < 0 ? text : text[..end];
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
                yield return Wording.MasterAndChildren(top, children);
            }
        }

        if (tops.Count > 1)
        {
            yield return Wording.UnrelatedHolders(tops.Count);
        }
    }

    private static string Where(TuiPorts.Core.Model.ProcessInfo p) => Wording.RunsIn(p.Cgroup) is { } where ? $"  {where}" : string.Empty;

    private static void AddFds(List<string> lines, FdListing? listing, ulong inode, IReadOnlyDictionary<string, string> sockets, bool otherFds)
    {
        switch (listing?.Status)
        {
            case LinkStatus.Ok:
                string socketTarget = $"socket:[{inode}]";
                int others = listing.Fds.Count(f => !IsSocket(f.Target));
                lines.Add($"  open fds ({listing.Total}):");
                foreach (var fd in listing.Fds)
                {
                    if (!otherFds && !IsSocket(fd.Target))
                    {
                        continue;
                    }

                    string what = sockets.TryGetValue(fd.Target, out var described) ? $"  {described}" : string.Empty;
                    string marker = fd.Target == socketTarget ? $"  {ThisSocketMarker}" : string.Empty;
                    lines.Add($"  {fd.Fd,5} -> {fd.Target}{what}{marker}");
                }

                if (!otherFds && others > 0)
                {
                    lines.Add($"  {Wording.OtherFds(others)}");
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

    private static bool IsSocket(string target) => target.StartsWith("socket:[", StringComparison.Ordinal);
}

/// <summary>The detail pane's lines: a header that stays put and a body that scrolls.</summary>
public sealed record DetailText(IReadOnlyList<string> Header, IReadOnlyList<string> Body)
{
    /// <summary>Every line, header first.</summary>
    public IReadOnlyList<string> Lines => [.. Header, .. Body];
}
