using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// Reads what the detail pane needs for the highlighted socket - each holder's open fds (up to thousands of readlinks),
/// its parent's name, what its socket fds are - on the background scheduler, and hands the result back on the UI
/// scheduler. A newer request supersedes an older one still running, so moving the highlight quickly never shows a
/// stale table. A remote host's socket (<see cref="IsRemote"/>) reads nothing here: this machine's /proc knows nothing
/// of its holders.
/// </summary>
public sealed class FdTableLoader(ProcRoot root, IScheduler background, IScheduler ui) : IDisposable
{
    private readonly SerialDisposable _pending = new();

    /// <summary>Whether a socket belongs to another host (<c>--ssh</c>); none does by default.</summary>
    public Func<SocketEntry, bool> IsRemote { get; init; } = _ => false;

    /// <summary>Reads the facts for <paramref name="socket"/>'s holders; <paramref name="done"/> runs on the UI scheduler.</summary>
    public void Load(Snapshot snapshot, SocketEntry socket, Action<DetailFacts> done)
    {
        var request = new BooleanDisposable();
        _pending.Disposable = request;
        if (IsRemote(socket))
        {
            ui.Schedule(() =>
            {
                if (!request.IsDisposed)
                {
                    done(DetailFacts.ForRemoteHost);
                }
            });
            return;
        }

        background.Schedule(() =>
        {
            if (request.IsDisposed)
            {
                return;
            }

            var facts = Read(snapshot, socket);
            ui.Schedule(() =>
            {
                if (!request.IsDisposed)
                {
                    done(facts);
                }
            });
        });
    }

    public void Dispose() => _pending.Dispose();

    private DetailFacts Read(Snapshot snapshot, SocketEntry socket)
    {
        var fds = new Dictionary<int, FdListing>();
        var parents = new Dictionary<int, string>();
        foreach (var holder in socket.Holders)
        {
            fds.TryAdd(holder.Pid, FdListing.Read(root, holder.Pid));
            int ppid = holder.Process.ParentPid;
            if (ppid > 0 && !parents.ContainsKey(ppid) && ProcFile.TryReadText(root.PidFile(ppid, "stat"), ProcFile.StatBytes) is { } stat)
            {
                parents[ppid] = ProcStat.Parse(stat)?.Comm ?? "?";
            }
        }

        return new DetailFacts(fds, parents, DescribeSockets(snapshot, socket, fds));
    }

    /// <summary>
    /// Unix socket names of the holder's namespace: from the kernel (sock_diag) when it is ours and /proc is real, else
    /// /proc/&lt;pid&gt;/net/unix read line by line (where a name with a newline cannot claim another socket).
    /// </summary>
    private Dictionary<ulong, string> UnixNames(Snapshot snapshot, SocketEntry socket)
    {
        if (socket.Netns == snapshot.OwnNetns && root.IsRealProcfs() && Netlink.UnixSockDiag.TryReadNames() is { } names)
        {
            return names;
        }

        using var file = ProcFile.TryOpen(root.PidFile(socket.Holders[0].Pid, "net/unix"));
        return file is null ? [] : UnixSocketTable.Parse(ProcFile.Lines(file));
    }

    /// <summary>"socket:[N]" -> "tcp 127.0.0.1:8081 LISTEN" from the snapshot, or a unix socket's path.</summary>
    private Dictionary<string, string> DescribeSockets(Snapshot snapshot, SocketEntry socket, Dictionary<int, FdListing> fds)
    {
        var wanted = fds.Values.SelectMany(l => l.Fds).Select(f => f.Target)
            .Where(t => t.StartsWith("socket:[", StringComparison.Ordinal)).ToHashSet();
        var result = new Dictionary<string, string>();
        foreach (var entry in snapshot.Sockets)
        {
            if (entry.Inode != 0 && entry.Host == socket.Host && entry.Netns == socket.Netns && wanted.Contains($"socket:[{entry.Inode}]"))
            {
                result[$"socket:[{entry.Inode}]"] = Describe(entry);
            }
        }

        if (result.Count < wanted.Count)
        {
            DescribeFromHolders(socket, fds, wanted, result);
        }

        if (result.Count < wanted.Count && socket.Holders.Count > 0)
        {
            var unix = UnixNames(snapshot, socket);
            foreach (var (inode, path) in unix)
            {
                string target = $"socket:[{inode}]";
                if (wanted.Contains(target))
                {
                    result.TryAdd(target, path.Length == 0 ? Wording.UnnamedUnixSocket : $"unix {path}");
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The sockets a narrowed snapshot does not carry (a port filter reads only the matching ones): described from each
    /// holder's own network tables (/proc/PID/net/tcp ...), whatever the filter - one read per holder that still has
    /// undescribed socket fds.
    /// </summary>
    private void DescribeFromHolders(SocketEntry socket, Dictionary<int, FdListing> fds, HashSet<string> wanted, Dictionary<string, string> result)
    {
        foreach (var holder in socket.Holders)
        {
            if (!fds.TryGetValue(holder.Pid, out var listing)
                || listing.Fds.All(f => !wanted.Contains(f.Target) || result.ContainsKey(f.Target)))
            {
                continue;
            }

            var tables = NamespaceTables.ReadFiles(socket.Netns, protocol => root.PidFile(holder.Pid, $"net/{protocol}"));
            foreach (var row in tables.Tables.SelectMany(t => t.Rows))
            {
                string target = $"socket:[{row.Inode}]";
                if (row.Inode != 0 && wanted.Contains(target))
                {
                    result.TryAdd(target, Describe(row));
                }
            }
        }
    }

    private static string Describe(NetTableRow r)
    {
        string local = SocketEntry.FormatEndpoint(r.LocalAddress, r.LocalPort);
        return r.RemotePort == 0
            ? $"{r.Protocol.Name()} {local} {r.State}"
            : $"{r.Protocol.Name()} {local} -> {SocketEntry.FormatEndpoint(r.RemoteAddress, r.RemotePort)} {r.State}";
    }

    private static string Describe(SocketEntry s) => s.Role == SocketRole.Listener
        ? $"{s.Protocol.Name()} {s.LocalEndpoint} {s.State}"
        : $"{s.Protocol.Name()} {s.LocalEndpoint} -> {s.RemoteEndpoint} {s.State}";
}
