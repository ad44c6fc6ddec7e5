using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Live;

/// <summary>
/// Every timing of the live refresh in one place: the interval (its default and bounds, as <c>--interval</c> takes
/// it), the full fd rescan that bounds holder staleness, the heartbeat of <c>--stream</c>, how long new and gone rows
/// stay marked, and how long host updates that arrive together are gathered. The CLI builds one; the UI, <c>--stream</c>
/// and <c>soak</c> read it. Change a timing here and nowhere else.
/// </summary>
public sealed record RefreshSettings(TimeSpan Interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(0.2);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);

    /// <summary>The heartbeat period of <c>--stream</c> unless told otherwise (the wire's <c>Heartbeat</c> says it too).</summary>
    public static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(2);

    public static RefreshSettings Default { get; } = new(DefaultInterval);

    /// <summary>Every process's fds are walked again at least this often, whatever the shortcuts skipped.</summary>
    public TimeSpan FullRescanPeriod { get; init; } = HolderScanner.DefaultFullRescanPeriod;

    /// <summary><c>--stream</c> writes a heartbeat line when nothing was written for this long (<c>--heartbeat</c>).</summary>
    public TimeSpan Heartbeat { get; init; } = DefaultHeartbeat;

    /// <summary>How long host updates that arrive together (<c>--ssh</c>) are gathered before the table is rebuilt once.</summary>
    public TimeSpan HostsSettle { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a new (<c>+</c>) or gone (<c>-</c>) row stays marked: two refreshes, at least two seconds.</summary>
    public TimeSpan MarkLifetime => MarkLifetimeFor(Interval);

    public static TimeSpan MarkLifetimeFor(TimeSpan interval) => TimeSpan.FromSeconds(Math.Max(2, interval.TotalSeconds * 2));
}
