using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Snapshots;

/// <summary>The socket tables of one network namespace.</summary>
public sealed record NamespaceTables(ulong Netns, IReadOnlyList<NetTable> Tables, IReadOnlyList<string> Problems)
{
    /// <summary>
    /// Reads the tables of the tool's own namespace from <c>/proc/net</c> and, for every other namespace seen in the
    /// holder walk, from <c>/proc/&lt;pid&gt;/net</c> of one of its processes (the next one if that one vanished).
    /// </summary>
    public static List<NamespaceTables> ReadAll(ProcRoot root, ulong ownNetns, HolderMap holders, bool useSockDiag = false)
    {
        var own = useSockDiag ? ReadWithSockDiag(ownNetns) : null;
        var result = new List<NamespaceTables> { own ?? Read(ownNetns, root.OwnNetFile) };
        var others = holders.NetnsByPid
            .Where(pair => pair.Value != 0 && pair.Value != ownNetns)
            .GroupBy(pair => pair.Value, pair => pair.Key);
        foreach (var group in others.OrderBy(g => g.Key))
        {
            foreach (int pid in group.Order())
            {
                if (!Directory.Exists(root.PidFile(pid, "net")))
                {
                    continue;
                }

                var tables = Read(group.Key, table => root.PidFile(pid, $"net/{table}"));
                if (tables.Tables.Count > 0)
                {
                    result.Add(tables);
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>The own namespace through NETLINK_SOCK_DIAG; null (use /proc/net) if any dump is refused.</summary>
    private static NamespaceTables? ReadWithSockDiag(ulong netns)
    {
        var tables = new List<NetTable>();
        foreach (var protocol in ProtocolExtensions.All)
        {
            if (Netlink.SockDiagReader.TryRead(protocol) is not { } table)
            {
                return null;
            }

            tables.Add(table);
        }

        return new NamespaceTables(netns, tables, []);
    }

    private static NamespaceTables Read(ulong netns, Func<string, string> pathOf)
    {
        var tables = new List<NetTable>();
        var problems = new List<string>();
        foreach (var protocol in ProtocolExtensions.All)
        {
            string path = pathOf(protocol.Name());
            string? content = ProcRoot.TryReadText(path);
            if (content is null)
            {
                continue; // tcp6/udp6 are absent when IPv6 is disabled: not an error
            }

            var table = NetTableParser.Parse(protocol, content);
            tables.Add(table);
            if (table.MalformedLines > 0)
            {
                problems.Add($"{table.MalformedLines} malformed line(s) skipped in {path}");
            }
        }

        return new NamespaceTables(netns, tables, problems);
    }
}
