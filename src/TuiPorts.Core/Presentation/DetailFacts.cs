using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// What the detail pane shows beyond the snapshot, read off the UI thread: each holder's open fds, its parent's name,
/// and what each of its <c>socket:[N]</c> fds is (<c>tcp 127.0.0.1:8081 LISTEN</c>, a unix socket's path).
/// </summary>
public sealed record DetailFacts(
    IReadOnlyDictionary<int, FdListing> Fds,
    IReadOnlyDictionary<int, string> ParentNames,
    IReadOnlyDictionary<string, string> SocketTargets)
{
    public static DetailFacts Empty { get; } = new(
        new Dictionary<int, FdListing>(), new Dictionary<int, string>(), new Dictionary<string, string>());

    /// <summary>For a socket of a remote host: nothing is read here (this machine's /proc knows nothing of it).</summary>
    public static DetailFacts ForRemoteHost { get; } = Empty with { Remote = true };

    /// <summary>True for <see cref="ForRemoteHost"/>: the pane says the fds are not shown instead of listing any.</summary>
    public bool Remote { get; init; }
}
