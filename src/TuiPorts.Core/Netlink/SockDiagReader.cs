using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using TuiPorts.Core.Interop;
using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Core.Netlink;

/// <summary>
/// Reads the socket tables of the caller's own network namespace through NETLINK_SOCK_DIAG, the interface ss uses.
/// Reading /proc/net/tcp makes the kernel walk its whole established-hash table (about 2 ms per file here even with
/// three sockets); a sock_diag dump does not. Returns null when the kernel refuses, so the caller falls back to
/// /proc/net, which stays the reference and the fixture path.
/// </summary>
public static unsafe class SockDiagReader
{
    private const int MessageSize = 72;

    /// <summary>The bytes one record takes in a <see cref="RecordBuffer"/> (a struct inet_diag_msg).</summary>
    public const int RecordSize = MessageSize;
    private const int TcpListen = InetDiagRecord.TcpListen;
    internal const ushort InetDiagInfo = 2; // the attribute (and, as 1 << (2 - 1), the request's idiag_ext bit) of struct tcp_info

    /// <summary>
    /// One table (e.g. tcp6) as a dump, or null when sock_diag is unavailable. With <paramref name="bytecode"/>
    /// (<see cref="PortBytecode"/>) the kernel filters the dump itself.
    /// </summary>
    /// <param name="states">A bit per TCP state (1 &lt;&lt; 10 = LISTEN only); every state by default.</param>
    public static NetTable? TryRead(Protocol protocol, byte[]? bytecode = null, uint states = uint.MaxValue)
    {
        var records = new RecordBuffer();
        return TryReadRecords(protocol, records, bytecode, states) ? DecodeRecords(protocol, records.Span) : null;
    }

    /// <summary>The states bit of TCP LISTEN, for a dump of listeners only.</summary>
    public const uint ListenOnly = 1u << TcpListen;

    /// <summary>
    /// The dump as raw struct inet_diag_msg records (72 bytes each), with the fields that change without the socket
    /// changing (timer, retransmits, expiry) zeroed: equal bytes mean an unchanged table, so a refresh can keep the
    /// decoded one. Null when sock_diag is unavailable.
    /// </summary>
    /// <param name="tcpInfo">
    /// When given, gets one <see cref="TcpInfoSlot"/> per record, in the same order (an empty slot where the kernel
    /// sent no tcp_info: TIME-WAIT, SYN-RECV, UDP).
    /// </param>
    public static bool TryReadRecords(
        Protocol protocol, RecordBuffer into, byte[]? bytecode = null, uint states = uint.MaxValue, RecordBuffer? tcpInfo = null) =>
        TryReadRecords(protocol, new RecordBufferSink(into, tcpInfo), bytecode, states, withTcpInfo: tcpInfo is not null);

    /// <summary>Like the other overload, each record handed to <paramref name="sink"/> as it arrives (nothing kept here).</summary>
    /// <param name="withTcpInfo">Ask for each TCP connection's <c>struct tcp_info</c> (handed over with its record).</param>
    public static bool TryReadRecords(Protocol protocol, IDumpSink sink, byte[]? bytecode, uint states, bool withTcpInfo) =>
        TryDump(SockDiagRequest.ByFamily(protocol, bytecode, states, withTcpInfo), sink, withTcpInfo);

    /// <summary>
    /// Like <see cref="TryReadRecords"/> for TCP, but both families in one walk of the kernel's tables (records of
    /// tcp and tcp6 interleaved; <see cref="DecodeTcpBoth"/> parts them). False when the kernel refuses the request.
    /// </summary>
    public static bool TryReadTcpBoth(RecordBuffer into, byte[]? bytecode = null, uint states = uint.MaxValue, RecordBuffer? tcpInfo = null) =>
        TryReadTcpBoth(new RecordBufferSink(into, tcpInfo), bytecode, states, withTcpInfo: tcpInfo is not null);

