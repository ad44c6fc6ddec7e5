namespace TuiPorts.Core.Remote;

/// <summary>
/// What one host's session may send: at most <see cref="LinesPerSecond"/> lines and <see cref="BytesPerSecond"/>
/// bytes a second on average (token buckets, with a burst allowance; the first line, the whole snapshot, is bounded by
/// the line cap instead). A stream writes one line per scan at most, plus a heartbeat: a host over budget is flooding,
/// and becomes a host error instead of a core's worth of JSON parsing. Time comes from the caller, monotonic (virtual in
/// tests): a wall-clock step forward must not refill the buckets.
/// </summary>
public sealed class HostBudget
{
    public const int LinesPerSecond = 20;
    public const int LineBurst = 50;
    public const long BytesPerSecond = 4L << 20;
    public const long ByteBurst = 32L << 20;

    private double _lines = LineBurst;
    private double _bytes = ByteBurst;
    private TimeSpan? _last;
    private bool _first = true;

    /// <summary>Takes one line of <paramref name="bytes"/>; null when it fits, else what was exceeded.</summary>
    public string? Take(TimeSpan now, long bytes)
    {
        if (_last is { } last && now > last)
        {
            double seconds = (now - last).TotalSeconds;
            _lines = Math.Min(LineBurst, _lines + (seconds * LinesPerSecond));
            _bytes = Math.Min(ByteBurst, _bytes + (seconds * BytesPerSecond));
        }

        _last = now;
        if (_first)
        {
            _first = false;
            return null;
        }

        _lines -= 1;
        _bytes -= bytes;
        return _lines < 0 ? Presentation.Wording.OverLineBudget(LinesPerSecond)
            : _bytes < 0 ? Presentation.Wording.OverByteBudget(BytesPerSecond)
            : null;
    }
}
