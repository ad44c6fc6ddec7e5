namespace TuiPorts.Core.Netlink;

/// <summary>
/// Where a sock_diag dump's records go as they arrive: kept whole (<see cref="RecordBuffer"/>s, for a refresh that
/// compares the next dump with this one) or decoded on the spot into whatever the caller keeps (a one-shot).
/// </summary>
public interface IDumpSink
{
    /// <summary>The dump starts (again): forget what an earlier attempt added.</summary>
    void Clear();

    /// <summary>One struct inet_diag_msg (72 bytes, timers masked) and its <c>struct tcp_info</c> (empty when none came).</summary>
    void Add(ReadOnlySpan<byte> record, ReadOnlySpan<byte> tcpInfo);
}

/// <summary>The records kept whole, and, when asked for, one <see cref="TcpInfoSlot"/> per record in the same order.</summary>
internal sealed class RecordBufferSink(RecordBuffer records, RecordBuffer? slots) : IDumpSink
{
    public void Clear()
    {
        records.Clear();
        slots?.Clear();
    }

    public void Add(ReadOnlySpan<byte> record, ReadOnlySpan<byte> tcpInfo)
    {
        records.Append(record);
        if (slots is not null)
        {
            Span<byte> slot = stackalloc byte[TcpInfoSlot.Size];
            TcpInfoSlot.Write(tcpInfo, slot);
            slots.Append(slot);
        }
    }
}
