using System.Globalization;
using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Presentation;

/// <summary>A column of the socket table, in the live view, in <c>--once</c> or in both.</summary>
public enum ColumnId
{
    Mark,
    Host,
    Proto,
    State,
    Role,
    Local,
    Peer,
    RxRate,
    TxRate,
    Rtt,
    Inode,
    User,
    Holders,
    Command,
}

/// <summary>How the live view (<see cref="RowLayout"/>) shows a column.</summary>
/// <param name="Place">Its position, from the left.</param>
/// <param name="Min">The narrowest it is ever drawn.</param>
/// <param name="Max">The widest it grows to (but see <paramref name="TakesRest"/>).</param>
/// <param name="Drop">On a narrow screen the highest goes first; 0 never goes. Above 2 it also goes while the content
/// would not fit at its wanted widths; 1 and 2 only when even the minimum widths do not fit.</param>
/// <param name="Grow">The order in which spare width is handed out, 1 first; 0 stays at its minimum.</param>
/// <param name="Typical">The width it wants, from its kind alone (never from the rows on screen, so widths do not jump
/// as rows come and go); 0 means <paramref name="Max"/>.</param>
/// <param name="TakesRest">Takes whatever width is left at the end.</param>
public sealed record ScreenColumn(int Place, int Min, int Max, int Drop = 0, int Grow = 0, int Typical = 0, bool TakesRest = false)
{
    public int Wanted => Typical > 0 ? Typical : Max;
}

/// <summary>How <c>--once</c> (<see cref="Output.SnapshotTableWriter"/>) prints a column.</summary>
/// <param name="Place">Its position, from the left; the last column keeps some room and is never padded.</param>
/// <param name="Drop">On a narrow terminal the order in which it goes, 1 first; 0 never goes.</param>
/// <param name="NarrowFirst">Before it goes, the <paramref name="Narrows"/> column is cut down to this width.</param>
/// <param name="Narrows">The column cut (with <c>~</c>) to make room instead of dropping it.</param>
/// <param name="Header">Its title, when it differs from the live view's.</param>
/// <param name="Cell">Its text, when it differs from the live view's.</param>
public sealed record PrintedColumn(
    int Place, int Drop = 0, int NarrowFirst = 0, bool Narrows = false, string? Header = null, Func<SocketRow, Snapshot, string>? Cell = null);

/// <summary>A sort key (htop's F6): its name in the status line and its order (null when the sort needs more than two sockets).</summary>
public sealed record SortKey(SortColumn Column, string Label, Comparison<SocketEntry>? Compare);

/// <summary>One column: its id, title, text, where each view shows it and the sort keys that belong to it.</summary>
public sealed record ColumnSpec(ColumnId Id, string Header, Func<SocketRow, Snapshot, string> Cell)
{
    public ScreenColumn? Screen { get; init; }

    public PrintedColumn? Printed { get; init; }

    public IReadOnlyList<SortKey> SortKeys { get; init; } = [];

    /// <summary>Shown only when the rows come from several hosts (<c>--ssh</c>).</summary>
    public bool HostsOnly { get; init; }

    /// <summary>Shown in the live view only when the snapshot has tcp_info (sock_diag).</summary>
    public bool NeedsTraffic { get; init; }

    public string PrintedHeader => Printed?.Header ?? Header;

    public string PrintedCell(SocketRow row, Snapshot snapshot) => (Printed?.Cell ?? Cell)(row, snapshot);
}

