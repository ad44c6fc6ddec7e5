using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Scanning;

/// <summary>The socket tables of one network namespace, and which of its files had malformed lines.</summary>
public sealed record NamespaceTables(ulong Netns, IReadOnlyList<NetTable> Tables, IReadOnlyList<MalformedTable> Malformed)
{
    /// <summary>
    /// The tables of the tool's own namespace (<paramref name="own"/>, already read: sock_diag or /proc/net) and, for every
    /// other namespace seen in the holder walk, from <c>/proc/&lt;pid&gt;/net</c> of one of its processes (the next one
    /// if that one vanished or shows no tables).
    /// </summary>
    public static List<NamespaceTables> ReadAll(ProcRoot root, NamespaceTables own, ulong ownNetns, HolderMap holders, Filtering.PortFilter? ports = null)
    {
        var result = new List<NamespaceTables> { own };
        result.AddRange(ReadOthers(root, ownNetns, holders, ports));
        return result;
    }

    /// <summary>The tables of every namespace but the own one, in the order <see cref="ReadAll"/> lists them.</summary>
    public static List<NamespaceTables> ReadOthers(ProcRoot root, ulong ownNetns, HolderMap holders, Filtering.PortFilter? ports = null)
    {
        var result = new List<NamespaceTables>();
        var others = holders.NetnsByPid
            .Where(pair => pair.Value != 0 && pair.Value != ownNetns)
            .GroupBy(pair => pair.Value, pair => pair.Key);
        foreach (var group in others.OrderBy(g => g.Key))
        {
            foreach (int pid in group.Order())
            {
                var tables = ReadFiles(group.Key, table => root.PidFile(pid, $"net/{table}")).Narrowed(ports);
                if (tables.Tables.Count > 0) // tables read (even if the filter left no rows)
                {
                    result.Add(tables);
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Only the rows whose local or remote port matches <paramref name="ports"/> (all of them for null).</summary>
    public NamespaceTables Narrowed(Filtering.PortFilter? ports) => ports is null ? this : this with
    {
        Tables = Tables.Select(t => t with { Rows = t.Rows.Where(r => ports.Matches(r.LocalPort) || ports.Matches(r.RemotePort)).ToList() }).ToList(),
        RowsBeforeNarrowing = Tables.Sum(t => t.Rows.Count),
        Listeners = Listeners ?? Tables.Where(t => t.Protocol.IsTcp()).SelectMany(t => t.Rows).Where(r => r.State == SocketStates.Listen).ToList(),
    };

    /// <summary>
    /// Every TCP listener of the namespace, kept when the tables are narrowed to a port filter: a connection's role
    /// (accepted or client) depends on listeners the filter may have left out. Null: the tables hold them all.
    /// </summary>
    public IReadOnlyList<NetTableRow>? Listeners { get; init; }

    /// <summary>The rows that decide roles: the kept listeners, or every row.</summary>
    public IEnumerable<NetTableRow> RoleRows => Listeners ?? Tables.SelectMany(t => t.Rows);

    /// <summary>
    /// The tcp_info of the namespace's TCP connections by inode, when the tables came from sock_diag (null from files:
    /// /proc/net has none). The same object from one reading to the next while no connection moved.
    /// </summary>
    public IReadOnlyDictionary<ulong, TuiPorts.Core.Model.TcpInfo>? TcpInfo { get; init; }

    /// <summary>How many rows the tables had before <see cref="Narrowed"/>; null when the kernel filtered them (unknown).</summary>
    public int? RowsBeforeNarrowing { get; init; }

    /// <summary>Reads the four table files named by <paramref name="pathOf"/>; a missing file is skipped.</summary>
    public static NamespaceTables ReadFiles(ulong netns, Func<string, string> pathOf)
    {
        var tables = new List<NetTable>();
        var malformed = new List<MalformedTable>();
        foreach (var protocol in ProtocolExtensions.All)
        {
            string path = pathOf(protocol.Name());
            using var file = ProcFile.TryOpen(path);
            if (file is null)
            {
                continue; // tcp6/udp6 are absent when IPv6 is disabled: not an error
            }

            var table = NetTableParser.Parse(protocol, ProcFile.Lines(file)); // streamed: 100k sockets are never one string
            tables.Add(table);
            if (table.MalformedLines > 0)
            {
                malformed.Add(new MalformedTable(path, table.MalformedLines));
            }
        }

        return new NamespaceTables(netns, tables, malformed);
    }
}
