namespace TuiPorts.Core.Model;

/// <summary>Where a host of a several-host view stands.</summary>
public enum HostState
{
    /// <summary>ssh started; no snapshot yet.</summary>
    Connecting,

    /// <summary>Its stream arrives: its sockets are in the table.</summary>
    Live,

    /// <summary>
    /// Connected, but no line (not even a heartbeat) for <c>Wire.Heartbeat.StaleAfter</c>: a frozen remote or a dead
    /// link. Its last sockets stay in the table, dimmed; it is live again with its next line.
    /// </summary>
    Stale,

    /// <summary>
    /// Unreachable, no tuiports there, the connection dropped or the remote side failed: the message says which (ssh's
    /// own words when it has them); a reconnect is due at <see cref="HostStatus.RetryAt"/>.
    /// </summary>
    Failed,

    /// <summary>It sent something that is not tuiports' stream; dropped, and retried like a failure.</summary>
    Garbage,
}

/// <summary>
/// One host's state, and for a failure what happened and when the next attempt is due. Moments used for a duration
/// (<see cref="RetryAt"/>, <see cref="LastLine"/>) are monotonic (<see cref="Live.Monotonic.Now"/> on the feed's time
/// provider, the screen's too); only <see cref="LastData"/>, shown as a time of day, is a wall-clock date.
/// </summary>
public sealed record HostStatus(string Host, HostState State, string? Message = null, TimeSpan? RetryAt = null)
{
    /// <summary>Counted as unreachable in the summary line: failed or sending garbage.</summary>
    public bool IsUnreachable => State is HostState.Failed or HostState.Garbage;

    /// <summary>When its last line (data or heartbeat) arrived (monotonic); for a stale host, since when it is silent.</summary>
    public TimeSpan? LastLine { get; init; }

    /// <summary>When its last data line (a snapshot or a change) arrived, as a date (shown: "last data 12:01:07").</summary>
    public DateTimeOffset? LastData { get; init; }

    /// <summary>Its traffic and lag, read when the hosts list (H) is shown; null for this machine.</summary>
    public HostMeter? Meter { get; init; }

    /// <summary>Equal by what it says; the meter is a live counter, not part of the value.</summary>
    public bool Equals(HostStatus? other) =>
        other is not null && Host == other.Host && State == other.State && Message == other.Message && RetryAt == other.RetryAt
        && LastLine == other.LastLine && LastData == other.LastData;

    public override int GetHashCode() => HashCode.Combine(Host, State, Message, RetryAt, LastLine, LastData);
}

/// <summary>One host's latest news: its status, and its sockets while it has any to show (null otherwise).</summary>
public sealed record HostSnapshot(HostStatus Status, Snapshot? Snapshot)
{
    public string Host => Status.Host;
}
