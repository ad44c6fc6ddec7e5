using System.Globalization;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// Lays the table's columns out for a screen width: at 80 columns the inode and user columns go first (the detail pane
/// shows them), then the peer column; the rest share what is left. When the rows come from several hosts
/// (<c>--ssh</c>) a HOST column comes first. Pure text, so it is tested without a terminal.
/// </summary>
public sealed class RowLayout
{
    private enum Column
    {
        Mark,
        Host,
        Proto,
        Local,
        Remote,
        State,
        RxRate,
        TxRate,
        Rtt,
        Inode,
        Holders,
        User,
    }

    private sealed record Spec(Column Column, string Header, int Min, int Max, int DropOrder);

    // DropOrder: higher drops first when the screen is narrow; 0 never drops.
    private static readonly Spec[] Specs =
    [
        new(Column.Mark, string.Empty, 1, 1, 0),
        new(Column.Host, "HOST", 4, 16, 0),
        new(Column.Proto, "Proto", 5, 5, 0),
        new(Column.Local, "Local Address:Port", 10, 46, 0),
        new(Column.Remote, "Peer Address:Port", 10, 46, 2),
        new(Column.State, "State", 11, 12, 1),
        new(Column.RxRate, "Rx/s", 5, 6, 6),
        new(Column.TxRate, "Tx/s", 5, 6, 6),
        new(Column.Rtt, "RTT", 5, 6, 5),
        new(Column.Inode, "Inode", 8, 10, 4),
        new(Column.Holders, "Holders (pid/name)", 10, 60, 0),
        new(Column.User, "User", 8, 12, 3),
    ];

    private readonly (Spec Spec, int Width)[] _columns;

    private RowLayout((Spec, int)[] columns, int width)
    {
        _columns = columns;
        Width = width;
    }

    public int Width { get; }

    /// <summary>Chooses columns and widths for <paramref name="width"/> given the rows that will be shown.</summary>
    public static RowLayout For(int width, IReadOnlyList<SocketRow> rows, Snapshot snapshot)
    {
        width = Math.Max(width, 1);
        var wanted = Specs.ToDictionary(s => s.Column, s => Math.Clamp(s.Column == Column.Host ? HostWidth(rows) : Typical(s), s.Min, s.Max));
        bool hosts = snapshot.HostNamespaces.Count > 0 || rows.Any(r => r.Socket.Host is not null);
        var visible = Specs.Where(s => (hosts || s.Column != Column.Host) && (snapshot.Traffic.Available || !IsTraffic(s.Column))).ToList();

        // Drop the least needed columns while the content would not fit; the detail pane still shows what they held.
        while (visible.Sum(s => wanted[s.Column]) + visible.Count - 1 > width && visible.Any(s => s.DropOrder > 2))
        {
            visible.Remove(visible.OrderByDescending(s => s.DropOrder).First());
        }

        while (visible.Sum(s => s.Min) + visible.Count - 1 > width && visible.Any(s => s.DropOrder > 0))
        {
            visible.Remove(visible.OrderByDescending(s => s.DropOrder).First());
        }

        var widths = visible.ToDictionary(s => s.Column, s => s.Min);
        int spare = width - (visible.Sum(s => s.Min) + visible.Count - 1);
        // Who holds the socket matters more than its peer: holders grow before the peer column does.
        foreach (var column in new[] { Column.Host, Column.Local, Column.Holders, Column.State, Column.Remote, Column.RxRate, Column.TxRate, Column.Rtt, Column.Inode, Column.User })
        {
            if (spare > 0 && widths.TryGetValue(column, out int current))
            {
                int grow = Math.Min(spare, wanted[column] - current);
                widths[column] = current + grow;
                spare -= grow;
            }
        }

        if (spare > 0)
        {
            widths[Column.Holders] += spare; // the last column takes the rest
        }

        return new RowLayout(visible.Select(s => (s, widths[s.Column])).ToArray(), width);
    }

    /// <summary>The column titles; the sort column carries its direction (<c>Local Address:Port▲</c>).</summary>
    public string Header(SortOrder? sort = null, Glyphs? glyphs = null)
    {
        var sorted = sort is null ? (Column?)null : SortedColumn(sort.Column);
        string arrow = sort is null ? string.Empty : sort.Descending ? (glyphs ?? Glyphs.Utf8).Descending : (glyphs ?? Glyphs.Utf8).Ascending;
        return Join(_columns.Select(c => c.Spec.Column == sorted
            ? (c.Spec.Header.Length + arrow.Length <= c.Width ? c.Spec.Header : c.Spec.Header[..Math.Max(0, c.Width - arrow.Length)]) + arrow
            : c.Spec.Header));
    }

