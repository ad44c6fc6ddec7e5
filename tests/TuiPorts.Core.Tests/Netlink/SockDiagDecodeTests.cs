using System.Buffers.Binary;
using System.Net;
using TuiPorts.Core.Interop;
using TuiPorts.Core.Netlink;

namespace TuiPorts.Core.Tests.Netlink;

/// <summary>sock_diag dumps decoded from byte vectors, and a dump that a signal interrupts half way.</summary>
public sealed class SockDiagDecodeTests
{
    /// <summary>One netlink message: nlmsghdr + struct inet_diag_msg (ports and addresses big-endian, the rest host order).</summary>
    private static byte[] Message(int family, int state, byte[] local, int localPort, byte[] remote, int remotePort, uint inode, uint uid = 1000)
    {
        var m = new byte[16 + 72];
        BinaryPrimitives.WriteUInt32LittleEndian(m, (uint)m.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(m.AsSpan(4), 20); // SOCK_DIAG_BY_FAMILY
        var body = m.AsSpan(16);
        body[0] = (byte)family;
        body[1] = (byte)state;
        BinaryPrimitives.WriteUInt16BigEndian(body[4..], (ushort)localPort);
        BinaryPrimitives.WriteUInt16BigEndian(body[6..], (ushort)remotePort);
        local.CopyTo(body[8..]);
        remote.CopyTo(body[24..]);
        BinaryPrimitives.WriteUInt32LittleEndian(body[56..], 7); // rqueue
        BinaryPrimitives.WriteUInt32LittleEndian(body[60..], 9); // wqueue
        BinaryPrimitives.WriteUInt32LittleEndian(body[64..], uid);
        BinaryPrimitives.WriteUInt32LittleEndian(body[68..], inode);
        return m;
    }

    private static byte[] Done()
    {
        var m = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(m, 20);
        BinaryPrimitives.WriteUInt16LittleEndian(m.AsSpan(4), 3); // NLMSG_DONE
        return m;
    }

    private static readonly byte[] Loopback4 = [127, 0, 0, 1];
    private static readonly byte[] Any4 = [0, 0, 0, 0];

    [Fact]
    public void An_IPv4_listener_decodes_with_host_order_queues_and_ports()
    {
        var bytes = Message(2, 10, Loopback4, 9000, Any4, 0, 4242)[16..];

        var row = SockDiagReader.Decode(Protocol.Tcp, bytes, new SockDiagReader.AddressCache());

        Assert.Equal(IPAddress.Loopback, row.LocalAddress);
        Assert.Equal(9000, row.LocalPort);
        Assert.Equal("LISTEN", row.State);
        Assert.Equal(4242UL, row.Inode);
        Assert.Equal(1000, row.Uid);
        Assert.Equal(0, row.TxQueue); // a listener's wqueue is its backlog: /proc/net shows 0
        Assert.Equal(7, row.RxQueue);
    }

    [Fact]
    public void An_IPv6_connection_decodes_its_sixteen_byte_addresses()
    {
        byte[] local = IPAddress.Parse("2001:db8:1:2:3:4:5:6").GetAddressBytes();
        byte[] remote = IPAddress.IPv6Loopback.GetAddressBytes();
        var bytes = Message(10, 1, local, 28093, remote, 443, 77)[16..];

        var row = SockDiagReader.Decode(Protocol.Tcp6, bytes, new SockDiagReader.AddressCache());

        Assert.Equal(IPAddress.Parse("2001:db8:1:2:3:4:5:6"), row.LocalAddress);
        Assert.Equal(28093, row.LocalPort);
        Assert.Equal(IPAddress.IPv6Loopback, row.RemoteAddress);
        Assert.Equal(443, row.RemotePort);
        Assert.Equal("ESTABLISHED", row.State);
        Assert.Equal(9, row.TxQueue);
    }

    [Fact]
    public void An_unconnected_UDP_socket_is_UNCONN()
    {
        var row = SockDiagReader.Decode(Protocol.Udp, Message(2, 7, Any4, 53, Any4, 0, 5)[16..], new SockDiagReader.AddressCache());

        Assert.Equal("UNCONN", row.State);
    }

    [Fact]
    public void A_receive_interrupted_by_a_signal_keeps_the_rows_already_read()
    {
        var receiver = new ScriptedReceiver(
            [.. Message(2, 10, Loopback4, 80, Any4, 0, 1), .. Message(2, 10, Loopback4, 81, Any4, 0, 2)],
            null, // EINTR between two chunks of one dump
            [.. Message(2, 10, Loopback4, 82, Any4, 0, 3), .. Done()]);

        var table = SockDiagReader.ReadDump(receiver, Protocol.Tcp);

        Assert.NotNull(table);
        Assert.Equal([80, 81, 82], table.Rows.Select(r => r.LocalPort));
    }

    [Fact]
    public void An_error_message_or_a_closed_socket_means_no_table_so_the_caller_falls_back_to_proc_net()
    {
        var error = Done();
        BinaryPrimitives.WriteUInt16LittleEndian(error.AsSpan(4), 2); // NLMSG_ERROR

        Assert.Null(SockDiagReader.ReadDump(new ScriptedReceiver(error), Protocol.Tcp));
        Assert.Null(SockDiagReader.ReadDump(new ScriptedReceiver(), Protocol.Tcp));
    }

    /// <summary>Hands out the chunks in order; a null chunk is a recv that fails with EINTR; then end of stream.</summary>
    private sealed class ScriptedReceiver(params byte[]?[] chunks) : SockDiagReader.IDumpReceiver
    {
        private int _next;

        public int Receive(Span<byte> buffer, out int errno)
        {
            errno = 0;
            if (_next >= chunks.Length)
            {
                return 0;
            }

            var chunk = chunks[_next++];
            if (chunk is null)
            {
                errno = NativeMethods.EINTR;
                return -1;
            }

            chunk.CopyTo(buffer);
            return chunk.Length;
        }
    }

    [Fact]
    public void A_dump_of_both_tcp_families_parts_into_tcp_and_tcp6_in_dump_order()
    {
        byte[] local6 = IPAddress.IPv6Loopback.GetAddressBytes();
        byte[] any6 = IPAddress.IPv6Any.GetAddressBytes();
        var records = new[]
        {
            Message(2, 10, Loopback4, 80, Any4, 0, 1)[16..],
            Message(10, 10, local6, 443, any6, 0, 2)[16..],
            Message(2, 1, Loopback4, 5000, Loopback4, 80, 3)[16..],
            Message(10, 1, local6, 6000, local6, 443, 4)[16..],
        }.SelectMany(r => r).ToArray();

        var (tcp, tcp6) = SockDiagReader.DecodeTcpBoth(records);

        Assert.Equal([1UL, 3UL], tcp.Rows.Select(r => r.Inode));
        Assert.Equal([2UL, 4UL], tcp6.Rows.Select(r => r.Inode));
        Assert.All(tcp.Rows, r => Assert.Equal(Protocol.Tcp, r.Protocol));
        Assert.All(tcp6.Rows, r => Assert.Equal(Protocol.Tcp6, r.Protocol));
        Assert.Equal(IPAddress.IPv6Loopback, tcp6.Rows[1].RemoteAddress);
    }

    [Fact]
    public void The_one_walk_request_is_the_legacy_TCPDIAG_GETSOCK_with_family_unspec_and_the_port_program()
    {
        byte[] program = [4, 8, 12, 0];

        var request = SockDiagRequest.TcpBoth(program, states: 1u << 10, withTcpInfo: true);

        Assert.Equal(16 + 60 + 8, request.Length); // header, struct inet_diag_req, rtattr + 4-byte program
        Assert.Equal((uint)request.Length, BinaryPrimitives.ReadUInt32LittleEndian(request));
        Assert.Equal(18, BinaryPrimitives.ReadUInt16LittleEndian(request.AsSpan(4))); // TCPDIAG_GETSOCK
        Assert.Equal(0x301, BinaryPrimitives.ReadUInt16LittleEndian(request.AsSpan(6))); // NLM_F_REQUEST | NLM_F_DUMP
        Assert.Equal(0, request[16]); // AF_UNSPEC: both families
        Assert.Equal(2, request[16 + 3]); // idiag_ext: INET_DIAG_INFO
        Assert.Equal(1u << 10, BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(16 + 52))); // idiag_states
        Assert.Equal(8, BinaryPrimitives.ReadUInt16LittleEndian(request.AsSpan(76))); // rtattr length
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(request.AsSpan(78))); // INET_DIAG_REQ_BYTECODE
        Assert.Equal(program, request[80..84]);
    }

    [Fact]
    public void A_per_family_request_keeps_the_v2_layout()
    {
        var request = SockDiagRequest.ByFamily(Protocol.Udp6, null, uint.MaxValue, withTcpInfo: true);

        Assert.Equal(16 + 56, request.Length);
        Assert.Equal(20, BinaryPrimitives.ReadUInt16LittleEndian(request.AsSpan(4))); // SOCK_DIAG_BY_FAMILY
        Assert.Equal(10, request[16]); // AF_INET6
        Assert.Equal(17, request[17]); // IPPROTO_UDP
        Assert.Equal(0, request[18]); // no tcp_info for UDP
        Assert.Equal(uint.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(20)));
    }
}
