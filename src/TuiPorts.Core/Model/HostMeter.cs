namespace TuiPorts.Core.Model;

/// <summary>
/// One remote host's traffic, updated by its feed on every line and read by the hosts list (H): when data and lines
/// last arrived, how far behind its clock the last line was (lag, including any clock difference), and bytes per
/// second over the current session. Thread-safe; cheap enough for every line. The rate is measured on the monotonic
/// clock (<see cref="Live.Monotonic"/>); the last data time is a date, for showing; the lag compares two wall clocks
/// (this one and the host's), which is what it is meant to show.
/// </summary>
public sealed class HostMeter
{
    private readonly Lock _gate = new();
    private TimeSpan? _sessionStart;
    private long _sessionBytes;
    private DateTimeOffset? _lastData;
    private TimeSpan? _lag;
    private TimeSpan? _lastScan;
    private long _totalBytes;

    public DateTimeOffset? LastData { get { lock (_gate) { return _lastData; } } }

    /// <summary>Arrival time minus the host's own time on its last heartbeat or snapshot (null before the first).</summary>
    public TimeSpan? Lag { get { lock (_gate) { return _lag; } } }

    /// <summary>The host's last scan's duration, from its last heartbeat.</summary>
    public TimeSpan? LastScan { get { lock (_gate) { return _lastScan; } } }

    public long TotalBytes { get { lock (_gate) { return _totalBytes; } } }

    /// <summary>A new ssh session starts: the rate counts from here.</summary>
    public void SessionStarted(TimeSpan now)
    {
        lock (_gate)
        {
            _sessionStart = now;
            _sessionBytes = 0;
        }
    }

    /// <param name="date">The wall clock now: the last data time shown, and the lag against the host's clock.</param>
    public void Line(DateTimeOffset date, int bytes, bool data, DateTimeOffset? remoteTime, TimeSpan? lastScan)
    {
        lock (_gate)
        {
            _sessionBytes += bytes;
            _totalBytes += bytes;
            if (data)
            {
                _lastData = date;
            }

            if (remoteTime is { } at)
            {
                _lag = date - at;
            }

            if (lastScan is { } scan)
            {
                _lastScan = scan;
            }
        }
    }

    /// <summary>Bytes per second since the session started (0 without one); <paramref name="now"/> is monotonic.</summary>
    public double BytesPerSecond(TimeSpan now)
    {
        lock (_gate)
        {
            double seconds = _sessionStart is { } start ? (now - start).TotalSeconds : 0;
            return seconds >= 1 ? _sessionBytes / seconds : _sessionBytes;
        }
    }
}