    /// <summary>Like the other overload, each record handed to <paramref name="sink"/> as it arrives (nothing kept here).</summary>
    public static bool TryReadTcpBoth(IDumpSink sink, byte[]? bytecode, uint states, bool withTcpInfo) =>
        TryDump(SockDiagRequest.TcpBoth(bytecode, states, withTcpInfo), sink, withTcpInfo);

    private static bool TryDump(byte[] request, IDumpSink sink, bool withTcpInfo)
    {
        using var socket = NativeMethods.Socket(AfNetlink, SockRaw | SockCloexec, NetlinkSockDiag);
        if (socket.IsInvalid)
        {
            return false;
        }

        using var fd = socket.Borrow();
        fixed (byte* bytes = request)
        {
            if (NativeMethods.Send(fd.Fd, bytes, request.Length, 0) != request.Length)
            {
                return false;
            }
        }

        return ReadRecords(new SocketReceiver(fd.Fd), sink, withTcpInfo);
    }

    /// <summary>Parts the records of <see cref="TryReadTcpBoth"/> into the tcp and the tcp6 table, each in dump order.</summary>
    public static (NetTable Tcp, NetTable Tcp6) DecodeTcpBoth(ReadOnlySpan<byte> records)
    {
        var tcp = new List<NetTableRow>();
        var tcp6 = new List<NetTableRow>();
        var addresses = new AddressCache();
        for (int offset = 0; offset + MessageSize <= records.Length; offset += MessageSize)
        {
            var record = records.Slice(offset, MessageSize);
            if (record[0] == AfInet6)
            {
                tcp6.Add(Decode(Protocol.Tcp6, record, addresses));
            }
            else
            {
                tcp.Add(Decode(Protocol.Tcp, record, addresses));
            }
        }

        return (new NetTable(Protocol.Tcp, tcp, 0), new NetTable(Protocol.Tcp6, tcp6, 0));
    }

    /// <summary>Decodes records from <see cref="TryReadRecords"/>.</summary>
    public static NetTable DecodeRecords(Protocol protocol, ReadOnlySpan<byte> records)
    {
        var rows = new List<NetTableRow>(records.Length / MessageSize);
        var addresses = new AddressCache();
        for (int offset = 0; offset + MessageSize <= records.Length; offset += MessageSize)
        {
            rows.Add(Decode(protocol, records.Slice(offset, MessageSize), addresses));
        }

        return new NetTable(protocol, rows, 0);
    }

    /// <summary>
    /// Reads netlink messages until NLMSG_DONE. A receive interrupted by a signal (EINTR) is simply repeated: the rows
    /// already read are kept and the kernel continues the dump where it was, so the table is never silently partial.
    /// </summary>
    internal static NetTable? ReadDump(IDumpReceiver receiver, Protocol protocol)
    {
        var records = new RecordBuffer();
        return ReadRecords(receiver, records) ? DecodeRecords(protocol, records.Span) : null;
    }

    internal static bool ReadRecords(IDumpReceiver receiver, RecordBuffer records, RecordBuffer? tcpInfo = null) =>
        ReadRecords(receiver, new RecordBufferSink(records, tcpInfo), withTcpInfo: tcpInfo is not null);