    private static Column? SortedColumn(SortColumn column) => column switch
    {
        SortColumn.Proto => Column.Proto,
        SortColumn.LocalPort => Column.Local,
        SortColumn.RemotePort => Column.Remote,
        SortColumn.State => Column.State,
        SortColumn.Inode => Column.Inode,
        SortColumn.Pid or SortColumn.Name => Column.Holders,
        SortColumn.User => Column.User,
        SortColumn.Host => Column.Host,
        SortColumn.Traffic => Column.RxRate,
        _ => null,
    };

    /// <summary>The traffic columns: shown only when the snapshot has tcp_info (sock_diag), and dropped first when narrow.</summary>
    private static bool IsTraffic(Column column) => column is Column.RxRate or Column.TxRate or Column.Rtt;

    public string Format(SocketRow row, Snapshot snapshot) =>
        Join(_columns.Select(c => Cell(c.Spec.Column, row, snapshot)));

    /// <summary>The holders cell: <c>1234/nginx</c>, <c>1234/nginx +2</c>, <c>hidden</c> or <c>-</c>.</summary>
    public static string HoldersText(SocketEntry socket)
    {
        if (socket.HoldersHidden)
        {
            return Wording.HiddenCell;
        }

        if (socket.Holders.Count == 0)
        {
            return "-";
        }

        var first = Killing.HolderTree.Lead(socket);
        string more = socket.Holders.Count > 1 ? $" +{socket.Holders.Count - 1}" : string.Empty;
        return $"{first.Pid}/{TerminalText.Sanitize(first.Name)}{more}";
    }

    private static string Cell(Column column, SocketRow row, Snapshot snapshot)
    {
        var s = row.Socket;
        return column switch
        {
            Column.Mark => row.Mark switch { RowMark.New => "+", RowMark.Gone => "-", _ => " " },
            Column.Host => TerminalText.Sanitize(s.Host),
            Column.Proto => s.Protocol.Name() + (snapshot.InOtherNetns(s) ? "*" : string.Empty),
            Column.Local => s.LocalEndpoint,
            Column.Remote => s.RemoteEndpoint,
            Column.State => row.Mark == RowMark.Gone ? "GONE" : TerminalText.Sanitize(s.State),
            Column.RxRate => TrafficCell(s, snapshot, info => Formats.Rate(snapshot.RateOf(s).RxBytesPerSecond)),
            Column.TxRate => TrafficCell(s, snapshot, info => Formats.Rate(snapshot.RateOf(s).TxBytesPerSecond)),
            Column.Rtt => s.IsListening ? string.Empty : TrafficCell(s, snapshot, info => Formats.Rtt(info.RttUs)), // a listener has no round trip
            Column.Inode => s.Inode.ToString(CultureInfo.InvariantCulture),
            Column.Holders => HoldersText(s),
            Column.User => s.Holders.Count > 0 ? TerminalText.Sanitize(Killing.HolderTree.Lead(s).User) : "-",
            _ => string.Empty,
        };
    }

    private static string TrafficCell(SocketEntry socket, Snapshot snapshot, Func<Netlink.TcpInfo, string> text) =>
        snapshot.TcpInfoOf(socket) is { } info ? text(info) : string.Empty;

    /// <summary>
    /// How wide a column wants to be, from its kind alone - never from the rows on screen, so widths do not jump as
    /// rows come and go: an IPv4 address with its port, a pid/name with a holder count, a user name.
    /// </summary>
    private static int Typical(Spec spec) => spec.Column switch
    {
        Column.Local or Column.Remote => 21, // 255.255.255.255:65535
        Column.Holders => 24,
        _ => spec.Max,
    };

    /// <summary>The host column fits the longest host name: the hosts are given on the command line, they do not come and go.</summary>
    private static int HostWidth(IReadOnlyList<SocketRow> rows) =>
        Math.Max(4, rows.Take(300).Select(r => r.Socket.Host?.Length ?? 0).DefaultIfEmpty(0).Max());

    private string Join(IEnumerable<string> cells)
    {
        var line = new System.Text.StringBuilder(Width);
        int i = 0;
        foreach (string cell in cells)
        {
            int width = _columns[i].Width;
            line.Append(Fit(cell, width));
            if (++i < _columns.Length)
            {
                line.Append(' ');
            }
        }

        return Fit(line.ToString(), Width);
    }

    private static string Fit(string text, int width) => Formats.Cut(text, width).PadRight(width);
}
