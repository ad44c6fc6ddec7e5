namespace TuiPorts.Core.Model;

/// <summary>Counts from one scan: what was looked at and what could not be seen.</summary>
public sealed record ScanStats(
    int Processes,
    int FdsRead,
    int SocketFds,
    int ProcessesDenied,
    int ProcessesVanished,
    int Namespaces,
    int MalformedLines,
    bool AsRoot = false);

/// <summary>The network namespace tuiports itself runs in on one host of a merged view.</summary>
public readonly record struct HostNamespace(string Host, ulong Netns);

/// <summary>
/// One immutable picture of every socket and its holders, with the facts of what could not be read (hidden holders
/// are marked on their sockets; malformed table lines are counted per file); <see cref="Presentation.Wording"/> words
/// them. Two snapshots with the same sockets and problems are
/// <see cref="HasSameContentAs">the same content</see> even when taken at different times.
/// </summary>
public sealed record Snapshot(
    DateTimeOffset TakenAt,
    ulong OwnNetns,
    EquatableArray<SocketEntry> Sockets,
    EquatableArray<MalformedTable> Malformed,
    ScanStats Stats)
{
    public static Snapshot Empty { get; } = new(
        DateTimeOffset.UnixEpoch, 0, EquatableArray<SocketEntry>.Empty, EquatableArray<MalformedTable>.Empty, new ScanStats(0, 0, 0, 0, 0, 0, 0));

    public int HiddenHolderSockets => Sockets.Count(s => s.HoldersHidden);

    /// <summary>In a view of several hosts: each host's own network namespace (empty for this machine alone).</summary>
    public EquatableArray<HostNamespace> HostNamespaces { get; init; } = EquatableArray<HostNamespace>.Empty;

    /// <summary>True when the socket lives in another network namespace than tuiports on its host (a container's).</summary>
    public bool InOtherNetns(SocketEntry socket)
    {
        ulong own = OwnNetns;
        if (socket.Host is { } host)
        {
            foreach (var entry in HostNamespaces)
            {
                if (entry.Host == host)
                {
                    own = entry.Netns;
                    break;
                }
            }
        }

        return own != 0 && socket.Netns != own;
    }

    /// <summary>
    /// The port filter the scan was narrowed to (the kernel filtered the dump), or null when it holds every socket.
    /// Sockets outside the scope are not "gone": they were not asked for.
    /// </summary>
    public string? Scope { get; init; }

    /// <summary>Every socket of the machine (from /proc/net/sockstat) when the scan was narrowed; else the count held.</summary>
    public int TotalSockets { get => _total ?? Sockets.Count; init => _total = value; }

    private readonly int? _total;

    /// <summary>The own namespace's connections' tcp_info and rates (<see cref="ConnectionTraffic.Unavailable"/> from /proc/net).</summary>
    public ConnectionTraffic Traffic { get; init; } = ConnectionTraffic.Unavailable;

    /// <summary>The socket's tcp_info, when it is a TCP connection of this machine's own namespace read through sock_diag.</summary>
    public TuiPorts.Core.Model.TcpInfo? TcpInfoOf(SocketEntry socket) => IsOwnLocal(socket) ? Traffic.InfoOf(socket.Inode) : null;

    /// <summary>The socket's bytes per second in and out since the previous scan (zero when quiet or unknown).</summary>
    public ConnectionRate RateOf(SocketEntry socket) => IsOwnLocal(socket) ? Traffic.RateOf(socket.Inode) : default;

    private bool IsOwnLocal(SocketEntry socket) => socket.Host is null && socket.Netns == OwnNetns && socket.Inode != 0;

    /// <summary>
    /// The other end of a connection when it is on this host too: the socket in the same network namespace (and host)
    /// whose 4-tuple is this one's reversed. Null for listeners, unconnected sockets and remote peers.
    /// </summary>
    public SocketEntry? PeerOf(SocketEntry socket) => PeerIndex.IsConnected(socket) ? PeerIndex.Of(this).PeerOf(socket) : null; // a listener needs no index of 10k ends

    public bool HasSameContentAs(Snapshot other) => ReferenceEquals(this, other) ||
        OwnNetns == other.OwnNetns && Scope == other.Scope && Sockets.Equals(other.Sockets) && Malformed.Equals(other.Malformed)
        && Traffic.SameAs(other.Traffic);
}
