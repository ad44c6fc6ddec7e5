using System.Buffers.Binary;
using System.Net;
using TuiPorts.Core.Interop;
using TuiPorts.Core.Netlink;
using TuiPorts.Core.Snapshots;

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
}
