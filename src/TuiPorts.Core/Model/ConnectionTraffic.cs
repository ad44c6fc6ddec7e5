
namespace TuiPorts.Core.Model;

/// <summary>Bytes per second in and out of one connection, and its retransmissions per second, between two scans.</summary>
public readonly record struct ConnectionRate(double RxBytesPerSecond, double TxBytesPerSecond, double RetransmitsPerSecond)
{
    public double TotalBytesPerSecond => RxBytesPerSecond + TxBytesPerSecond;
}

/// <summary>
/// The tcp_info of every TCP connection of tuiports' own network namespace (by socket inode), and the rates between
/// this scan and the one before. Only sock_diag gives tcp_info: the /proc/net fallback, other namespaces and remote
/// hosts have none (<see cref="Available"/> false). Rates hold only connections that moved.
/// </summary>
public sealed class ConnectionTraffic
{
    private static readonly Dictionary<ulong, TcpInfo> NoCounters = [];
    private static readonly Dictionary<ulong, ConnectionRate> NoRates = [];

    public ConnectionTraffic(IReadOnlyDictionary<ulong, TcpInfo> counters, IReadOnlyDictionary<ulong, ConnectionRate> rates, bool available = true)
    {
        Counters = counters;
        Rates = rates;
        Available = available;
    }

    /// <summary>No tcp_info was read (the /proc/net fallback, a fixture, a merged view of several hosts).</summary>
    public static ConnectionTraffic Unavailable { get; } = new(NoCounters, NoRates, available: false);

    public bool Available { get; }

    public IReadOnlyDictionary<ulong, TcpInfo> Counters { get; }

    public IReadOnlyDictionary<ulong, ConnectionRate> Rates { get; }

    public TcpInfo? InfoOf(ulong inode) => inode != 0 && Counters.TryGetValue(inode, out var info) ? info : null;

    /// <summary>The connection's rates; zero when it did not move (or was not seen before).</summary>
    public ConnectionRate RateOf(ulong inode) => Rates.TryGetValue(inode, out var rate) ? rate : default;

    /// <summary>Same counters and same rates: nothing on screen would change.</summary>
    public bool SameAs(ConnectionTraffic other) => ReferenceEquals(this, other)
        || Available == other.Available && Same(Counters, other.Counters) && Same(Rates, other.Rates);

    private static bool Same<T>(IReadOnlyDictionary<ulong, T> a, IReadOnlyDictionary<ulong, T> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (inode, value) in a)
        {
            if (!b.TryGetValue(inode, out var other) || !EqualityComparer<T>.Default.Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }
}
