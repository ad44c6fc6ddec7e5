using System.Buffers.Binary;

namespace TuiPorts.Core.Netlink;

/// <summary>
/// The few fields tuiports uses of a <c>struct tcp_info</c> (about 250 bytes from the kernel), copied into a fixed
/// 88-byte slot per dumped record so a whole dump's connections sit in one reused buffer. The slot's first
/// <see cref="CountersSize"/> bytes are the counters: equal counters mean a quiet connection (the two idle ages at the
/// end move with the clock and are left out of that comparison). Offsets are those of include/uapi/linux/tcp.h.
/// </summary>
public static class TcpInfoSlot
{
    public const int Size = 88;

    /// <summary>The part of a slot that changes only when the connection does something.</summary>
    public const int CountersSize = 72;

    // struct tcp_info offsets
    private const int Lost = 32, LastDataSent = 44, LastDataRecv = 52, Rtt = 68, RttVar = 72, TotalRetrans = 100;
    private const int BytesAcked = 120, BytesReceived = 128, DeliveryRate = 160, BytesSent = 200;

    /// <summary>Copies the fields of <paramref name="tcpInfo"/> (as long as the kernel sent) into <paramref name="slot"/>.</summary>
    public static void Write(ReadOnlySpan<byte> tcpInfo, Span<byte> slot)
    {
        slot[..Size].Clear();
        if (tcpInfo.Length < TotalRetrans + 4)
        {
            return; // too short to hold anything useful: an empty slot, as for a socket without tcp_info
        }

        BinaryPrimitives.WriteUInt64LittleEndian(slot, (ulong)tcpInfo.Length);
        Put(slot, 1, U32(tcpInfo, Rtt));
        Put(slot, 2, U32(tcpInfo, RttVar));
        Put(slot, 3, U64(tcpInfo, BytesAcked));
        Put(slot, 4, U64(tcpInfo, BytesReceived));
        Put(slot, 5, U64(tcpInfo, BytesSent));
        Put(slot, 6, U32(tcpInfo, TotalRetrans));
        Put(slot, 7, U32(tcpInfo, Lost));
        Put(slot, 8, U64(tcpInfo, DeliveryRate));
        Put(slot, 9, U32(tcpInfo, LastDataSent));
        Put(slot, 10, U32(tcpInfo, LastDataRecv));
    }

    /// <summary>The slot's facts, or null for an empty slot (no tcp_info: not TCP, or a kernel that sent none).</summary>
    public static TcpInfo? Read(ReadOnlySpan<byte> slot) => TryRead(slot, out var facts) ? facts.ToTcpInfo() : null;

    /// <summary>Whether the slot holds tcp_info at all (an empty slot: not TCP, or a kernel that sent none).</summary>
    public static bool IsEmpty(ReadOnlySpan<byte> slot) => Get(slot, 0) == 0;

    /// <summary>The slot's facts as a value (no object); false for an empty slot.</summary>
    public static bool TryRead(ReadOnlySpan<byte> slot, out TcpInfoFacts facts)
    {
        int length = (int)Get(slot, 0);
        if (length == 0)
        {
            facts = default;
            return false;
        }

        facts = new TcpInfoFacts(
            RttUs: (long)Get(slot, 1),
            RttVarUs: (long)Get(slot, 2),
            BytesAcked: length >= BytesAcked + 8 ? Get(slot, 3) : null,
            BytesReceived: length >= BytesReceived + 8 ? Get(slot, 4) : null,
            BytesSent: length >= BytesSent + 8 ? Get(slot, 5) : null,
            TotalRetrans: (long)Get(slot, 6),
            Lost: (long)Get(slot, 7),
            DeliveryRateBps: length >= DeliveryRate + 8 ? Get(slot, 8) : null,
            LastSendMs: (long)Get(slot, 9),
            LastReceiveMs: (long)Get(slot, 10));
        return true;
    }

    /// <summary>Same counters in two slots (the idle ages aside).</summary>
    public static bool SameCounters(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a[..CountersSize].SequenceEqual(b[..CountersSize]);

    private static ulong U32(ReadOnlySpan<byte> info, int offset) =>
        info.Length >= offset + 4 ? BinaryPrimitives.ReadUInt32LittleEndian(info[offset..]) : 0;

    private static ulong U64(ReadOnlySpan<byte> info, int offset) =>
        info.Length >= offset + 8 ? BinaryPrimitives.ReadUInt64LittleEndian(info[offset..]) : 0;

    private static void Put(Span<byte> slot, int field, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(slot[(field * 8)..], value);

    private static ulong Get(ReadOnlySpan<byte> slot, int field) => BinaryPrimitives.ReadUInt64LittleEndian(slot[(field * 8)..]);
}
