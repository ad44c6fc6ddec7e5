
namespace TuiPorts.Core.Live;

/// <summary>What one poll produced: a new snapshot, or the failure of a scan (the last good snapshot stays).</summary>
public sealed record RefreshResult(Snapshot? Snapshot, ScanFailure? Failure, TimeSpan ScanTime)
{
    /// <summary>In a view of several hosts (<c>--ssh</c>): every host's status, in order; empty for this machine alone.</summary>
    public IReadOnlyList<TuiPorts.Core.Model.HostStatus> Hosts { get; init; } = [];

    public static RefreshResult Ok(Snapshot snapshot, TimeSpan scanTime) => new(snapshot, null, scanTime);

    public static RefreshResult Failed(Exception error, TimeSpan scanTime) => new(null, ScanFailure.Of(error), scanTime);
}

/// <summary>Why a scan failed, as facts: the exception's type and its message on one line (Wording words it).</summary>
public sealed record ScanFailure(string Kind, string Message)
{
    public static ScanFailure Of(Exception error) => new(error.GetType().Name, error.Message.ReplaceLineEndings(" "));
}
