using TuiPorts.Core.Netlink;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Snapshots;

/// <summary>
/// Where the socket tables of tuiports' own network namespace come from: NETLINK_SOCK_DIAG on a real procfs, the
/// /proc/net files everywhere else (a copy, a fixture) and as the fallback. Other namespaces are always read as files.
/// </summary>
public interface ISocketTableSource
{
    /// <param name="ports">Only sockets whose local or remote port matches (a superset is fine: the query decides).</param>
    NamespaceTables ReadOwn(ulong netns, Filtering.PortFilter? ports = null);
}

public static class SocketTableSource
{
    /// <summary>sock_diag (falling back to files) when <paramref name="root"/> is the kernel's procfs, else its files.</summary>
    public static ISocketTableSource For(ProcRoot root) =>
        root.IsRealProcfs() ? new SockDiagTableSource(new ProcNetTableSource(root)) : new ProcNetTableSource(root);
}

/// <summary>The own namespace's tables as files: <c>&lt;root&gt;/net/{tcp,tcp6,udp,udp6}</c>.</summary>
public sealed class ProcNetTableSource(ProcRoot root) : ISocketTableSource
{
    public NamespaceTables ReadOwn(ulong netns, Filtering.PortFilter? ports = null) =>
        NamespaceTables.ReadFiles(netns, root.OwnNetFile).Narrowed(ports);
}

/// <summary>
/// The own namespace's tables through sock_diag, filtered by the kernel when a port filter is given (as ss does); if
/// the kernel refuses any dump, all four come from files.
/// </summary>
public sealed class SockDiagTableSource(ISocketTableSource fallback) : ISocketTableSource
{
    /// <summary>Each table's last dump (records and decoded rows), to hand back the same table when nothing changed.</summary>
    private readonly Dictionary<Protocol, (string? Filter, RecordBuffer Records, ProcFs.NetTable Table)> _last = [];

    /// <summary>Per table, the buffer the next dump is read into (swapped with the last one when the dump differs).</summary>
    private readonly Dictionary<Protocol, RecordBuffer> _spare = [];

    /// <summary>The TCP dumps' tcp_info, handed back unchanged (the same object) while no connection moves.</summary>
    private readonly TcpInfoCollector _tcpInfo = new();

    public NamespaceTables ReadOwn(ulong netns, Filtering.PortFilter? ports = null)
    {
        var bytecode = ports is null ? null : PortBytecode.For(ports.Ranges);
        string? filter = bytecode is null ? null : ports!.Text;
        var tables = new List<ProcFs.NetTable>();
        var tcpDumps = new List<(Protocol, RecordBuffer, bool)>(2);
        foreach (var protocol in ProtocolExtensions.All)
        {
            if (!_spare.TryGetValue(protocol, out var records))
            {
                records = new RecordBuffer();
                _spare[protocol] = records;
            }

            var slots = protocol.IsTcp() ? _tcpInfo.BufferFor(protocol) : null;
            if (!SockDiagReader.TryReadRecords(protocol, records, bytecode, tcpInfo: slots))
            {
                _last.Clear();
                _tcpInfo.Reset();
                return fallback.ReadOwn(netns, ports);
            }

            var previous = _last.TryGetValue(protocol, out var last) ? last.Table : null;
            var table = Decoded(protocol, filter, records);
            tables.Add(table);
            if (slots is not null)
            {
                tcpDumps.Add((protocol, records, ReferenceEquals(table, previous)));
            }
        }

        var result = new NamespaceTables(netns, tables, []) { TcpInfo = _tcpInfo.Collect(tcpDumps) };
        if (bytecode is null)
        {
            return result.Narrowed(ports); // too many ranges for the kernel (or none given): filter here
        }

        // the roles of the matched connections depend on every listener: one more, small, dump of listeners only
        var listeners = new List<ProcFs.NetTableRow>();
        foreach (var protocol in new[] { Protocol.Tcp, Protocol.Tcp6 })
        {
            listeners.AddRange(SockDiagReader.TryRead(protocol, null, SockDiagReader.ListenOnly)?.Rows ?? []);
        }

        return result with { Listeners = listeners };
    }

    /// <summary>The same table object as last time when the records are byte for byte the same (a quiet machine).</summary>
    private ProcFs.NetTable Decoded(Protocol protocol, string? filter, RecordBuffer records)
    {
        if (_last.TryGetValue(protocol, out var last) && last.Filter == filter && last.Records.Span.SequenceEqual(records.Span))
        {
            return last.Table;
        }

        var table = SockDiagReader.DecodeRecords(protocol, records.Span);
        _spare[protocol] = last.Records ?? new RecordBuffer(); // the old buffer takes the next dump
        _last[protocol] = (filter, records, table);
        return table;
    }
}