    internal static bool ReadRecords(IDumpReceiver receiver, IDumpSink sink, bool withTcpInfo)
    {
        sink.Clear();
        // pooled: a fresh 64 KB per dump was 256 KB of an idle refresh's 265 KB (tuiports bench, docs/performance.md)
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
        try
        {
            return ReadRecords(receiver, sink, withTcpInfo, buffer.AsSpan(0, ReceiveBufferSize));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int ReceiveBufferSize = 64 * 1024;

    private static bool ReadRecords(IDumpReceiver receiver, IDumpSink sink, bool withTcpInfo, Span<byte> buffer)
    {
        while (true)
        {
            int received = receiver.Receive(buffer, out int errno);
            if (received < 0 && errno == EINTR)
            {
                continue;
            }

            if (received <= 0)
            {
                return false;
            }

            for (int offset = 0; offset + NetlinkMessage.HeaderSize <= received;)
            {
                var header = buffer[offset..];
                int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(header);
                ushort type = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
                if (type == NetlinkMessage.Done)
                {
                    return true;
                }

                if (type == NetlinkMessage.Error || length < NetlinkMessage.HeaderSize || offset + length > received)
                {
                    return false;
                }

                if (length >= NetlinkMessage.HeaderSize + MessageSize)
                {
                    var record = buffer.Slice(offset + NetlinkMessage.HeaderSize, MessageSize);
                    record[2] = 0; // idiag_timer
                    record[3] = 0; // idiag_retrans
                    record.Slice(52, 4).Clear(); // idiag_expires
                    var attributes = buffer.Slice(offset + NetlinkMessage.HeaderSize + MessageSize, length - NetlinkMessage.HeaderSize - MessageSize);
                    sink.Add(record, withTcpInfo ? Attribute(attributes, InetDiagInfo) : []);
                }

                offset += (length + 3) & ~3; // NLMSG_ALIGN
            }
        }
    }

    /// <summary>The payload of the first netlink attribute (struct rtattr) of <paramref name="type"/>, or empty.</summary>
    internal static ReadOnlySpan<byte> Attribute(ReadOnlySpan<byte> attributes, ushort type)
    {
        for (int offset = 0; offset + 4 <= attributes.Length;)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(attributes[offset..]);
            if (length < 4 || offset + length > attributes.Length)
            {
                break;
            }

            if (BinaryPrimitives.ReadUInt16LittleEndian(attributes[(offset + 2)..]) == type)
            {
                return attributes.Slice(offset + 4, length - 4);
            }

            offset += (length + 3) & ~3; // RTA_ALIGN
        }

        return [];
    }

    /// <summary>Where a dump's bytes come from: the netlink socket, or a scripted fake in tests.</summary>
    internal interface IDumpReceiver
    {
        /// <summary>Like recv(2): bytes received, 0 at end of stream, or -1 with <paramref name="errno"/> set.</summary>
        int Receive(Span<byte> buffer, out int errno);
    }

    private sealed class SocketReceiver(int fd) : IDumpReceiver
    {
        public int Receive(Span<byte> buffer, out int errno)
        {
            nint received;
            fixed (byte* p = buffer)
            {
                received = NativeMethods.Receive(fd, p, buffer.Length, 0);
            }

            errno = received < 0 ? Marshal.GetLastPInvokeError() : 0;
            return (int)received;
        }
    }

    /// <summary>struct inet_diag_msg: family, state, timer, retrans, sockid (ports and addresses big-endian), queues, uid, inode.</summary>
    internal static NetTableRow Decode(Protocol protocol, ReadOnlySpan<byte> message, AddressCache addresses)
    {
        var record = new InetDiagRecord(message);
        bool tcp = protocol.IsTcp();
        return new NetTableRow(
            protocol, addresses.Get(record.LocalAddress), record.LocalPort, addresses.Get(record.RemoteAddress), record.RemotePort,
            record.StateName(tcp), record.TxQueue(tcp), record.ReceiveQueue, record.Uid, record.Inode);
    }

    /// <summary>One IPAddress object per distinct address in a dump: a busy server repeats a few addresses many times.</summary>
    internal sealed class AddressCache
    {
        private readonly Dictionary<UInt128, IPAddress> _v4 = [];
        private readonly Dictionary<UInt128, IPAddress> _v6 = [];

        public IPAddress Get(ReadOnlySpan<byte> bytes)
        {
            var key = bytes.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
            var map = bytes.Length == 4 ? _v4 : _v6;
            if (!map.TryGetValue(key, out var address))
            {
                address = new IPAddress(bytes);
                map[key] = address;
            }

            return address;
        }
    }
}
