using System.Buffers.Binary;

namespace TuiPorts.Core.Netlink;

/// <summary>
/// Keeps the tcp_info slots of the last TCP dumps (tcp and tcp6) and turns a new pair into counters by inode. When
/// every connection's counters are what they were, the previous dictionary object is handed back without decoding
/// anything: a quiet machine costs a byte comparison, as the socket records do.
/// </summary>
public sealed class TcpInfoCollector
{
    private const int RecordSize = 72;
    private const int InodeOffset = 68;

    private readonly Dictionary<Protocol, RecordBuffer> _last = [];
    private readonly Dictionary<Protocol, RecordBuffer> _next = [];
    private IReadOnlyDictionary<ulong, TcpInfo>? _counters;

    /// <summary>The buffer a TCP dump's slots are read into (one slot per record).</summary>
    public RecordBuffer BufferFor(Protocol protocol)
    {
        if (!_next.TryGetValue(protocol, out var buffer))
        {
            buffer = new RecordBuffer();
            _next[protocol] = buffer;
        }

        return buffer;
    }

    /// <summary>Forgets the last dumps (the kernel refused one: the next reading starts afresh).</summary>
    public void Reset()
    {
        _last.Clear();
        _counters = null;
    }

    /// <summary>
    /// The counters of the dumps just read: each protocol's records (with <c>SameRecords</c>: byte for byte the
    /// previous dump's) and the slots in <see cref="BufferFor"/>. The same object as last time when no connection's
    /// counters moved.
    /// </summary>
    public IReadOnlyDictionary<ulong, TcpInfo> Collect(IReadOnlyList<(Protocol Protocol, RecordBuffer Records, bool SameRecords)> dumps)
    {
        bool quiet = _counters is not null && dumps.Count == _last.Count;
        foreach (var (protocol, _, sameRecords) in dumps)
        {
            var slots = BufferFor(protocol);
            quiet = quiet && sameRecords && _last.TryGetValue(protocol, out var last) && SameCounters(last.Span, slots.Span);
            _next[protocol] = _last.TryGetValue(protocol, out var old) ? old : new RecordBuffer(); // the old slots take the next dump
            _last[protocol] = slots;
        }

        if (quiet)
        {
            return _counters!;
        }

        // sized up front: growing to 50k connections would leave ~3 MB of outgrown tables behind
        var counters = new Dictionary<ulong, TcpInfo>(dumps.Sum(dump => dump.Records.Length / RecordSize));
        foreach (var (protocol, records, _) in dumps)
        {
            var slots = _last[protocol].Span;
            var span = records.Span;
            for (int i = 0; (i + 1) * RecordSize <= span.Length && (i + 1) * TcpInfoSlot.Size <= slots.Length; i++)
            {
                ulong inode = BinaryPrimitives.ReadUInt32LittleEndian(span[(i * RecordSize + InodeOffset)..]);
                if (inode != 0 && TcpInfoSlot.Read(slots.Slice(i * TcpInfoSlot.Size, TcpInfoSlot.Size)) is { } info)
                {
                    counters[inode] = info;
                }
            }
        }

        return _counters = counters;
    }

    /// <summary>Every slot's counters equal (the records, hence the sockets and their order, are known to be the same).</summary>
    private static bool SameCounters(ReadOnlySpan<byte> lastSlots, ReadOnlySpan<byte> slots)
    {
        if (slots.Length != lastSlots.Length)
        {
            return false;
        }

        for (int offset = 0; offset + TcpInfoSlot.Size <= slots.Length; offset += TcpInfoSlot.Size)
        {
            if (!TcpInfoSlot.SameCounters(slots[offset..], lastSlots[offset..]))
            {
                return false;
            }
        }

        return true;
    }
}
