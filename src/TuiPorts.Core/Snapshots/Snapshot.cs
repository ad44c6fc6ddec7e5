namespace TuiPorts.Core.Snapshots;

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

    public bool HasSameContentAs(Snapshot other) =>
        OwnNetns == other.OwnNetns && Sockets.Equals(other.Sockets) && Malformed.Equals(other.Malformed);
}
