using TuiPorts.Core.Netlink;

namespace TuiPorts.Core.Tests.Netlink;

/// <summary>tcp_info out of a sock_diag reply recorded on Linux 6.18, and the slots that keep a quiet dump free.</summary>
public sealed class TcpInfoDecodeTests
{
    /// <summary>
    /// One SOCK_DIAG_BY_FAMILY reply recorded from this kernel (idiag_ext = INET_DIAG_INFO) for a loopback client that
    /// had sent 100,000 bytes and received 5,000: nlmsghdr, inet_diag_msg, then attributes 8, 15, 21, 22 and 2 (tcp_info,
    /// 280 bytes).
    /// </summary>
    private static readonly byte[] RecordedReply = Convert.FromHexString(
        "980100001400000001000000cb38000002010000e0e091c77f0000010000000000000000000000007f000001000000000000000000000000000000005500000000000000000000000000000000000000000000008ee90000050008000000000008000f00000000000c001500010000000000000006001600520000001c010200010000000007aa00e01c0300409c000000ba000088130000000000000000000000000000000000000000000034000000000000003400000034000000ffff000082a201001800000009000000ffffff7f0d000000cbff00000300000000000000d7ff000000000000eaf50d6108000000ffffffffffffffffa18601000000000088130000000000000600000004000000000000000a0000000100000003000000b66d4c0e010000000000000000000000000000000000000000000000000000000400000000000000a08601000000000000000000000000000000000000000000000000000074010000a401000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");

    private static byte[] Done()
    {
        var m = new byte[20];
        m[0] = 20;
        m[4] = 3; // NLMSG_DONE
        return m;
    }

    private static (RecordBuffer Records, RecordBuffer Slots) Read(params byte[][] chunks)
    {
        var records = new RecordBuffer();
        var slots = new RecordBuffer();
        Assert.True(SockDiagReader.ReadRecords(new Chunks(chunks), records, slots));
        return (records, slots);
    }

    [Fact]
    public void The_recorded_reply_gives_the_connections_rtt_and_counters()
    {
        var (records, slots) = Read([.. RecordedReply, .. Done()]);

        Assert.Equal(72, records.Length);
        var info = TcpInfoSlot.Read(slots.Span);
        Assert.NotNull(info);
        Assert.Equal(24, info.RttUs);
        Assert.Equal(9, info.RttVarUs);
        Assert.Equal(100_001UL, info.BytesAcked); // the SYN counts as one
        Assert.Equal(5_000UL, info.BytesReceived);
        Assert.Equal(100_000UL, info.BytesSent);
        Assert.Equal(0, info.TotalRetrans);
        Assert.Equal(0, info.Lost);
        Assert.Equal(4_534_857_142UL, info.DeliveryRateBps);
        Assert.Equal(52, info.LastSendMs);
        Assert.Equal(52, info.LastReceiveMs);
    }

    [Fact]
    public void An_old_kernels_short_tcp_info_leaves_the_counters_it_lacks_null()
    {
        var tcpInfo = SockDiagReader.Attribute(RecordedReply.AsSpan(16 + 72), 2);
        Assert.Equal(280, tcpInfo.Length);
        var slot = new byte[TcpInfoSlot.Size];

        TcpInfoSlot.Write(tcpInfo[..104], slot); // Linux 3.x: up to total_retrans
        var info = TcpInfoSlot.Read(slot)!;

        Assert.Equal(24, info.RttUs);
        Assert.Null(info.BytesAcked);
        Assert.Null(info.BytesReceived);
        Assert.Null(info.BytesSent);
        Assert.Null(info.DeliveryRateBps);
    }

    [Fact]
    public void A_record_without_tcp_info_gets_an_empty_slot_in_step_with_its_record()
    {
        var bare = RecordedReply[..(16 + 72)];
        bare[0] = 16 + 72;
        bare[1] = 0; // the same message cut before its attributes (a TIME-WAIT socket has none)
        var (records, slots) = Read([.. bare, .. RecordedReply, .. Done()]);

        Assert.Equal(2 * 72, records.Length);
        Assert.Equal(2 * TcpInfoSlot.Size, slots.Length);
        Assert.Null(TcpInfoSlot.Read(slots.Span[..TcpInfoSlot.Size]));
        Assert.NotNull(TcpInfoSlot.Read(slots.Span[TcpInfoSlot.Size..]));
    }

    [Fact]
    public void Counters_that_did_not_move_give_back_the_same_dictionary_and_only_the_idle_ages_may_differ()
    {
        var collector = new TcpInfoCollector();
        IReadOnlyDictionary<ulong, TcpInfo> Collect(byte[] reply, bool sameRecords)
        {
            var records = new RecordBuffer();
            Assert.True(SockDiagReader.ReadRecords(new Chunks([.. reply, .. Done()]), records, collector.BufferFor(Protocol.Tcp)));
            return collector.Collect([(Protocol.Tcp, records, sameRecords)]);
        }

        var first = Collect(RecordedReply, sameRecords: false);
        var older = (byte[])RecordedReply.Clone();
        older[16 + 72 + 40 + 44] += 100; // tcpi_last_data_sent: 100 ms more idle
        var second = Collect(older, sameRecords: true);
        var moved = (byte[])RecordedReply.Clone();
        moved[16 + 72 + 40 + 128] += 1; // one more byte received
        var third = Collect(moved, sameRecords: true);

        Assert.Equal(5_000UL, Assert.Single(first).Value.BytesReceived);
        Assert.Same(first, second);
        Assert.NotSame(second, third);
        Assert.Equal(5_001UL, Assert.Single(third).Value.BytesReceived);
    }

    private sealed class Chunks(params byte[][] chunks) : SockDiagReader.IDumpReceiver
    {
        private int _next;

        public int Receive(Span<byte> buffer, out int errno)
        {
            errno = 0;
            if (_next >= chunks.Length)
            {
                return 0;
            }

            chunks[_next].CopyTo(buffer);
            return chunks[_next++].Length;
        }
    }
}
