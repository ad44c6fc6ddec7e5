using System.Buffers.Binary;

namespace TuiPorts.Core.Netlink;

/// <summary>
/// The fields of one struct inet_diag_msg (linux/inet_diag.h) as tuiports reads them: family, state, the socket id's
/// ports and addresses (big-endian on the wire), the queues, uid and inode.
/// </summary>
public readonly ref struct InetDiagRecord(ReadOnlySpan<byte> message)
{
    private const byte AfInet6 = 10;

    /// <summary>TCP_LISTEN, whose "send queue" is the backlog: /proc/net and tuiports show 0 for it.</summary>
    public const int TcpListen = 10;

    private readonly ReadOnlySpan<byte> _message = message;

    public bool IsIPv6 => _message[0] == AfInet6;

    /// <summary>The kernel's state number (TCP_ESTABLISHED = 1 ...).</summary>
    public int State => _message[1];

    public int LocalPort => BinaryPrimitives.ReadUInt16BigEndian(_message[4..]);

    public int RemotePort => BinaryPrimitives.ReadUInt16BigEndian(_message[6..]);

    /// <summary>4 bytes for IPv4, 16 for IPv6.</summary>
    public ReadOnlySpan<byte> LocalAddress => _message.Slice(8, IsIPv6 ? 16 : 4);

    public ReadOnlySpan<byte> RemoteAddress => _message.Slice(24, IsIPv6 ? 16 : 4);

    public uint ReceiveQueue => BinaryPrimitives.ReadUInt32LittleEndian(_message[56..]);

    public uint SendQueue => BinaryPrimitives.ReadUInt32LittleEndian(_message[60..]);

    public int Uid => (int)BinaryPrimitives.ReadUInt32LittleEndian(_message[64..]);

    public ulong Inode => BinaryPrimitives.ReadUInt32LittleEndian(_message[68..]);

    /// <summary>The state's netstat name: TCP's, or UDP's (UNCONN, ESTABLISHED).</summary>
    public string StateName(bool tcp) => tcp ? SocketStates.TcpName(State) : SocketStates.UdpName(State);

    /// <summary>The send queue as /proc/net shows it: 0 for a TCP listener (sock_diag gives its backlog there).</summary>
    public long TxQueue(bool tcp) => tcp && State == TcpListen ? 0 : SendQueue;
}
