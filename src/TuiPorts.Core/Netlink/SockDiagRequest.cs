using System.Buffers.Binary;
using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Core.Netlink;

/// <summary>
/// The dump requests tuiports sends (linux/inet_diag.h). Both ask for the same 72-byte inet_diag_msg records; they
/// differ in how much of the kernel's tables one request walks.
/// </summary>
/// <remarks>
/// A TCP dump of any state but LISTEN walks the whole established hash (262,144 buckets on a 24 GiB machine, ~1.6 ms
/// empty), and one walk per family is what <c>ss -tan</c> pays twice. The legacy <c>TCPDIAG_GETSOCK</c> request dumps
/// with family AF_UNSPEC, so one walk returns both families' sockets (each record still says its own family).
/// </remarks>
internal static class SockDiagRequest
{
    /// <summary>struct inet_diag_req_v2: family, protocol, ext, pad, states, sockid.</summary>
    private const int ByFamilySize = 56;

    /// <summary>The legacy struct inet_diag_req: family, src_len, dst_len, ext, sockid, states, dbs.</summary>
    private const int LegacySize = 60;

    /// <summary>The legacy message type for TCP (TCPDIAG_GETSOCK), answered with both families' sockets.</summary>
    public const ushort TcpBothFamilies = 18;

    private const ushort InetDiagReqBytecode = 1;

    /// <summary>The idiag_ext bit of INET_DIAG_INFO (struct tcp_info): 1 &lt;&lt; (2 - 1).</summary>
    public const byte TcpInfoExtension = 1 << (SockDiagReader.InetDiagInfo - 1);

    /// <summary>A SOCK_DIAG_BY_FAMILY dump of one protocol and family.</summary>
    public static byte[] ByFamily(Protocol protocol, byte[]? bytecode, uint states, bool withTcpInfo)
    {
        var request = Frame(NetlinkMessage.SockDiagByFamily, ByFamilySize, bytecode, out var body);
        body[0] = (byte)(protocol.IsIPv6() ? AfInet6 : AfInet);
        body[1] = (byte)(protocol.IsTcp() ? 6 : 17); // IPPROTO_TCP / IPPROTO_UDP
        body[2] = withTcpInfo && protocol.IsTcp() ? TcpInfoExtension : (byte)0;
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], states);
        return request;
    }

    /// <summary>A TCPDIAG_GETSOCK dump: every TCP socket of both families in one walk of the kernel's tables.</summary>
    public static byte[] TcpBoth(byte[]? bytecode, uint states, bool withTcpInfo)
    {
        var request = Frame(TcpBothFamilies, LegacySize, bytecode, out var body);
        body[0] = 0; // AF_UNSPEC: the kernel's compatibility path dumps both families
        body[3] = withTcpInfo ? TcpInfoExtension : (byte)0;
        BinaryPrimitives.WriteUInt32LittleEndian(body[52..], states);
        return request;
    }

    /// <summary>The netlink header, a zeroed body of <paramref name="bodySize"/> and the bytecode attribute, if any.</summary>
    private static byte[] Frame(ushort type, int bodySize, byte[]? bytecode, out Span<byte> body)
    {
        int attributeSize = bytecode is null ? 0 : 4 + bytecode.Length; // struct rtattr { len, type } + program
        int size = NetlinkMessage.HeaderSize + bodySize + ((attributeSize + 3) & ~3);
        var request = new byte[size];
        var span = request.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)size);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], NetlinkMessage.FlagRequest | NetlinkMessage.FlagDump);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], 1); // sequence
        if (bytecode is not null)
        {
            var attribute = span[(NetlinkMessage.HeaderSize + bodySize)..];
            BinaryPrimitives.WriteUInt16LittleEndian(attribute, (ushort)attributeSize);
            BinaryPrimitives.WriteUInt16LittleEndian(attribute[2..], InetDiagReqBytecode);
            bytecode.CopyTo(attribute[4..]);
        }

        body = span.Slice(NetlinkMessage.HeaderSize, bodySize);
        return request;
    }
}
