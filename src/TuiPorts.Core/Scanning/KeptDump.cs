using TuiPorts.Core.Netlink;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// One sock_diag dump's records and decoded tables from the last refresh: while a new dump is byte for byte the same
/// (a quiet machine), the same table objects are handed back, so nothing downstream decodes, joins or redraws.
/// </summary>
internal sealed class KeptDump
{
    public delegate IReadOnlyList<NetTable> Decoder(ReadOnlySpan<byte> records);

    private RecordBuffer _next = new();
    private RecordBuffer? _records;
    private string? _filter;
    private IReadOnlyList<NetTable> _tables = [];

    /// <summary>The buffer the next dump is read into.</summary>
    public RecordBuffer Next => _next;

    /// <summary>The records behind the tables <see cref="Accept"/> last returned.</summary>
    public RecordBuffer Records => _records ?? _next;

    /// <summary>Whether the last <see cref="Accept"/> handed back the kept tables.</summary>
    public bool Unchanged { get; private set; }

    /// <summary>The kept tables when the dump in <see cref="Next"/> equals the kept one under the same filter, else the decoded dump (kept from now on).</summary>
    public IReadOnlyList<NetTable> Accept(string? filter, Decoder decode)
    {
        Unchanged = _records is not null && _filter == filter && _records.Span.SequenceEqual(_next.Span);
        if (Unchanged)
        {
            return _tables;
        }

        _tables = decode(_next.Span);
        (_records, _next) = (_next, _records ?? new RecordBuffer()); // the old buffer takes the next dump
        _filter = filter;
        return _tables;
    }

    /// <summary>Forgets the kept dump (the kernel refused a request: the next one starts afresh).</summary>
    public void Forget() => _records = null;
}
