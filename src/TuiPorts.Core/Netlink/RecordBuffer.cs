namespace TuiPorts.Core.Netlink;

/// <summary>
/// A growable byte buffer reused from dump to dump: a 10k-socket table is ~720 KB of records, and allocating that
/// afresh every second lands on the large-object heap and wakes full garbage collections.
/// </summary>
public sealed class RecordBuffer
{
    private byte[] _data = new byte[16 * 1024];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Drops what was appended after the first <paramref name="length"/> bytes.</summary>
    public void Truncate(int length) => Length = Math.Min(Length, Math.Max(0, length));

    /// <summary>The bytes it holds without growing.</summary>
    public int Capacity => _data.Length;

    /// <summary>
    /// Makes room for <paramref name="bytes"/> in all (kept: what it holds): a dump of known size is read without
    /// doubling through a series of outgrown arrays (50k sockets: 8 MB of them, on the large-object heap).
    /// </summary>
    public void Reserve(int bytes)
    {
        if (bytes > _data.Length)
        {
            var data = new byte[bytes];
            Span.CopyTo(data);
            _data = data;
        }
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + bytes.Length));
        }

        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }
}
