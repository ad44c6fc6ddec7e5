using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Live;

/// <summary>What one poll produced: a new snapshot, or the error of a scan that failed (the last good one stays).</summary>
public sealed record RefreshResult(Snapshot? Snapshot, string? Error, TimeSpan ScanTime)
{
    /// <summary>In a view of several hosts (<c>--ssh</c>): every host's status, in order; empty for this machine alone.</summary>
    public IReadOnlyList<Remote.HostStatus> Hosts { get; init; } = [];

    public static RefreshResult Ok(Snapshot snapshot, TimeSpan scanTime) => new(snapshot, null, scanTime);

    public static RefreshResult Failed(Exception error, TimeSpan scanTime) =>
        new(null, $"refresh failed: {error.GetType().Name}: {error.Message.ReplaceLineEndings(" ")}", scanTime);
}
