namespace TuiPorts.Core.Scanning;

/// <summary>
/// The last join's entries by socket, so that a socket whose row and holders have not changed is handed on as the
/// very same <see cref="SocketEntry"/>: under churn most of a changed snapshot is unchanged sockets, and the views'
/// comparisons of them then stop at the reference. Sockets with an inode only (a TIME_WAIT row has none and is new
/// each time), known by (namespace, protocol, inode) as <see cref="SocketEntry.Key"/> knows them. One instance per
/// engine, used on the scan thread only.
/// </summary>
internal sealed class KeptEntries
{
    private Dictionary<(ulong Netns, Protocol Protocol, ulong Inode), SocketEntry> _last = [];
    private Dictionary<(ulong Netns, Protocol Protocol, ulong Inode), SocketEntry> _next = [];

    /// <summary>The entry the last join made of the socket this row lists, if it made one.</summary>
    public SocketEntry? Previous(NetTableRow row, ulong netns) =>
        row.Inode != 0 ? _last.GetValueOrDefault((netns, row.Protocol, row.Inode)) : null;

    /// <summary>Remembers <paramref name="entry"/> for the next join.</summary>
    public void Keep(SocketEntry entry)
    {
        if (entry.Inode != 0)
        {
            _next[(entry.Netns, entry.Protocol, entry.Inode)] = entry;
        }
    }

    /// <summary>The join is over: what it kept is what the next one compares with; the sockets it did not see are dropped.</summary>
    public void EndJoin()
    {
        (_last, _next) = (_next, _last);
        _next.Clear();
    }

    /// <summary>True when <paramref name="entry"/> says what a new entry from these facts would say.</summary>
    public static bool Says(SocketEntry entry, NetTableRow row, SocketRole role, bool hidden, EquatableArray<SocketHolder> holders) =>
        entry.Role == role && entry.HoldersHidden == hidden && entry.Holders.Equals(holders)
        && entry.LocalPort == row.LocalPort && entry.RemotePort == row.RemotePort
        && entry.TxQueue == row.TxQueue && entry.RxQueue == row.RxQueue && entry.Uid == row.Uid
        && string.Equals(entry.State, row.State, StringComparison.Ordinal)
        && entry.LocalAddress.Equals(row.LocalAddress) && entry.RemoteAddress.Equals(row.RemoteAddress);
}
