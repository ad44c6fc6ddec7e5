using TuiPorts.Core.Netlink;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// The own namespace's tables through sock_diag, filtered by the kernel when a port filter is given (as ss does); if
/// the kernel refuses any dump, all four come from files.
/// </summary>
/// <remarks>
/// TCP is read in one walk of the kernel's tables for both families (<see cref="SockDiagReader.TryReadTcpBoth"/>):
/// that walk is most of a quiet refresh, and ss pays it once per family. A kernel that refuses the combined request is
/// asked per family from then on.
/// </remarks>
/// <param name="root">
/// Where <c>net/sockstat</c> says about how many TCP sockets there are, read once: the dump buffers are sized for
/// them before the first dump instead of doubling through it. Null: they grow as the records come.
/// </param>
public sealed class SockDiagTableSource(ISocketTableSource fallback, ProcRoot? root = null) : ISocketTableSource
{
    private readonly KeptDump _tcpBoth = new();
    private readonly KeptDump _tcp = new();
    private readonly KeptDump _tcp6 = new();
    private readonly KeptDump _udp = new();
    private readonly KeptDump _udp6 = new();

    /// <summary>The TCP dumps' tcp_info, handed back unchanged (the same object) while no connection moves.</summary>
    private readonly TcpInfoCollector _tcpInfo = new();

    /// <summary>False once the kernel refused the combined TCP request.</summary>
    private bool _tcpInOneWalk = true;

    /// <summary>The TCP records the machine had when first asked (<c>net/sockstat</c>), with some room; null until then.</summary>
    private int? _expectedTcp;

    /// <summary>Sizes an unfiltered TCP dump's buffers for the expected records (and tcp_info slots) before it is read.</summary>
    private void Reserve(RecordBuffer records, RecordBuffer slots)
    {
        _expectedTcp ??= root is null ? 0 : SockStat.Tcp(root) is { } tcp ? tcp + (tcp / 8) + 64 : 0;
        records.Reserve(_expectedTcp.Value * SockDiagReader.RecordSize);
        slots.Reserve(_expectedTcp.Value * TcpInfoSlot.Size);
    }

    public NamespaceTables ReadOwn(ulong netns, Filtering.PortFilter? ports = null)
    {
        var bytecode = ports is null ? null : PortBytecode.For(ports.Ranges);
        string? filter = bytecode is null ? null : ports!.Text;
        var tables = new List<NetTable>(4);
        var tcpDumps = new List<(Protocol, RecordBuffer, bool)>(2);
        if (!ReadTcp(bytecode, filter, tables, tcpDumps) || !ReadUdp(Protocol.Udp, _udp, bytecode, filter, tables)
            || !ReadUdp(Protocol.Udp6, _udp6, bytecode, filter, tables))
        {
            foreach (var dump in new[] { _tcpBoth, _tcp, _tcp6, _udp, _udp6 })
            {
                dump.Forget();
            }

            _tcpInfo.Reset();
            return fallback.ReadOwn(netns, ports);
        }

        var result = new NamespaceTables(netns, tables, []) { TcpInfo = _tcpInfo.Collect(tcpDumps) };
        if (bytecode is null)
        {
            return result.Narrowed(ports); // too many ranges for the kernel (or none given): filter here
        }

        // the roles of the matched connections depend on every listener: one more, small, dump of listeners only
        return result with { Listeners = Listeners() };
    }

    private bool ReadTcp(byte[]? bytecode, string? filter, List<NetTable> tables, List<(Protocol, RecordBuffer, bool)> tcpDumps)
    {
        if (_tcpInOneWalk)
        {
            var slots = _tcpInfo.BufferFor(Protocol.Tcp);
            if (bytecode is null)
            {
                Reserve(_tcpBoth.Next, slots);
            }

            if (SockDiagReader.TryReadTcpBoth(_tcpBoth.Next, bytecode, tcpInfo: slots))
            {
                tables.AddRange(_tcpBoth.Accept(filter, records =>
                {
                    var (tcp, tcp6) = SockDiagReader.DecodeTcpBoth(records);
                    return [tcp, tcp6];
                }));
                tcpDumps.Add((Protocol.Tcp, _tcpBoth.Records, _tcpBoth.Unchanged));
                return true;
            }

            _tcpInOneWalk = false; // this kernel has no compatibility path: a walk per family from now on
            _tcpInfo.Reset();
        }

        foreach (var (protocol, dump) in new[] { (Protocol.Tcp, _tcp), (Protocol.Tcp6, _tcp6) })
        {
            var slots = _tcpInfo.BufferFor(protocol);
            if (!SockDiagReader.TryReadRecords(protocol, dump.Next, bytecode, tcpInfo: slots))
            {
                return false;
            }

            tables.AddRange(dump.Accept(filter, records => [SockDiagReader.DecodeRecords(protocol, records)]));
            tcpDumps.Add((protocol, dump.Records, dump.Unchanged));
        }

        return true;
    }

    private static bool ReadUdp(Protocol protocol, KeptDump dump, byte[]? bytecode, string? filter, List<NetTable> tables)
    {
        if (!SockDiagReader.TryReadRecords(protocol, dump.Next, bytecode))
        {
            return false;
        }

        tables.AddRange(dump.Accept(filter, records => [SockDiagReader.DecodeRecords(protocol, records)]));
        return true;
    }

    /// <summary>Every TCP listener of both families (a dump of LISTEN only skips the established hash: cheap).</summary>
    private List<NetTableRow> Listeners()
    {
        var records = new RecordBuffer();
        if (_tcpInOneWalk && SockDiagReader.TryReadTcpBoth(records, null, SockDiagReader.ListenOnly))
        {
            var (tcp, tcp6) = SockDiagReader.DecodeTcpBoth(records.Span);
            return [.. tcp.Rows, .. tcp6.Rows];
        }

        var listeners = new List<NetTableRow>();
        foreach (var protocol in new[] { Protocol.Tcp, Protocol.Tcp6 })
        {
            listeners.AddRange(SockDiagReader.TryRead(protocol, null, SockDiagReader.ListenOnly)?.Rows ?? []);
        }

        return listeners;
    }
}
