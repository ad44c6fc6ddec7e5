namespace TuiPorts.Core.Scanning;

/// <summary>
/// The last join's entries by socket, so that a socket whose row and holders have not changed is handed on as the
/// very same <see cref="SocketEntry"/>: under churn most of a changed snapshot is unchanged sockets, and the views'
/// comparisons of them then stop at the reference. One instance per engine; used on the scan thread only.
/// </summary>
internal sealed class KeptEntries
{
    private Dictionary<SocketKey, SocketEntry> _last = [];
    private Dictionary<SocketKey, SocketEntry> _next = [];

    /// <summary>The entry the last join made for <paramref name="key"/>, if it made one.</summary>
    public SocketEntry? Previous(SocketKey key) => _last.GetValueOrDefault(key);

    /// <summary>Remembers <paramref name="entry"/> for the next join.</summary>
    public void Keep(SocketKey key, SocketEntry entry) => _next[key] = entry;

    /// <summary>The join is over: what it kept is what the next one compares with; the sockets it did not see are dropped.</summary>
    public void EndJoin()
    {
        (_last, _next) = (_next, _last);
        _next.Clear();
    }

    /// <summary>The key <see cref="SocketEntry.Key"/> gives the entry this row makes (no host: this machine's engine).</summary>
    public static SocketKey KeyOf(NetTableRow row, ulong netns) => row.Inode != 0
        ? SocketKey.ForInode(netns, row.Protocol, row.Inode)
        : new SocketKey(netns, row.Protocol, 0, row.LocalAddress, row.LocalPort, row.RemoteAddress, row.RemotePort, row.State);

    /// <summary>True when <paramref name="entry"/> says what a new entry from these facts would say.</summary>
    public static bool Says(SocketEntry entry, NetTableRow row, SocketRole role, bool hidden, EquatableArray<SocketHolder> holders) =>
        entry.Role == role && entry.HoldersHidden == hidden && entry.Holders.Equals(holders)
        && entry.LocalPort == row.LocalPort && entry.RemotePort == row.RemotePort
        && entry.TxQueue == row.TxQueue && entry.RxQueue == row.RxQueue && entry.Uid == row.Uid
        && string.Equals(entry.State, row.State, StringComparison.Ordinal)
        && entry.LocalAddress.Equals(row.LocalAddress) && entry.RemoteAddress.Equals(row.RemoteAddress);
}
