
namespace TuiPorts.Core.Scanning;

/// <summary>
/// Turns successive tcp_info counters into per-connection rates: the growth of each counter since the previous
/// reading over the time between the two. Unchanged counters (the very same object, as the table source hands back
/// for a quiet dump) after a quiet reading give the very same <see cref="ConnectionTraffic"/>, so an idle machine's
/// snapshot stays the same object; the first quiet reading after traffic gives zero rates once.
/// </summary>
public sealed class TrafficMeter
{
    private ConnectionTraffic _last = ConnectionTraffic.Unavailable;
    private TimeSpan _lastAt;

    /// <param name="counters">This reading's tcp_info by inode, or null when none could be read (the /proc/net fallback).</param>
    /// <param name="at">
    /// When it was read, on a monotonic clock from any fixed origin (the scan's TimeProvider timestamp): a rate is a
    /// duration's work, and a wall clock stepped back would make it negative or huge.
    /// </param>
    public ConnectionTraffic Next(IReadOnlyDictionary<ulong, TcpInfo>? counters, TimeSpan at)
    {
        var previous = _last;
        double seconds = (at - _lastAt).TotalSeconds;
        _lastAt = at;
        if (counters is null)
        {
            return _last = ConnectionTraffic.Unavailable;
        }

        if (ReferenceEquals(counters, previous.Counters))
        {
            return previous.Rates.Count == 0 ? previous : _last = new ConnectionTraffic(counters, new Dictionary<ulong, ConnectionRate>());
        }

        var rates = new Dictionary<ulong, ConnectionRate>();
        if (previous.Available && seconds > 0)
        {
            foreach (var (inode, now) in counters)
            {
                if (previous.Counters.TryGetValue(inode, out var before) && !ReferenceEquals(now, before) && !now.Equals(before))
                {
                    var rate = new ConnectionRate(
                        Growth(before.BytesReceived, now.BytesReceived) / seconds,
                        Growth(before.BytesOut, now.BytesOut) / seconds,
                        Growth((ulong)before.TotalRetrans, (ulong)now.TotalRetrans) / seconds);
                    if (rate != default)
                    {
                        rates[inode] = rate;
                    }
                }
            }
        }

        return _last = new ConnectionTraffic(counters, rates);
    }

    /// <summary>How much a counter grew; 0 when unknown or when it went back (a reused inode).</summary>
    private static double Growth(ulong? before, ulong? now) => before is { } b && now is { } n && n > b ? n - b : 0;
}
