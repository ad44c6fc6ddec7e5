using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Remote;

/// <summary>Where a host of a several-host view stands.</summary>
public enum HostState
{
    /// <summary>ssh started; no snapshot yet.</summary>
    Connecting,

    /// <summary>Its stream arrives: its sockets are in the table.</summary>
    Live,

    /// <summary>
    /// Unreachable, no tuiports there, the connection dropped or the remote side failed: the message says which (ssh's
    /// own words when it has them); a reconnect is due at <see cref="HostStatus.RetryAt"/>.
    /// </summary>
    Failed,

    /// <summary>It sent something that is not tuiports' stream; dropped, and retried like a failure.</summary>
    Garbage,
}

/// <summary>One host's state, and for a failure what happened and when the next attempt is due.</summary>
public sealed record HostStatus(string Host, HostState State, string? Message = null, DateTimeOffset? RetryAt = null)
{
    /// <summary>Counted as unreachable in the summary line: failed or sending garbage.</summary>
    public bool IsUnreachable => State is HostState.Failed or HostState.Garbage;
}

/// <summary>One host's latest news: its status, and its sockets while it has any to show (null otherwise).</summary>
public sealed record HostSnapshot(HostStatus Status, Snapshot? Snapshot)
{
    public string Host => Status.Host;
}
