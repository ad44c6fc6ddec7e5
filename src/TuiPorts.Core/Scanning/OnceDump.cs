using TuiPorts.Core.Netlink;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// The own namespace's tables through sock_diag for a one-shot, decoded record by record into <see cref="OnceSockets"/>
/// as they arrive (no dump is kept): the same requests, port program, narrowing and listeners as
/// <see cref="SockDiagTableSource"/> asks for, TCP in one walk for both families where the kernel allows it.
/// </summary>
internal static class OnceDump
{
    /// <summary>False when the kernel refused a dump: the rows added are then to be dropped, and the files read.</summary>
    public static bool TryRead(OnceSockets into, ulong netns, Filtering.PortFilter? ports)
    {
        var bytecode = ports is null ? null : PortBytecode.For(ports.Ranges);
        var narrowTo = bytecode is null ? ports : null; // too many ranges for the kernel (or none given): filter here
        bool rolesFromRows = bytecode is null; // a kernel-filtered dump's roles come from every listener (one more dump)
        bool oneWalk = SockDiagReader.TryReadTcpBoth(new Sink(into, netns, null, narrowTo, rolesFromRows), bytecode, uint.MaxValue, withTcpInfo: true);
        if (!oneWalk)
        {
            foreach (var protocol in new[] { Protocol.Tcp, Protocol.Tcp6 })
            {
                if (!SockDiagReader.TryReadRecords(protocol, new Sink(into, netns, protocol, narrowTo, rolesFromRows), bytecode, uint.MaxValue, withTcpInfo: true))
                {
                    return false;
                }
            }
        }

        foreach (var protocol in new[] { Protocol.Udp, Protocol.Udp6 })
        {
            if (!SockDiagReader.TryReadRecords(protocol, new Sink(into, netns, protocol, narrowTo, roles: false), bytecode, uint.MaxValue, withTcpInfo: false))
            {
                return false;
            }
        }

        if (bytecode is not null)
        {
            ReadListeners(into, netns, oneWalk);
        }

        return true;
    }

    /// <summary>Every TCP listener of both families, for roles only (a refused dump leaves none, as for a snapshot).</summary>
    private static void ReadListeners(OnceSockets into, ulong netns, bool oneWalk)
    {
        if (oneWalk && SockDiagReader.TryReadTcpBoth(new Sink(into, netns, null, null, roles: true, rows: false), null, SockDiagReader.ListenOnly, withTcpInfo: false))
        {
            return;
        }

        foreach (var protocol in new[] { Protocol.Tcp, Protocol.Tcp6 })
        {
            SockDiagReader.TryReadRecords(protocol, new Sink(into, netns, protocol, null, roles: true, rows: false), null, SockDiagReader.ListenOnly, withTcpInfo: false);
        }
    }

    /// <param name="protocol">The dump's protocol; null for TCP of both families (each record says its own).</param>
    /// <param name="narrowTo">Keep only rows whose local or remote port matches (the kernel did not filter).</param>
    /// <param name="roles">Every TCP listener of this dump decides roles.</param>
    /// <param name="rows">Keep the rows (false: a dump for roles only).</param>
    private sealed class Sink(OnceSockets into, ulong netns, Protocol? protocol, Filtering.PortFilter? narrowTo, bool roles, bool rows = true) : IDumpSink
    {
        private readonly int _count = into.Count;
        private readonly int _slotBytes = into.TcpInfo.Length;

        public void Clear() => into.Truncate(_count, _slotBytes);

        public void Add(ReadOnlySpan<byte> record, ReadOnlySpan<byte> tcpInfo)
        {
            var message = new InetDiagRecord(record);
            var kind = protocol ?? (message.IsIPv6 ? Protocol.Tcp6 : Protocol.Tcp);
            if (roles && kind.IsTcp())
            {
                into.AddListener(netns, message);
            }

            if (rows && (narrowTo is null || narrowTo.Matches(message.LocalPort) || narrowTo.Matches(message.RemotePort)))
            {
                into.Add(netns, kind, message, tcpInfo);
            }
        }
    }
}
