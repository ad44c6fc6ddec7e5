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
}