/// <summary>
/// The one table of the socket table's columns, read by the live view (<see cref="RowLayout"/>), <c>--once</c>
/// (<see cref="Output.SnapshotTableWriter"/>) and <see cref="SortOrder"/>: a new column is one entry here (and, when it
/// is new data, the JSON writer and reader).
/// </summary>
public static class Columns
{
    public static IReadOnlyList<ColumnSpec> All { get; } =
    [
        new(ColumnId.Mark, string.Empty, (row, _) => row.Mark switch { RowMark.New => "+", RowMark.Gone => "-", _ => " " })
        {
            Screen = new(Place: 1, Min: 1, Max: 1),
        },
        new(ColumnId.Host, "HOST", (row, _) => row.Socket.Host is { } host ? TerminalText.Sanitize(host) : "-")
        {
            Screen = new(Place: 2, Min: 4, Max: 16, Grow: 1), // as wide as the longest host name: see RowLayout
            Printed = new(Place: 1),
            SortKeys = [new(SortColumn.Host, "host", (x, y) => TuiPorts.Core.Model.HostNames.Compare(x.Host, y.Host))], // naturally: h2 before h10
            HostsOnly = true,
        },
        new(ColumnId.Proto, "Proto", (row, snapshot) => TableCells.Proto(row.Socket, snapshot))
        {
            Screen = new(Place: 3, Min: 5, Max: 5),
            Printed = new(Place: 2),
            SortKeys = [new(SortColumn.Proto, "proto", (x, y) => ((int)x.Protocol).CompareTo((int)y.Protocol))],
        },
        new(ColumnId.State, "State", (row, _) => row.Mark == RowMark.Gone ? "GONE" : TerminalText.Sanitize(row.Socket.State))
        {
            Screen = new(Place: 6, Min: 11, Max: 12, Drop: 1, Grow: 4),
            Printed = new(Place: 3, Drop: 5, NarrowFirst: 16),
            SortKeys = [new(SortColumn.State, "state", (x, y) => string.CompareOrdinal(x.State, y.State))],
        },
        new(ColumnId.Role, "Role", (row, _) => row.Socket.Role.Name())
        {
            Printed = new(Place: 4, Drop: 2),
        },
        new(ColumnId.Local, "Local Address:Port", (row, _) => row.Socket.LocalEndpoint)
        {
            Screen = new(Place: 4, Min: 10, Max: 46, Grow: 2, Typical: 21), // 255.255.255.255:65535
            Printed = new(Place: 5),
            SortKeys = [new(SortColumn.LocalPort, "local port", (x, y) => x.LocalPort.CompareTo(y.LocalPort))],
        },
        new(ColumnId.Peer, "Peer Address:Port", (row, _) => row.Socket.RemoteEndpoint)
        {
            Screen = new(Place: 5, Min: 10, Max: 46, Drop: 2, Grow: 5, Typical: 21),
            Printed = new(Place: 6, Drop: 3),
            SortKeys = [new(SortColumn.RemotePort, "remote port", (x, y) => x.RemotePort.CompareTo(y.RemotePort))],
        },
        new(ColumnId.RxRate, "Rx/s", (row, snapshot) => TableCells.Traffic(row.Socket, snapshot, _ => Formats.Rate(snapshot.RateOf(row.Socket).RxBytesPerSecond)))
        {
            Screen = new(Place: 7, Min: 5, Max: 6, Drop: 6, Grow: 6),
            SortKeys = [new(SortColumn.Traffic, "traffic", null)], // needs each socket's rates: SortOrder.SortRows
            NeedsTraffic = true,
        },
        new(ColumnId.TxRate, "Tx/s", (row, snapshot) => TableCells.Traffic(row.Socket, snapshot, _ => Formats.Rate(snapshot.RateOf(row.Socket).TxBytesPerSecond)))
        {
            Screen = new(Place: 8, Min: 5, Max: 6, Drop: 6, Grow: 7),
            NeedsTraffic = true,
        },
        new(ColumnId.Rtt, "RTT", (row, snapshot) => row.Socket.IsListening ? string.Empty : TableCells.Traffic(row.Socket, snapshot, info => Formats.Rtt(info.RttUs))) // a listener has no round trip
        {
            Screen = new(Place: 9, Min: 5, Max: 6, Drop: 5, Grow: 8),
            NeedsTraffic = true,
        },
        new(ColumnId.Inode, "Inode", (row, _) => row.Socket.Inode.ToString(CultureInfo.InvariantCulture))
        {
            Screen = new(Place: 10, Min: 8, Max: 10, Drop: 4, Grow: 9),
            Printed = new(Place: 7, Drop: 1),
            SortKeys = [new(SortColumn.Inode, "inode", (x, y) => x.Inode.CompareTo(y.Inode))],
        },
        new(ColumnId.User, "User", (row, _) => row.Socket.Holders.Count > 0 ? TerminalText.Sanitize(HolderTree.Lead(row.Socket).User) : "-")
        {
            Screen = new(Place: 12, Min: 8, Max: 12, Drop: 3, Grow: 10),
            Printed = new(Place: 8, Drop: 4, NarrowFirst: 24, Cell: (row, _) => TableCells.Users(row.Socket)), // every holder's user
            SortKeys = [new(SortColumn.User, "user", (x, y) => string.Compare(TableCells.LeadUser(x), TableCells.LeadUser(y), StringComparison.OrdinalIgnoreCase))],
        },
        new(ColumnId.Holders, "Holders (pid/name)", (row, _) => TableCells.Holders(row.Socket))
        {
            Screen = new(Place: 11, Min: 10, Max: 60, Grow: 3, Typical: 24, TakesRest: true), // grows before the peer: who holds it matters more
            Printed = new(Place: 9, Narrows: true, Header: "Holders (pid/name fd)", Cell: (row, snapshot) => TableCells.HoldersWithFds(row.Socket, snapshot.Stats.AsRoot)),
            SortKeys =
            [
                new(SortColumn.Pid, "pid", (x, y) => TableCells.LeadPid(x).CompareTo(TableCells.LeadPid(y))),
                new(SortColumn.Name, "process", (x, y) => string.Compare(TableCells.LeadName(x), TableCells.LeadName(y), StringComparison.OrdinalIgnoreCase)),
            ],
        },
        new(ColumnId.Command, "Command", (row, _) => row.Socket.Holders.Count > 0 ? TerminalText.Sanitize(HolderTree.Lead(row.Socket).DisplayCommand) : "-")
        {
            Printed = new(Place: 10),
        },
    ];

    /// <summary>The live view's columns, left to right.</summary>
    public static IReadOnlyList<ColumnSpec> OnScreen { get; } = [.. All.Where(c => c.Screen is not null).OrderBy(c => c.Screen!.Place)];

    /// <summary><c>--once</c>'s columns, left to right.</summary>
    public static IReadOnlyList<ColumnSpec> Printed { get; } = [.. All.Where(c => c.Printed is not null).OrderBy(c => c.Printed!.Place)];

    /// <summary>Every sort key with its column, indexed by <see cref="SortColumn"/> (a sort looks its key up per comparison).</summary>
    private static readonly (SortKey Key, ColumnSpec Column)[] Keys =
        [.. All.SelectMany(c => c.SortKeys.Select(k => (k, c))).OrderBy(e => e.k.Column)];

    /// <summary>The sort key <paramref name="column"/> names.</summary>
    public static SortKey KeyOf(SortColumn column) => Keys[(int)column].Key;

    /// <summary>The column a sort key belongs to (the one whose title carries the sort's arrow).</summary>
    public static ColumnId ColumnOf(SortColumn column) => Keys[(int)column].Column.Id;
}
